import Foundation

/// The information-loss metrics the search can minimize. Each is computed exactly as ARX (3.9,
/// default settings: generalization/suppression factor 0.5, equal weights) computes its metric
/// of the same name, so optima compare number for number with ARX's (`tools/arx-reference/METRICS.md`
/// states ARX's formulas). N rows, S suppressed, C published classes, D quasi-identifiers.
public enum InformationLoss: String, CaseIterable, Sendable, Codable {
    /// ARX "Loss": per column A = Σ published rows' share of the hierarchy's leaves covered by
    /// their value + S; loss_d = (A − N/R) / (N − N/R), truncated to 10 decimals; the columns are
    /// combined by a geometric mean of (1 + loss_d), minus 1.
    case loss
    /// Generalization intensity (ARX "Precision"): mean over columns of ((N − S)·L/h + S) / N.
    case precision
    /// Discernibility (ARX DM, non-monotonic): Σ |E|² over published classes + N·S.
    case discernibility
    /// ARX DM* (monotonic discernibility): Σ |E|² over all classes, suppressed ones included.
    case dmStar = "dm-star"
    /// Average equivalence class size (ARX AECS): N / (C + 1 if anything is suppressed).
    case aecs
    /// Normalized certainty penalty: mean over columns of (Σ published cells' NCP + S) / N, NCP
    /// being interval width / range for numeric columns and leaves covered / domain otherwise.
    case ncp

    /// The cell measure whose per-column sums give a lower bound before any evaluation.
    var cellMeasure: CellMeasure? {
        switch self {
        case .loss: return .share
        case .precision: return .precision
        case .ncp: return .ncp
        case .discernibility, .dmStar, .aecs: return nil
        }
    }

    /// The metric's value at an evaluated node.
    public func value(_ e: NodeEvaluation) -> Double {
        let n = Double(e.rows)
        let s = Double(e.suppressedRows)
        guard n > 0 else { return 0 }
        switch self {
        case .loss:
            return InformationLoss.lossAggregate(columnSums: e.generalizedCost[.share]!.map { $0 + s }, rows: n, domains: e.domainSizes)
        case .precision:
            let dims = Double(e.levelFractions.count)
            var total = 0.0
            for f in e.levelFractions { total += (((n - s) * f + s) / n) / dims }
            return total
        case .ncp:
            let sums = e.generalizedCost[.ncp]!
            return sums.isEmpty ? 0 : sums.map { ($0 + s) / n }.reduce(0, +) / Double(sums.count)
        case .discernibility:
            return e.keptSquares + n * s
        case .dmStar:
            return e.allSquares
        case .aecs:
            let classes = e.keptClasses + (e.suppressedRows > 0 ? 1 : 0)
            return classes > 0 ? n / Double(classes) : 0
        }
    }

    /// ARX Loss from the per-column sums A_d (suppressed rows already counted as 1).
    static func lossAggregate(columnSums: [Double], rows n: Double, domains: [Int]) -> Double {
        let dims = Double(columnSums.count)
        guard dims > 0 else { return 0 }
        var product = 1.0
        for (d, a) in columnSums.enumerated() {
            let low = n / Double(domains[d])
            var loss = n - low > 0 ? max(0, (a - low) / (n - low)) : 0
            loss = (loss * 1e10).rounded(.down) / 1e10
            product *= pow(loss + 1, 1 / dims)
        }
        return product - 1
    }

    /// A value no node can go below given, per column, the cost of generalizing every row at the
    /// node's level (suppressing a row costs at least as much as generalizing it).
    func staticBound(columnTotals: [Double], rows: Int, domains: [Int], levelFractions: [Double]) -> Double {
        let n = Double(rows)
        switch self {
        case .loss: return InformationLoss.lossAggregate(columnSums: columnTotals, rows: n, domains: domains)
        case .precision:
            let dims = Double(levelFractions.count)
            var total = 0.0
            for f in levelFractions { total += (n * f / n) / dims }
            return total
        case .ncp: return columnTotals.isEmpty ? 0 : columnTotals.map { $0 / n }.reduce(0, +) / Double(columnTotals.count)
        case .discernibility, .dmStar, .aecs: return 0
        }
    }

    /// A bound that no generalization of the evaluated node can go below. For DM and DM*, the
    /// sum of squares of all classes: merging classes only raises it, and a suppressed row costs
    /// N ≥ its class size.
    func inheritedBound(_ e: NodeEvaluation) -> Double? {
        switch self {
        case .discernibility, .dmStar: return e.allSquares
        default: return nil
        }
    }

    /// Every metric's value at a node, for reports.
    public static func all(_ e: NodeEvaluation) -> [InformationLoss: Double] {
        var out: [InformationLoss: Double] = [:]
        for m in allCases { out[m] = m.value(e) }
        return out
    }
}
