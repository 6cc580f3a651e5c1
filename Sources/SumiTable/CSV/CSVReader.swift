// Streaming CSV/TSV reader: encoding detection, delimiter sniffing, header and
// field-count checks on top of CSVRecordStream.
//
// Throughput is reported by `sumi bench --csv-rows N` (CSVBenchmark). Measured
// on the 2-core dev machine, release build, 1M rows (102 MB adult-like file with
// quoted and Japanese fields): reading 1.2-1.8M rows/s (140-190 MB/s), about the
// same for Shift_JIS and UTF-16 input; writing 0.8-0.97M rows/s. yaslab/CSV.swift
// 2.5.2 on the same file read 0.13-0.15M rows/s and wrote 9k rows/s (unbuffered
// OutputStream on Linux), hence our own reader.

import SumiText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class CSVReader {
    /// Default read size: large enough that syscalls and rescans are negligible.
    public static let defaultChunkSize = 1 << 20
    /// Bytes of text looked at for encoding detection and delimiter sniffing.
    static let sniffLength = 64 * 1024

    public let path: String
    public let dialect: CSVDialect
    public let encoding: TextEncoding
    public let hasBOM: Bool
    /// "\r\n" or "\n" after the first record ("\r" for old Mac files), so a writer
    /// can reproduce it.
    public let lineEnding: String
    public let header: [String]?
    /// Fields every record must have: the header's count, or the first record's.
    public var columnCount: Int
    /// The record behind the last recoverable field-count error, for callers that
    /// want to report or repair it.
    public private(set) var lastRaggedRecord: CSVRecord?

    private let stream: CSVRecordStream
    private let hasHeader: Bool

    /// `fieldPositions`: records carry where each field starts in the file (`CSVRecord.positions`),
    /// for reporting findings inside cells; off by default as it costs a pass over the bytes.
    public convenience init(path: String, delimiter: UInt8? = nil, encoding: TextEncoding? = nil, hasHeader: Bool = true,
                            fieldPositions: Bool = false) throws {
        try self.init(path: path, delimiter: delimiter, encoding: encoding, hasHeader: hasHeader, chunkSize: CSVReader.defaultChunkSize,
                      fieldPositions: fieldPositions)
    }

    /// `chunkSize` is the read size; tests make it tiny so characters, CRLF and
    /// quotes straddle chunk boundaries.
    init(path: String, delimiter: UInt8?, encoding forced: TextEncoding?, hasHeader: Bool, chunkSize: Int,
         fieldPositions: Bool = false) throws {
        self.path = path
        self.hasHeader = hasHeader
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            throw CSVFormatError(path: path, line: 0, reason: "cannot open: \(String(cString: strerror(errno)))", recoverable: false)
        }
        var head = [UInt8](repeating: 0, count: CSVReader.sniffLength)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, CSVReader.sniffLength, 0) }
        if got < 0 {
            let reason = "cannot read: \(String(cString: strerror(errno)))"
            close(fd)
            throw CSVFormatError(path: path, line: 0, reason: reason, recoverable: false)
        }
        head.removeSubrange(got...)
        let resolved: (encoding: TextEncoding, bomLength: Int)
        do {
            resolved = try CSVReader.resolveEncoding(head, forced: forced, wholeFile: got < CSVReader.sniffLength)
        } catch let error as CSVFormatError {
            close(fd)
            throw CSVFormatError(path: path, line: error.line, reason: error.reason, recoverable: false)
        }
        encoding = resolved.encoding
        hasBOM = resolved.bomLength > 0
        // The stream owns (and closes) the descriptor from here on.
        let stream = try CSVRecordStream(path: path, fd: fd, encoding: encoding, dataStart: resolved.bomLength,
                                         dialect: CSVDialect(delimiter: delimiter ?? ASCII.comma), chunkSize: max(1, chunkSize),
                                         tracksPositions: fieldPositions)
        self.stream = stream

        if let delimiter {
            dialect = CSVDialect(delimiter: delimiter)
        } else {
            try stream.prefetch(CSVReader.sniffLength)
            let tsv = path.lowercased().hasSuffix(".tsv")
            dialect = stream.withWindow { CSVReader.sniffDialect($0, atEnd: $1, preferTab: tsv) }
            stream.setDialect(dialect)
        }

        // The first record gives the line ending, and the header or the column count.
        let first = try stream.next()
        lineEnding = first?.terminator.text ?? "\n"
        if hasHeader {
            header = first?.fields
            columnCount = first?.fields.count ?? 0
        } else {
            header = nil
            columnCount = first?.fields.count ?? 0
            try stream.restart()
        }
    }

    /// The next record, or nil at the end of the file. Throws `CSVFormatError`; when
    /// `recoverable` is true (field-count mismatch) the next call goes on with the
    /// following record.
    public func next() throws -> CSVRecord? {
        guard let raw = try stream.next() else { return nil }
        let record = CSVRecord(fields: raw.fields, line: raw.line, positions: raw.positions)
        if raw.fields.count != columnCount {
            lastRaggedRecord = record
            let reference = hasHeader ? "header has" : "first record has"
            throw CSVFormatError(path: path, line: raw.line,
                                 reason: "record has \(raw.fields.count) fields, \(reference) \(columnCount)",
                                 recoverable: true)
        }
        return record
    }

    /// Starts reading again at the first record after the header.
    public func rewind() throws {
        try stream.restart()
        if hasHeader { _ = try stream.next() }
        lastRaggedRecord = nil
    }

    // MARK: - Detection

    /// Encoding and BOM length from the first bytes of the file.
    static func resolveEncoding(_ head: [UInt8], forced: TextEncoding?, wholeFile: Bool) throws -> (encoding: TextEncoding, bomLength: Int) {
        func starts(_ prefix: [UInt8]) -> Bool { head.count >= prefix.count && Array(head[..<prefix.count]) == prefix }
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
        if let forced {
            switch forced {
            case .utf8, .utf8BOM: return (forced, starts(utf8BOM) ? 3 : 0)
            case .utf16LE, .utf16BE:
                // As in TextDecoder: a UTF-16 BOM decides the byte order.
                if starts([0xFF, 0xFE]) { return (.utf16LE, 2) }
                if starts([0xFE, 0xFF]) { return (.utf16BE, 2) }
                return (forced, 0)
            case .shiftJIS, .eucJP, .iso2022JP: return (forced, 0)
            }
        }
        if starts([0xFF, 0xFE, 0x00, 0x00]) || starts([0x00, 0x00, 0xFE, 0xFF]) {
            throw CSVFormatError(path: "", line: 0, reason: "unsupported encoding: utf-32", recoverable: false)
        }
        if starts(utf8BOM) { return (.utf8BOM, 3) }
        if starts([0xFF, 0xFE]) { return (.utf16LE, 2) }
        if starts([0xFE, 0xFF]) { return (.utf16BE, 2) }
        // A sample cut in the middle of a character would look invalid: end it after a line feed
        // (and after the NUL that follows it in UTF-16LE).
        var sample = head
        if !wholeFile, let lf = head.lastIndex(of: ASCII.lf), lf > 0 {
            var cut = lf + 1
            if cut < head.count, head[cut] == 0 { cut += 1 }
            sample = Array(head[..<cut])
        }
        guard let detected = TextDecoder.detect(sample) else {
            throw CSVFormatError(path: "", line: 0, reason: "looks like a binary file or an unsupported encoding", recoverable: false)
        }
        return (detected, 0)
    }

    /// Picks comma, tab or semicolon: the one giving every record the same field
    /// count above 1; ties go to tab for .tsv files, else comma > tab > semicolon.
    /// Without a consistent candidate, the one whose most common count (above 1)
    /// covers most records.
    static func sniffDialect(_ text: UnsafeBufferPointer<UInt8>, atEnd: Bool, preferTab: Bool) -> CSVDialect {
        let order: [UInt8] = preferTab ? [ASCII.tab, ASCII.comma, ASCII.semicolon] : [ASCII.comma, ASCII.tab, ASCII.semicolon]
        let window = UnsafeBufferPointer(rebasing: text[..<min(text.count, sniffLength)])
        let windowAtEnd = atEnd && window.count == text.count
        var best: (delimiter: UInt8, score: Int)?
        for delimiter in order {
            var scanner = CSVRecordScanner(dialect: CSVDialect(delimiter: delimiter))
            var counts: [Int: Int] = [:]
            var records = 0
            var pos = 0
            scan: while true {
                switch scanner.scan(window, from: pos, atEnd: windowAtEnd) {
                case .record(let end, _, _):
                    counts[scanner.spans.count, default: 0] += 1
                    records += 1
                    pos = end
                case .blank(let end):
                    pos = end
                default:
                    break scan
                }
            }
            if counts.count == 1, let only = counts.first, only.key > 1 {
                return CSVDialect(delimiter: delimiter)
            }
            if let mode = counts.filter({ $0.key > 1 }).max(by: { $0.value < $1.value }),
               best == nil || mode.value > best!.score {
                best = (delimiter, mode.value)
            }
        }
        return CSVDialect(delimiter: best?.delimiter ?? order[0])
    }
}
