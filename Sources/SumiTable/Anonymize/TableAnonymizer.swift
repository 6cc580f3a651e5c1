import Foundation
import SumiAnonymity
import SumiCore
import SumiText
import SumiTransform

/// Makes a CSV/TSV table k-anonymous (optionally l-diverse): identifiers dropped or transformed,
/// quasi-identifiers generalized to the lattice node with the least information loss, rows of
/// classes that stay too small suppressed, everything else kept.
///
/// The table streams through twice (three times when the classifier needs a sample): once to
/// count distinct quasi-identifier combinations, once to write. Memory therefore grows with
/// the distinct combinations, not with rows. The output is written to a temporary file and
/// renamed at the end, so an error (a malformed row, an unencodable value) leaves no output.
public final class TableAnonymizer {
    public struct Options {
        public var delimiter: UInt8?
        public var encoding: TextEncoding?
        /// Decides the roles the plan leaves open; nil keeps such columns as they are.
        public var classifier: ColumnClassifier?
        /// For identifier operators (keys for pseudonymize/encrypt).
        public var operatorContext: OperatorContext?
        /// Rows sampled (from the start) for classification.
        public var sampleRows = 20_000
        /// False for a table without a header row: columns are then named 1, 2, 3 ... and the
        /// output has no header row either.
        public var hasHeader = true
        public init() {}
    }

    public let plan: AnonymizationPlan
    public let options: Options

    public init(plan: AnonymizationPlan, options: Options = Options()) {
        self.plan = plan
        self.options = options
    }

    enum Role: String { case identifier, quasiIdentifier = "quasi_identifier", sensitive, other }

    struct ColumnPlan {
        var name: String
        var role: Role
        var label: String?
        var fromPlan: Bool
        var op: Operator?
    }

