import SumiText

/// A bounded random sample of each column's non-empty values, drawn from a stream of rows.
///
/// Reservoir sampling (Algorithm R) per column: the first `capacity` non-empty values are kept,
/// then the k-th non-empty value replaces a random kept one with probability capacity/k, so every
/// value has the same chance to be in the sample however long the file is. The random numbers
/// come from a fixed seed, so the same file always gives the same sample. Memory is bounded by
/// `capacity × columns × maxValueBytes`; longer values are cut (on a character boundary).
public struct ColumnSampler: Sendable {
    public let capacity: Int
    public let maxValueBytes: Int
    public let maxColumns: Int
    private var random: SplitMix64
    private var columns: [ColumnSample] = []
    /// Rows seen so far.
    public private(set) var rowCount = 0

    public init(capacity: Int = 200, seed: UInt64 = 0x5EED_7AB1E, maxValueBytes: Int = 4096, maxColumns: Int = 2048) {
        precondition(capacity > 0 && maxValueBytes > 0 && maxColumns > 0)
        self.capacity = capacity
        self.maxValueBytes = maxValueBytes
        self.maxColumns = maxColumns
        random = SplitMix64(seed: seed)
    }

    /// Adds one data row (the header row is not a data row).
    public mutating func add(_ fields: [String]) {
        let row = rowCount
        rowCount += 1
        let width = min(fields.count, maxColumns)
        while columns.count < width { columns.append(ColumnSample()) }
        for c in 0..<width {
            let field = fields[c]
            if field.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }) {
                columns[c].emptyCount += 1
                continue
            }
            columns[c].nonEmptyCount += 1
            let seen = columns[c].nonEmptyCount
            if columns[c].values.count < capacity {
                columns[c].values.append(bounded(field))
                columns[c].rows.append(row)
            } else {
                let slot = Int(random.next() % UInt64(seen))
                if slot < capacity {
                    columns[c].values[slot] = bounded(field)
                    columns[c].rows[slot] = row
                }
            }
        }
        // Columns this row does not reach count it as empty.
        if width < columns.count {
            for c in width..<columns.count { columns[c].emptyCount += 1 }
        }
    }

    /// The samples, one per column seen, values in the order of their rows.
    public var samples: [ColumnSample] {
        columns.map { c in
            let order = c.rows.indices.sorted { c.rows[$0] < c.rows[$1] }
            var s = c
            s.values = order.map { c.values[$0] }
            s.rows = order.map { c.rows[$0] }
            return s
        }
    }

    private func bounded(_ value: String) -> String {
        guard value.utf8.count > maxValueBytes else { return value }
        var used = 0
        var end = value.startIndex
        for ch in value {
            let n = ch.utf8.count
            if used + n > maxValueBytes { break }
            used += n
            end = value.index(after: end)
        }
        return String(value[..<end])
    }
}

/// The sampled non-empty values of one column, with the (0-based) data row each came from.
public struct ColumnSample: Sendable, Equatable {
    public var values: [String] = []
    public var rows: [Int] = []
    /// Non-empty and empty cells seen in the whole stream (not only the sample).
    public var nonEmptyCount = 0
    public var emptyCount = 0

    public init() {}

    public init(values: [String], rows: [Int]? = nil) {
        self.values = values
        self.rows = rows ?? Array(values.indices)
        nonEmptyCount = values.count
    }
}

