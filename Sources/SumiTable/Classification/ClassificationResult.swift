/// The classification of a table's columns. Never holds cell values (they are personal data):
/// only header names, labels, shares, confidences and offsets.
public struct TableClassification: Codable, Sendable, Equatable {
    public var columns: [ColumnClassification]
    /// Findings inside FREE_TEXT columns, cell by cell (each cell scanned as its own document).
    public var cellFindings: [CellFinding]

    public init(columns: [ColumnClassification], cellFindings: [CellFinding]) {
        self.columns = columns
        self.cellFindings = cellFindings
    }

    enum CodingKeys: String, CodingKey {
        case columns
        case cellFindings = "cell_findings"
    }
}

public struct ColumnClassification: Codable, Sendable, Equatable {
    /// The header cell (nil when the table has no header row).
    public var name: String?
    /// 0-based column index.
    public var index: Int
    /// A scanner label (PERSON, EMAIL_ADDRESS ...), a table label (AGE, SEX, REGION, RECORD_ID,
    /// DATE, FREE_TEXT ...), or nil when the column is not personal data.
    public var label: String?
    public var role: ColumnRole
    /// Fraction of the sampled non-empty values that matched the chosen label by their value.
    public var share: Double
    /// 0–1: how sure the classifier is of `label` (also of nil).
    public var confidence: Double
    public var evidence: ColumnEvidence

    public init(name: String?, index: Int, label: String?, role: ColumnRole, share: Double, confidence: Double,
                evidence: ColumnEvidence) {
        self.name = name
        self.index = index
        self.label = label
        self.role = role
        self.share = share
        self.confidence = confidence
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case name, index, label, role, share, confidence, evidence
    }

    // `name` and `label` are written as null rather than left out, so every column has every key.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(index, forKey: .index)
        try c.encode(label, forKey: .label)
        try c.encode(role, forKey: .role)
        try c.encode(share, forKey: .share)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// Why a column got its label.
public enum ColumnDecision: String, Codable, Sendable {
    /// Header and values name the same label (or compatible ones: a birth-date header over dates).
    case agree
    /// Only the header says something (values silent, or too weak to disagree).
    case headerOnly = "header_only"
    /// No usable header: the values decide.
    case valuesOnly = "values_only"
    /// Header and values disagree and the values win (strong, validated value evidence).
    case valuesOverHeader = "values_over_header"
    /// Header and values disagree and the header wins.
    case headerOverValues = "header_over_values"
    /// Long free text: role from what the scanner found in the cells.
    case freeText = "free_text"
    /// Nothing suggests personal data.
    case nothing
}

public struct ColumnEvidence: Codable, Sendable, Equatable {
    public var headerLabel: String?
    public var headerMatch: HeaderMatchMethod
    public var headerConfidence: Double
    /// The header is listed as not personal data.
    public var headerNotPersonal: Bool
    /// The best label by value alone, and its share.
    public var valueLabel: String?
    public var valueShare: Double
    /// Share of sampled values per label (scanner findings covering the cell, and value shapes).
    public var valueShares: [String: Double]
    /// Sampled non-empty values, and non-empty / empty cells in the whole table.
    public var sampled: Int
    public var nonEmpty: Int
    public var empty: Int
    public var medianLength: Int
    public var decision: ColumnDecision

    enum CodingKeys: String, CodingKey {
        case headerLabel = "header_label"
        case headerMatch = "header_match"
        case headerConfidence = "header_confidence"
        case headerNotPersonal = "header_not_personal"
        case valueLabel = "value_label"
        case valueShare = "value_share"
        case valueShares = "value_shares"
        case sampled
        case nonEmpty = "non_empty"
        case empty
        case medianLength = "median_length"
        case decision
    }
}

/// A finding inside one free-text cell. Offsets are Unicode code points within the cell.
public struct CellFinding: Codable, Sendable, Equatable {
    /// 0-based data row (header row not counted) and column.
    public var row: Int
    public var column: Int
    public var label: String
    public var score: Double
    public var start: Int
    public var end: Int

    public init(row: Int, column: Int, label: String, score: Double, start: Int, end: Int) {
        self.row = row
        self.column = column
        self.label = label
        self.score = score
        self.start = start
        self.end = end
    }
}
