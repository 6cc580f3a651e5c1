import Foundation
import SumiText

/// The outcome of scanning one file.
public struct FileScanResult: Sendable {
    public enum Status: Sendable, Equatable {
        case scanned
        /// Not a text file (binary), with the reason.
        case skipped(String)
        /// Could not be read or decoded, with the reason.
        case failed(String)
    }
    public var path: String
    public var status: Status
    public var encoding: TextEncoding?
    public var bytes: Int
    public var findings: [Finding]
    public var warnings: [ScanWarning]
    public var candidates: [Candidate]
    /// Set when the file was read as a table (CSV/TSV).
    public var table: TableSummary?
    /// Format problems the scan went past (ragged CSV records).
    public var formatWarnings: [FormatWarning] = []
    /// The 1-based line a `.failed` status is about, when it is about one (a CSV quote never closed).
    public var failedLine: Int?

    public init(path: String, status: Status, encoding: TextEncoding? = nil, bytes: Int = 0,
                findings: [Finding] = [], warnings: [ScanWarning] = [], candidates: [Candidate] = []) {
        self.path = path
        self.status = status
        self.encoding = encoding
        self.bytes = bytes
        self.findings = findings
        self.warnings = warnings
        self.candidates = candidates
    }
}

/// Bytes and files done so far, updated by scanning threads as they read, so a progress line
/// moves during one huge file too.
public final class ScanProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var bytesRead = 0, filesDone = 0
    public init() {}
    public func add(bytes: Int) { lock.lock(); bytesRead += bytes; lock.unlock() }
    public func fileDone(bytes: Int) { lock.lock(); filesDone += 1; bytesRead += bytes; lock.unlock() }
    public var snapshot: (files: Int, bytes: Int) { lock.lock(); defer { lock.unlock() }; return (filesDone, bytesRead) }
}

extension RuleScanner {
    /// Files larger than this are streamed (UTF-8 only) instead of decoded whole.
    public static let streamThreshold = 32 << 20

    /// Reads, decodes and scans one file. Never throws: problems become `.failed`/`.skipped`.
    /// `onFinding`: when given, findings are handed over as they are found and not kept in the
    /// result, so memory stays flat however large the file is.
    public func scanFile(atPath path: String, encoding forced: TextEncoding? = nil, session: ScanSession? = nil,
                         progress: ScanProgress? = nil, onFinding: ((Finding) -> Void)? = nil) -> FileScanResult {
        var streamed = 0
        let r = scanFile(path: path, forced: forced, session: session, progress: progress.map { p in { n in streamed += n; p.add(bytes: n) } }, onFinding: onFinding)
        progress?.fileDone(bytes: max(0, r.bytes - streamed))
        return r
    }

    private func scanFile(path: String, forced: TextEncoding?, session: ScanSession?, progress: ((Int) -> Void)?,
                          onFinding: ((Finding) -> Void)?) -> FileScanResult {
        let s = session ?? makeSession()
        if !pack.allowlist.paths.isEmpty && pack.allowlist.allows(path: path) {
            return FileScanResult(path: path, status: .skipped("allowlisted path"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            return FileScanResult(path: path, status: .failed(reason))
        }
        defer { try? handle.close() }
        guard let snapshot = FileSnapshot(path: path) else { return FileScanResult(path: path, status: .failed("no such file")) }
        let size = snapshot.size
        do {
            var r: FileScanResult
            if size > RuleScanner.streamThreshold {
                r = try scanLarge(handle: handle, path: path, forced: forced, session: s, progress: progress, onFinding: onFinding)
            } else {
                let data = try handle.readToEnd() ?? Data()
                r = scanBytes([UInt8](data), path: path, forced: forced, session: s)
                if let onFinding { r.findings.forEach(onFinding); r.findings = [] }
            }
            if !snapshot.isUnchanged(path: path) {
                // Findings already handed to `onFinding` were reported; the file still counts as failed.
                return FileScanResult(path: path, status: .failed(FileSnapshot.changedReason), bytes: r.bytes)
            }
            return r
        } catch {
            return FileScanResult(path: path, status: .failed("read error: \(error.localizedDescription)"))
        }
    }

    /// Decodes and scans file contents already in memory.
    public func scanBytes(_ bytes: [UInt8], path: String, forced: TextEncoding? = nil, session: ScanSession? = nil) -> FileScanResult {
        let s = session ?? makeSession()
        let decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, forced: forced)
        } catch let e as TextDecodingError {
            if case .binary(let why) = e { return FileScanResult(path: path, status: .skipped("binary file (\(why))"), bytes: bytes.count) }
            return FileScanResult(path: path, status: .failed(e.description), bytes: bytes.count)
        } catch {
            return FileScanResult(path: path, status: .failed("\(error)"), bytes: bytes.count)
        }
        let findings = scan(utf8: decoded.utf8, session: s)
        let (warnings, candidates) = s.drain()
        return FileScanResult(path: path, status: .scanned, encoding: decoded.encoding, bytes: bytes.count,
                              findings: findings, warnings: warnings, candidates: candidates)
    }

    /// Streams a large file in chunks; memory stays flat whatever its size. UTF-8 (with or
    /// without BOM) is validated chunk by chunk; other encodings are decoded whole.
    private func scanLarge(handle: FileHandle, path: String, forced: TextEncoding?, session: ScanSession,
                           progress: ((Int) -> Void)?, onFinding: ((Finding) -> Void)?) throws -> FileScanResult {
        let head = [UInt8](try handle.read(upToCount: 64 << 10) ?? Data())
        let encoding = forced ?? TextDecoder.detect(head)
        guard let encoding else {
            return FileScanResult(path: path, status: .skipped("binary file"), bytes: head.count)
        }
        if encoding != .utf8 && encoding != .utf8BOM {
            var all = head
            all += [UInt8](try handle.readToEnd() ?? Data())
            return scanBytes(all, path: path, forced: encoding, session: session)
        }
        var pending = head
        if pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        var total = head.count
        var utf8 = UTF8BlockValidator()
        let blockSize = options.chunkSize
        var findings: [Finding] = []
        try scanChunked(session: session, read: { buf in
            if utf8.invalidAt != nil { return false }
            var piece: [UInt8]? = nil
            if !pending.isEmpty {
                piece = pending; pending = []
            } else if let data = try handle.read(upToCount: blockSize), !data.isEmpty {
                total += data.count
                progress?(data.count)
                piece = [UInt8](data)
            }
            guard let block = utf8.accept(piece) else { return false }
            buf.append(contentsOf: block)
            return true
        }, emit: { f in
            if let onFinding { onFinding(f) } else { findings.append(f) }
        })
        if let bad = utf8.invalidAt {
            return FileScanResult(path: path, status: .failed(TextDecodingError.invalid(encoding: encoding, byteOffset: bad).description), bytes: total)
        }
        let (warnings, candidates) = session.drain()
        return FileScanResult(path: path, status: .scanned, encoding: encoding, bytes: total,
                              findings: findings, warnings: warnings, candidates: candidates)
    }
}
