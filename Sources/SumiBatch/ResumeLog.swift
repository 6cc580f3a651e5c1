import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The record of a batch run in its output folder (`.sumi-progress.jsonl`): one line per file
/// finished, written and flushed as soon as the file's output is in place. A re-run skips a
/// file whose content, rules, policy and key fingerprint are unchanged, so a run interrupted
/// (SIGINT, a crash) and run again processes each file exactly once in total.
public final class ResumeLog {
    public static let fileName = ".sumi-progress.jsonl"
    let url: URL
    var done: [String: String] = [:]          // relative path → fingerprint
    var handle: FileHandle?

    public init(folder: URL) throws {
        url = folder.appendingPathComponent(ResumeLog.fileName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let text = try? String(contentsOf: url, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                // A last line cut short by an interruption does not parse and is ignored.
                guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                      let file = obj["file"], let fp = obj["fingerprint"] else { continue }
                done[file] = fp
            }
        } else {
            FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        handle = try FileHandle(forWritingTo: url)
        try handle?.seekToEnd()
    }

    deinit { try? handle?.close() }

    /// SHA-256 of the input bytes and of everything else the output depends on.
    /// The same fingerprint for content read piece by piece (a file streamed in chunks).
    public struct Fingerprinter {
        var hash = SHA256()
        public init() {}
        public mutating func update(_ bytes: [UInt8]) { hash.update(data: bytes) }
        public func finalize(setting: String) -> String {
            var h = hash
            h.update(data: Array(setting.utf8))
            return h.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    public static func fingerprint(content: [UInt8], setting: String) -> String {
        var h = SHA256()
        h.update(data: content)
        h.update(data: Array(setting.utf8))
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// A fingerprint of every file under a folder (the rules: their YAML and dictionaries).
    public static func fingerprint(folder: URL) -> String {
        var h = SHA256()
        if let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            var files: [URL] = []
            for case let u as URL in e { files.append(u) }
            for u in files.sorted(by: { $0.path < $1.path }) {
                guard let d = try? Data(contentsOf: u) else { continue }
                h.update(data: Array(u.path.dropFirst(folder.path.count).utf8))
                h.update(data: d)
            }
        }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public func isDone(_ file: String, fingerprint: String) -> Bool { done[file] == fingerprint }
    /// Files finished by earlier runs (relative path → fingerprint), a copy workers may read.
    public var finished: [String: String] { done }

    public func record(_ file: String, fingerprint: String) throws {
        let line = try JSONSerialization.data(withJSONObject: ["file": file, "fingerprint": fingerprint], options: [.sortedKeys, .withoutEscapingSlashes])
        try handle?.write(contentsOf: line + Data("\n".utf8))
        try handle?.synchronize()
        done[file] = fingerprint
    }
}

/// Set by SIGINT/SIGTERM; batch loops stop between files, so no output is ever half written.
public enum Interruption {
    nonisolated(unsafe) public static var requested = false
    public static func install() {
        signal(SIGINT) { _ in Interruption.requested = true }
        signal(SIGTERM) { _ in Interruption.requested = true }
    }
}
