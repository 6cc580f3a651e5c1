import Crypto
import Foundation
import SumiCore
import Yams

/// Which operator applies to which label (YAML):
///
/// ```yaml
/// default: {operator: replace, template: "<{label}>"}
/// labels:
///   PERSON: {operator: pseudonymize}
///   PHONE_NUMBER: {operator: mask, keep_last: 4}
///   DATE_OF_BIRTH: {operator: generalize, level: age_band}
///   MEDICAL: {operator: redact}
/// ```
public struct Policy: Sendable {
    public var defaultOperator: Operator = .replace(template: "<{label}>")
    public var labels: [String: Operator] = [:]
    /// Per-path overrides, first match wins: `paths: [{glob: '*/hr/*', default: redact, labels: {...}}]`.
    public var paths: [PathOverride] = []

    public struct PathOverride: Sendable {
        public var glob: String
        public var defaultOperator: Operator?
        public var labels: [String: Operator]
    }

    public init() {}

    public func operatorFor(_ label: String, path: String? = nil) -> Operator {
        if let path, let o = paths.first(where: { Allowlist.globMatches($0.glob, path) }) {
            if let op = o.labels[label] ?? o.defaultOperator { return op }
        }
        return labels[label] ?? defaultOperator
    }

    var allOperators: [Operator] {
        [defaultOperator] + Array(labels.values) + paths.flatMap { Array($0.labels.values) + ($0.defaultOperator.map { [$0] } ?? []) }
    }

    /// Whether every operator's output depends on the value, label and document alone, not on
    /// state shared across files ({n} counters, the token map): then files can be redacted in
    /// any order, on any thread, each with its own context, and the output stays the same.
    public var isOrderIndependent: Bool {
        allOperators.allSatisfy {
            switch $0 {
            case .redact, .mask, .generalize, .dateShift: return true
            case .replace(let template): return !template.contains("{n}")
            case .pseudonymize, .surrogate, .encrypt: return false
            }
        }
    }

    public var needsKey: Bool {
        allOperators.contains {
            switch $0 { case .pseudonymize, .dateShift, .encrypt, .surrogate: return true; default: return false }
        }
    }

    public static func load(path: String) throws -> Policy {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RuleError(file: path, line: 0, reason: "cannot read the policy file")
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml: String, file: String) throws -> Policy {
        var policy = Policy()
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw RuleError(file: file, line: 0, reason: "YAML: \(error)")
        }
        guard let map = root?.mapping else { return policy }
        func fail(_ n: Node, _ reason: String) -> RuleError { RuleError(file: file, line: n.mark?.line ?? 0, reason: reason) }
        for (k, v) in map {
            switch k.string ?? "" {
            case "default": policy.defaultOperator = try parseOperator(v, fail)
            case "labels":
                guard let m = v.mapping else { throw fail(v, "`labels` maps labels to operators") }
                for (lk, lv) in m {
                    guard let label = lk.string else { throw fail(lk, "a label must be a string") }
                    policy.labels[label] = try parseOperator(lv, fail)
                }
            case "paths":
                guard let seq = v.sequence else { throw fail(v, "`paths` is a list of {glob, default, labels}") }
                for item in seq {
                    guard let m = item.mapping, let glob = m["glob"]?.string else { throw fail(item, "a path override needs `glob`") }
                    var o = PathOverride(glob: glob, defaultOperator: nil, labels: [:])
                    for (pk, pv) in m {
                        switch pk.string ?? "" {
                        case "glob": continue
                        case "default": o.defaultOperator = try parseOperator(pv, fail)
                        case "labels":
                            guard let lm = pv.mapping else { throw fail(pv, "`labels` maps labels to operators") }
                            for (lk, lv) in lm { o.labels[lk.string ?? ""] = try parseOperator(lv, fail) }
                        default: throw fail(pk, "unknown key `\(pk.string ?? "")` in a path override (glob, default, labels)")
                        }
                    }
                    policy.paths.append(o)
                }
            case "description", "version": continue
            default: throw fail(k, "unknown key `\(k.string ?? "")` (default, labels, paths)")
            }
        }
        return policy
    }

    /// An operator from a YAML node (`pseudonymize` or `{operator: mask, keep_last: 4}`), for
    /// other policy files that name operators (the table anonymizer's).
    public static func parseOperator(_ n: Node, file: String) throws -> Operator {
        try parseOperator(n) { node, reason in RuleError(file: file, line: node.mark?.line ?? 0, reason: reason) }
    }

    static func parseOperator(_ n: Node, _ fail: (Node, String) -> RuleError) throws -> Operator {
        if let name = n.string, n.mapping == nil { return try make(name, [:], n, fail) }
        guard let m = n.mapping, let name = m["operator"]?.string else { throw fail(n, "an operator is a name or {operator: NAME, ...}") }
        var params: [String: Node] = [:]
        for (k, v) in m where k.string != "operator" { params[k.string ?? ""] = v }
        return try make(name, params, n, fail)
    }

    static func make(_ name: String, _ p: [String: Node], _ n: Node, _ fail: (Node, String) -> RuleError) throws -> Operator {
        func int(_ key: String, _ def: Int) throws -> Int {
            guard let v = p[key] else { return def }
            guard let i = v.int, i >= 0 else { throw fail(v, "`\(key)` must be a non-negative integer") }
            return i
        }
        func bool(_ key: String, _ def: Bool) throws -> Bool {
            guard let v = p[key] else { return def }
            guard let b = v.bool else { throw fail(v, "`\(key)` must be true or false") }
            return b
        }
        let allowed: [String: Set<String>] = [
            "redact": [], "replace": ["template"], "pseudonymize": ["length"], "generalize": ["level"],
            "date_shift": ["max_days"], "encrypt": [], "surrogate": [],
            "mask": ["character", "keep_first", "keep_last", "keep_separators", "digits_only"],
        ]
        guard let keys = allowed[name] else { throw fail(n, "unknown operator `\(name)` (\(allowed.keys.sorted().joined(separator: ", ")))") }
        if let bad = p.keys.first(where: { !keys.contains($0) }) { throw fail(p[bad]!, "`\(name)` has no parameter `\(bad)`") }
        switch name {
        case "redact": return .redact
        case "replace": return .replace(template: p["template"]?.string ?? "<{label}>")
        case "pseudonymize": return .pseudonymize(length: try int("length", 8))
        case "date_shift": return .dateShift(maxDays: try int("max_days", 180))
        case "encrypt": return .encrypt
        case "surrogate": return .surrogate
        case "generalize":
            guard let l = p["level"]?.string, let level = Operator.GeneralizeLevel(rawValue: l) else {
                throw fail(p["level"] ?? n, "`generalize` needs `level`: month, year, age_band, postal_area, city or prefecture")
            }
            return .generalize(level: level)
        default:
            let ch = p["character"]?.string?.first ?? "*"
            return .mask(character: ch, keepFirst: try int("keep_first", 0), keepLast: try int("keep_last", 0),
                         keepSeparators: try bool("keep_separators", true), digitsOnly: try bool("digits_only", false))
        }
    }
}

