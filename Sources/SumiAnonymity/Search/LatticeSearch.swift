import Foundation

/// The outcome of a search: the optimal node, its evaluation, and what the search did.
public struct SearchResult: Sendable {
    public var best: NodeEvaluation
    public var metric: InformationLoss
    public var value: Double
    public var statistics: SearchStatistics
}

public struct SearchStatistics: Sendable, Codable {
    /// Nodes in the lattice (product of the columns' level counts).
    public var nodes: Int
    /// Nodes whose classes were actually computed.
    public var evaluated: Int
    /// Nodes known not to be anonymous without evaluation (a generalization of them is not).
    public var taggedNotAnonymous: Int
    /// Nodes skipped because a lower bound showed they cannot beat the best found.
    public var prunedByBound: Int
    /// Classes of already evaluated nodes merged to evaluate others (the search's real work).
    public var classesMerged: Int
    public var milliseconds: Double
}

public enum LatticeSearchError: Error, CustomStringConvertible, Equatable {
    case latticeTooLarge(Int)
    case noSolution(rows: Int, k: Int)
    public var description: String {
        switch self {
        case .latticeTooLarge(let n):
            return "the generalization lattice has \(n) nodes; use fewer quasi-identifiers or hierarchies with fewer levels (limit \(LatticeSearch.maxNodes))"
        case .noSolution(let rows, let k):
            return "no generalization satisfies the criteria (\(rows) rows, k = \(k)); allow more suppression or lower k/l"
        }
    }
}

/// Optimal full-domain generalization with record suppression, as ARX's Flash/OLA find it:
/// every node of the lattice is either evaluated, or provably not anonymous, or provably not
/// better than the best found, so the result is the global optimum under the chosen metric.
///
/// Pruning uses two monotonicity facts. (1) Anonymity is monotone: if a node is not anonymous,
/// no specialization of it is (merging classes only shrinks the suppressed set), so a failure
/// tags all its predecessors. (2) Lower bounds: the cell-additive metrics (Loss, Precision, NCP)
/// are bounded below by the cost of generalizing every row, which is a sum of per-column terms
/// and costs nothing to compute; nodes are visited in order of that bound and the search stops
/// when the bound reaches the best value found. Discernibility's bound is inherited from the
/// node's predecessors (their sum of squares).
public enum LatticeSearch {
    public static let maxNodes = 5_000_000

