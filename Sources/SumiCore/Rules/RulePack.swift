import Foundation
import SumiText

/// A rule with everything compiled: regexes, validator, and the ids of its word lists in the
/// pack's shared automaton.
public final class CompiledRule: @unchecked Sendable {
    public let rule: Rule
    public let index: Int
    let regexes: [PCRE2Regex]
    let validator: CompiledValidator?
    let keywordList: Int?
    /// Keywords that are single ASCII bytes (`@`, `:`, a space) are found with a byte scan
    /// instead of the automaton: they are frequent, and each automaton hit has a cost.
    let keywordBytes: [UInt8]
    let contextList: Int?
    let excludeList: Int?
    /// Looked up by bytes: `String` hashing normalizes every non-ASCII value first.
    let excludeValues: ByteTermSet
    let excludeRegexes: [PCRE2Regex]
    let dictionaryList: Int?
    let thenTrie: PrefixTrie?
    /// Stop words for mention rules.
    var mentionStopwords: Set<String> = []
    /// A Japanese name validator to split seed names into surname and given name.
    var nameSplitter: PersonNameValidator?
    /// Word list of weak exclusion words (`exclude.weak_words`/`weak_files`).
    var weakExcludeList: Int?
    /// `merge.stop_words`, normalized and lower-cased, as bytes.
    var mergeStopWords: [[UInt8]] = []
    /// `prefilter.pattern`, compiled.
    var prefilter: PCRE2Regex?

    init(rule: Rule, index: Int, regexes: [PCRE2Regex], validator: CompiledValidator?, keywordList: Int?, keywordBytes: [UInt8],
         contextList: Int?, excludeList: Int?, excludeValues: ByteTermSet, excludeRegexes: [PCRE2Regex],
         dictionaryList: Int?, thenTrie: PrefixTrie?) {
        self.rule = rule
        self.index = index
        self.regexes = regexes
        self.validator = validator
        self.keywordList = keywordList
        self.keywordBytes = keywordBytes
        self.contextList = contextList
        self.excludeList = excludeList
        self.excludeValues = excludeValues
        self.excludeRegexes = excludeRegexes
        self.dictionaryList = dictionaryList
        self.thenTrie = thenTrie
    }
}

/// How a validator runs: a byte predicate, or a name check that may narrow the value.
enum CompiledValidator: Sendable {
    case bytes(String, ValidatorFunction)
    case personName(PersonNameValidator)

    var name: String {
        switch self {
        case .bytes(let n, _): return n
        case .personName(let v): return v.name
        }
    }
}

/// All rules of a rules folder, compiled once and shared by every scanning thread.
public final class RulePack: @unchecked Sendable {
    public let rules: [CompiledRule]
    /// The folder the rules came from (dictionary paths are resolved against `dictionaries/` in it).
    public let root: URL?
    let automaton: Automaton
    /// For each automaton term, the word lists it belongs to.
    let termLists: [[Int32]]
    let listCount: Int
    /// A short name per word list (its files, or its first words), for profiles.
    public let listNames: [String]
    /// Largest capture count of any pattern, to size match data.
    let maxCaptures: Int
    public let labels: Set<String>
    /// Values, patterns and paths whose findings are never reported.
    public let allowlist: Allowlist
    /// Label of each rule as a small integer (label comparisons on the hot path).
    let labelIDs: [Int]
    let labelNames: [String]

    /// The labels the default packs promise; other labels are allowed but `rules lint` flags them.
    public static let knownLabels: Set<String> = [
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_PASSPORT",
        "JP_DRIVERS_LICENSE", "JP_RESIDENCE_CARD", "JP_BASIC_PENSION_NUMBER", "JP_BANK_ACCOUNT",
        "JP_POSTAL_CODE", "ADDRESS", "DATE_OF_BIRTH", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
        "MEDICAL", "CRIMINAL_RECORD", "CRIME_VICTIM", "RACE_ETHNICITY", "CREED", "DISABILITY",
        "SEXUAL_ORIENTATION", "SOCIAL_STATUS",
    ]
    public static let identifierLabels: Set<String> = [
        "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_PASSPORT",
        "JP_DRIVERS_LICENSE", "JP_RESIDENCE_CARD", "JP_BASIC_PENSION_NUMBER", "JP_BANK_ACCOUNT",
        "JP_POSTAL_CODE", "ADDRESS", "DATE_OF_BIRTH", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
    ]
    public static let specialCareLabels: Set<String> = [
        "MEDICAL", "CRIMINAL_RECORD", "CRIME_VICTIM", "RACE_ETHNICITY", "CREED", "DISABILITY",
        "SEXUAL_ORIENTATION", "SOCIAL_STATUS",
    ]

