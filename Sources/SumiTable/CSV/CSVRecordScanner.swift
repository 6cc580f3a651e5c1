// Byte-level RFC 4180 record scanner over a window of UTF-8 bytes.
//
// It finds one record's field boundaries without copying anything. When the
// window ends inside a record (and more input may follow) it answers `needMore`
// and the caller refills and scans the record again from its start: records are
// small next to the read chunk, so the rescans cost little and the scanner keeps
// no state across calls.

struct CSVFieldSpan {
    var start: Int
    var end: Int
    /// The field was quoted and holds doubled quotes to collapse.
    var hasDoubledQuotes: Bool
}

enum CSVScanOutcome: Equatable {
    /// A record ends at `end`; its fields are in `spans`. `newlines` counts the
    /// line breaks inside quoted fields, the terminator excluded.
    case record(end: Int, newlines: Int, terminator: CSVLineTerminator)
    /// An empty line ending at `end`.
    case blank(end: Int)
    /// The window ends inside the record; `newlines` were seen in it so far.
    case needMore(newlines: Int)
    case endOfData
    /// A quoted field opened after `newlines` line breaks of the record is never closed.
    case unbalancedQuote(newlines: Int)
    /// A closing quote is followed by something other than a delimiter or line end.
    case garbageAfterQuote(newlines: Int)
}

struct CSVRecordScanner {
    let delimiter: UInt8
    let quote: UInt8
    private(set) var spans: [CSVFieldSpan] = []

    init(dialect: CSVDialect) {
        delimiter = dialect.delimiter
        quote = dialect.quote
        spans.reserveCapacity(32)
    }

    /// Scans the record starting at `start`. `atEnd` says no bytes follow the window.
    mutating func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int, atEnd: Bool) -> CSVScanOutcome {
        spans.removeAll(keepingCapacity: true)
        let n = b.count
        let delimiter = self.delimiter, quote = self.quote
        var i = start
        if i >= n { return atEnd ? .endOfData : .needMore(newlines: 0) }
        let first = b[i]
        if first == ASCII.lf { return .blank(end: i + 1) }
        if first == ASCII.cr {
            if i + 1 < n { return .blank(end: b[i + 1] == ASCII.lf ? i + 2 : i + 1) }
            return atEnd ? .blank(end: i + 1) : .needMore(newlines: 0)
        }
        var newlines = 0
        while true {
            // `i` is at the start of a field (possibly at the end of the window).
            if i < n, b[i] == quote {
                let openedAfter = newlines
                var j = i + 1
                var doubled = false
                while true {
                    if j >= n { return atEnd ? .unbalancedQuote(newlines: openedAfter) : .needMore(newlines: newlines) }
                    let c = b[j]
                    if c == quote {
                        if j + 1 >= n {
                            if !atEnd { return .needMore(newlines: newlines) }
                            break
                        }
                        if b[j + 1] == quote { doubled = true; j += 2; continue }
                        break
                    }
                    if c == ASCII.lf {
                        newlines += 1
                    } else if c == ASCII.cr {
                        // CRLF is one line break; a CR at the window's end waits for the next byte.
                        if j + 1 >= n {
                            if !atEnd { return .needMore(newlines: newlines) }
                            newlines += 1
                        } else if b[j + 1] != ASCII.lf {
                            newlines += 1
                        }
                    }
                    j += 1
                }
                spans.append(CSVFieldSpan(start: i + 1, end: j, hasDoubledQuotes: doubled))
                let k = j + 1
                if k >= n { return atEnd ? .record(end: k, newlines: newlines, terminator: .none) : .needMore(newlines: newlines) }
                let c = b[k]
                if c == delimiter { i = k + 1; continue }
                if c == ASCII.lf { return .record(end: k + 1, newlines: newlines, terminator: .lf) }
                if c == ASCII.cr { return crEnding(b, at: k, newlines: newlines, atEnd: atEnd) }
                return .garbageAfterQuote(newlines: newlines)
            }
            // Unquoted field: a quote inside it is plain data.
            var j = i
            while j < n {
                let c = b[j]
                if c == delimiter || c == ASCII.lf || c == ASCII.cr { break }
                j += 1
            }
            if j >= n {
                if !atEnd { return .needMore(newlines: newlines) }
                spans.append(CSVFieldSpan(start: i, end: j, hasDoubledQuotes: false))
                return .record(end: j, newlines: newlines, terminator: .none)
            }
            spans.append(CSVFieldSpan(start: i, end: j, hasDoubledQuotes: false))
            let c = b[j]
            if c == delimiter { i = j + 1; continue }
            if c == ASCII.lf { return .record(end: j + 1, newlines: newlines, terminator: .lf) }
            return crEnding(b, at: j, newlines: newlines, atEnd: atEnd)
        }
    }

    private func crEnding(_ b: UnsafeBufferPointer<UInt8>, at k: Int, newlines: Int, atEnd: Bool) -> CSVScanOutcome {
        if k + 1 < b.count {
            return b[k + 1] == ASCII.lf
                ? .record(end: k + 2, newlines: newlines, terminator: .crlf)
                : .record(end: k + 1, newlines: newlines, terminator: .cr)
        }
        return atEnd ? .record(end: k + 1, newlines: newlines, terminator: .cr) : .needMore(newlines: newlines)
    }

    /// The field strings of the last scanned record (doubled quotes collapsed).
    func fields(in b: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> [String] {
        var out = [String]()
        out.reserveCapacity(spans.count)
        for span in spans {
            if span.start == span.end {
                out.append("")
            } else if !span.hasDoubledQuotes {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: b[span.start..<span.end]), as: UTF8.self))
            } else {
                scratch.removeAll(keepingCapacity: true)
                var j = span.start
                while j < span.end {
                    let c = b[j]
                    scratch.append(c)
                    j += c == quote ? 2 : 1
                }
                out.append(String(decoding: scratch, as: UTF8.self))
            }
        }
        return out
    }
}
