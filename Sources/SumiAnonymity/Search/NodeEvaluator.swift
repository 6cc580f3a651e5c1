import Foundation

/// What a table must satisfy: every equivalence class that is published has at least `k` rows
/// and at least `l` distinct sensitive values; rows of the other classes are suppressed, at most
/// `suppressionLimit` of all rows (floor(limit × rows), as ARX counts it).
public struct PrivacyCriteria: Sendable, Equatable {
    public var k: Int
    public var l: Int
    public var suppressionLimit: Double
    public init(k: Int, l: Int = 1, suppressionLimit: Double = 0) {
        self.k = k; self.l = l; self.suppressionLimit = suppressionLimit
    }
    public func maxSuppressed(rows: Int) -> Int { Int((suppressionLimit * Double(rows)).rounded(.down)) }
}

/// The equivalence classes of one lattice node (one generalization level per column) and the
/// raw sums every information-loss metric is computed from.
public struct NodeEvaluation: Sendable {
    public var levels: [Int]
    public var rows: Int
    /// Classes that are published (size ≥ k and ≥ l distinct sensitive values).
    public var keptClasses: Int
    public var keptRows: Int
    public var suppressedClasses: Int
    public var suppressedRows: Int
    /// Σ |E|² over published classes, and over all classes (as if nothing were suppressed).
    public var keptSquares: Double
    public var allSquares: Double
    /// Smallest published class, and fewest distinct sensitive values in one (0 when none).
    public var minClassSize: Int
    public var minDistinct: Int
    /// Per cell measure and column: Σ over published rows of the cell's cost.
    public var generalizedCost: [CellMeasure: [Double]]
    /// Per column: the level's share of the hierarchy's top level (ARX Precision's L/h).
    public var levelFractions: [Double]
    /// Per column: leaves in the hierarchy (ARX Loss's domain size).
    public var domainSizes: [Int]
    /// Whether the node satisfies the criteria within the suppression limit.
    public var anonymous: Bool
}

/// Cell-level costs of a generalized value (a suppressed cell costs 1).
public enum CellMeasure: String, CaseIterable, Sendable {
    /// ARX Loss's share: hierarchy leaves covered by the value / leaves in the hierarchy.
    case share
    /// Generalization intensity (ARX Precision, Sweeney's Prec): level / top level.
    case precision
    /// Normalized certainty penalty (Xu et al.): numeric interval width / domain range for
    /// numeric columns; leaves covered / domain size for categorical ones (0 for a single leaf).
    case ncp
}

/// The classes of one node: their generalized codes (`width` per class) and sizes.
final class ClassTable {
    let levels: [Int]
    var groups: [Int32]
    var counts: [Int]
    /// Distinct sensitive codes per class (only when l-diversity is asked for).
    var sensitive: [[Int32]]
    init(levels: [Int], groups: [Int32], counts: [Int], sensitive: [[Int32]]) {
        self.levels = levels; self.groups = groups; self.counts = counts; self.sensitive = sensitive
    }
    var classCount: Int { counts.count }
    var footprint: Int { groups.count + counts.count * 2 + sensitive.reduce(0) { $0 + $1.count } }
}

/// Evaluates lattice nodes. A node's classes are computed by merging the classes of a more
/// specific node already evaluated (ARX's roll-up), not from the rows: going up the lattice the
/// classes get few, so most nodes cost a fraction of the distinct combinations. Evaluated nodes
/// are kept in a cache bounded in size; when no cached ancestor exists, the distinct
/// combinations themselves are the source.
public final class NodeEvaluator {
    public let table: QITable
    public let criteria: PrivacyCriteria
    /// `cellCost[measure][column][level][group]`.
    let cellCost: [CellMeasure: [[[Double]]]]
    /// `up[column][from][to][group at from]` = its group at the higher level `to`.
    private let up: [[[[Int32]]]]
    private let groupBits: [[Int]]
    private let base: ClassTable
    private var cache: [[Int]: ClassTable] = [:]
    private var cacheOrder: [[Int]] = []
    private var cacheHead = 0
    private var cacheFootprint = 0
    private let cacheBudget: Int
    private var slots: [Int32] = []
    private var pairs = PairSet()
    private let needL: Bool
    /// Source classes merged so far (search statistics).
    public private(set) var classesMerged = 0