    /// Loads every `*.yaml`/`*.yml` rule file under `directory` (recursively; files without a
    /// top-level `rules:` key, such as policies, are skipped).
    /// Loads every `*.yaml`/`*.yml` rule file under `directory` (recursively; files without a
    /// top-level `rules:` key, such as policies, are skipped), and applies the folder's
    /// `sumi.yaml`: `extends` another pack (its rules come first; a rule of the same id here
    /// replaces it), `disable`, `override` and `allowlist`.
    public convenience init(directory: URL) throws {
        let layered = try RulePack.layered(directory: directory, depth: 0)
        try self.init(rules: layered.rules, roots: layered.roots, allowlist: layered.allowlist)
    }

    static func readRules(in directory: URL) throws -> [Rule] {
        var rules: [Rule] = []
        for file in try ruleFiles(in: directory) {
            let text: String
            do { text = try String(contentsOf: file, encoding: .utf8) } catch {
                throw RuleError(file: file.path, line: 0, reason: "cannot read: \(error.localizedDescription)")
            }
            rules += try RuleFileParser.parse(yaml: text, file: file.path)
        }
        return rules
    }

    static func layered(directory: URL, depth: Int) throws -> (rules: [Rule], roots: [URL], allowlist: Allowlist) {
        let own = try readRules(in: directory)
        guard let config = try PackConfig.load(directory: directory) else { return (own, [directory], Allowlist()) }
        func fail(_ line: Int, _ reason: String) -> RuleError { RuleError(file: config.file, line: line, reason: reason) }
        var rules: [Rule] = []
        var roots = [directory]
        var allowlist = Allowlist()
        if let base = config.extends {
            guard depth < 8 else { throw fail(0, "`extends` chain is too deep (a cycle?)") }
            let baseDir: URL?
            if base == "default" { baseDir = RulePack.defaultDirectory() }
            else if base.hasPrefix("/") { baseDir = URL(fileURLWithPath: base) }
            else { baseDir = directory.appendingPathComponent(base).standardizedFileURL }
            guard let baseDir, baseDir.standardizedFileURL != directory.standardizedFileURL else {
                throw fail(0, "cannot find the pack to extend: \(base)")
            }
            let b = try layered(directory: baseDir, depth: depth + 1)
            let ownIDs = Set(own.map(\.id))
            rules = b.rules.filter { !ownIDs.contains($0.id) }
            roots += b.roots
            allowlist = b.allowlist
        }
        rules += own
        var index = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, line) in config.disable {
            guard index[id] != nil else { throw fail(line, "disable: no rule `\(id)`") }
        }
        let disabled = Set(config.disable.map(\.id))
        for o in config.overrides {
            guard let i = index[o.id] else { throw fail(o.line, "override: no rule `\(o.id)`") }
            if let sc = o.score { rules[i].score = sc }
            if !o.context.isEmpty {
                var c = rules[i].context ?? ContextSpec()
                c.words.words += o.context
                rules[i].context = c
            }
        }
        rules.removeAll { disabled.contains($0.id) }
        index = [:]
        for v in config.allowValues { allowlist.values.insert(WordListBuilder.key(v)) }
        for (p, line) in config.allowPatterns {
            do { allowlist.patterns.append(try PCRE2Regex(ScriptClasses.expand(p), caseInsensitive: true, whole: true)) } catch let e as RegexCompileError {
                throw fail(line, "allowlist pattern does not compile: \(e.message) at offset \(e.offset): \(p)")
            }
        }
        allowlist.paths += config.allowPaths
        return (rules, roots, allowlist)
    }

    static func ruleFiles(in directory: URL) throws -> [URL] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw RuleError(file: directory.path, line: 0, reason: "rules folder not found")
        }
        guard let e = fm.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var out: [URL] = []
        for case let url as URL in e where ["yaml", "yml"].contains(url.pathExtension) {
            out.append(url)
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Compiles rules. Dictionary files are resolved against `root/dictionaries/`, then `root`.
    public convenience init(rules: [Rule], root: URL?) throws {
        try self.init(rules: rules, roots: root.map { [$0] } ?? [], allowlist: Allowlist())
    }

    /// Compiles rules. Dictionary files are resolved against each root's `dictionaries/`, then
    /// the root itself, in order (a layered pack's own folder first).
    public init(rules: [Rule], roots: [URL], allowlist: Allowlist) throws {
        self.root = roots.first
        self.allowlist = allowlist
        var seen: [String: Rule] = [:]
        for r in rules {
            if let prev = seen[r.id] {
                throw RuleError(file: r.file, line: r.line, ruleID: r.id,
                                reason: "duplicate rule id (first defined at \(prev.file):\(prev.line))")
            }
            seen[r.id] = r
        }
        var builder = WordListBuilder(roots: roots)
        var compiled: [CompiledRule] = []
        var maxCaps = 1
        var trieCache: [String: PrefixTrie] = [:]
        var validatorCache: [String: PersonNameValidator] = [:]
        var termSetCache: [String: ByteTermSet] = [:]
        for (index, rule) in rules.enumerated() {
            func fail(_ reason: String) -> RuleError {
                RuleError(file: rule.file, line: rule.line, ruleID: rule.id, reason: reason)
            }
            var regexes: [PCRE2Regex] = []
            for p in rule.patterns {
                do {
                    let re = try PCRE2Regex(ScriptClasses.expand(p), caseInsensitive: rule.caseInsensitive, limits: rule.limits,
                                            anchored: rule.keywordsAnchored)
                    maxCaps = max(maxCaps, re.captureCount)
                    regexes.append(re)
                } catch let e as RegexCompileError {
                    throw fail("pattern does not compile: \(e.message) at offset \(e.offset): \(p)")
                }
            }
            var excludeRegexes: [PCRE2Regex] = []
            for p in rule.exclude?.patterns ?? [] {
                do {
                    excludeRegexes.append(try PCRE2Regex(ScriptClasses.expand(p), caseInsensitive: true, limits: rule.limits, whole: true))
                } catch let e as RegexCompileError {
                    throw fail("exclude pattern does not compile: \(e.message) at offset \(e.offset): \(p)")
                }
            }
            maxCaps = max(maxCaps, excludeRegexes.map(\.captureCount).max() ?? 0)
            var validator: CompiledValidator?
            if let spec = rule.validator {
                if let f = Validators.builtin[spec.name] {
                    validator = .bytes(spec.name, f)
                } else if spec.name == "person_name" {
                    let key = spec.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                    if let v = validatorCache[key] {
                        validator = .personName(v)
                    } else {
                        let v = try PersonNameValidator(parameters: spec.parameters, load: { file in
                            if let set = termSetCache[file] { return set }
                            let set = ByteTermSet(try builder.readTerms(file))
                            termSetCache[file] = set
                            return set
                        }, fail: fail)
                        validatorCache[key] = v
                        validator = .personName(v)
                    }
                } else {
                    let known = (Array(Validators.builtin.keys) + ["person_name"]).sorted().joined(separator: ", ")
                    throw fail("unknown validator `\(spec.name)` (known: \(known))")
                }
            }
            var keywordBytes: [UInt8] = []
            var keywordList: Int? = nil
            if let k = rule.keywords {
                let bytes = k.words.map { Array($0.utf8) }
                if k.files.isEmpty && !bytes.isEmpty && bytes.allSatisfy({ $0.count == 1 && $0[0] < 0x80 }) && !rule.keywordsAnchored {
                    keywordBytes = bytes.map { $0[0] }
                } else {
                    keywordList = try builder.list(k, fail: fail)
                }
            }
            let contextList = try rule.context.flatMap { $0.words.isEmpty ? nil : try builder.list($0.words, fail: fail) }
            let excludeList = try rule.exclude.flatMap { $0.words.isEmpty ? nil : try builder.list($0.words, fail: fail) }
            // A stop word drops a dictionary hit only when it is the very same term, so the
            // stop words are taken out of the list once here instead of being searched for in
            // every text (they are common words: on the bench corpus they were 600k hits).
            let dictionaryList = try rule.dictionary.map { try builder.list($0.terms, minus: $0.stopwords, fail: fail) }
            var thenTrie: PrefixTrie? = nil
            if let then = rule.dictionary?.then {
                let key = then.files.sorted().joined(separator: "\u{1}") + "\u{2}" + then.words.joined(separator: "\u{1}")
                if let cached = trieCache[key] { thenTrie = cached } else {
                    var words = then.words.map(WordListBuilder.key)
                    for f in then.files { words += try builder.readTerms(f, fail: fail) }
                    let trie = PrefixTrie(terms: words.map { Array($0.utf8) })
                    trieCache[key] = trie
                    thenTrie = trie
                }
            }
            let compiledRule = CompiledRule(
                rule: rule, index: index, regexes: regexes, validator: validator,
                keywordList: keywordList, keywordBytes: keywordBytes, contextList: contextList, excludeList: excludeList,
                excludeValues: ByteTermSet((rule.exclude?.values ?? []).map(WordListBuilder.key)),
                excludeRegexes: excludeRegexes, dictionaryList: dictionaryList, thenTrie: thenTrie)
            if let pf = rule.prefilter {
                do {
                    compiledRule.prefilter = rule.prefilterBytes
                        ? try PCRE2Regex(pf, caseInsensitive: rule.caseInsensitive, limits: rule.limits, bytes: true)
                        : try PCRE2Regex(ScriptClasses.expand(pf), caseInsensitive: rule.caseInsensitive, limits: rule.limits)
                } catch let e as RegexCompileError {
                    throw fail("prefilter pattern does not compile: \(e.message) at offset \(e.offset): \(pf)")
                }
            }
            compiledRule.weakExcludeList = try rule.exclude.flatMap { $0.weak.isEmpty ? nil : try builder.list($0.weak, fail: fail) }
            compiledRule.mergeStopWords = (rule.merge?.stopWords ?? []).map { Array(WordListBuilder.key($0).utf8) }.filter { !$0.isEmpty }
            compiled.append(compiledRule)
        }
        // Mention rules: stop words, and a Japanese name validator to split names with.
        let splitter = validatorCache.values.first { $0.script == .ja && !$0.surnames.isEmpty }
        for c in compiled {
            guard let m = c.rule.mentions else { continue }
            var stop = Set<String>()
            for f in m.stopwords.files { for w in try builder.readTerms(f) { stop.insert(w) } }
            c.mentionStopwords = stop
            c.nameSplitter = splitter
        }
        self.rules = compiled
        self.automaton = Automaton(terms: builder.terms.map { Array($0.utf8) })
        self.termLists = builder.termLists
        self.listCount = builder.listCount
        self.listNames = builder.listNames
        self.maxCaptures = maxCaps
        self.labels = Set(rules.map(\.label))
        let names = Array(Set(rules.map(\.label))).sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        self.labelNames = names
        self.labelIDs = rules.map { index[$0.label]! }
    }

    /// The bundled rules folder: `$SUMI_RULES`, then `rules/` next to the executable or in one of
    /// its parent folders (a checkout's `.build/release/sumi` finds the checkout's `rules/`),
    /// then `share/sumi/rules` beside the installed binary, then `./rules`.
    public static func defaultDirectory() -> URL? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SUMI_RULES"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("rules"))
            candidates.append(dir.appendingPathComponent("share/sumi/rules"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("rules"))
        for c in candidates {
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: c.appendingPathComponent("dictionaries").path, isDirectory: &isDir), isDir.boolValue {
                return c
            }
        }
        return nil
    }
}

