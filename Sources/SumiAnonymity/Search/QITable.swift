import Foundation

/// One quasi-identifier column: its hierarchy, turned into integer codes so that a lattice node
/// can be evaluated without touching a string.
public struct QIColumn: Sendable {
    public let name: String
    public let hierarchy: Hierarchy
    /// Leaf value → leaf code (index into `hierarchy.leaves`).
    let leafCode: [String: Int32]
    /// `groupOf[level][leaf]` = the code of the leaf's generalized value at that level.
    let groupOf: [[Int32]]
    /// `groupValues[level][group]` = the generalized value itself.
    let groupValues: [[String]]
    /// `leavesIn[level][group]` = how many hierarchy leaves the group covers.
    let leavesIn: [[Int]]

    public init(name: String, hierarchy: Hierarchy) {
        self.name = name
        self.hierarchy = hierarchy
        var leafCode: [String: Int32] = [:]
        for (i, leaf) in hierarchy.leaves.enumerated() { leafCode[leaf] = Int32(i) }
        self.leafCode = leafCode
        var groupOf: [[Int32]] = []
        var groupValues: [[String]] = []
        var leavesIn: [[Int]] = []
        for level in 0..<hierarchy.levelCount {
            var ids: [String: Int32] = [:]
            var values: [String] = []
            var sizes: [Int] = []
            var map = [Int32](repeating: 0, count: hierarchy.leaves.count)
            for (i, leaf) in hierarchy.leaves.enumerated() {
                let v = hierarchy.table[leaf]![level]
                let id: Int32
                if let known = ids[v] { id = known } else {
                    id = Int32(values.count); ids[v] = id; values.append(v); sizes.append(0)
                }
                sizes[Int(id)] += 1
                map[i] = id
            }
            groupOf.append(map); groupValues.append(values); leavesIn.append(sizes)
        }
        self.groupOf = groupOf
        self.groupValues = groupValues
        self.leavesIn = leavesIn
    }

    public var levelCount: Int { hierarchy.levelCount }
    public var leafCount: Int { hierarchy.leaves.count }

    /// The generalized value of a leaf code at a level.
    public func generalized(leaf: Int32, level: Int) -> String {
        groupValues[level][Int(groupOf[level][Int(leaf)])]
    }
}

/// Why a row could not be counted.
public struct QITableError: Error, CustomStringConvertible, Equatable {
    public var line: Int
    public var column: String
    public var reason: String
    public init(line: Int, column: String, reason: String) { self.line = line; self.column = column; self.reason = reason }
    public var description: String { "line \(line): column \(column): \(reason)" }
}

/// The quasi-identifier combinations of a table, each counted once with its number of rows
/// (and the distinct sensitive values among them, for l-diversity). Memory grows with the number
/// of distinct combinations, not with rows, which is what lets a multi-million-row file be
/// anonymized: rows are streamed in, counted, and streamed out again in a second pass.
public final class QITable: @unchecked Sendable {
    public let columns: [QIColumn]
    /// Leaf codes of combination `c` are `codes[c * width ..< (c + 1) * width]`.
    public private(set) var codes: [Int32] = []
    /// Rows per combination.
    public private(set) var counts: [Int] = []
    /// Distinct sensitive value codes per combination (sorted), when a sensitive column is set.
    public private(set) var sensitiveCodes: [[Int32]] = []
    public private(set) var sensitiveValues: [String] = []
    private var sensitiveIndex: [String: Int32] = [:]
    public let tracksSensitive: Bool
    public private(set) var rowCount = 0
    private var index = ComboIndex()
    private var scratch: [Int32]

    public var width: Int { columns.count }
    public var comboCount: Int { counts.count }

    public init(columns: [QIColumn], tracksSensitive: Bool = false) {
        self.columns = columns
        self.tracksSensitive = tracksSensitive
        self.scratch = [Int32](repeating: 0, count: columns.count)
    }