    public func run(input: String, output: String) throws -> AnonymizationReport {
        let started = DispatchTime.now()
        TableAnonymizer.trace("start")
        try plan.validate()
        var warnings: [String] = []
        let reader = try CSVReader(path: input, delimiter: options.delimiter, encoding: options.encoding, hasHeader: options.hasHeader)
        let header = options.hasHeader ? (reader.header ?? []) : (1...max(reader.columnCount, 1)).map(String.init)
        guard !header.isEmpty else { throw PlanError("\(input): the table has no header row") }
        var index: [String: Int] = [:]
        var duplicated = Set<String>()
        for (i, name) in header.enumerated() { if index[name] != nil { duplicated.insert(name) } else { index[name] = i } }
        let named = plan.quasiIdentifiers + plan.sensitive + Array(plan.identifiers.keys) + Array(plan.keep)
        for name in named {
            guard index[name] != nil else {
                throw PlanError("\(input): no column named \(name) (columns: \(header.joined(separator: ", ")))")
            }
            if duplicated.contains(name) { throw PlanError("\(input): the header names column \(name) more than once") }
        }

        // Roles: the plan's first, then the classifier's for the columns it leaves open.
        var columns = header.map { ColumnPlan(name: $0, role: .other, label: nil, fromPlan: false, op: nil) }
        var classified: [Int: ColumnClassification] = [:]
        if let classifier = options.classifier {
            var sampler = ColumnSampler()
            while sampler.rowCount < options.sampleRows, let r = try reader.next() { sampler.add(r.fields) }
            for c in classifier.classify(header: options.hasHeader ? header : nil, samples: sampler.samples).columns { classified[c.index] = c }
            try reader.rewind()
        }
        for (i, name) in header.enumerated() {
            columns[i].label = classified[i]?.label
            if plan.quasiIdentifiers.contains(name) { columns[i].role = .quasiIdentifier; columns[i].fromPlan = true }
            else if plan.sensitive.contains(name) { columns[i].role = .sensitive; columns[i].fromPlan = true }
            else if let op = plan.identifiers[name] { columns[i].role = .identifier; columns[i].op = op; columns[i].fromPlan = true }
            else if plan.keep.contains(name) { columns[i].role = .other; columns[i].fromPlan = true }
            else if let c = classified[i] {
                switch c.role {
                case .identifier: columns[i].role = .identifier
                case .quasiIdentifier:
                    if plan.quasiIdentifiers.isEmpty { columns[i].role = .quasiIdentifier } else {
                        warnings.append("column \(name) looks like a quasi-identifier (\(c.label ?? "?")) but is kept as it is; name it with --qi to generalize it or --keep to silence this")
                    }
                case .sensitive: columns[i].role = .sensitive
                case .other: columns[i].role = .other
                }
            }
        }
        let qi = columns.indices.filter { columns[$0].role == .quasiIdentifier }
        guard !qi.isEmpty else {
            throw PlanError("\(input): no quasi-identifiers; name them with --qi or in a policy" + (options.classifier == nil ? "" : " (the classifier found none)"))
        }
        let sensitiveColumns = columns.indices.filter { columns[$0].role == .sensitive }
        let lColumn: Int? = plan.l > 1 ? (plan.sensitive.first.flatMap { index[$0] } ?? sensitiveColumns.first) : nil
        if plan.l > 1 && lColumn == nil { throw PlanError("l-diversity needs a sensitive column (--sensitive)") }

        // Pass 1: distinct combinations of the quasi-identifiers.
        var counter: CombinationCounter! = CombinationCounter(width: qi.count, tracksSensitive: lColumn != nil)
        var values = [String](repeating: "", count: qi.count)
        while let r = try reader.next() {
            for (d, i) in qi.enumerated() { values[d] = r.fields[i] }
            counter.add(values, sensitive: lColumn.map { r.fields[$0] })
        }
        let rows = counter.rowCount
        TableAnonymizer.trace("counted")
        guard rows > 0 else { throw PlanError("\(input): the table has no data rows") }

        // Hierarchies, from the plan or chosen by each column's label and values.
        var qiColumns: [QIColumn] = []
        var specText: [String] = []
        for (d, i) in qi.enumerated() {
            let distinct = counter.distinctValues[d]
            let given = plan.hierarchies[columns[i].name]
            var (spec, description) = given.map { ($0, TableAnonymizer.describe($0)) }
                ?? TableAnonymizer.defaultSpec(label: columns[i].label, values: distinct)
            var built: BuiltHierarchy
            do {
                if let spec { built = try spec.buildWithWarnings(values: distinct) }
                else { built = BuiltHierarchy(hierarchy: try TableAnonymizer.suppressionOnly(distinct), warnings: []) }
            } catch where given == nil && spec != nil {
                // A guessed hierarchy that does not fit the values: fall back to value → *, and say so.
                warnings.append("column \(columns[i].name): the default hierarchy (\(description)) does not fit its values (\(error)); it is kept or replaced by * only — give one with --hierarchy")
                built = BuiltHierarchy(hierarchy: try TableAnonymizer.suppressionOnly(distinct), warnings: [])
                (spec, description) = (nil, "value → *")
            } catch {
                throw PlanError("column \(columns[i].name): \(error)")
            }
            warnings += built.warnings.map { "column \(columns[i].name): \($0)" }
            qiColumns.append(QIColumn(name: columns[i].name, hierarchy: built.hierarchy))
            specText.append(description)
        }
        let table = try counter.makeTable(columns: qiColumns)
        counter = nil  // its raw-value copy of the combinations is no longer needed
        TableAnonymizer.trace("table built")
        let criteria = PrivacyCriteria(k: plan.k, l: plan.l, suppressionLimit: plan.suppression)
        let result = try LatticeSearch.run(table: table, criteria: criteria, metric: plan.metric)
        let levels = result.best.levels
        TableAnonymizer.trace("searched")
        let evaluator = NodeEvaluator(table: table, criteria: criteria)
        let publication = evaluator.publication(levels)
        let published = publication.published

        TableAnonymizer.trace("published")
        // Pass 2: write.
        try reader.rewind()
        let keptColumns = columns.indices.filter { !(columns[$0].role == .identifier && columns[$0].op == nil) }
        let writer = try CSVWriter(path: output, dialect: reader.dialect, encoding: reader.encoding, bom: reader.hasBOM, lineEnding: reader.lineEnding)
        var written = 0
        do {
            if options.hasHeader { try writer.write(keptColumns.map { header[$0] }) }
            let context = options.operatorContext
            var out = [String](repeating: "", count: keptColumns.count)
            // Each leaf's generalized value at the chosen level, computed once per column.
            let generalized = qiColumns.enumerated().map { d, col in
                (0..<col.leafCount).map { col.generalized(leaf: Int32($0), level: levels[d]) }
            }
            let qiSlot = Dictionary(uniqueKeysWithValues: qi.enumerated().map { ($1, $0) })
            while let r = try reader.next() {
                for (d, i) in qi.enumerated() { values[d] = r.fields[i] }
                guard let codes = table.leafCodes(of: values), let combo = table.combination(codes: codes) else {
                    throw PlanError("\(input):\(r.line): the row changed between the two passes")
                }
                let kept = published[combo]
                if !kept && plan.dropSuppressed { continue }
                for (o, i) in keptColumns.enumerated() {
                    let c = columns[i]
                    if let d = qiSlot[i] {
                        out[o] = kept ? generalized[d][Int(codes[d])] : HierarchyBuilders.topValue
                    } else if c.role == .identifier, let op = c.op {
                        let v = r.fields[i]
                        guard !v.isEmpty else { out[o] = v; continue }
                        guard let context else { throw PlanError("column \(c.name): the operator needs a key (--key-file)") }
                        out[o] = try op.apply(v, label: c.label ?? "IDENTIFIER", context: context)
                    } else {
                        out[o] = r.fields[i]
                    }
                }
                try writer.write(out)
                written += 1
            }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }

        TableAnonymizer.trace("written")
        let before = TableAnonymizer.risk(sizes: table.counts, threshold: plan.riskThreshold)
        let after = TableAnonymizer.risk(sizes: publication.classSizes, threshold: plan.riskThreshold)
        var loss: [String: Double] = [:]
        for (m, v) in InformationLoss.all(result.best) { loss[m.rawValue] = v }
        let reportColumns = columns.enumerated().map { (i, c) -> AnonymizationReport.Column in
            let d = qi.firstIndex(of: i)
            let action: String
            switch c.role {
            case .quasiIdentifier: action = "generalized"
            case .identifier: action = c.op == nil ? "dropped" : "transformed"
            default: action = "kept"
            }
            return AnonymizationReport.Column(
                name: c.name, role: c.role.rawValue, label: c.label, action: action,
                operator: c.op.map { TableAnonymizer.describe($0) },
                hierarchy: d.map { specText[$0] }, level: d.map { levels[$0] }, topLevel: d.map { qiColumns[$0].hierarchy.topLevel },
                roleSource: c.fromPlan ? "plan" : (classified[i] != nil ? "classifier" : "default"))
        }
        return AnonymizationReport(
            input: input, output: output, encoding: reader.encoding.rawValue, rows: rows, rowsWritten: written,
            distinctCombinations: table.comboCount,
            columns: reportColumns, k: plan.k, l: plan.l, suppressionLimit: plan.suppression, metric: plan.metric.rawValue,
            achievedK: result.best.minClassSize,
            achievedL: lColumn != nil ? result.best.minDistinct : nil,
            equivalenceClasses: result.best.keptClasses, suppressedRows: result.best.suppressedRows,
            riskThreshold: plan.riskThreshold, riskBefore: before, riskAfter: after, informationLoss: loss,
            search: .init(nodes: result.statistics.nodes, evaluated: result.statistics.evaluated, milliseconds: result.statistics.milliseconds),
            warnings: warnings,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
    }

    static let traceStart = DispatchTime.now()

    /// With SUMI_TRACE set: the peak resident memory so far at each phase (for tuning).
    static func trace(_ phase: String) {
        guard ProcessInfo.processInfo.environment["SUMI_TRACE"] != nil,
              let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) else { return }
        let origin = traceStart.uptimeNanoseconds  // first use sets it: read it before now()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - origin) / 1e6
        FileHandle.standardError.write(Data("trace: \(phase): \(String(format: "%.0f", ms)) ms, \(line)\n".utf8))
    }

