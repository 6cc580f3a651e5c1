import ArgumentParser
import Foundation
import SumiAnonymity
import SumiCore
import SumiTable
import SumiText
import SumiTransform

/// `sumi anonymize`: a k-anonymous (optionally l-diverse) copy of a CSV/TSV table, with a risk
/// and utility report.
struct AnonymizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Write a k-anonymous copy of a CSV/TSV table: identifiers dropped or transformed, quasi-identifiers generalized, too-small groups suppressed.",
        discussion: """
        Roles come from --policy and the flags; columns they leave open are classified from their \
        header and values (identifiers dropped, quasi-identifiers generalized when --qi is not given). \
        Hierarchies: an ARX file (value;level1;...;*), or interval:5,10,20[;bottom=N;top=N], \
        date[:day,month,year,decade], mask[:2,4,6], postal, jp-address, map:FILE.yaml. \
        Exit status: 0 written, 2 error (nothing written).
        """
    )

    @Argument(help: "The table to anonymize (CSV or TSV).")
    var input: String

    @Option(name: .long, help: "Where to write the anonymized table (same format and encoding as the input).")
    var out: String

    @Option(help: "Policy file (YAML): k, l, suppression, metric, columns with roles, hierarchies and operators.")
    var policy: String?

    @Option(help: "Quasi-identifier columns, comma-separated.")
    var qi: String?

    @Option(help: "A quasi-identifier's hierarchy: COL=SPEC (repeatable).")
    var hierarchy: [String] = []

    @Option(help: "Sensitive columns, comma-separated (kept; the l-diversity column).")
    var sensitive: String?

    @Option(help: "Identifier columns: COL to drop it, COL=OPERATOR to transform it (redact, replace, mask, pseudonymize, encrypt, surrogate); repeatable.")
    var identifier: [String] = []

    @Option(help: "Columns to keep as they are, comma-separated.")
    var keep: String?

    @Option(help: "Each published group has at least k rows (default 5, or the policy's).")
    var k: Int?

    @Option(help: "Each published group has at least l distinct sensitive values (distinct l-diversity; default 1: off).")
    var l: Int?

    @Option(help: "Largest fraction of rows that may be suppressed (0 to 1; default 0).")
    var suppression: Double?

    @Option(help: "Information loss to minimize: loss (ARX Loss, the default), precision, discernibility, dm-star, aecs, ncp.")
    var metric: String?

    @Option(help: "Re-identification risk above which a row counts as at risk (default 0.2).")
    var riskThreshold: Double?

    @Flag(help: "Leave suppressed rows out of the output instead of writing them with * quasi-identifiers.")
    var dropSuppressed = false

    @Option(help: "Write the report here: JSON, or text when the name ends in .txt.")
    var report: String?

    @Option(help: "Field delimiter (default: sniffed): ',', ';', 'tab' or one character.")
    var delimiter: String?

    @Option(help: "Input encoding (default: detected).")
    var encoding: String?

    @Option(help: "Key file for keyed operators (pseudonymize, encrypt, surrogate).")
    var keyFile: String?

    @Flag(help: "The table has no header row: columns are named 1, 2, 3 ... (the output has none either).")
    var noHeader = false

    @Flag(help: "Do not classify columns: roles only from the policy and flags.")
    var noClassify = false

    @Flag(help: "Do not print the report.")
    var quiet = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        do {
            let r = try anonymize()
            if !quiet { print(r.text(), terminator: "") }
        } catch let e as ExitCode {
            throw e
        } catch {
            FileHandle.standardError.write(Data("sumi anonymize: \(describe(error))\n".utf8))
            throw ExitCode(2)
        }
    }

    private func anonymize() throws -> AnonymizationReport {
        var plan = try policy.map { try AnonymizationPlan.load(path: $0) } ?? AnonymizationPlan()
        func list(_ s: String?) -> [String] {
            (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if qi != nil { plan.quasiIdentifiers = list(qi) }
        for h in hierarchy {
            guard let eq = h.firstIndex(of: "=") else { throw ValidationError("--hierarchy takes COL=SPEC, got \(h)") }
            let col = String(h[..<eq])
            plan.hierarchies[col] = try HierarchySpec.parse(String(h[h.index(after: eq)...]))
        }
        if sensitive != nil { plan.sensitive = list(sensitive) }
        for spec in identifier {
            if let eq = spec.firstIndex(of: "=") {
                let name = String(spec[spec.index(after: eq)...])
                plan.identifiers[String(spec[..<eq])] = try Policy.parseOperator(.scalar(.init(name)), file: "--identifier")
            } else {
                plan.identifiers[spec] = .some(nil)
            }
        }
        plan.keep.formUnion(list(keep))
        if let k { plan.k = k }
        if let l { plan.l = l }
        if let suppression { plan.suppression = suppression }
        if let riskThreshold { plan.riskThreshold = riskThreshold }
        if dropSuppressed { plan.dropSuppressed = true }
        if let metric {
            guard let m = InformationLoss(rawValue: metric) else {
                throw ValidationError("unknown --metric \(metric) (\(InformationLoss.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            plan.metric = m
        }
        try plan.validate()

        let inPath = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
        let outPath = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        if inPath == outPath { throw ValidationError("--out is the input itself; sumi never modifies an input") }

        var options = TableAnonymizer.Options()
        options.hasHeader = !noHeader
        options.encoding = try TextEncoding.option(encoding)
        if let delimiter {
            switch delimiter {
            case "tab", "\\t", "\t": options.delimiter = 0x09
            default:
                guard delimiter.utf8.count == 1, let b = delimiter.utf8.first else { throw ValidationError("--delimiter is one ASCII character or 'tab'") }
                options.delimiter = b
            }
        }
        let needsKey = plan.identifiers.values.contains { op in
            switch op { case .pseudonymize?, .encrypt?, .surrogate?, .dateShift?: return true; default: return false }
        }
        var pack: RulePack? = nil
        if !noClassify || needsKey { pack = try ruleOptions.loadPack() }
        if !noClassify, let pack, let root = pack.root {
            options.classifier = ColumnClassifier(dictionary: try HeaderDictionary(rulesDirectory: root), scanner: RuleScanner(pack: pack))
        }
        let key: Data? = needsKey ? try FindingBaseline.loadKey(file: keyFile) : nil
        let now = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let context = OperatorContext(key: key, referenceDate: (now.year!, now.month!, now.day!), document: input)
        if let root = pack?.root { context.names = SurrogateNames(rules: root) }
        options.operatorContext = context

        let result = try TableAnonymizer(plan: plan, options: options).run(input: input, output: out)
        if let report {
            let data = report.hasSuffix(".txt") ? Data(result.text().utf8) : try result.json()
            try data.write(to: URL(fileURLWithPath: report), options: .atomic)
        }
        return result
    }
}
