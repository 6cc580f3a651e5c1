// Value types shared by the CSV reader and writer.

/// Field delimiter and quote byte of a CSV/TSV file (ASCII only, so they can be
/// matched on the UTF-8 bytes).
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var quote: UInt8

    public static let comma = CSVDialect(delimiter: 0x2C)
    public static let tab = CSVDialect(delimiter: 0x09)
    public static let semicolon = CSVDialect(delimiter: 0x3B)

    public init(delimiter: UInt8, quote: UInt8 = 0x22) {
        precondition(delimiter < 0x80 && quote < 0x80, "CSV delimiter and quote must be ASCII")
        precondition(delimiter != quote && delimiter != 0x0A && delimiter != 0x0D, "invalid CSV delimiter")
        self.delimiter = delimiter
        self.quote = quote
    }
}

/// A problem in a CSV file (or while writing one), with the 1-based physical line.
/// `reason` never quotes cell contents: they may be personal data.
public struct CSVFormatError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// 1-based physical line; 0 when the problem is not tied to a line (I/O).
    public var line: Int
    public var reason: String
    /// True when reading can go on with the next record (field-count mismatch).
    public var recoverable: Bool

    public init(path: String, line: Int, reason: String, recoverable: Bool) {
        self.path = path
        self.line = line
        self.reason = reason
        self.recoverable = recoverable
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
    }
}

/// One record of a CSV file.
public struct CSVRecord: Sendable {
    public var fields: [String]
    /// 1-based physical line where the record starts (embedded newlines in
    /// earlier quoted fields count).
    public var line: Int
    /// Where each field's content starts in the file, one per field; empty unless the reader
    /// was opened with `fieldPositions: true`.
    public var positions: [CSVFieldPosition]

    public init(fields: [String], line: Int, positions: [CSVFieldPosition] = []) {
        self.fields = fields
        self.line = line
        self.positions = positions
    }
}

/// Where a field's content starts in the decoded text (UTF-8, BOM removed: the coordinates
/// of `Finding`): after the opening quote of a quoted field.
public struct CSVFieldPosition: Sendable, Equatable {
    /// UTF-8 byte offset and code-point offset from the start of the text.
    public var byteOffset: Int
    public var scalarOffset: Int
    /// 1-based line and code-point column. LF, CRLF and a lone CR each end a line.
    public var line: Int
    public var column: Int
    /// The field was quoted, so each quote in its content stands for two in the file.
    public var quoted: Bool

    public init(byteOffset: Int, scalarOffset: Int, line: Int, column: Int, quoted: Bool) {
        self.byteOffset = byteOffset
        self.scalarOffset = scalarOffset
        self.line = line
        self.column = column
        self.quoted = quoted
    }

    /// The position in the file of the byte at `contentOffset` of the field's (unquoted) content,
    /// as (byte offset, code-point offset, line, column). Walks the content up to there, so it
    /// is meant for the few cells that have findings.
    public func locate(_ contentOffset: Int, in content: String, quote: UInt8 = 0x22) -> (byte: Int, scalar: Int, line: Int, column: Int) {
        var byte = byteOffset, scalar = scalarOffset, line = self.line, column = self.column
        var utf8 = content.utf8.makeIterator()
        var i = 0
        var pendingCR = false
        while i < contentOffset, let b = utf8.next() {
            i += 1
            byte += 1
            if b & 0xC0 == 0x80 { continue }
            scalar += 1
            if pendingCR {
                pendingCR = false
                if b != ASCII.lf { line += 1; column = 1 }
            }
            if b == ASCII.lf {
                line += 1; column = 1
            } else if b == ASCII.cr {
                // A lone CR ends a line; in CRLF the LF does.
                column += 1
                pendingCR = true
            } else {
                column += 1
                if quoted && b == quote { byte += 1; scalar += 1; column += 1 }
            }
        }
        if pendingCR, i < content.utf8.count {
            let next = content.utf8[content.utf8.index(content.utf8.startIndex, offsetBy: i)]
            if next != ASCII.lf { line += 1; column = 1 }
        }
        return (byte, scalar, line, column)
    }
}

/// How a record ended.
enum CSVLineTerminator: Equatable {
    case none, lf, crlf, cr

    var text: String {
        switch self {
        case .crlf: return "\r\n"
        case .cr: return "\r"
        case .lf, .none: return "\n"
        }
    }
}

enum ASCII {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let tab: UInt8 = 0x09
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
}
