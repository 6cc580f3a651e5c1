import Foundation

/// A built hierarchy plus notes about values the builder had to place by a fallback rule.
/// Warnings give counts only, never the values, because the values are personal data.
public struct BuiltHierarchy: Sendable, Equatable {
    public var hierarchy: Hierarchy
    public var warnings: [String]
    public init(hierarchy: Hierarchy, warnings: [String] = []) {
        self.hierarchy = hierarchy; self.warnings = warnings
    }
}

/// Generators for generalization hierarchies built from a column's distinct values.
///
/// Every generator returns a hierarchy whose leaves are exactly the given values (duplicates
/// are dropped, first-seen order kept), so every value in the data has a row, and whose last
/// level holds a single value (`*`, or `日本` for addresses).
///
/// Missing values: for intervals, dates and masking, a value that is empty, whitespace only
/// or `*` counts as missing and is `*` at every level above 0, so it forms its own group
/// until the top instead of failing the whole column.
///
/// Errors never quote a data value; they say what kind of value was wrong and how many.
public enum HierarchyBuilders {
    /// The value every hierarchy ends in (except addresses, which end in `日本`).
    public static let topValue = "*"

    // MARK: - Numeric intervals

    /// Numeric intervals: level 0 the value, then one level per width, then `*`.
    ///
    /// Buckets are aligned at multiples of their width (`floor(v / w) * w`). Labels:
    /// - when every value, width, `bottom` and `top` is a whole number and no value is negative,
    ///   buckets are inclusive ranges `20-24`;
    /// - otherwise half-open ranges `[20,25)` / `[0.5,1)`, with as many decimals as the widths
    ///   and bounds need.
    /// Bottom and top coding: values below `bottom` are `<bottom`, values at or above `top` are
    /// `>=top` at every interval level; buckets that cross `bottom` or `top` are clipped to it
    /// (with bottom 15, the 10-wide bucket of 17 reads `15-19`), so labels never overlap the codes.
    ///
    /// Widths must be positive, increasing, and each a whole multiple of the previous one;
    /// otherwise a bucket would straddle two coarser buckets and the result would not be a tree.
    public static func intervals(values: [String], widths: [Double], bottom: Double? = nil, top: Double? = nil) throws -> Hierarchy {
        let source = "interval hierarchy"
        let leaves = distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        // Ratio of each width to the previous one; the coarser bucket index is derived from
        // the finer one by integer division so floating-point rounding cannot break nesting.
        var ratios: [Int] = []
        for (i, w) in widths.enumerated() {
            guard w.isFinite, w > 0 else {
                throw HierarchyError(source: source, line: 0, reason: "width \(format(w)) is not a positive number")
            }
            guard i > 0 else { ratios.append(1); continue }
            let ratio = w / widths[i - 1]
            let rounded = ratio.rounded()
            guard rounded >= 2, abs(ratio - rounded) <= 1e-9 * rounded else {
                throw HierarchyError(source: source, line: 0,
                                     reason: "width \(format(w)) is not a whole multiple (2 or more) of the previous width \(format(widths[i - 1])); widths must nest so the hierarchy is a tree")
            }
            ratios.append(Int(rounded))
        }
        for bound in [bottom, top].compactMap({ $0 }) where !bound.isFinite {
            throw HierarchyError(source: source, line: 0, reason: "bottom and top must be finite numbers")
        }
        if let bottom, let top, bottom >= top {
            throw HierarchyError(source: source, line: 0, reason: "bottom \(format(bottom)) must be below top \(format(top))")
        }

        var numbers: [String: Double] = [:]
        var nonNumeric = 0
        for leaf in leaves where !isMissing(leaf) {
            if let v = parseNumber(leaf) { numbers[leaf] = v } else { nonNumeric += 1 }
        }
        // Bucket indices are Ints; a value this far out cannot be bucketed exactly anyway.
        if let first = widths.first, numbers.values.contains(where: { abs($0 / first) >= 1e15 }) {
            throw HierarchyError(source: source, line: 0, reason: "a value is too large for the smallest width \(format(first))")
        }
        guard nonNumeric == 0 else {
            throw HierarchyError(source: source, line: 0,
                                 reason: nonNumeric == 1 ? "a non-numeric value in the column (1 distinct value)"
                                                         : "non-numeric values in the column (\(nonNumeric) distinct values)")
        }

        let bounds = [bottom, top].compactMap { $0 }
        let integral = (widths + bounds).allSatisfy { $0 == $0.rounded() }
            && numbers.values.allSatisfy { $0 == $0.rounded() && $0 >= 0 }
        let decimals = (widths + bounds).map(decimalPlaces).max() ?? 0

        func label(lo: Double, hi: Double) -> String {
            let lo = max(lo, bottom ?? lo), hi = min(hi, top ?? hi)
            if integral { return "\(format(lo, decimals: 0))-\(format(hi - 1, decimals: 0))" }
            return "[\(format(lo, decimals: decimals)),\(format(hi, decimals: decimals)))"
        }

        var rows: [[String]] = []
        rows.reserveCapacity(leaves.count)
        for leaf in leaves {
            var row = [leaf]
            if let v = numbers[leaf] {
                if let bottom, v < bottom {
                    row += Array(repeating: "<\(format(bottom, decimals: decimals))", count: widths.count)
                } else if let top, v >= top {
                    row += Array(repeating: ">=\(format(top, decimals: decimals))", count: widths.count)
                } else if let first = widths.first {
                    // Small epsilon: 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
                    var index = Int((v / first + 1e-9).rounded(.down))
                    for (i, w) in widths.enumerated() {
                        index = floorDiv(index, ratios[i])
                        let lo = Double(index) * w
                        row.append(label(lo: lo, hi: lo + w))
                    }
                }
            } else {
                row += Array(repeating: topValue, count: widths.count)
            }
            row.append(topValue)
            rows.append(row)
        }
        return try Hierarchy(rows: rows, source: source)
    }

