import Foundation
import Yams

/// A problem in a rule file, located by file and line (and rule id when known).
public struct RuleError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var ruleID: String?
    public var reason: String

    public init(file: String, line: Int, ruleID: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.reason = reason
    }

    public var description: String {
        "\(file):\(line): \(ruleID.map { "\($0): " } ?? "")\(reason)"
    }
}

/// Reads rule files (YAML) into `Rule` values, rejecting unknown keys and wrong types with the
/// file and line, so a typo in a rule never silently disables it.
public enum RuleFileParser {
    static let ruleKeys: Set<String> = [
        "id", "label", "description", "languages", "score", "patterns", "case_insensitive", "validator",
        "keywords", "requires_digit", "prefilter", "context", "exclude", "dictionary", "mentions", "merge", "limits", "examples",
    ]

    public static func parse(yaml: String, file: String) throws -> [Rule] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw RuleError(file: file, line: yamlErrorLine(error), reason: "YAML: \(error)")
        }
        guard let root else { return [] }
        guard let map = root.mapping else {
            throw RuleError(file: file, line: line(root), reason: "a rule file is a mapping with a `rules:` list")
        }
        // Files without a `rules` key (policies, promises) are not rule files.
        guard map["rules"] != nil else { return [] }
        var rules: [Rule] = []
        for (k, v) in map {
            let key = k.string ?? ""
            switch key {
            case "rules":
                guard let seq = v.sequence else {
                    throw RuleError(file: file, line: line(v), reason: "`rules` must be a list")
                }
                for node in seq { rules.append(try parseRule(node, file: file)) }
            case "version", "description", "name":
                continue
            default:
                throw RuleError(file: file, line: line(k), reason: "unknown top-level key `\(key)`")
            }
        }
        return rules
    }

    static func yamlErrorLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    static func parseRule(_ node: Node, file: String) throws -> Rule {
        guard let map = node.mapping else {
            throw RuleError(file: file, line: line(node), reason: "each rule must be a mapping")
        }
        let id = map["id"]?.string
        func fail(_ n: Node, _ reason: String) -> RuleError {
            RuleError(file: file, line: line(n), ruleID: id, reason: reason)
        }
        guard let id, !id.isEmpty else { throw fail(node, "rule has no `id`") }
        guard let label = map["label"]?.string, !label.isEmpty else { throw fail(node, "rule has no `label`") }
        var rule = Rule(id: id, label: label)
        rule.file = file
        rule.line = line(node)
        for (k, v) in map {
            let key = k.string ?? ""
            guard ruleKeys.contains(key) else { throw fail(k, "unknown key `\(key)`") }
            switch key {
            case "description": rule.description = try string(v, key, fail)
            case "languages": rule.languages = try strings(v, key, fail)
            case "score":
                guard let s = v.float, (0...1).contains(s) else { throw fail(v, "`score` must be a number from 0 to 1") }
                rule.score = s
            case "patterns": rule.patterns = try strings(v, key, fail)
            case "case_insensitive": rule.caseInsensitive = try bool(v, key, fail)
            case "requires_digit":
                if let m = v.mapping {
                    try onlyKeys(m, ["before", "digits"], in: "requires_digit", fail)
                    rule.requiresDigit = true
                    if let b = m["before"] {
                        let n = try int(b, "before", fail)
                        guard n >= 0 else { throw fail(b, "`before` must be 0 or more") }
                        rule.digitBefore = n
                    }
                    if let d = m["digits"] {
                        let n = try int(d, "digits", fail)
                        guard n >= 1 else { throw fail(d, "`digits` must be 1 or more") }
                        rule.minDigits = n
                    }
                } else {
                    rule.requiresDigit = try bool(v, key, fail)
                }
            case "prefilter":
                let m = try mapping(v, key, fail)
                try onlyKeys(m, ["pattern", "window", "bytes"], in: "prefilter", fail)
                if let b = m["bytes"] { rule.prefilterBytes = try bool(b, "bytes", fail) }
                guard let pn = m["pattern"] else { throw fail(v, "`prefilter` needs a `pattern`") }
                rule.prefilter = try string(pn, "pattern", fail)
                if let w = m["window"] {
                    rule.prefilterWindow = try int(w, "window", fail)
                    guard rule.prefilterWindow >= 0 else { throw fail(w, "`window` must be 0 or more") }
                }
            case "validator":
                if let name = v.string {
                    rule.validator = ValidatorSpec(name: name)
                } else if let m = v.mapping {
                    guard let name = m["name"]?.string else { throw fail(v, "`validator` needs a `name`") }
                    var params: [String: String] = [:]
                    for (pk, pv) in m where pk.string != "name" {
                        params[pk.string ?? ""] = try string(pv, pk.string ?? "", fail)
                    }
                    rule.validator = ValidatorSpec(name: name, parameters: params)
                } else {
                    throw fail(v, "`validator` must be a name or a mapping with `name`")
                }
            case "keywords":
                if v.sequence != nil {
                    rule.keywords = WordSet(words: try strings(v, key, fail))
                } else {
                    let m = try mapping(v, key, fail)
                    rule.keywords = try wordSet(m, allowed: ["words", "files", "window", "anchored"], fail)
                    if let w = m["window"] {
                        if let wm = w.mapping {
                            try onlyKeys(wm, ["before", "after"], in: "window", fail)
                            guard let b = wm["before"], let a = wm["after"] else { throw fail(w, "`window` needs `before` and `after`") }
                            rule.keywordWindow = try int(b, "before", fail)
                            rule.keywordWindowAfter = try int(a, "after", fail)
                        } else {
                            rule.keywordWindow = try int(w, "window", fail)
                        }
                    }
                    if let a = m["anchored"] { rule.keywordsAnchored = try bool(a, "anchored", fail) }
                }
            case "context":
                let m = try mapping(v, key, fail)
                var c = ContextSpec()
                c.words = try wordSet(m, allowed: ["words", "files", "labels", "label_window", "window", "before", "after", "boost", "required", "list"], fail)
                if let n = m["labels"] { c.labels = try strings(n, "labels", fail) }
                if let n = m["label_window"] { c.labelWindow = try int(n, "label_window", fail) }
                if let n = m["window"] { c.before = try int(n, "window", fail); c.after = c.before }
                if let n = m["before"] { c.before = try int(n, "before", fail) }
                if let n = m["after"] { c.after = try int(n, "after", fail) }
                if let n = m["boost"] {
                    guard let b = n.float, (0...1).contains(b) else { throw fail(n, "`boost` must be a number from 0 to 1") }
                    c.boost = b
                }
                if let n = m["required"] { c.required = try bool(n, "required", fail) }
                if let n = m["list"] { c.list = try bool(n, "list", fail) }
                rule.context = c
            case "exclude":
                let m = try mapping(v, key, fail)
                var e = ExcludeSpec()
                e.words = try wordSet(m, allowed: ["words", "files", "values", "patterns", "window", "before", "after", "weak_words", "weak_files", "same_phrase"], fail)
                if let n = m["values"] { e.values = try strings(n, "values", fail) }
                if let n = m["weak_words"] { e.weak.words = try strings(n, "weak_words", fail) }
                if let n = m["weak_files"] { e.weak.files = try strings(n, "weak_files", fail) }
                if let n = m["patterns"] { e.patterns = try strings(n, "patterns", fail) }
                if let n = m["window"] { e.before = try int(n, "window", fail); e.after = e.before }
                if let n = m["before"] { e.before = try int(n, "before", fail) }
                if let n = m["after"] { e.after = try int(n, "after", fail) }
                if let n = m["same_phrase"] { e.samePhrase = try bool(n, "same_phrase", fail) }
                rule.exclude = e
            case "dictionary":
                let m = try mapping(v, key, fail)
                var d = DictionarySpec()
                d.terms = try wordSet(m, allowed: ["words", "files", "then", "then_optional", "stopwords", "capitalized"], fail)
                if let n = m["then"] {
                    if n.sequence != nil { d.then = WordSet(files: try strings(n, "then", fail)) }
                    else { d.then = try wordSet(try mapping(n, "then", fail), allowed: ["words", "files"], fail) }
                }
                if let n = m["then_optional"] { d.thenOptional = try bool(n, "then_optional", fail) }
                if let n = m["stopwords"] {
                    if n.sequence != nil { d.stopwords = WordSet(files: try strings(n, "stopwords", fail)) }
                    else { d.stopwords = try wordSet(try mapping(n, "stopwords", fail), allowed: ["words", "files"], fail) }
                }
                if let n = m["capitalized"] { d.capitalized = try bool(n, "capitalized", fail) }
                if d.terms.isEmpty { throw fail(v, "`dictionary` needs `words` or `files`") }
                rule.dictionary = d
            case "mentions":
                let m = try mapping(v, key, fail)
                var spec = MentionSpec()
                for (mk, mv) in m {
                    switch mk.string ?? "" {
                    case "of": spec.of = try strings(mv, "of", fail)
                    case "parts": spec.parts = try bool(mv, "parts", fail)
                    case "min_length": spec.minLength = try int(mv, "min_length", fail)
                    case "stopwords": spec.stopwords = WordSet(files: try strings(mv, "stopwords", fail))
                    default: throw fail(mk, "unknown key `\(mk.string ?? "")` in mentions (of, parts, min_length, stopwords)")
                    }
                }
                rule.mentions = spec
            case "merge":
                let m = try mapping(v, key, fail)
                var spec = MergeSpec()
                for (mk, mv) in m {
                    switch mk.string ?? "" {
                    case "gap":
                        spec.gap = try int(mv, "gap", fail)
                        guard spec.gap >= 0 else { throw fail(mv, "`gap` must not be negative") }
                    case "stop_words": spec.stopWords = try strings(mv, "stop_words", fail)
                    default: throw fail(mk, "unknown key `\(mk.string ?? "")` in merge (gap, stop_words)")
                    }
                }
                rule.merge = spec
            case "limits":
                let m = try mapping(v, key, fail)
                for (lk, lv) in m {
                    let value = try int(lv, lk.string ?? "", fail)
                    guard value > 0 else { throw fail(lv, "limits must be positive") }
                    switch lk.string ?? "" {
                    case "match": rule.limits.match = UInt32(clamping: value)
                    case "depth": rule.limits.depth = UInt32(clamping: value)
                    case "heap_kib": rule.limits.heapKiB = UInt32(clamping: value)
                    default: throw fail(lk, "unknown limit `\(lk.string ?? "")` (match, depth, heap_kib)")
                    }
                }
            case "examples":
                let m = try mapping(v, key, fail)
                for (ek, ev) in m {
                    switch ek.string ?? "" {
                    case "match":
                        guard let seq = ev.sequence else { throw fail(ev, "`examples.match` must be a list") }
                        for item in seq {
                            if let s = item.string, item.mapping == nil {
                                rule.examples.match.append(.init(text: s, value: nil))
                            } else if let im = item.mapping, let t = im["text"]?.string {
                                rule.examples.match.append(.init(text: t, value: im["value"]?.string))
                            } else {
                                throw fail(item, "an example is a string or {text, value}")
                            }
                        }
                    case "no_match": rule.examples.noMatch = try strings(ev, "no_match", fail)
                    default: throw fail(ek, "unknown key `\(ek.string ?? "")` in examples (match, no_match)")
                    }
                }
            default: break
            }
        }
        if rule.patterns.isEmpty && rule.dictionary == nil && rule.mentions == nil {
            throw fail(node, "rule needs `patterns`, a `dictionary` or `mentions`")
        }
        return rule
    }

    // MARK: typed accessors with located errors

    typealias Fail = (Node, String) -> RuleError

    static func string(_ n: Node, _ key: String, _ fail: Fail) throws -> String {
        guard n.scalar != nil, let s = n.string else { throw fail(n, "`\(key)` must be a string") }
        return s
    }

    static func strings(_ n: Node, _ key: String, _ fail: Fail) throws -> [String] {
        if n.scalar != nil, let s = n.string { return [s] }
        guard let seq = n.sequence else { throw fail(n, "`\(key)` must be a list of strings") }
        return try seq.map { try string($0, key, fail) }
    }

    static func bool(_ n: Node, _ key: String, _ fail: Fail) throws -> Bool {
        guard let b = n.bool else { throw fail(n, "`\(key)` must be true or false") }
        return b
    }

    static func int(_ n: Node, _ key: String, _ fail: Fail) throws -> Int {
        guard let i = n.int else { throw fail(n, "`\(key)` must be an integer") }
        return i
    }

    static func mapping(_ n: Node, _ key: String, _ fail: Fail) throws -> Node.Mapping {
        guard let m = n.mapping else { throw fail(n, "`\(key)` must be a mapping") }
        return m
    }

    /// Rejects a key of `m` that is not in `allowed`, naming the mapping and what it allows.
    static func onlyKeys(_ m: Node.Mapping, _ allowed: [String], in name: String, _ fail: Fail) throws {
        for (k, _) in m where !allowed.contains(k.string ?? "") {
            throw fail(k, "unknown key `\(k.string ?? "?")` in `\(name)` (allowed: \(allowed.joined(separator: ", ")))")
        }
    }

    static func wordSet(_ m: Node.Mapping, allowed: Set<String>, _ fail: Fail) throws -> WordSet {
        var set = WordSet()
        for (k, v) in m {
            let key = k.string ?? ""
            guard allowed.contains(key) else { throw fail(k, "unknown key `\(key)`") }
            if key == "words" { set.words = try strings(v, key, fail) }
            if key == "files" { set.files = try strings(v, key, fail) }
        }
        return set
    }
}