    public init(table: QITable, criteria: PrivacyCriteria, cacheBudget: Int? = nil) {
        self.table = table
        self.criteria = criteria
        self.needL = criteria.l > 1 && table.tracksSensitive
        var cost: [CellMeasure: [[[Double]]]] = [:]
        for m in CellMeasure.allCases { cost[m] = table.columns.map { NodeEvaluator.cellCosts($0, m) } }
        self.cellCost = cost
        self.up = table.columns.map { col in
            (0..<col.levelCount).map { from in
                (0..<col.levelCount).map { to -> [Int32] in
                    guard to >= from else { return [] }
                    // The hierarchy is a tree: any leaf of a group names the group's parent.
                    var map = [Int32](repeating: 0, count: col.groupValues[from].count)
                    for leaf in 0..<col.leafCount { map[Int(col.groupOf[from][leaf])] = col.groupOf[to][leaf] }
                    return map
                }
            }
        }
        self.groupBits = table.columns.map { col in
            col.groupValues.map { values in max(1, Int.bitWidth - (values.count - 1).leadingZeroBitCount) }
        }
        self.base = ClassTable(levels: [Int](repeating: 0, count: table.width), groups: table.codes, counts: table.counts,
                               sensitive: table.tracksSensitive ? table.sensitiveCodes : [])
        // Room for the cached classes of many nodes: a fixed multiple of the distinct combinations,
        // and never more than 32 M entries (about 200 MB) however many combinations there are.
        self.cacheBudget = cacheBudget ?? max(1 << 20, min(64 * base.footprint, 32 << 20))
    }

    static func cellCosts(_ col: QIColumn, _ m: CellMeasure) -> [[Double]] {
        let n = col.leafCount
        let top = col.hierarchy.topLevel
        let numbers = col.hierarchy.leaves.map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let numeric = m == .ncp && n > 1 && !numbers.contains(where: { $0 == nil })
        var range = 0.0
        if numeric { range = numbers.map { $0! }.max()! - numbers.map { $0! }.min()! }
        return (0...top).map { level -> [Double] in
            let groups = col.groupValues[level].count
            switch m {
            case .share:
                return (0..<groups).map { Double(col.leavesIn[level][$0]) / Double(n) }
            case .precision:
                return [Double](repeating: top > 0 ? Double(level) / Double(top) : 0, count: groups)
            case .ncp:
                if numeric && range > 0 {
                    var lo = [Double](repeating: .infinity, count: groups), hi = [Double](repeating: -.infinity, count: groups)
                    for leaf in 0..<n {
                        let g = Int(col.groupOf[level][leaf])
                        lo[g] = min(lo[g], numbers[leaf]!); hi[g] = max(hi[g], numbers[leaf]!)
                    }
                    return (0..<groups).map { (hi[$0] - lo[$0]) / range }
                }
                return (0..<groups).map { g in
                    let c = col.leavesIn[level][g]
                    return c > 1 ? Double(c) / Double(n) : 0
                }
            }
        }
    }

    /// Σ over all rows of the cell cost of column `d` at `level`, nothing suppressed: a lower
    /// bound for the column's part of every node at that level.
    public func columnTotal(_ m: CellMeasure, column d: Int, level: Int) -> Double {
        let w = table.width
        let map = table.columns[d].groupOf[level]
        let cost = cellCost[m]![d][level]
        var sum = 0.0
        for c in 0..<table.comboCount {
            sum += Double(table.counts[c]) * cost[Int(map[Int(table.codes[c * w + d])])]
        }
        return sum
    }

    /// Evaluates a node (cached: its classes may serve as the source of later nodes).
    /// `measures`: the cell measures to sum (the search asks only for its metric's).
    public func evaluate(_ levels: [Int], cached: Bool = true, measures: [CellMeasure] = CellMeasure.allCases) -> NodeEvaluation {
        let classes = classes(at: levels, cached: cached)
        return summarize(classes, measures: measures)
    }

    /// What publishing at `levels` means for the table: whether each distinct combination is
    /// published (false: its rows are suppressed), the sizes of the published classes, and the
    /// rows suppressed. One roll-up serves the writer and the risk report.
    public func publication(_ levels: [Int]) -> Publication {
        let w = table.width
        let classes = classes(at: levels, cached: false)
        // Index the classes by their generalized codes, then look each combination's up.
        var index = ComboIndex()
        var stored: [Int32] = []
        var kept: [Bool] = []
        var sizes: [Int] = []
        var suppressed = 0
        kept.reserveCapacity(classes.classCount)
        for c in 0..<classes.classCount {
            _ = index.findOrInsert(Array(classes.groups[(c * w)..<((c + 1) * w)]), in: &stored, count: kept.count)
            let isPublished = isKept(classes, c)
            kept.append(isPublished)
            if isPublished { sizes.append(classes.counts[c]) } else { suppressed += classes.counts[c] }
        }
        let maps = (0..<w).map { table.columns[$0].groupOf[levels[$0]] }
        var key = [Int32](repeating: 0, count: w)
        let published = (0..<table.comboCount).map { c -> Bool in
            for d in 0..<w { key[d] = maps[d][Int(table.codes[c * w + d])] }
            return index.find(key, in: stored).map { kept[$0] } ?? false
        }
        return Publication(published: published, classSizes: sizes, suppressedRows: suppressed)
    }