    // MARK: - Masking

    /// Masking from the right: each level replaces the last `maskedCounts[i]` letters and digits
    /// with `*`, keeping separators (`-`, spaces, `〒`) where they are, then a final `*` level.
    /// `123-4567` with `[2, 4, 6]` gives `123-45**`, `123-****`, `1**-****`, `*`.
    ///
    /// A value shorter than a count is fully masked at that level. Characters are kept as they
    /// are (full-width digits stay full-width); the mask is always ASCII `*`. An existing `*`
    /// counts as a maskable position so each level is a function of the level below (a tree).
    /// When `maskedCounts` is nil, each level masks one more character, until the longest value
    /// has one left.
    public static func masking(values: [String], maskedCounts: [Int]? = nil) throws -> Hierarchy {
        let source = "mask hierarchy"
        let leaves = distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        let counts: [Int]
        if let maskedCounts {
            for (i, c) in maskedCounts.enumerated() {
                guard c > 0 else { throw HierarchyError(source: source, line: 0, reason: "mask count \(c) is not positive") }
                guard i == 0 || c > maskedCounts[i - 1] else {
                    throw HierarchyError(source: source, line: 0, reason: "mask counts must increase (\(maskedCounts[i - 1]) then \(c))")
                }
            }
            counts = maskedCounts
        } else {
            let longest = leaves.map { $0.reduce(0) { $0 + (isMaskable($1) ? 1 : 0) } }.max() ?? 0
            counts = longest > 1 ? Array(1..<longest) : []
        }
        let rows = leaves.map { leaf -> [String] in
            if isMissing(leaf) { return [leaf] + Array(repeating: topValue, count: counts.count + 1) }
            return [leaf] + counts.map { maskFromRight(leaf, count: $0) } + [topValue]
        }
        return try Hierarchy(rows: rows, source: source)
    }

    static func isMaskable(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "*" }

    static func maskFromRight(_ value: String, count: Int) -> String {
        var chars = Array(value)
        var left = count
        var i = chars.count - 1
        while i >= 0 && left > 0 {
            if isMaskable(chars[i]) { chars[i] = "*"; left -= 1 }
            i -= 1
        }
        return String(chars)
    }

    // MARK: - Categorical mapping

    /// Categorical hierarchy from explicit mappings: `levels[0]` maps each data value to its
    /// level-1 group, `levels[1]` maps level-1 groups to level-2 groups, and so on.
    ///
    /// A value missing from a level's mapping goes to `fallback` at that level; from then on the
    /// fallback is looked up like any group (and stays `fallback` where it is not mapped), so each
    /// level is still a function of the one below. Each level with misses adds one warning with
    /// the count. If the last level holds more than one distinct value, a `*` level is added so
    /// the hierarchy ends in a single value.
    public static func categorical(values: [String], levels: [[String: String]], fallback: String = topValue) throws -> BuiltHierarchy {
        let source = "mapping hierarchy"
        let leaves = distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        var rows = leaves.map { [$0] }
        var warnings: [String] = []
        for (levelIndex, mapping) in levels.enumerated() {
            var missed = Set<String>()
            for r in rows.indices {
                let below = rows[r].last!
                if let group = mapping[below] {
                    rows[r].append(group)
                } else {
                    // The fallback itself propagating upward is not a new miss.
                    if !(levelIndex > 0 && below == fallback) { missed.insert(below) }
                    rows[r].append(fallback)
                }
            }
            if !missed.isEmpty {
                let what = levelIndex == 0 ? "data value" : "level-\(levelIndex) group"
                warnings.append("level \(levelIndex + 1): \(missed.count) \(what)\(missed.count == 1 ? "" : "s") not in the mapping, placed under '\(fallback)'")
            }
        }
        if Set(rows.map { $0.last! }).count > 1 || levels.isEmpty {
            for r in rows.indices { rows[r].append(topValue) }
        }
        return BuiltHierarchy(hierarchy: try Hierarchy(rows: rows, source: source), warnings: warnings)
    }

    // MARK: - Shared helpers

    /// Distinct values, first-seen order.
    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Empty, blank, or already suppressed.
    static func isMissing(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty || trimmed == "*"
    }

    /// Plain decimal numbers only (sign, digits, one point, optional exponent), full-width
    /// digits accepted; `Double(_:)` alone would also take `nan`, `inf` and hex floats.
    static func parseNumber(_ value: String) -> Double? {
        let s = value.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        var sawDigit = false, sawPoint = false, sawExponent = false
        var previous: Character? = nil
        for c in s {
            switch c {
            case "0"..."9": sawDigit = true
            case ".": if sawPoint || sawExponent { return nil }; sawPoint = true
            case "+", "-": if !(previous == nil || previous == "e" || previous == "E") { return nil }
            case "e", "E": if sawExponent || !sawDigit { return nil }; sawExponent = true
            default: return nil
            }
            previous = c
        }
        guard sawDigit, let v = Double(s), v.isFinite else { return nil }
        return v
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Decimals needed to print `x` exactly enough (at most 10).
    static func decimalPlaces(_ x: Double) -> Int {
        var d = 0
        var scaled = x
        while d < 10 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
            d += 1; scaled *= 10
        }
        return d
    }

    static func format(_ x: Double, decimals: Int? = nil) -> String {
        let d = decimals ?? decimalPlaces(x)
        var s = String(format: "%.\(d)f", x)
        if s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() }
        return s
    }
}
