import Crypto
import Foundation
import SumiText

/// Known findings, so that a pipeline fails only on new ones (`sumi scan --baseline FILE`).
///
/// An entry is a keyed HMAC-SHA256 of path, label and normalized value: the file leaks no value
/// (a bare hash of a phone number is reversed by trying them all; without the key it is not),
/// and it matches whatever line the value moves to. The key is the user's (`--key-file` or
/// `SUMI_KEY`); a key check value in the file catches a wrong key.
public struct FindingBaseline {
    public struct Entry: Equatable {
        public var fingerprint: String
        public var label: String
        public var path: String
        public var line: Int
    }
    public var entries: [Entry] = []
    let key: SymmetricKey

    public init(key: Data) {
        self.key = SymmetricKey(data: key)
    }

    static func hex(_ d: some Sequence<UInt8>) -> String { d.map { String(format: "%02x", $0) }.joined() }

    var keyCheck: String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data("sumi-baseline-key-check".utf8), using: key).prefix(8))
    }

    public func fingerprint(path: String, _ f: Finding) -> String {
        let value = WordListBuilder.key(f.value)
        let msg = Data((path + "\u{0}" + f.label + "\u{0}" + value).utf8)
        return Self.hex(HMAC<SHA256>.authenticationCode(for: msg, using: key))
    }

    public mutating func add(path: String, _ f: Finding) {
        entries.append(Entry(fingerprint: fingerprint(path: path, f), label: f.label, path: path, line: f.line))
    }

    public func data() -> Data {
        var lines = ["{", "  \"version\": 1,", "  \"key_check\": \"\(keyCheck)\",", "  \"findings\": ["]
        let sorted = entries.sorted { ($0.path, $0.line, $0.label) < ($1.path, $1.line, $1.label) }
        for (i, e) in sorted.enumerated() {
            let path = String(data: try! JSONSerialization.data(withJSONObject: [e.path], options: .withoutEscapingSlashes), encoding: .utf8)!.dropFirst().dropLast()
            lines.append("    {\"fingerprint\": \"\(e.fingerprint)\", \"label\": \"\(e.label)\", \"path\": \(path), \"line\": \(e.line)}" + (i + 1 < sorted.count ? "," : ""))
        }
        lines += ["  ]", "}", ""]
        return Data(lines.joined(separator: "\n").utf8)
    }

    public enum Failure: Error, CustomStringConvertible {
        case malformed(String)
        case wrongKey
        case noKey
        public var description: String {
            switch self {
            case .malformed(let why): return "baseline file is malformed: \(why)"
            case .wrongKey: return "the baseline was written with another key"
            case .noKey: return "baselines need a key of at least 16 bytes: --key-file FILE or the SUMI_KEY environment variable"
            }
        }
    }

    public init(data: Data, key: Data) throws {
        self.init(key: key)
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = obj["findings"] as? [[String: Any]] else { throw Failure.malformed("expected {\"findings\": [...]}") }
        if let check = obj["key_check"] as? String, check != keyCheck { throw Failure.wrongKey }
        for e in list {
            guard let fp = e["fingerprint"] as? String else { throw Failure.malformed("an entry has no fingerprint") }
            entries.append(Entry(fingerprint: fp, label: e["label"] as? String ?? "", path: e["path"] as? String ?? "",
                                 line: e["line"] as? Int ?? 0))
        }
    }

    /// Splits findings into new ones and known ones; each baseline entry absorbs one finding.
    public func filter(path: String, _ findings: [Finding], remaining: inout [String: Int]) -> [Finding] {
        findings.filter { f in
            let fp = fingerprint(path: path, f)
            if let n = remaining[fp], n > 0 { remaining[fp] = n - 1; return false }
            return true
        }
    }

    public var counts: [String: Int] {
        var c: [String: Int] = [:]
        for e in entries { c[e.fingerprint, default: 0] += 1 }
        return c
    }

    /// The key from `--key-file` or the `SUMI_KEY` environment variable.
    public static func loadKey(file: String?) throws -> Data {
        if let file {
            let d = try Data(contentsOf: URL(fileURLWithPath: file))
            guard d.count >= 16 else { throw Failure.noKey }
            return d
        }
        if let env = ProcessInfo.processInfo.environment["SUMI_KEY"], env.utf8.count >= 16 { return Data(env.utf8) }
        throw Failure.noKey
    }
}