    /// Prosecutor risk over rows, from their classes' sizes.
    static func risk(sizes: [Int], threshold: Double) -> AnonymizationReport.Risk {
        let rows = sizes.reduce(0, +)
        guard rows > 0, let smallest = sizes.min() else {
            return .init(highest: 0, average: 0, rowsAboveThreshold: 0, classes: 0, smallestClass: 0)
        }
        let above = sizes.filter { 1 / Double($0) > threshold }.reduce(0, +)
        return .init(highest: 1 / Double(smallest), average: Double(sizes.count) / Double(rows),
                     rowsAboveThreshold: above, classes: sizes.count, smallestClass: smallest)
    }

    /// The hierarchy a quasi-identifier gets when the plan names none: by its label first, then
    /// by the shape of its values; nil means value → `*` (keep or suppress the value).
    static func defaultSpec(label: String?, values: [String]) -> (HierarchySpec?, String) {
        let nonEmpty = values.filter { !$0.isEmpty && $0 != "*" }
        let numbers = nonEmpty.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let numeric = !nonEmpty.isEmpty && numbers.count == nonEmpty.count
        switch label {
        case "AGE" where numeric:
            return (.interval(widths: [5, 10, 20], bottom: nil, top: nil), "interval:5,10,20")
        case "DATE_OF_BIRTH", "DATE":
            return (.date(levels: DateLevel.allCases), "date")
        case "JP_POSTAL_CODE":
            return (.mask(counts: [2, 4, 6]), "postal")
        case "POSTAL_CODE":
            return (.mask(counts: nil), "mask")
        case "ADDRESS", "REGION":
            let japanese = nonEmpty.filter { $0.unicodeScalars.contains { (0x3040...0x9FFF).contains($0.value) } }.count
            if japanese * 2 > nonEmpty.count { return (.japaneseAddress, "jp-address") }
        default: break
        }
        if numeric, let lo = numbers.min(), let hi = numbers.max(), hi > lo {
            // Four nested interval widths from a round base width of about a fortieth of the range.
            let raw = (hi - lo) / 40
            let magnitude = pow(10, (log10(raw)).rounded(.down))
            let base = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
            let widths = [base, base * 2, base * 4, base * 8]
            return (.interval(widths: widths, bottom: nil, top: nil),
                    "interval:" + widths.map { String(format: "%g", $0) }.joined(separator: ","))
        }
        return (nil, "value → *")
    }