    @inline(__always)
    private func isKept(_ t: ClassTable, _ c: Int) -> Bool {
        t.counts[c] >= criteria.k && (!needL || t.sensitive[c].count >= criteria.l)
    }

    /// The cached immediate predecessor with the fewest classes, else the combinations.
    private func source(for levels: [Int]) -> ClassTable {
        var best = base
        var probe = levels
        for d in levels.indices where levels[d] > 0 {
            probe[d] -= 1
            if let t = cache[probe], t.classCount < best.classCount { best = t }
            probe[d] += 1
        }
        return best
    }

    private func classes(at levels: [Int], cached: Bool) -> ClassTable {
        if let hit = cache[levels] { return hit }
        let src = source(for: levels)
        classesMerged += src.classCount
        let out = rollUp(src, to: levels)
        if cached {
            cache[levels] = out
            cacheOrder.append(levels)
            cacheFootprint += out.footprint
            while cacheFootprint > cacheBudget, cacheHead < cacheOrder.count {
                let old = cacheOrder[cacheHead]
                cacheHead += 1
                if let t = cache.removeValue(forKey: old) { cacheFootprint -= t.footprint }
            }
        }
        return out
    }

    /// Merges the classes of `src` into those of the more general node `levels`. The hot loop of
    /// the search: flat buffers and unsafe pointers, no per-class allocation.
    private func rollUp(_ src: ClassTable, to levels: [Int]) -> ClassTable {
        let w = table.width
        let n = src.classCount
        // All columns' group maps in one flat array; column d's starts at offsets[d].
        var flatMaps: [Int32] = []
        var offsets = [Int](repeating: 0, count: w)
        for d in 0..<w {
            offsets[d] = flatMaps.count
            flatMaps.append(contentsOf: up[d][src.levels[d]][levels[d]])
        }
        let bits = (0..<w).map { UInt64(groupBits[$0][levels[$0]]) }
        let packs = bits.reduce(0, +) <= 64
        var cap = 16
        while cap < n * 2 { cap <<= 1 }
        if slots.count < cap { slots = [Int32](repeating: -1, count: cap) }
        var outGroups = [Int32](repeating: 0, count: n * w)
        var outCounts = [Int](repeating: 0, count: n)
        var outKeys = [UInt64](repeating: 0, count: packs ? n : 0)
        var classOf = [Int32](repeating: 0, count: n)
        var classes = 0
        let mask = cap - 1
        flatMaps.withUnsafeBufferPointer { maps in
        offsets.withUnsafeBufferPointer { off in
        bits.withUnsafeBufferPointer { bits in
        src.groups.withUnsafeBufferPointer { g in
        src.counts.withUnsafeBufferPointer { counts in
        slots.withUnsafeMutableBufferPointer { slots in
        outGroups.withUnsafeMutableBufferPointer { og in
        outCounts.withUnsafeMutableBufferPointer { oc in
        outKeys.withUnsafeMutableBufferPointer { ok in
        classOf.withUnsafeMutableBufferPointer { classOf in
            for i in 0..<cap { slots[i] = -1 }
            for c in 0..<n {
                let rowBase = c * w
                let newBase = classes * w
                var packed: UInt64 = 0
                var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                // Write the generalized codes where a new class would go; they are simply
                // overwritten by the next class when this one already exists.
                for d in 0..<w {
                    let v = maps[off[d] + Int(g[rowBase + d])]
                    og[newBase + d] = v
                    if packs { packed = packed << bits[d] | UInt64(UInt32(bitPattern: v)) } else {
                        h = (h ^ UInt64(UInt32(bitPattern: v))) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 31
                    }
                }
                if packs { h = (packed ^ (packed >> 29)) &* 0xBF58_476D_1CE4_E5B9; h ^= h >> 32 }
                var i = Int(truncatingIfNeeded: h) & mask
                while true {
                    let s = Int(slots[i])
                    if s < 0 {
                        slots[i] = Int32(classes)
                        classOf[c] = Int32(classes)
                        oc[classes] = counts[c]
                        if packs { ok[classes] = packed }
                        classes += 1
                        break
                    }
                    var same = true
                    if packs { same = ok[s] == packed } else {
                        let ob = s * w
                        for d in 0..<w where og[ob + d] != og[newBase + d] { same = false; break }
                    }
                    if same {
                        classOf[c] = Int32(s)
                        oc[s] += counts[c]
                        break
                    }
                    i = (i + 1) & mask
                }
            }
        } } } } } } } } } }
        // Exact-size copies: the buffers were sized for the source, and cached tables must not
        // keep that capacity alive.
        outGroups = Array(outGroups[0..<(classes * w)])
        outCounts = Array(outCounts[0..<classes])
        var sensitive: [[Int32]] = []
        if needL {
            sensitive = [[Int32]](repeating: [], count: classes)
            pairs.reset(capacityFor: src.sensitive.reduce(0) { $0 + $1.count })
            for c in 0..<n {
                let cls = Int(classOf[c])
                for s in src.sensitive[c] where pairs.insert(UInt64(cls) << 32 | UInt64(UInt32(s))) {
                    sensitive[cls].append(s)
                }
            }
        }
        return ClassTable(levels: levels, groups: outGroups, counts: outCounts, sensitive: sensitive)
    }

