import Foundation
import SumiCore
import Yams

/// The role a column plays for de-identification.
public enum ColumnRole: String, Codable, Sendable, CaseIterable {
    /// Singles out a person on its own (name, e-mail, phone, My Number, record id ...).
    case identifier
    /// Identifies in combination with others (birth date, sex, postal code, region, dates ...).
    case quasiIdentifier = "quasi_identifier"
    /// APPI special care-required information (medical, creed, disability ...).
    case sensitive
    case other
}

/// How a header matched the dictionary; the order is from strongest to weakest.
public enum HeaderMatchMethod: String, Codable, Sendable {
    case exact
    /// Matched without its parenthetical part, or by that part: 電話番号（自宅）, Bank Account (IBAN).
    case parenthetical
    /// Matched after removing known prefixes/suffixes: 顧客氏名, customer_email.
    case affix
    /// A dictionary word found inside the header, or an ending: お届け先郵便番号, arrival_date.
    case keyword
    /// No header, or a placeholder such as `col3` / `項目3`: the values decide.
    case placeholder
    /// A header the dictionary does not know.
    case unknown
}

/// What a header says about its column. `label` is nil both for unknown headers and for headers
/// the dictionary lists as not personal data (`NONE`); `method` tells them apart.
public struct HeaderEvidence: Sendable, Equatable {
    public var label: String?
    public var confidence: Double
    public var method: HeaderMatchMethod
    /// The header is listed as not personal data (注文番号, product name ...).
    public var isNotPersonal: Bool

    public static let none = HeaderEvidence(label: nil, confidence: 0, method: .unknown, isNotPersonal: false)
    public static let placeholder = HeaderEvidence(label: nil, confidence: 0, method: .placeholder, isNotPersonal: false)
}

/// The header dictionary (`rules/tables/headers.yaml`): header names per label, the role of every
/// label, affixes to strip, placeholder words, and value vocabularies.
public struct HeaderDictionary: Sendable {
    /// The label used in the file for headers that are not personal data.
    public static let notPersonalLabel = "NONE"
    static let confidenceExact = 0.95
    static let confidenceParenthetical = 0.9
    static let confidenceAffix = 0.85
    static let confidenceKeyword = 0.7

    struct Entry: Sendable {
        var tokens: [String]
        var compact: String
        /// Latin-only entries match whole words inside a header; others match as substrings.
        var isLatin: Bool
        var label: String
    }

    public private(set) var roles: [String: ColumnRole] = [:]
    /// Normalized whole-value vocabularies per label (SEX, REGION, NATIONALITY ...), and
    /// `SEX_OTHER` for answers that appear in sex columns without deciding one.
    public private(set) var valueVocabulary: [String: Set<String>] = [:]
    var exactIndex: [String: String] = [:]
    var keywords: [Entry] = []
    var endings: [Entry] = []
    var prefixes: [NormalizedHeader] = []
    var suffixes: [NormalizedHeader] = []
    var placeholderWords: Set<String> = []

    /// The bundled dictionary: `tables/headers.yaml` inside a rules folder.
    public init(rulesDirectory: URL) throws {
        try self.init(contentsOf: rulesDirectory.appendingPathComponent("tables").appendingPathComponent("headers.yaml"))
    }