    public static func run(table: QITable, criteria: PrivacyCriteria, metric: InformationLoss,
                           maxLevels: [Int]? = nil) throws -> SearchResult {
        let start = DispatchTime.now()
        let w = table.width
        let heights = (0..<w).map { d -> Int in
            let top = table.columns[d].hierarchy.topLevel
            return min(top, maxLevels?[d] ?? top) + 1
        }
        var nodeCount = 1
        for h in heights {
            nodeCount = nodeCount.multipliedReportingOverflow(by: h).overflow ? Int.max : nodeCount * h
            if nodeCount > maxNodes { throw LatticeSearchError.latticeTooLarge(nodeCount) }
        }
        var strides = [Int](repeating: 1, count: w)
        if w > 1 { for d in stride(from: w - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * heights[d + 1] } }
        func levels(of node: Int) -> [Int] { (0..<w).map { (node / strides[$0]) % heights[$0] } }

        let evaluator = NodeEvaluator(table: table, criteria: criteria)
        let rows = Double(max(table.rowCount, 1))

        // Static lower bound per node (cell-additive metrics), from per-column totals.
        var staticBound: [Double]? = nil
        if let m = metric.cellMeasure {
            let totals = (0..<w).map { d in (0..<heights[d]).map { evaluator.columnTotal(m, column: d, level: $0) } }
            let domains = table.columns.map(\.leafCount)
            let tops = table.columns.map { Double(max($0.hierarchy.topLevel, 1)) }
            var b = [Double](repeating: 0, count: nodeCount)
            var columnTotals = [Double](repeating: 0, count: w)
            var fractions = [Double](repeating: 0, count: w)
            for node in 0..<nodeCount {
                for d in 0..<w {
                    let level = (node / strides[d]) % heights[d]
                    columnTotals[d] = totals[d][level]
                    fractions[d] = table.columns[d].hierarchy.topLevel > 0 ? Double(level) / tops[d] : 0
                }
                b[node] = metric.staticBound(columnTotals: columnTotals, rows: table.rowCount, domains: domains, levelFractions: fractions)
            }
            staticBound = b
        }
        // Without suppression every metric only grows with generalization, so the successors of
        // an anonymous node cannot beat it.
        let monotone = criteria.maxSuppressed(rows: table.rowCount) == 0 || metric == .dmStar
        // Visit order: by bound when there is one, then by height in the lattice, so that every
        // predecessor of a node comes before it (bounds grow with generalization).
        var levelSum = [Int](repeating: 0, count: nodeCount)
        for node in 0..<nodeCount { levelSum[node] = levels(of: node).reduce(0, +) }
        var order = Array(0..<nodeCount)
        if let b = staticBound {
            order.sort { b[$0] != b[$1] ? b[$0] < b[$1] : (levelSum[$0] != levelSum[$1] ? levelSum[$0] < levelSum[$1] : $0 < $1) }
        } else {
            order.sort { levelSum[$0] != levelSum[$1] ? levelSum[$0] < levelSum[$1] : $0 < $1 }
        }

        // Anonymity of each node: 0 unknown, 1 anonymous, 2 not anonymous.
        var anonymity = [UInt8](repeating: 0, count: nodeCount)
        // A node some strict predecessor of which is anonymous (with a monotone metric it cannot
        // beat that predecessor).
        var aboveAnonymous = [Bool](repeating: false, count: nodeCount)
        var values = [Double](repeating: .nan, count: nodeCount)
        var inherited = [Double](repeating: 0, count: nodeCount)
        var best: (node: Int, value: Double)? = nil
        var evaluated = 0, tagged = 0, pruned = 0
        let epsilon = 1e-12
        let measures = metric.cellMeasure.map { [$0] } ?? []

        func level(_ n: Int, _ d: Int) -> Int { (n / strides[d]) % heights[d] }
        func tagNotAnonymousBelow(_ node: Int) {
            var stack = [node]
            while let n = stack.popLast() {
                for d in 0..<w where level(n, d) > 0 {
                    let p = n - strides[d]
                    if anonymity[p] == 0 { anonymity[p] = 2; tagged += 1; stack.append(p) }
                }
            }
        }
        func tagAnonymousAbove(_ node: Int) {
            var stack = [node]
            while let n = stack.popLast() {
                for d in 0..<w where level(n, d) < heights[d] - 1 {
                    let p = n + strides[d]
                    if !aboveAnonymous[p] { aboveAnonymous[p] = true; anonymity[p] = 1; stack.append(p) }
                }
            }
        }
        func check(_ node: Int) {
            let e = evaluator.evaluate(levels(of: node), measures: measures)
            evaluated += 1
            if let own = metric.inheritedBound(e) { inherited[node] = max(inherited[node], own) }
            if e.anonymous {
                anonymity[node] = 1
                values[node] = metric.value(e)
                tagAnonymousAbove(node)
            } else {
                anonymity[node] = 2
                tagNotAnonymousBelow(node)
            }
        }
        // Flash's idea: walk up from an unclassified node along unclassified successors, then
        // binary-search the path for its lowest anonymous node; each check classifies a whole
        // cone of the lattice (anonymous upward, not anonymous downward).
        func classify(_ start: Int) {
            var path = [start]
            var n = start
            while true {
                var next = -1
                for d in 0..<w where level(n, d) < heights[d] - 1 && anonymity[n + strides[d]] == 0 {
                    let s = n + strides[d]
                    if next < 0 || (staticBound.map { $0[s] < $0[next] } ?? (s < next)) { next = s }
                }
                if next < 0 { break }
                path.append(next); n = next
            }
            var lo = 0, hi = path.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if anonymity[path[mid]] == 0 { check(path[mid]) }
                if anonymity[path[mid]] == 1 { hi = mid - 1 } else { lo = mid + 1 }
            }
        }
        func better(_ v: Double, _ node: Int) -> Bool {
            guard let b = best else { return true }
            if v < b.value - epsilon * max(1, abs(b.value)) { return true }
            if v > b.value + epsilon * max(1, abs(b.value)) { return false }
            return levelSum[node] != levelSum[b.node] ? levelSum[node] < levelSum[b.node] : node < b.node
        }

        for (position, node) in order.enumerated() {
            if let b = staticBound, let found = best, b[node] > found.value + epsilon * max(1, abs(found.value)) {
                pruned += order.count - position
                break
            }
            if monotone && aboveAnonymous[node] { pruned += 1; continue }
            // Bound inherited from predecessors (all visited before this node).
            var bound = inherited[node]
            for d in 0..<w where level(node, d) > 0 { bound = max(bound, inherited[node - strides[d]]) }
            inherited[node] = bound
            if let found = best, bound > found.value + epsilon * max(1, abs(found.value)) { pruned += 1; continue }
            if anonymity[node] == 0 { classify(node) }
            if anonymity[node] == 2 { continue }
            if monotone && aboveAnonymous[node] { pruned += 1; continue }
            if values[node].isNaN { check(node) }
            if better(values[node], node) { best = (node, values[node]) }
        }
        guard let found = best else { throw LatticeSearchError.noSolution(rows: table.rowCount, k: criteria.k) }
        // The search summed only its own metric's measure; the report wants all of them.
        let full = evaluator.evaluate(levels(of: found.node), cached: false)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        return SearchResult(best: full, metric: metric, value: found.value,
                            statistics: SearchStatistics(nodes: nodeCount, evaluated: evaluated, taggedNotAnonymous: tagged,
                                                         prunedByBound: pruned, classesMerged: evaluator.classesMerged, milliseconds: ms))
    }
}
