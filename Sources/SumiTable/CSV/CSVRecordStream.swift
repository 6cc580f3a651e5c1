// File → UTF-8 window → records. Reads the file in chunks, decodes each chunk
// to UTF-8 (UTF-8 is only validated), and keeps in memory just the current chunk
// plus the unfinished record, so memory does not grow with the file.

import SumiText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A record before the column-count check.
struct CSVRawRecord {
    var fields: [String]
    var line: Int
    var terminator: CSVLineTerminator
    var positions: [CSVFieldPosition] = []
}

final class CSVRecordStream {
    let path: String
    let encoding: TextEncoding
    /// Byte offset where the text starts (after a BOM).
    let dataStart: Int
    let chunkSize: Int
    private(set) var scanner: CSVRecordScanner

    private let fd: Int32
    private var decoder: StreamingTextDecoder
    /// Decoded UTF-8; `pos` is where the next record starts.
    private var window: [UInt8] = []
    private var pos = 0
    private var readBuffer: [UInt8]
    private var scratch: [UInt8] = []
    /// The file has been read to its end.
    private var sourceDone = false
    /// The decoder met invalid bytes: the window holds all the valid text there is.
    private var decodeFailed = false
    /// 1-based physical line at `pos`.
    private(set) var line = 1
    /// A non-recoverable error, thrown again on every later call.
    private var failure: CSVFormatError?
    /// Records carry field positions; costs one more pass over each record's bytes.
    let tracksPositions: Bool
    /// Decoded bytes dropped from the front of the window, and code points before `pos`
    /// (kept only when tracking positions).
    private var windowBase = 0
    private var scalarsBeforePos = 0

    init(path: String, fd: Int32, encoding: TextEncoding, dataStart: Int, dialect: CSVDialect, chunkSize: Int,
         tracksPositions: Bool = false) throws {
        self.tracksPositions = tracksPositions
        self.path = path
        self.fd = fd
        self.encoding = encoding
        self.dataStart = dataStart
        self.chunkSize = chunkSize
        self.scanner = CSVRecordScanner(dialect: dialect)
        self.readBuffer = [UInt8](repeating: 0, count: chunkSize)
        do {
            decoder = try StreamingTextDecoder(encoding: encoding)
        } catch {
            throw CSVFormatError(path: path, line: 0, reason: "\(error)", recoverable: false)
        }
        try seekToStart()
    }

    deinit { close(fd) }

    /// Starts again at the first line.
    func restart() throws {
        do {
            decoder = try StreamingTextDecoder(encoding: encoding)
        } catch {
            throw CSVFormatError(path: path, line: 0, reason: "\(error)", recoverable: false)
        }
        window.removeAll(keepingCapacity: true)
        pos = 0
        sourceDone = false
        decodeFailed = false
        line = 1
        failure = nil
        windowBase = 0
        scalarsBeforePos = 0
        try seekToStart()
    }

    private func seekToStart() throws {
        if lseek(fd, off_t(dataStart), SEEK_SET) < 0 {
            throw ioError("cannot seek")
        }
    }

    func setDialect(_ dialect: CSVDialect) {
        scanner = CSVRecordScanner(dialect: dialect)
    }

    /// Reads until the window holds at least `bytes` bytes past `pos` or the input ends.
    func prefetch(_ bytes: Int) throws {
        while window.count - pos < bytes, !sourceDone, !decodeFailed {
            try fill()
        }
    }

    /// The decoded bytes from the current position, and whether nothing follows them.
    func withWindow<R>(_ body: (UnsafeBufferPointer<UInt8>, Bool) throws -> R) rethrows -> R {
        try window.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[pos...]), sourceDone && !decodeFailed)
        }
    }

    /// The next non-blank record, or nil at the end.
    func next() throws -> CSVRawRecord? {
        if let failure { throw failure }
        while true {
            let atEnd = sourceDone && !decodeFailed
            let outcome = window.withUnsafeBufferPointer { scanner.scan($0, from: pos, atEnd: atEnd) }
            switch outcome {
            case .record(let end, let newlines, let terminator):
                let fields = window.withUnsafeBufferPointer { scanner.fields(in: $0, scratch: &scratch) }
                var record = CSVRawRecord(fields: fields, line: line, terminator: terminator)
                if tracksPositions { record.positions = window.withUnsafeBufferPointer { fieldPositions($0, end: end) } }
                line += newlines + (terminator == .none ? 0 : 1)
                pos = end
                return record
            case .blank(let end):
                line += 1
                scalarsBeforePos += end - pos   // CR, LF or CRLF: one byte per code point
                pos = end
            case .needMore(let newlines):
                if decodeFailed {
                    throw fail(line + newlines, "bytes not valid in \(encoding.rawValue)")
                }
                try fill()
            case .endOfData:
                return nil
            case .unbalancedQuote(let newlines):
                throw fail(line + newlines, "quoted field opened on this line is never closed")
            case .garbageAfterQuote(let newlines):
                throw fail(line + newlines, "unexpected character after a closing quote")
            }
        }
    }

    /// Positions of the last scanned record's fields (it spans `pos..<end`); also moves the
    /// code-point count past the record.
    private func fieldPositions(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> [CSVFieldPosition] {
        let quote = scanner.quote
        var out: [CSVFieldPosition] = []
        out.reserveCapacity(scanner.spans.count)
        var i = pos, scalars = scalarsBeforePos, ln = line, col = 1
        for span in scanner.spans {
            while i < span.start {
                let c = b[i]
                if c & 0xC0 != 0x80 {
                    scalars += 1
                    if c == ASCII.lf || (c == ASCII.cr && (i + 1 >= b.count || b[i + 1] != ASCII.lf)) {
                        ln += 1; col = 1
                    } else {
                        col += 1
                    }
                }
                i += 1
            }
            let quoted = span.start > pos && b[span.start - 1] == quote
            out.append(CSVFieldPosition(byteOffset: windowBase + span.start, scalarOffset: scalars, line: ln, column: col, quoted: quoted))
        }
        while i < end {
            if b[i] & 0xC0 != 0x80 { scalars += 1 }
            i += 1
        }
        scalarsBeforePos = scalars
        return out
    }

    private func fail(_ line: Int, _ reason: String) -> CSVFormatError {
        let error = CSVFormatError(path: path, line: line, reason: reason, recoverable: false)
        failure = error
        return error
    }

    private func ioError(_ what: String) -> CSVFormatError {
        CSVFormatError(path: path, line: 0, reason: "\(what): \(String(cString: strerror(errno)))", recoverable: false)
    }

    /// Reads one chunk and appends its text to the window (dropping consumed bytes first).
    private func fill() throws {
        if pos > 0 {
            window.removeSubrange(0..<pos)
            windowBase += pos
            pos = 0
        }
        // A record far larger than a chunk is rescanned after every refill; reading as
        // much again as is already held keeps that linear overall.
        let readSize = window.count > max(chunkSize, 1 << 16) ? window.count : chunkSize
        if readBuffer.count < readSize { readBuffer = [UInt8](repeating: 0, count: readSize) }
        var got = 0
        repeat {
            got = readBuffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, readSize) }
        } while got < 0 && errno == EINTR
        if got < 0 { throw fail(0, "cannot read: \(String(cString: strerror(errno)))") }
        if got == 0 {
            decoder.finish(into: &window)
            sourceDone = true
        } else {
            readBuffer.withUnsafeBufferPointer { decoder.decode(UnsafeBufferPointer(rebasing: $0[..<got]), into: &window) }
        }
        if decoder.failure != nil { decodeFailed = true }
    }
}