    public init(contentsOf file: URL) throws {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw RuleError(file: file.path, line: 0, reason: "cannot read: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: file.path)
    }

    /// Parses a dictionary; every problem is reported with the file, line and reason.
    public init(yaml: String, file: String) throws {
        func line(_ n: Node) -> Int { n.mark?.line ?? 0 }
        func fail(_ n: Node?, _ reason: String) -> RuleError { RuleError(file: file, line: n.map(line) ?? 0, reason: reason) }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            var errorLine = 0
            switch e {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): errorLine = mark.line
            default: break
            }
            throw RuleError(file: file, line: errorLine, reason: "YAML: \(e)")
        }
        guard let root, let top = root.mapping else { throw fail(root, "the header dictionary is a mapping with `roles:` and `columns:`") }
        func stringList(_ n: Node, _ what: String) throws -> [String] {
            guard let seq = n.sequence else { throw fail(n, "`\(what)` must be a list of strings") }
            return try seq.map { item in
                guard let s = item.scalar?.string, !s.isEmpty else { throw fail(item, "`\(what)`: every entry must be a non-empty string") }
                return s
            }
        }
        var columnsNode: Node?
        var valuesNode: Node?
        for (k, v) in top {
            switch k.string ?? "" {
            case "version":
                guard v.scalar?.string == "1" else { throw fail(v, "unsupported `version` (expected 1)") }
            case "roles":
                guard let m = v.mapping else { throw fail(v, "`roles` must map labels to roles") }
                for (lk, lv) in m {
                    guard let label = lk.string, !label.isEmpty else { throw fail(lk, "a label must be a string") }
                    guard let r = lv.string.flatMap(ColumnRole.init(rawValue:)) else {
                        throw fail(lv, "label \(label): role must be one of \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    roles[label] = r
                }
            case "placeholders":
                placeholderWords = Set(try stringList(v, "placeholders").map { HeaderNormalizer.normalize($0).compact })
            case "prefixes":
                prefixes = try stringList(v, "prefixes").map(HeaderNormalizer.normalize).filter { !$0.isEmpty }
            case "suffixes":
                suffixes = try stringList(v, "suffixes").map(HeaderNormalizer.normalize).filter { !$0.isEmpty }
            case "columns": columnsNode = v
            case "values": valuesNode = v
            default:
                throw fail(k, "unknown top-level key `\(k.string ?? "")`")
            }
        }
        guard !roles.isEmpty else { throw fail(root, "missing `roles:`") }
        guard let columnsNode, let columns = columnsNode.mapping else { throw fail(columnsNode ?? root, "missing `columns:` mapping") }
        var seenAt: [String: (label: String, line: Int)] = [:]
        for (lk, lv) in columns {
            guard let label = lk.string, !label.isEmpty else { throw fail(lk, "a label must be a string") }
            guard label == Self.notPersonalLabel || roles[label] != nil else {
                throw fail(lk, "label \(label) has no role in `roles:`")
            }
            guard let m = lv.mapping else { throw fail(lv, "label \(label): expected a mapping with names/exact/endings") }
            for (kk, kv) in m {
                let kind = kk.string ?? ""
                guard ["names", "exact", "endings"].contains(kind) else {
                    throw fail(kk, "label \(label): unknown key `\(kind)` (expected names, exact or endings)")
                }
                guard let seq = kv.sequence else { throw fail(kv, "label \(label): `\(kind)` must be a list") }
                for item in seq {
                    guard let name = item.scalar?.string, !name.isEmpty else {
                        throw fail(item, "label \(label): `\(kind)` entries must be non-empty strings")
                    }
                    let norm = HeaderNormalizer.normalize(name)
                    guard !norm.isEmpty else { throw fail(item, "label \(label): `\(name)` has no letters or digits") }
                    let entry = Entry(tokens: norm.tokens, compact: norm.compact,
                                      isLatin: norm.compact.unicodeScalars.allSatisfy(\.isASCII), label: label)
                    if kind == "endings" {
                        endings.append(entry)
                        continue
                    }
                    if let seen = seenAt[entry.compact], seen.label != label {
                        throw fail(item, "header `\(name)` is listed under \(seen.label) (line \(seen.line)) and \(label)")
                    }
                    seenAt[entry.compact] = (label, line(item))
                    exactIndex[entry.compact] = label
                    if kind == "names" { keywords.append(entry) }
                }
            }
        }
        if let valuesNode {
            guard let m = valuesNode.mapping else { throw fail(valuesNode, "`values` must map labels to lists") }
            for (lk, lv) in m {
                guard let label = lk.string, roles[label] != nil || label == "SEX_OTHER" else {
                    throw fail(lk, "values: label \(lk.string ?? "?") has no role in `roles:`")
                }
                valueVocabulary[label] = Set(try stringList(lv, "values.\(label)").map { HeaderNormalizer.normalize($0).compact })
            }
        }
    }

    public func role(of label: String) -> ColumnRole { roles[label] ?? .other }

    /// What a header says. Steps from strongest to weakest; see headers.yaml for the rules.
    public func match(_ header: String?) -> HeaderEvidence {
        guard let header else { return .placeholder }
        let whole = HeaderNormalizer.normalize(header)
        if whole.isEmpty || isPlaceholder(whole) { return .placeholder }
        if let e = exact(whole.compact, .exact, Self.confidenceExact) { return e }
        let (mainText, innerTexts) = HeaderNormalizer.splitParenthetical(header)
        let main = HeaderNormalizer.normalize(mainText)
        if !innerTexts.isEmpty {
            if !main.isEmpty, let e = exact(main.compact, .parenthetical, Self.confidenceParenthetical) { return e }
            for t in innerTexts {
                let inner = HeaderNormalizer.normalize(t)
                if !inner.isEmpty, let e = exact(inner.compact, .parenthetical, Self.confidenceParenthetical) { return e }
            }
        }
        let base = main.isEmpty ? whole : main
        for stripped in strippedForms(base) {
            if let e = exact(stripped.compact, .affix, Self.confidenceAffix) { return e }
        }
        if let e = keywordMatch(base) ?? (base == whole ? nil : keywordMatch(whole)) { return e }
        return .none
    }

    private func exact(_ compact: String, _ method: HeaderMatchMethod, _ confidence: Double) -> HeaderEvidence? {
        guard let label = exactIndex[compact] else { return nil }
        return evidence(label, method, confidence)
    }

    private func evidence(_ label: String, _ method: HeaderMatchMethod, _ confidence: Double) -> HeaderEvidence {
        if label == Self.notPersonalLabel {
            return HeaderEvidence(label: nil, confidence: confidence, method: method, isNotPersonal: true)
        }
        return HeaderEvidence(label: label, confidence: confidence, method: method, isNotPersonal: false)
    }

    /// `col3`, `Column 12`, `項目3`, `Unnamed: 0`, or digits only.
    func isPlaceholder(_ h: NormalizedHeader) -> Bool {
        let isDigits = { (t: String) in t.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.numericType != nil } }
        if h.tokens.allSatisfy(isDigits) { return true }
        guard h.tokens.count == 2, isDigits(h.tokens[1]) else {
            return h.tokens.count == 1 && placeholderWords.contains(h.tokens[0])
        }
        return placeholderWords.contains(h.tokens[0])
    }

