import ArgumentParser
import Foundation
import SumiCore
import SumiOutput
import SumiText

/// Shows every candidate a text produced and why it was reported or not.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain why a text was or was not flagged: candidates, validators, context, exclusions, overlaps."
    )

    @Argument(help: "The text to explain (or use --file).")
    var text: String?

    @Option(help: "Explain a file instead of a text argument.")
    var file: String?

    @Option(help: "Only this line of the file (1-based).")
    var line: Int?

    @Option(help: "Force the file's encoding.")
    var encoding: String?

    @Flag(help: "Print values (masked by default).")
    var showValues = false

    @Option(help: "Drop findings scoring below this (0 to 1).")
    var minScore: Double = 0.5

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let pack = try ruleOptions.loadPack()
        let scanner = RuleScanner(pack: pack, options: ScanOptions(minScore: minScore, trace: true))
        var utf8: [UInt8]
        if let file {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            let forced = try TextEncoding.option(encoding)
            utf8 = try TextDecoder.decode(bytes, forced: forced).utf8
        } else if let text {
            utf8 = Array(text.utf8)
        } else {
            throw ValidationError("give a TEXT or --file")
        }
        var lineOffset = 0
        if let line {
            let lines = utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard line >= 1 && line <= lines.count else { throw ValidationError("the file has \(lines.count) lines") }
            lineOffset = line - 1
            utf8 = Array(lines[line - 1])
        }
        let session = scanner.makeSession()
        _ = scanner.scan(utf8: utf8, session: session)
        let (warnings, candidates) = session.drain()
        let show = { (s: String) in showValues ? s : maskedValue(s) }
        if candidates.isEmpty { print("no rule produced a candidate") }
        for c in candidates.sorted(by: { ($0.byteStart, $0.ruleID) < ($1.byteStart, $1.ruleID) }) {
            let prefix = String(decoding: utf8[0..<c.byteStart], as: UTF8.self)
            let col = prefix.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.unicodeScalars.count + 1 } ?? 1
            let ln = prefix.filter { $0 == "\n" }.count + 1 + lineOffset
            let verdict: String
            switch c.outcome {
            case .reported: verdict = "REPORTED"
            case .rejected(let why): verdict = "rejected: \(why)"
            case .belowThreshold: verdict = "below threshold \(String(format: "%.2f", minScore))"
            case .lostTo(let id): verdict = "lost overlap to \(id)"
            case .joinedTo(let id): verdict = "reported as part of a longer \(id) finding"
            }
            print("\(ln):\(col)  \(c.label)  \(c.ruleID)  \"\(show(c.value))\"  -> \(verdict)")
            if c.rawMatch != c.value { print("    raw match:  \"\(show(c.rawMatch))\"") }
            if let v = c.validator {
                print("    validator:  \(v) \(c.validatorPassed.map { $0 ? "passed" : "failed" } ?? "not run")")
            }
            let boost = c.score - c.baseScore
            print("    score:      \(String(format: "%.2f", c.baseScore)) base" + (boost > 0.0001 ? String(format: " + %.2f context", boost) : "") + String(format: " = %.2f", c.score))
            if !c.contextFound.isEmpty { print("    context:    \(c.contextFound.joined(separator: ", "))") }
            if !c.exclusions.isEmpty { print("    excluded by: \(c.exclusions.joined(separator: ", "))") }
        }
        for w in warnings { print("warning: \(w)") }
    }
}