    private func summarize(_ t: ClassTable, measures: [CellMeasure]) -> NodeEvaluation {
        let w = table.width
        let levels = t.levels
        var keptClasses = 0, keptRows = 0, suppressedClasses = 0, suppressedRows = 0
        var keptSquares = 0.0, allSquares = 0.0
        var minSize = Int.max, minDistinct = Int.max
        // Each measure's cost tables for this node, flattened like the group maps.
        var flatCosts: [Double] = []
        var offsets: [Int] = []
        for m in measures {
            for d in 0..<w { offsets.append(flatCosts.count); flatCosts.append(contentsOf: cellCost[m]![d][levels[d]]) }
        }
        var sums = [Double](repeating: 0, count: measures.count * w)
        let k = criteria.k, l = criteria.l, needL = self.needL
        flatCosts.withUnsafeBufferPointer { costs in
        offsets.withUnsafeBufferPointer { off in
        t.groups.withUnsafeBufferPointer { g in
        t.counts.withUnsafeBufferPointer { counts in
        sums.withUnsafeMutableBufferPointer { sums in
            for c in 0..<counts.count {
                let size = counts[c]
                let sq = Double(size) * Double(size)
                allSquares += sq
                if size >= k && (!needL || t.sensitive[c].count >= l) {
                    keptClasses += 1; keptRows += size; keptSquares += sq
                    minSize = min(minSize, size)
                    if needL { minDistinct = min(minDistinct, t.sensitive[c].count) }
                    let cnt = Double(size)
                    let base = c * w
                    for j in 0..<sums.count { sums[j] += cnt * costs[off[j] + Int(g[base + j % w])] }
                } else {
                    suppressedClasses += 1; suppressedRows += size
                }
            }
        } } } } }
        var generalized: [CellMeasure: [Double]] = [:]
        for (i, m) in measures.enumerated() { generalized[m] = Array(sums[(i * w)..<((i + 1) * w)]) }
        return NodeEvaluation(
            levels: levels, rows: table.rowCount, keptClasses: keptClasses, keptRows: keptRows,
            suppressedClasses: suppressedClasses, suppressedRows: suppressedRows,
            keptSquares: keptSquares, allSquares: allSquares,
            minClassSize: keptClasses > 0 ? minSize : 0,
            minDistinct: needL ? (keptClasses > 0 ? minDistinct : 0) : (keptClasses > 0 ? Int.max : 0),
            generalizedCost: generalized,
            levelFractions: (0..<w).map { d in
                let top = table.columns[d].hierarchy.topLevel
                return top > 0 ? Double(levels[d]) / Double(top) : 0
            },
            domainSizes: table.columns.map(\.leafCount),
            anonymous: suppressedRows <= criteria.maxSuppressed(rows: table.rowCount))
    }
}

/// See `NodeEvaluator.publication(_:)`.
public struct Publication: Sendable {
    public var published: [Bool]
    public var classSizes: [Int]
    public var suppressedRows: Int
}

/// A hash set of 64-bit keys that is cleared in place (one per node evaluation).
struct PairSet {
    private var keys: [UInt64] = []
    private static let empty = UInt64.max

    mutating func reset(capacityFor n: Int) {
        var cap = 16
        while cap < n * 2 { cap <<= 1 }
        if keys.count != cap { keys = [UInt64](repeating: PairSet.empty, count: cap) } else {
            for i in keys.indices { keys[i] = PairSet.empty }
        }
    }

    /// True when the key was not there yet.
    mutating func insert(_ key: UInt64) -> Bool {
        let mask = keys.count - 1
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            if keys[i] == PairSet.empty { keys[i] = key; return true }
            if keys[i] == key { return false }
            i = (i + 1) & mask
        }
    }
}