    /// The header with known prefixes and suffixes removed, one more at each step
    /// (顧客氏名 → 氏名; customer_email_jp → email_jp → email). Latin affixes are whole words;
    /// others may also be the start or end of a word (社員名 → 名).
    func strippedForms(_ h: NormalizedHeader) -> [NormalizedHeader] {
        var out: [NormalizedHeader] = []
        var current = h.tokens
        var changed = true
        while changed && current.count >= 1 {
            changed = false
            for p in prefixes {
                if let rest = Self.dropPrefix(p.tokens, from: current) { current = rest; changed = true; break }
            }
            if !changed {
                for s in suffixes {
                    if let rest = Self.dropSuffix(s.tokens, from: current) { current = rest; changed = true; break }
                }
            }
            if changed && !current.isEmpty { out.append(NormalizedHeader(tokens: current)) }
        }
        return out
    }

    static func dropPrefix(_ affix: [String], from tokens: [String]) -> [String]? {
        guard tokens.count >= affix.count else { return nil }
        if Array(tokens.prefix(affix.count)) == affix, tokens.count > affix.count { return Array(tokens.dropFirst(affix.count)) }
        // A non-Latin affix glued to the word: 顧客氏名.
        if affix.count == 1, let first = tokens.first, first.unicodeScalars.first?.isASCII == false,
           first.count > affix[0].count, first.hasPrefix(affix[0]) {
            return [String(first.dropFirst(affix[0].count))] + tokens.dropFirst()
        }
        return nil
    }

    static func dropSuffix(_ affix: [String], from tokens: [String]) -> [String]? {
        guard tokens.count >= affix.count else { return nil }
        if Array(tokens.suffix(affix.count)) == affix, tokens.count > affix.count { return Array(tokens.dropLast(affix.count)) }
        if affix.count == 1, let last = tokens.last, last.unicodeScalars.first?.isASCII == false,
           last.count > affix[0].count, last.hasSuffix(affix[0]) {
            return tokens.dropLast() + [String(last.dropLast(affix[0].count))]
        }
        return nil
    }

    /// Step 4: dictionary names inside the header and endings of it. The match that ends last
    /// wins (compounds are head-final), then the longest.
    func keywordMatch(_ h: NormalizedHeader) -> HeaderEvidence? {
        let compact = h.compact
        // Character offset where each token ends, to compare word and substring matches.
        var tokenEnds: [Int] = []
        var total = 0
        for t in h.tokens { total += t.count; tokenEnds.append(total) }
        var best: (end: Int, length: Int, label: String)? = nil
        func consider(_ end: Int, _ length: Int, _ label: String) {
            if let b = best, (b.end, b.length) >= (end, length) { return }
            best = (end, length, label)
        }
        for e in keywords {
            if e.isLatin {
                guard e.tokens.count <= h.tokens.count else { continue }
                for start in 0...(h.tokens.count - e.tokens.count) where Array(h.tokens[start..<(start + e.tokens.count)]) == e.tokens {
                    consider(tokenEnds[start + e.tokens.count - 1], e.compact.count, e.label)
                }
            } else {
                var searchStart = compact.startIndex
                while let r = compact.range(of: e.compact, range: searchStart..<compact.endIndex) {
                    consider(compact.distance(from: compact.startIndex, to: r.upperBound), e.compact.count, e.label)
                    searchStart = compact.index(after: r.lowerBound)
                }
            }
        }
        for e in endings {
            let matches = e.isLatin ? h.tokens.count > e.tokens.count && Array(h.tokens.suffix(e.tokens.count)) == e.tokens
                : compact.count > e.compact.count && compact.hasSuffix(e.compact)
            if matches { consider(compact.count, e.compact.count, e.label) }
        }
        guard let best else { return nil }
        return evidence(best.label, .keyword, Self.confidenceKeyword)
    }
}
