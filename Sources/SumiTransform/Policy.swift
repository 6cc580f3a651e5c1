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

/// Applies a policy to a decoded text: every finding replaced by its operator's output.
public enum Redactor {
    public struct Outcome {
        public var text: [UInt8]
        public var applied: [String: Int] = [:]
        /// Findings whose operator did not apply (a generalization of a non-date...), replaced by `<LABEL>`.
        public var fallbacks = 0
        /// Byte ranges in `text` that were encrypted, with their label (for `sumi reidentify`).
        public var encrypted: [(range: Range<Int>, label: String)] = []
    }

    /// Every finding is replaced, and so is every other occurrence of a found value in the same
    /// text (values of two CJK characters or four Latin ones and more): once a value is known to
    /// be personal, a copy of it in a place no rule recognised must not survive.
    public static func redact(utf8: [UInt8], findings: [Finding], policy: Policy, context: OperatorContext, path: String? = nil) throws -> Outcome {
        var all = findings
        var taken = findings.map { $0.byteStart..<$0.byteEnd }
        var seen = Set<String>()
        for f in findings where f.value.count >= (f.value.utf8.count > f.value.count ? 2 : 4) && seen.insert(f.value).inserted {
            let needle = Array(f.value.utf8)
            var i = 0
            while i + needle.count <= utf8.count {
                if utf8[i] == needle[0] && utf8[i..<(i + needle.count)].elementsEqual(needle) {
                    let r = i..<(i + needle.count)
                    if !taken.contains(where: { $0.overlaps(r) }) {
                        taken.append(r)
                        var copy = f
                        copy.byteStart = r.lowerBound
                        copy.byteEnd = r.upperBound
                        all.append(copy)
                    }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        // A reading (ヤマダ タロウ) next to a kanji name (山田太郎) gets the reading of that name's
        // surrogate, so the two still agree; the names are faked first.
        let sorted = all.sorted(by: { $0.byteStart < $1.byteStart })
        func isReading(_ f: Finding) -> Bool {
            f.label == "PERSON" && !f.value.isEmpty && f.value.unicodeScalars.allSatisfy {
                (0x3041...0x30FF).contains($0.value) || $0 == " " || $0 == "　"
            }
        }
        var readingOwner: [Int: Finding] = [:]
        for (i, f) in sorted.enumerated() where isReading(f) {
            if case .surrogate = policy.operatorFor(f.label, path: path) {
                let near = sorted.filter { $0.label == "PERSON" && !isReading($0) && abs($0.byteStart - f.byteStart) < 240 }
                if let owner = near.min(by: { abs($0.byteStart - f.byteStart) < abs($1.byteStart - f.byteStart) }) {
                    readingOwner[i] = owner
                    _ = try? policy.operatorFor(owner.label, path: path).apply(owner.value, label: owner.label, context: context)
                }
            }
        }
        var out = Outcome(text: [])
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var at = 0
        for (i, f) in sorted.enumerated() where f.byteStart >= at {
            context.linkedReading = readingOwner[i].flatMap { context.readingOfSurrogate(for: $0.value) }
            defer { context.linkedReading = nil }
            result += utf8[at..<f.byteStart]
            let op = policy.operatorFor(f.label, path: path)
            let replacement: String
            do {
                replacement = try op.apply(f.value, label: f.label, context: context)
                out.applied[f.label, default: 0] += 1
            } catch OperatorError.notApplicable {
                replacement = "<\(f.label)>"
                out.fallbacks += 1
            }
            if case .encrypt = op, replacement != "<\(f.label)>" {
                out.encrypted.append((result.count..<(result.count + replacement.utf8.count), f.label))
            }
            result += Array(replacement.utf8)
            at = f.byteEnd
        }
        result += utf8[at...]
        out.text = result
        return out
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
