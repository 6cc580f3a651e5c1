import Foundation
import SumiAnonymity

/// What `sumi anonymize` did to a table and what risk remains: the JSON report (`--report`)
/// and its human-readable rendering. Never contains a cell value.
public struct AnonymizationReport: Codable, Sendable {
    public struct Column: Codable, Sendable {
        public var name: String
        public var role: String
        /// Label from the classifier (or null).
        public var label: String?
        /// `generalized`, `dropped`, `transformed`, `kept`.
        public var action: String
        /// For identifiers transformed by an operator.
        public var `operator`: String?
        /// For quasi-identifiers: the hierarchy used, the chosen and the top level.
        public var hierarchy: String?
        public var level: Int?
        public var topLevel: Int?
        /// Whether the role came from the plan or from the classifier.
        public var roleSource: String
    }
    public struct Risk: Codable, Sendable {
        /// Prosecutor risk: 1 / size of a row's equivalence class.
        public var highest: Double
        public var average: Double
        /// Rows whose risk is above the threshold.
        public var rowsAboveThreshold: Int
        public var classes: Int
        public var smallestClass: Int
    }
    public struct Search: Codable, Sendable {
        public var nodes: Int
        public var evaluated: Int
        public var milliseconds: Double
    }

    public var input: String
    public var output: String
    public var encoding: String
    public var rows: Int
    public var rowsWritten: Int
    /// Distinct combinations of the quasi-identifiers' raw values (what memory grows with).
    public var distinctCombinations: Int
    public var columns: [Column]
    public var k: Int
    public var l: Int
    public var suppressionLimit: Double
    public var metric: String
    /// Achieved: the smallest published class and fewest distinct sensitive values in one.
    public var achievedK: Int
    public var achievedL: Int?
    public var equivalenceClasses: Int
    public var suppressedRows: Int
    public var riskThreshold: Double
    public var riskBefore: Risk
    public var riskAfter: Risk
    /// Every metric's value at the chosen node (the optimized one is `metric`).
    public var informationLoss: [String: Double]
    public var search: Search
    public var warnings: [String]
    public var seconds: Double

    /// Terminal columns a text takes: East Asian wide and full-width characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }()

    public func json() throws -> Data { try AnonymizationReport.encoder.encode(self) }

    /// The report as a compliance officer would read it.
    public func text() -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        line("sumi anonymize: \(input) → \(output) (\(encoding))")
        line("rows: \(rows) read (\(distinctCombinations) distinct quasi-identifier combinations), \(rowsWritten) written; \(suppressedRows) suppressed (\(pct(rows > 0 ? Double(suppressedRows) / Double(rows) : 0)), limit \(pct(suppressionLimit)))")
        line("criteria: k = \(k)" + (l > 1 ? ", distinct l = \(l)" : "") + "; achieved k = \(achievedK)"
             + (achievedL.map { ", l = \($0)" } ?? "") + "; \(equivalenceClasses) equivalence classes")
        line()
        line("columns:")
        let width = max(8, columns.map { AnonymizationReport.displayWidth($0.name) }.max() ?? 8)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - AnonymizationReport.displayWidth(s))) }
        for c in columns {
            var what = c.action
            if let h = c.hierarchy, let lv = c.level, let top = c.topLevel { what += " to level \(lv) of \(top) (\(h))" }
            if let op = c.operator { what += " with \(op)" }
            let name = pad(c.name, width)
            let role = pad(c.role, 16)
            line("  \(name)  \(role)  \(what)" + (c.label.map { "  [\($0)]" } ?? "") + (c.roleSource == "classifier" ? "  (classified)" : ""))
        }
        line()
        line("re-identification risk (prosecutor, threshold \(String(format: "%.3g", riskThreshold))):")
        line(String(format: "  before: highest %.4f, average %.4f, %d rows above threshold, smallest class %d",
                    riskBefore.highest, riskBefore.average, riskBefore.rowsAboveThreshold, riskBefore.smallestClass))
        line(String(format: "  after:  highest %.4f, average %.4f, %d rows above threshold, smallest class %d",
                    riskAfter.highest, riskAfter.average, riskAfter.rowsAboveThreshold, riskAfter.smallestClass))
        line()
        line("information loss (optimized: \(metric)):")
        for m in InformationLoss.allCases {
            if let v = informationLoss[m.rawValue] { line("  " + pad(m.rawValue, 15) + String(format: " %.10g", v)) }
        }
        line(String(format: "search: %d of %d lattice nodes evaluated in %.0f ms; total %.2f s", search.evaluated, search.nodes, search.milliseconds, seconds))
        for w in warnings { line("warning: \(w)") }
        return out
    }
}
