import ArgumentParser
import Foundation
import SumiCore
import SumiOutput

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Test rule packs against labeled corpora, and lint rule files.",
        subcommands: [RulesTestCommand.self, RulesLintCommand.self]
    )
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Score the rules on a labeled corpus: precision, recall and F1 per label and per rule."
    )

    @Option(help: "Corpus folder (documents plus gold.jsonl).")
    var corpus: String

    @OptionGroup var ruleOptions: RuleOptions

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    @Flag(help: "Show values in the false positive / negative lists (masked by default).")
    var showValues = false

    @Option(help: "Drop findings scoring below this (0 to 1).")
    var minScore: Double = 0.5

    @Option(help: "How many false positives and negatives to list (text output).")
    var limit: Int = 50

    @Option(help: "Compare with a saved baseline: exit 1 when any label's F1 drops by more than --tolerance.")
    var baseline: String?

    @Option(help: "Allowed F1 drop per label against --baseline.")
    var tolerance: Double = 0.01

    @Option(help: "Write this run's per-label F1 as a baseline file.")
    var saveBaseline: String?

    func run() throws {
        let pack = try ruleOptions.loadPack()
        let scanner = RuleScanner(pack: pack, options: ScanOptions(minScore: minScore))
        let ev = try CorpusEvaluator.evaluate(corpus: URL(fileURLWithPath: corpus), scanner: scanner)
        print(json ? EvaluationReport.json(ev, showValues: showValues) : EvaluationReport.text(ev, showValues: showValues, limit: limit), terminator: json ? "\n" : "")
        if let saveBaseline {
            try AccuracyBaseline(ev).data().write(to: URL(fileURLWithPath: saveBaseline), options: .atomic)
        }
        if let baseline {
            let saved = try AccuracyBaseline(data: Data(contentsOf: URL(fileURLWithPath: baseline)))
            let drops = saved.drops(comparedWith: AccuracyBaseline(ev), tolerance: tolerance)
            for d in drops { FileHandle.standardError.write(Data("sumi: F1 dropped: \(d)\n".utf8)) }
            if !drops.isEmpty { throw ExitCode(1) }
        }
    }
}

struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a rules folder: schema, patterns, validators, dictionaries, ids, labels, catastrophic backtracking, examples.",
        discussion: "Prints one `file:line: rule-id: reason` per problem. Exit status 0 only when clean."
    )

    @Argument(help: "Rules folder (default: the bundled rules/).")
    var directory: String?

    func run() throws {
        let dir: URL
        if let directory { dir = URL(fileURLWithPath: directory) } else if let d = RulePack.defaultDirectory() { dir = d } else {
            throw ValidationError("bundled rules/ not found; pass a folder")
        }
        let issues = RuleLinter.lint(directory: dir)
        for i in issues { print(i) }
        if issues.isEmpty {
            FileHandle.standardError.write(Data("sumi: \(dir.path): clean\n".utf8))
        } else {
            FileHandle.standardError.write(Data("sumi: \(issues.count) problem(s)\n".utf8))
            throw ExitCode(1)
        }
    }
}

enum EvaluationReport {
    static func f(_ d: Double) -> String { String(format: "%.3f", d) }

    static func shown(_ e: EvaluationError, _ show: Bool) -> (String, String) {
        let v = show ? e.text : maskedValue(e.text)
        return (v, e.context.replacingOccurrences(of: "\u{1}", with: v))
    }

