import Foundation

/// Which hierarchy to build for a column, as written on a command line.
///
/// Grammar (kind names are case-insensitive; numbers are plain decimals):
///
///     interval:W1,W2,...[;bottom=N][;top=N]   numeric buckets; widths must nest
///     date[:LEVEL,...]                        LEVEL = day | month | year | decade
///                                             (default day,month,year,decade)
///     mask[:N1,N2,...]                        mask N letters/digits from the right per level
///                                             (default: one more per level)
///     postal                                  mask:2,4,6  (123-4567 → 123-45** → 123-**** → 1**-****)
///     jp-address                              municipality, prefecture, region, 日本
///     map:FILE[;fallback=GROUP]               YAML group mapping (see `CategoricalMapping`);
///                                             FILE ends at the first ';'
///     arx:FILE                                ARX hierarchy file, ';'-separated; FILE is taken whole
///     FILE.csv                                same as arx:FILE.csv
public enum HierarchySpec: Sendable, Equatable {
    case interval(widths: [Double], bottom: Double?, top: Double?)
    case date(levels: [DateLevel])
    /// nil counts: one more character per level.
    case mask(counts: [Int]?)
    case japaneseAddress
    case mapFile(path: String, fallback: String?)
    case arxFile(path: String)

    static let source = "hierarchy spec"
    static let knownKinds: Set<String> = ["interval", "intervals", "date", "dates", "mask", "postal", "jp-address", "map", "arx"]

    public static func parse(_ text: String) throws -> HierarchySpec {
        let spec = text.trimmingCharacters(in: .whitespaces)
        func fail(_ reason: String) -> HierarchyError { HierarchyError(source: source, line: 0, reason: reason) }
        guard !spec.isEmpty else { throw fail("empty hierarchy spec") }

        let head: Substring, argument: Substring?
        if let colon = spec.firstIndex(of: ":") {
            head = spec[..<colon]; argument = spec[spec.index(after: colon)...]
        } else {
            head = Substring(spec); argument = nil
        }
        let kind = head.lowercased()

        // Paths are taken whole (they may hold ';' or ':').
        if kind == "arx" {
            guard let argument, !argument.isEmpty else { throw fail("'arx' needs a file: arx:FILE") }
            return .arxFile(path: String(argument))
        }
        if !knownKinds.contains(kind) && spec.lowercased().hasSuffix(".csv") {
            return .arxFile(path: spec)
        }

        // The rest: "kind[:list](;key=value)*".
        var parts = (argument ?? "").split(separator: ";", omittingEmptySubsequences: false)
        if argument == nil { parts = [] }
        let list = parts.first.map { String($0) }
        var options: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let eq = part.firstIndex(of: "="), eq != part.startIndex else {
                throw fail("option '\(part)' should be name=value")
            }
            let key = part[..<eq].lowercased().trimmingCharacters(in: .whitespaces)
            guard options[key] == nil else { throw fail("option '\(key)' given twice") }
            options[key] = String(part[part.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        func allowOnly(_ allowed: Set<String>) throws {
            for key in options.keys.sorted() where !allowed.contains(key) {
                throw fail("'\(kind)' has no option '\(key)'" + (allowed.isEmpty ? "" : " (options: \(allowed.sorted().joined(separator: ", ")))"))
            }
        }
        func items(_ what: String) throws -> [String] {
            guard let list, !list.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("'\(kind)' needs \(what)") }
            return list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func number(_ s: String, _ what: String) throws -> Double {
            guard let v = HierarchyBuilders.parseNumber(s) else { throw fail("\(what) '\(s)' is not a number") }
            return v
        }

        switch kind {
        case "interval", "intervals":
            try allowOnly(["bottom", "top"])
            let widths = try items("widths, e.g. interval:5,10,20").map { try number($0, "width") }
            let bottom = try options["bottom"].map { try number($0, "bottom") }
            let top = try options["top"].map { try number($0, "top") }
            return .interval(widths: widths, bottom: bottom, top: top)
        case "date", "dates":
            try allowOnly([])
            guard list != nil else { return .date(levels: DateLevel.allCases) }
            let levels = try items("levels, e.g. date:month,year,decade").map { name -> DateLevel in
                guard let level = DateLevel(rawValue: name.lowercased()) else {
                    throw fail("unknown date level '\(name)' (day, month, year, decade)")
                }
                return level
            }
            return .date(levels: levels)
        case "mask":
            try allowOnly([])
            guard list != nil else { return .mask(counts: nil) }
            let counts = try items("counts, e.g. mask:2,4,6").map { s -> Int in
                guard let n = Int(s) else { throw fail("mask count '\(s)' is not a whole number") }
                return n
            }
            return .mask(counts: counts)
        case "postal":
            guard argument == nil else { throw fail("'postal' takes no arguments (it is mask:2,4,6)") }
            return .mask(counts: [2, 4, 6])
        case "jp-address":
            guard argument == nil else { throw fail("'jp-address' takes no arguments") }
            return .japaneseAddress
        case "map":
            try allowOnly(["fallback"])
            guard let list, !list.isEmpty else { throw fail("'map' needs a file: map:FILE") }
            return .mapFile(path: list, fallback: options["fallback"])
        default:
            throw fail("unknown hierarchy kind '\(head)' (interval, date, mask, postal, jp-address, map, arx, or a .csv file)")
        }
    }

    /// Builds the hierarchy for a column's distinct values.
    public func build(values: [String]) throws -> Hierarchy {
        try buildWithWarnings(values: values).hierarchy
    }

    /// Builds the hierarchy plus the builder's warnings (values placed by a fallback rule).
    public func buildWithWarnings(values: [String]) throws -> BuiltHierarchy {
        switch self {
        case let .interval(widths, bottom, top):
            return BuiltHierarchy(hierarchy: try HierarchyBuilders.intervals(values: values, widths: widths, bottom: bottom, top: top))
        case let .date(levels):
            return BuiltHierarchy(hierarchy: try HierarchyBuilders.dates(values: values, levels: levels))
        case let .mask(counts):
            return BuiltHierarchy(hierarchy: try HierarchyBuilders.masking(values: values, maskedCounts: counts))
        case .japaneseAddress:
            return try HierarchyBuilders.japaneseAddress(values: values)
        case let .mapFile(path, fallback):
            let mapping = try CategoricalMapping.load(path: path)
            return try HierarchyBuilders.categorical(values: values, levels: mapping.levels, fallback: fallback ?? mapping.fallback)
        case let .arxFile(path):
            return BuiltHierarchy(hierarchy: try Self.restrictARX(try Hierarchy.loadARX(path: path), to: values, source: path))
        }
    }

    /// An ARX file may list more leaves than the data holds: all its rows are kept, because ARX's
    /// Loss counts them as the column's domain (age 1–100 while the data has 72 ages), and
    /// information loss must compare with ARX's. A data value without a row is an error, since it
    /// could not be generalized.
    static func restrictARX(_ full: Hierarchy, to values: [String], source: String) throws -> Hierarchy {
        let leaves = HierarchyBuilders.distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        let missing = leaves.filter { !full.contains($0) }.count
        guard missing == 0 else {
            throw HierarchyError(source: source, line: 0,
                                 reason: missing == 1 ? "a value in the data is not a leaf of the hierarchy (1 distinct value)"
                                                      : "values in the data are not leaves of the hierarchy (\(missing) distinct values)")
        }
        return full
    }
}
