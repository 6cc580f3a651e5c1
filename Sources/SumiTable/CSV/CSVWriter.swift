// Streaming CSV/TSV writer. Records are formatted as UTF-8 into a buffer that is
// encoded and written about every megabyte, to a temporary file beside the
// destination; `commit` renames it over the destination, so readers of the
// destination never see a half-written table and a failed run leaves it as it was.

import SumiText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class CSVWriter {
    public let path: String
    public let dialect: CSVDialect
    public let encoding: TextEncoding
    public let bom: Bool
    public let lineEnding: String
    /// The temporary file being written (same folder as `path`, so rename is atomic).
    public let temporaryPath: String

    private var fd: Int32
    /// Formatted UTF-8 not yet written.
    private var pending: [UInt8] = []
    /// Output line at which `pending` starts, to place encoding errors.
    private var pendingFirstLine = 1
    private var wroteBOM = false
    private var finished = false
    private let lineEndingBytes: [UInt8]
    private let flushThreshold: Int

    public convenience init(path: String, dialect: CSVDialect, encoding: TextEncoding, bom: Bool, lineEnding: String) throws {
        try self.init(path: path, dialect: dialect, encoding: encoding, bom: bom, lineEnding: lineEnding, flushThreshold: 1 << 20)
    }

    init(path: String, dialect: CSVDialect, encoding: TextEncoding, bom: Bool, lineEnding: String, flushThreshold: Int) throws {
        self.path = path
        self.dialect = dialect
        self.encoding = encoding
        self.bom = bom || encoding == .utf8BOM
        self.lineEnding = lineEnding
        self.lineEndingBytes = Array(lineEnding.utf8)
        self.flushThreshold = flushThreshold
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var created: (fd: Int32, path: String)?
        for _ in 0..<16 {
            let candidate = folder + "." + name + ".sumi-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { created = (fd, candidate); break }
            if errno != EEXIST { break }
        }
        guard let created else {
            throw CSVFormatError(path: path, line: 0, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))", recoverable: false)
        }
        fd = created.fd
        temporaryPath = created.path
        // Replacing a file keeps its permissions.
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o7777) }
        pending.reserveCapacity(flushThreshold + 4096)
    }

    deinit { discard() }

    /// Appends one record. A field is quoted only when it holds the delimiter, the
    /// quote, CR or LF (a record of one empty field is written as "" so it does not
    /// read back as a blank line).
    public func write(_ fields: [String]) throws {
        guard !finished else {
            throw CSVFormatError(path: path, line: 0, reason: "write after commit or discard", recoverable: false)
        }
        let delimiter = dialect.delimiter, quote = dialect.quote
        for (index, field) in fields.enumerated() {
            if index > 0 { pending.append(delimiter) }
            var field = field
            field.withUTF8 { bytes in
                var needsQuotes = false
                for c in bytes where c == delimiter || c == quote || c == ASCII.lf || c == ASCII.cr {
                    needsQuotes = true
                    break
                }
                if !needsQuotes {
                    pending.append(contentsOf: bytes)
                    return
                }
                pending.append(quote)
                for c in bytes {
                    pending.append(c)
                    if c == quote { pending.append(quote) }
                }
                pending.append(quote)
            }
        }
        if fields.count == 1, fields[0].isEmpty { pending.append(quote); pending.append(quote) }
        pending.append(contentsOf: lineEndingBytes)
        if pending.count >= flushThreshold {
            do { try flush() } catch { discard(); throw error }
        }
    }

    /// Writes what is buffered, syncs the file to disk and renames it over `path`.
    public func commit() throws {
        guard !finished else {
            throw CSVFormatError(path: path, line: 0, reason: "commit after commit or discard", recoverable: false)
        }
        do {
            try flush()
            if bom, !wroteBOM { try writeAll(encoding.byteOrderMark) }
            if fsync(fd) != 0 { throw ioError("cannot sync") }
            if close(fd) != 0 { fd = -1; throw ioError("cannot close") }
            fd = -1
            if rename(temporaryPath, path) != 0 { throw ioError("cannot rename the temporary file") }
        } catch {
            discard()
            throw error
        }
        finished = true
        syncFolder()
    }

    /// Deletes the temporary file; the destination is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporaryPath)
    }

    // MARK: - Output

    private func flush() throws {
        guard !pending.isEmpty else { return }
        var encoded: [UInt8]
        switch encoding {
        case .utf8, .utf8BOM:
            if bom, !wroteBOM { try writeAll(encoding.byteOrderMark); wroteBOM = true }
            try writeAll(pending)
            pending.removeAll(keepingCapacity: true)
            return
        default:
            do {
                // Batches hold whole records, so stateless encodings and ISO-2022-JP
                // (which returns to ASCII at each line end) encode them independently.
                encoded = try TextEncoder.encode(pending, as: encoding, bom: bom && !wroteBOM)
            } catch TextEncodingError.unrepresentable(_, _, _, let line, _) {
                throw CSVFormatError(path: path, line: pendingFirstLine + line - 1,
                                     reason: "a character cannot be encoded in \(encoding.rawValue)", recoverable: false)
            } catch {
                throw CSVFormatError(path: path, line: 0, reason: "\(error)", recoverable: false)
            }
        }
        wroteBOM = wroteBOM || bom
        try writeAll(encoded)
        for c in pending where c == ASCII.lf { pendingFirstLine += 1 }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ioError("cannot write")
                }
                offset += n
            }
        }
    }

    /// Makes the rename itself durable; failure here only risks the rename being lost on power loss.
    private func syncFolder() {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let dfd = open(folder.isEmpty ? "/" : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    private func ioError(_ what: String) -> CSVFormatError {
        CSVFormatError(path: path, line: 0, reason: "\(what): \(String(cString: strerror(errno)))", recoverable: false)
    }
}

/// `write(2)`, named apart from `CSVWriter.write(_:)`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