/// What `sumi redact` leaves next to its output so `sumi reidentify` can undo `encrypt`: where the
/// encrypted values are in each output file, and a key check value (a wrong key is refused).
public struct RedactionManifest {
    public static let fileName = ".sumi-redaction.json"
    public var keyCheck: String
    public var files: [String: [(range: Range<Int>, label: String)]] = [:]

    public static func keyCheck(_ key: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("sumi-redaction-key-check".utf8), using: SymmetricKey(data: key))
        return mac.prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    public init(key: Data) { keyCheck = RedactionManifest.keyCheck(key) }

    public func data() throws -> Data {
        var files: [String: Any] = [:]
        for (path, spans) in self.files {
            files[path] = spans.map { ["start": $0.range.lowerBound, "end": $0.range.upperBound, "label": $0.label] as [String: Any] }
        }
        return try JSONSerialization.data(withJSONObject: ["version": 1, "key_check": keyCheck, "files": files],
                                          options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }

    public init(data: Data, key: Data) throws {
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let check = obj["key_check"] as? String, let files = obj["files"] as? [String: [[String: Any]]] else {
            throw OperatorError.notApplicable("the redaction manifest is malformed")
        }
        guard check == RedactionManifest.keyCheck(key) else {
            throw OperatorError.notApplicable("wrong key: this output was written with another key")
        }
        keyCheck = check
        for (path, spans) in files {
            self.files[path] = spans.compactMap { s in
                guard let a = s["start"] as? Int, let b = s["end"] as? Int, let l = s["label"] as? String, a <= b else { return nil }
                return (a..<b, l)
            }
        }
    }
}

/// The value-to-token table of a run, sealed with AES-GCM under a key derived from the user's key.
public enum TokenMap {
    static func sealingKey(_ key: Data) -> SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array("sumi-token-map-key".utf8), using: SymmetricKey(data: key)))
    }

    public static func seal(_ tokens: [String: [String: String]], key: Data) throws -> Data {
        let json = try JSONSerialization.data(withJSONObject: tokens, options: [.sortedKeys])
        guard let combined = try AES.GCM.seal(json, using: sealingKey(key)).combined else {
            throw OperatorError.notApplicable("could not seal the token map")
        }
        return Data("SUMIMAP1".utf8) + combined
    }

    public static func open(_ data: Data, key: Data) throws -> [String: [String: String]] {
        guard data.starts(with: Data("SUMIMAP1".utf8)) else { throw OperatorError.notApplicable("not a sumi token map") }
        let box: AES.GCM.SealedBox
        let json: Data
        do {
            box = try AES.GCM.SealedBox(combined: data.dropFirst(8))
            json = try AES.GCM.open(box, using: sealingKey(key))
        } catch {
            throw OperatorError.notApplicable("the token map does not open with this key")
        }
        return (try JSONSerialization.jsonObject(with: json) as? [String: [String: String]]) ?? [:]
    }
}