    /// A two-level hierarchy (the value, then `*`) for columns with no better structure.
    static func suppressionOnly(_ values: [String]) throws -> Hierarchy {
        try Hierarchy(rows: values.map { [$0, HierarchyBuilders.topValue] }, source: "value → *")
    }

    static func describe(_ spec: HierarchySpec) -> String {
        switch spec {
        case let .interval(widths, bottom, top):
            var s = "interval:" + widths.map { String(format: "%g", $0) }.joined(separator: ",")
            if let bottom { s += ";bottom=\(String(format: "%g", bottom))" }
            if let top { s += ";top=\(String(format: "%g", top))" }
            return s
        case let .date(levels): return "date:" + levels.map(\.rawValue).joined(separator: ",")
        case let .mask(counts): return counts.map { "mask:" + $0.map(String.init).joined(separator: ",") } ?? "mask"
        case .japaneseAddress: return "jp-address"
        case let .mapFile(path, _): return "map:" + path
        case let .arxFile(path): return "arx:" + path
        }
    }

    static func describe(_ op: Operator) -> String {
        switch op {
        case .redact: return "redact"
        case .replace: return "replace"
        case .mask: return "mask"
        case .pseudonymize: return "pseudonymize"
        case .generalize(let level): return "generalize:\(level.rawValue)"
        case .surrogate: return "surrogate"
        case .encrypt: return "encrypt"
        case .dateShift: return "date_shift"
        }
    }
}