    /// Counts one row; returns its combination id. `values` are the row's QI values in column
    /// order. A value missing from its hierarchy is an error (with the line, never the value).
    @discardableResult
    public func add<S: StringProtocol>(_ values: [S], sensitive: String? = nil, line: Int) throws -> Int {
        precondition(values.count == width)
        for d in 0..<width {
            guard let code = columns[d].leafCode[String(values[d])] else {
                throw QITableError(line: line, column: columns[d].name, reason: "value is not in the column's hierarchy")
            }
            scratch[d] = code
        }
        let id = index.findOrInsert(scratch, in: &codes, count: counts.count)
        if id == counts.count {
            counts.append(0)
            if tracksSensitive { sensitiveCodes.append([]) }
        }
        counts[id] += 1
        rowCount += 1
        if tracksSensitive, let s = sensitive { addSensitive(s, to: id) }
        return id
    }

    private func addSensitive(_ s: String, to id: Int) {
        let code: Int32
        if let known = sensitiveIndex[s] { code = known } else {
            code = Int32(sensitiveValues.count); sensitiveIndex[s] = code; sensitiveValues.append(s)
        }
        if let pos = sortedInsertPosition(sensitiveCodes[id], code) { sensitiveCodes[id].insert(code, at: pos) }
    }

    /// Adds `count` rows of one combination given by leaf codes (merging with an equal one).
    func addCombination(_ key: [Int32], count: Int, sensitive: [String]) {
        let id = index.findOrInsert(key, in: &codes, count: counts.count)
        if id == counts.count { counts.append(0); if tracksSensitive { sensitiveCodes.append([]) } }
        counts[id] += count
        rowCount += count
        guard tracksSensitive else { return }
        for s in sensitive { addSensitive(s, to: id) }
    }

    /// Leaf codes of a row's values (second pass), or nil when one is not in its hierarchy.
    public func leafCodes<S: StringProtocol>(of values: [S]) -> [Int32]? {
        var key = [Int32](repeating: 0, count: width)
        for d in 0..<width {
            guard let code = columns[d].leafCode[String(values[d])] else { return nil }
            key[d] = code
        }
        return key
    }

    /// The combination id of leaf codes, or nil.
    public func combination(codes key: [Int32]) -> Int? { index.find(key, in: codes) }

    /// The combination id of an already counted row (second pass), or nil.
    public func combination<S: StringProtocol>(of values: [S]) -> Int? {
        var key = [Int32](repeating: 0, count: width)
        for d in 0..<width {
            guard let code = columns[d].leafCode[String(values[d])] else { return nil }
            key[d] = code
        }
        return index.find(key, in: codes)
    }
}

/// Where `v` goes in the sorted `list`, or nil when it is there already.
func sortedInsertPosition(_ list: [Int32], _ v: Int32) -> Int? {
    var lo = 0, hi = list.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid] == v { return nil }
        if list[mid] < v { lo = mid + 1 } else { hi = mid }
    }
    return lo
}

/// Open-addressing hash index from a combination's codes to its id; the codes themselves live
/// in the table's flat array, so the index holds only ids.
struct ComboIndex {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var used = 0

    static func hash(_ key: UnsafeBufferPointer<Int32>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15
        for v in key { h = (h ^ UInt64(UInt32(bitPattern: v))) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31 }
        return h
    }

    mutating func findOrInsert(_ key: [Int32], in codes: inout [Int32], count: Int) -> Int {
        let width = key.count
        if (used + 1) * 2 > slots.count { grow(codes: codes, width: width) }
        let mask = slots.count - 1
        var i = key.withUnsafeBufferPointer { Int(truncatingIfNeeded: ComboIndex.hash($0)) } & mask
        while true {
            let s = slots[i]
            if s < 0 {
                slots[i] = Int32(count)
                used += 1
                codes.append(contentsOf: key)
                return count
            }
            if equal(key, codes, Int(s), width) { return Int(s) }
            i = (i + 1) & mask
        }
    }