/// Collects the word lists of all rules into one term table for the automaton.
struct WordListBuilder {
    let roots: [URL]
    var terms: [String] = []
    var termIndex: [String: Int] = [:]
    var termLists: [[Int32]] = []
    var listCount = 0
    var listNames: [String] = []
    var listBySignature: [String: Int] = [:]
    var fileCache: [String: [String]] = [:]

    init(roots: [URL]) { self.roots = roots }

    /// Normalized, ASCII-lower-cased form used for every comparison with dictionary terms.
    static func key(_ s: String) -> String {
        // Whitespace-only words (a space as a keyword) are kept as they are.
        let trimmed = s.trimmingCharacters(in: .whitespaces)
        let n = Normalizer.normalize(trimmed.isEmpty ? s : trimmed)
        return String(decoding: n.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    func resolve(_ file: String) -> URL? {
        let fm = FileManager.default
        if file.hasPrefix("/") { return URL(fileURLWithPath: file) }
        for root in roots {
            for base in [root.appendingPathComponent("dictionaries"), root] {
                let u = base.appendingPathComponent(file)
                if fm.fileExists(atPath: u.path) { return u }
            }
        }
        return nil
    }

    mutating func readTerms(_ file: String, fail: (String) -> RuleError) throws -> [String] {
        do { return try readTerms(file) } catch let e as RuleError { throw fail(e.reason) }
    }

    /// Reads a term file: one term a line, `#` starts a comment line, blank lines ignored.
    mutating func readTerms(_ file: String) throws -> [String] {
        if let cached = fileCache[file] { return cached }
        guard let url = resolve(file) else {
            throw RuleError(file: file, line: 0, reason: "dictionary file not found: \(file)")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw RuleError(file: url.path, line: 0, reason: "dictionary file is not readable")
        }
        // Work on bytes: dictionaries hold tens of thousands of lines and load on every run.
        var raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { raw.removeFirst(3) }
        if let bad = raw.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) {
            throw RuleError(file: url.path, line: raw[..<bad].filter { $0 == 0x0A }.count + 1, reason: "dictionary file is not valid UTF-8")
        }
        let bytes = Normalizer.normalize(raw).bytes
        var out: [String] = []
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var a = lineStart, b = lineEnd
            while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
            while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 || bytes[b - 1] == 0x0D) { b -= 1 }
            if a < b && bytes[a] != 0x23 {
                out.append(String(decoding: bytes[a..<b].map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self))
            }
            lineStart = lineEnd + 1
        }
        fileCache[file] = out
        return out
    }

    /// The id of the word list of `set` without the terms of `minus` (lists are shared by signature).
    mutating func list(_ set: WordSet, minus: WordSet = WordSet(), fail: (String) -> RuleError) throws -> Int {
        func sig(_ w: WordSet) -> String { w.files.sorted().joined(separator: "\u{1}") + "\u{2}" + w.words.joined(separator: "\u{1}") }
        let signature = minus.isEmpty ? sig(set) : sig(set) + "\u{3}" + sig(minus)
        if let id = listBySignature[signature] { return id }
        let id = listCount
        listCount += 1
        listBySignature[signature] = id
        listNames.append(set.files.isEmpty ? set.words.prefix(3).joined(separator: ", ") + (set.words.count > 3 ? ", …" : "")
                                           : set.files.joined(separator: " + "))
        var words = set.words.map(WordListBuilder.key)
        for f in set.files { words += try readTerms(f, fail: fail) }
        var unique = Set(words)
        if !minus.isEmpty {
            unique.subtract(minus.words.map(WordListBuilder.key))
            for f in minus.files { unique.subtract(try readTerms(f, fail: fail)) }
        }
        for w in unique where !w.isEmpty {
            let t: Int
            if let existing = termIndex[w] { t = existing } else {
                t = terms.count
                terms.append(w)
                termIndex[w] = t
                termLists.append([])
            }
            termLists[t].append(Int32(id))
        }
        return id
    }
}
