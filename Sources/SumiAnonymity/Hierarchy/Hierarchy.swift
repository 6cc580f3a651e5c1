import Foundation

/// A generalization hierarchy for one column: every leaf value maps to one value per level.
/// Level 0 is the value itself, the last level the most general one (usually `*`).
/// This is the shape of ARX's hierarchy files: one row per leaf, one column per level.
public struct Hierarchy: Sendable, Equatable {
    /// Leaves in file order.
    public private(set) var leaves: [String]
    /// Generalized values per leaf: `table[leaf][level]`, level 0 being the leaf.
    public private(set) var table: [String: [String]]
    /// Number of levels, level 0 included (a hierarchy `value;*` has 2).
    public let levelCount: Int
    /// The highest level index (ARX calls it the height).
    public var topLevel: Int { levelCount - 1 }

    /// Builds a hierarchy from rows `[leaf, level1, level2, ...]`, all of the same length.
    /// Rejects ragged rows, duplicate leaves, and rows that break the tree (a value at one
    /// level that generalizes to two different values at a higher level), because the lattice
    /// search relies on every level being a coarsening of the one below it.
    public init(rows: [[String]], source: String = "hierarchy") throws {
        guard let first = rows.first else { throw HierarchyError(source: source, line: 0, reason: "no rows") }
        let width = first.count
        guard width >= 1 else { throw HierarchyError(source: source, line: 1, reason: "empty row") }
        var table: [String: [String]] = [:]
        table.reserveCapacity(rows.count)
        var leaves: [String] = []
        leaves.reserveCapacity(rows.count)
        // parent[level][value] = the value it generalizes to at level + 1.
        var parent = [[String: String]](repeating: [:], count: width)
        for (i, row) in rows.enumerated() {
            guard row.count == width else {
                throw HierarchyError(source: source, line: i + 1, reason: "row has \(row.count) levels, the first row has \(width)")
            }
            guard table[row[0]] == nil else {
                throw HierarchyError(source: source, line: i + 1, reason: "leaf value appears twice")
            }
            for level in 0..<(width - 1) {
                if let p = parent[level][row[level]], p != row[level + 1], level > 0 {
                    throw HierarchyError(source: source, line: i + 1,
                                         reason: "level \(level) value generalizes to two different level \(level + 1) values; a hierarchy must be a tree")
                }
                parent[level][row[level]] = row[level + 1]
            }
            table[row[0]] = row
            leaves.append(row[0])
        }
        self.table = table
        self.leaves = leaves
        self.levelCount = width
    }

    /// The value of `leaf` at `level`, or nil when the leaf is not in the hierarchy.
    @inlinable
    public func value(_ leaf: String, level: Int) -> String? {
        table[leaf]?[level]
    }

    public func contains(_ leaf: String) -> Bool { table[leaf] != nil }

    /// All distinct values at one level, in first-seen order.
    public func values(atLevel level: Int) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for leaf in leaves {
            let v = table[leaf]![level]
            if seen.insert(v).inserted { out.append(v) }
        }
        return out
    }

    /// Loads an ARX hierarchy file: no header, one row per leaf, `;`-separated (ARX's default),
    /// UTF-8, with or without BOM, LF or CRLF. Fields may be double-quoted.
    public static func loadARX(path: String, delimiter: Character = ";") throws -> Hierarchy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HierarchyError(source: path, line: 0, reason: "cannot read file")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw HierarchyError(source: path, line: 0, reason: "not valid UTF-8")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.isEmpty { continue }
            rows.append(try splitFields(line, delimiter: delimiter, source: path, line: lineNo))
        }
        return try Hierarchy(rows: rows, source: path)
    }

    private static func splitFields(_ line: Substring, delimiter: Character, source: String, line lineNo: Int) throws -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if inQuotes {
                if c == "\"" {
                    let n = line.index(after: i)
                    if n < line.endIndex && line[n] == "\"" { field.append("\""); i = n } else { inQuotes = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == delimiter {
                fields.append(field); field = ""
            } else { field.append(c) }
            i = line.index(after: i)
        }
        if inQuotes { throw HierarchyError(source: source, line: lineNo, reason: "unbalanced quote") }
        fields.append(field)
        return fields
    }
}

/// A hierarchy problem, with the file (or builder) and the 1-based row it concerns.
public struct HierarchyError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var line: Int
    public var reason: String
    public init(source: String, line: Int, reason: String) {
        self.source = source; self.line = line; self.reason = reason
    }
    public var description: String { line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)" }
}
