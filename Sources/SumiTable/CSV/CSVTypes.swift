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

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
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
