/// What `sumi scan` reports about a CSV/TSV file besides its findings: the column
/// classification (from SumiTable) in plain values, so printers need not know the table code.
/// Never holds cell values.
public struct TableSummary: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// Header cell; nil when the table has no header row.
        public var name: String?
        /// 0-based.
        public var index: Int
        public var label: String?
        /// identifier, quasi_identifier, sensitive or other.
        public var role: String
        /// Share of the sampled values that matched `label`, and how sure the classifier is (0–1).
        public var share: Double
        public var confidence: Double

        public init(name: String?, index: Int, label: String?, role: String, share: Double, confidence: Double) {
            self.name = name
            self.index = index
            self.label = label
            self.role = role
            self.share = share
            self.confidence = confidence
        }
    }

    /// The delimiter as a character ("," "\t" ";").
    public var delimiter: String
    /// Data records (the header row not counted, ragged records counted).
    public var rows: Int
    public var columns: [Column]

    public init(delimiter: String, rows: Int, columns: [Column]) {
        self.delimiter = delimiter
        self.rows = rows
        self.columns = columns
    }
}

/// The table cell a finding was found in.
public struct TableCell: Sendable, Equatable, Hashable {
    /// 1-based data row (the header row not counted).
    public var row: Int
    /// 0-based column, and its header cell (nil without a header row or past its end).
    public var columnIndex: Int
    public var columnName: String?

    public init(row: Int, columnIndex: Int, columnName: String?) {
        self.row = row
        self.columnIndex = columnIndex
        self.columnName = columnName
    }
}

/// A problem with a file's format that did not stop the scan (a CSV record with the wrong
/// number of fields), at a 1-based line. Never quotes the file's contents.
public struct FormatWarning: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