    static func text(_ ev: CorpusEvaluation, showValues: Bool, limit: Int) -> String {
        var out = "documents: \(ev.documents)"
        if !ev.skipped.isEmpty { out += ", skipped \(ev.skipped.count) table entries (column scoring needs the tables feature)" }
        if !ev.failed.isEmpty { out += ", failed \(ev.failed.count)" }
        out += "\n\n"
        func row(_ name: String, _ e: MatchCounts, _ o: MatchCounts) -> String {
            name.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: "%6d %6d   %@ %@ %@   %@ %@ %@\n", o.gold, o.predicted,
                         f(e.precision), f(e.recall), f(e.f1), f(o.precision), f(o.recall), f(o.f1))
        }
        let header = "".padding(toLength: 28, withPad: " ", startingAt: 0) + "  gold   pred   exact P     R     F1      overlap P   R     F1\n"
        out += "per label\n" + header
        for (k, v) in ev.labels.sorted(by: { $0.key < $1.key }) { out += row(k, v.exact, v.overlap) }
        out += "\nper rule\n" + header
        for (k, v) in ev.rules.sorted(by: { $0.key < $1.key }) { out += row(k, v.exact, v.overlap) }
        let me = ev.micro(overlap: false), mo = ev.micro(overlap: true)
        out += "\n" + row("micro", me, mo)
        let ma = ev.macro(overlap: false), mb = ev.macro(overlap: true)
        out += "macro".padding(toLength: 28, withPad: " ", startingAt: 0) + "                \(f(ma.precision)) \(f(ma.recall)) \(f(ma.f1))   \(f(mb.precision)) \(f(mb.recall)) \(f(mb.f1))\n"
        let idm = ev.micro(RulePack.identifierLabels), scm = ev.micro(RulePack.specialCareLabels)
        out += "\nidentifier labels micro F1 (overlap): \(f(idm.f1))   special-care labels micro F1 (overlap): \(f(scm.f1))\n"
        out += "\nfalse positives (\(ev.falsePositives.count)):\n"
        for e in ev.falsePositives.prefix(limit) {
            let (_, c) = shown(e, showValues)
            out += "  \(e.rule ?? "-")  \(e.label)  \(e.file):\(e.start)  \(c)\n"
        }
        out += "\nfalse negatives (\(ev.falseNegatives.count)):\n"
        for e in ev.falseNegatives.prefix(limit) {
            let (_, c) = shown(e, showValues)
            out += "  \(e.label)  \(e.file):\(e.start)  \(c)\n"
        }
        return out
    }

    static func counts(_ w: inout JSONWriter, _ key: String, _ m: MatchCounts) {
        w.beginObject(key)
        w.int("tp", m.tp)
        w.double("precision", m.precision)
        w.double("recall", m.recall)
        w.double("f1", m.f1)
        w.endObject()
    }

    static func json(_ ev: CorpusEvaluation, showValues: Bool) -> String {
        var w = JSONWriter()
        w.beginObject()
        for (section, table) in [("labels", ev.labels), ("rules", ev.rules)] {
            w.beginObject(section)
            for (k, v) in table.sorted(by: { $0.key < $1.key }) {
                w.beginObject(k)
                w.int("gold", v.overlap.gold)
                w.int("predicted", v.overlap.predicted)
                counts(&w, "exact", v.exact)
                counts(&w, "overlap", v.overlap)
                w.endObject()
            }
            w.endObject()
        }
        w.beginObject("micro")
        let me = ev.micro(overlap: false), mo = ev.micro(overlap: true)
        w.int("gold", mo.gold); w.int("predicted", mo.predicted)
        counts(&w, "exact", me); counts(&w, "overlap", mo)
        w.endObject()
        w.beginObject("macro")
        for (key, m) in [("exact", ev.macro(overlap: false)), ("overlap", ev.macro(overlap: true))] {
            w.beginObject(key); w.double("precision", m.precision); w.double("recall", m.recall); w.double("f1", m.f1); w.endObject()
        }
        w.endObject()
        for (key, list) in [("false_positives", ev.falsePositives), ("false_negatives", ev.falseNegatives)] {
            w.beginArray(key)
            for e in list {
                let (v, c) = shown(e, showValues)
                w.beginObject()
                w.string("file", e.file); w.string("label", e.label)
                if let r = e.rule { w.string("rule", r) }
                w.int("start", e.start); w.int("end", e.end)
                w.string(showValues ? "value" : "masked", v)
                w.string("context", c)
                w.endObject()
            }
            w.endArray()
        }
        w.int("documents", ev.documents)
        w.endObject()
        return w.text
    }
}