    func find(_ key: [Int32], in codes: [Int32]) -> Int? {
        let width = key.count
        let mask = slots.count - 1
        var i = key.withUnsafeBufferPointer { Int(truncatingIfNeeded: ComboIndex.hash($0)) } & mask
        while true {
            let s = slots[i]
            if s < 0 { return nil }
            if equal(key, codes, Int(s), width) { return Int(s) }
            i = (i + 1) & mask
        }
    }

    private func equal(_ key: [Int32], _ codes: [Int32], _ id: Int, _ width: Int) -> Bool {
        let base = id * width
        for d in 0..<width where codes[base + d] != key[d] { return false }
        return true
    }

    private mutating func grow(codes: [Int32], width: Int) {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        let n = width == 0 ? 0 : codes.count / width
        codes.withUnsafeBufferPointer { all in
            for id in 0..<n {
                let key = UnsafeBufferPointer(rebasing: all[(id * width)..<((id + 1) * width)])
                var i = Int(truncatingIfNeeded: ComboIndex.hash(key)) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(id)
            }
        }
    }
}

/// Counts the distinct combinations of some columns' raw values while a table streams past,
/// before their hierarchies exist (builders need each column's distinct values first). Memory
/// grows with distinct values and combinations, not rows.
public final class CombinationCounter {
    public let width: Int
    public let tracksSensitive: Bool
    private var valueIndex: [[String: Int32]]
    /// Distinct raw values per column, in first-seen order.
    public private(set) var distinctValues: [[String]]
    private var sensitiveIndex: [String: Int32] = [:]
    private var sensitiveValues: [String] = []
    private var codes: [Int32] = []
    private var counts: [Int] = []
    private var sensitive: [[Int32]] = []
    private var index = ComboIndex()
    private var scratch: [Int32]
    public private(set) var rowCount = 0

    public init(width: Int, tracksSensitive: Bool) {
        self.width = width
        self.tracksSensitive = tracksSensitive
        valueIndex = [[String: Int32]](repeating: [:], count: width)
        distinctValues = [[String]](repeating: [], count: width)
        scratch = [Int32](repeating: 0, count: width)
    }

    public var combinationCount: Int { counts.count }

    public func add(_ values: [String], sensitive value: String? = nil) {
        for d in 0..<width {
            let v = values[d]
            if let code = valueIndex[d][v] { scratch[d] = code } else {
                let code = Int32(distinctValues[d].count)
                valueIndex[d][v] = code
                distinctValues[d].append(v)
                scratch[d] = code
            }
        }
        let id = index.findOrInsert(scratch, in: &codes, count: counts.count)
        if id == counts.count { counts.append(0); if tracksSensitive { sensitive.append([]) } }
        counts[id] += 1
        rowCount += 1
        if tracksSensitive, let value {
            let code: Int32
            if let known = sensitiveIndex[value] { code = known } else {
                code = Int32(sensitiveValues.count); sensitiveIndex[value] = code; sensitiveValues.append(value)
            }
            // Sorted, so a combination with many distinct sensitive values stays cheap to update.
            if let pos = sortedInsertPosition(sensitive[id], code) { sensitive[id].insert(code, at: pos) }
        }
    }

    /// The counted combinations as a table over the given hierarchies (one per column, in order).
    public func makeTable(columns: [QIColumn]) throws -> QITable {
        precondition(columns.count == width)
        let table = QITable(columns: columns, tracksSensitive: tracksSensitive)
        var leaf = [[Int32]]()
        for d in 0..<width {
            leaf.append(try distinctValues[d].map { v in
                guard let code = columns[d].leafCode[v] else {
                    throw QITableError(line: 0, column: columns[d].name, reason: "a value is not in the column's hierarchy")
                }
                return code
            })
        }
        var key = [Int32](repeating: 0, count: width)
        for c in 0..<counts.count {
            for d in 0..<width { key[d] = leaf[d][Int(codes[c * width + d])] }
            table.addCombination(key, count: counts[c], sensitive: tracksSensitive ? sensitive[c].map { sensitiveValues[Int($0)] } : [])
        }
        return table
    }
}
