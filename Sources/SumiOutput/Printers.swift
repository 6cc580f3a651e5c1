import Foundation
import SumiCore

public enum OutputFormat: String, CaseIterable, Sendable {
    case text, jsonl, json, sarif
}

public struct PrintOptions: Sendable {
    /// Print matched values (otherwise masked). Off by default: reports must not leak data.
    public var showValues = false
    /// ANSI colours (text format on a terminal).
    public var color = false
    public init(showValues: Bool = false, color: Bool = false) {
        self.showValues = showValues
        self.color = color
    }
}

/// Renders scan results. Text and JSON Lines stream file by file; JSON and SARIF are one
/// document written at the end.
public struct FindingPrinter {
    public let format: OutputFormat
    public let options: PrintOptions
    private var collected: [FileScanResult] = []

    public init(format: OutputFormat, options: PrintOptions) {
        self.format = format
        self.options = options
    }

    /// Output for one file, printed as soon as the file is done (empty for whole-document formats).
    public mutating func file(_ r: FileScanResult) -> String {
        if let text = rendered(r) { return text }
        collected.append(r)
        return ""
    }

    /// The output of `file(_:)` for the streaming formats, nil for whole-document ones. Pure, so
    /// batch workers render in parallel and the printing thread only writes.
    public func rendered(_ r: FileScanResult) -> String? {
        switch format {
        case .text: return TextFormat.render(r, options)
        case .jsonl:
            let table = r.table.map { JSONFormat.tableLine(r, $0) + "\n" } ?? ""
            return table + r.findings.map { JSONFormat.findingLine(r, $0, options) + "\n" }.joined()
        case .json, .sarif: return nil
        }
    }

    /// Streaming formats only: the lines of some of a file's findings, for files too large to hold
    /// their findings in memory. `first`: these are the file's first findings (text prints the
    /// file's name before them).
    public func renderedFindings(_ r: FileScanResult, _ findings: [Finding], first: Bool) -> String {
        switch format {
        case .text: return TextFormat.findingLines(r, findings, options, header: first)
        case .jsonl: return findings.map { JSONFormat.findingLine(r, $0, options) + "\n" }.joined()
        case .json, .sarif: return ""
        }
    }

    /// Output at the end of the run.
    public func finish(rules: [Rule]) -> String {
        switch format {
        case .text, .jsonl: return ""
        case .json: return JSONFormat.document(collected, options) + "\n"
        case .sarif: return SARIFFormat.document(collected, rules: rules, options) + "\n"
        }
    }
}

enum TextFormat {
    static func paint(_ s: String, _ code: String, _ on: Bool) -> String { on ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    static func render(_ r: FileScanResult, _ o: PrintOptions) -> String {
        switch r.status {
        case .skipped(let why): return paint("\(r.path): skipped: \(why)", "2", o.color) + "\n"
        case .failed(let why):
            let at = r.failedLine.map { "\(r.path):\($0)" } ?? r.path
            return paint("\(at): error: \(why)", "31", o.color) + "\n"
        case .scanned: break
        }
        var out = ""
        for w in r.warnings { out += paint("\(r.path): warning: \(w)", "33", o.color) + "\n" }
        for w in r.formatWarnings {
            let at = w.line > 0 ? "\(r.path):\(w.line)" : r.path
            out += paint("\(at): warning: \(w.reason)", "33", o.color) + "\n"
        }
        if let table = r.table {
            return out + tableBlock(r, table, o) + findingLines(r, r.findings, o, header: false)
        }
        return out + findingLines(r, r.findings, o, header: true)
    }

    /// The file's name line and its column table: index, header, label, role, share, confidence.
    static func tableBlock(_ r: FileScanResult, _ t: TableSummary, _ o: PrintOptions) -> String {
        let enc = r.encoding.map { "\($0.rawValue), " } ?? ""
        let delimiter = t.delimiter == "\t" ? "tab" : t.delimiter
        var out = paint(r.path, "1;35", o.color)
            + paint(" (\(enc)table: \(t.rows) rows, \(t.columns.count) columns, delimiter \(delimiter))", "2", o.color) + "\n"
        guard !t.columns.isEmpty else { return out }
        let names = t.columns.map { $0.name.map { $0.replacingOccurrences(of: "\n", with: "⏎") } ?? "-" }
        let nameWidth = min(24, max(6, names.map(displayWidth).max() ?? 0))
        let labelWidth = max(5, t.columns.map { ($0.label ?? "-").count }.max() ?? 0)
        let indexWidth = String(t.columns.count - 1).count
        out += paint("  " + pad("#", indexWidth) + "  " + pad("column", nameWidth) + "  " + pad("label", labelWidth)
                     + "  " + pad("role", 16) + "  share  conf", "2", o.color) + "\n"
        for (c, name) in zip(t.columns, names) {
            let roleColor: String
            switch c.role {
            case "identifier": roleColor = "31"
            case "sensitive": roleColor = "35"
            case "quasi_identifier": roleColor = "33"
            default: roleColor = "2"
            }
            let share = String(Int((c.share * 100).rounded())) + "%"
            out += "  " + pad(String(c.index), indexWidth) + "  " + pad(truncated(name, nameWidth), nameWidth) + "  "
                + paint(pad(c.label ?? "-", labelWidth), c.label == nil ? "2" : "33", o.color) + "  "
                + paint(pad(c.role, 16), roleColor, o.color) + "  "
                + String(repeating: " ", count: max(0, 5 - share.count)) + share + "  "
                + String(format: "%.2f", c.confidence) + "\n"
        }
        return out
    }

    /// Terminal columns of a string: East Asian wide and full-width characters take two.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || v >= 0x20000
            return n + (wide ? 2 : 1)
        }
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - displayWidth(s)))
    }

    static func truncated(_ s: String, _ width: Int) -> String {
        guard displayWidth(s) > width else { return s }
        var out = ""
        for ch in s {
            if displayWidth(out + String(ch)) > width - 1 { break }
            out.append(ch)
        }
        return out + "…"
    }

    static func findingLines(_ r: FileScanResult, _ findings: [Finding], _ o: PrintOptions, header: Bool) -> String {
        var out = ""
        if findings.isEmpty { return out }
        if header {
            let enc = r.encoding.map { " (\($0.rawValue))" } ?? ""
            out += paint(r.path, "1;35", o.color) + paint(enc, "2", o.color) + "\n"
        }
        for f in findings {
            let pos = "\(f.line):\(f.column)"
            let value = o.showValues ? f.value : maskedValue(f.value)
            let label = f.label.padding(toLength: max(20, f.label.count), withPad: " ", startingAt: 0)
            out += "  " + paint(pos.padding(toLength: max(9, pos.count), withPad: " ", startingAt: 0), "32", o.color)
                + paint(label, "33", o.color) + " " + value.replacingOccurrences(of: "\n", with: "⏎")
                + paint("  \(f.ruleID) \(String(format4: f.score))", "2", o.color)
                + (f.cell.map { paint("  row \($0.row), \($0.columnName ?? "column \($0.columnIndex)")", "2", o.color) } ?? "") + "\n"
        }
        return out
    }
}

enum JSONFormat {
    static func writeFinding(_ w: inout JSONWriter, _ r: FileScanResult, _ f: Finding, _ o: PrintOptions, withPath: Bool) {
        if withPath { w.string("path", r.path) }
        w.string("label", f.label)
        w.string("rule", f.ruleID)
        w.double("score", f.score)
        w.int("start", f.start)
        w.int("end", f.end)
        w.int("byte_start", f.byteStart)
        w.int("byte_end", f.byteEnd)
        w.int("line", f.line)
        w.int("column", f.column)
        if withPath { w.string("encoding", r.encoding?.rawValue ?? "utf-8") }
        if o.showValues { w.string("value", f.value) } else { w.string("masked", maskedValue(f.value)) }
        // In an object of its own: `column` at the top level is already the code-point column.
        if let cell = f.cell {
            w.beginObject("cell")
            w.int("row", cell.row)
            if let name = cell.columnName { w.string("column", name) } else { w.null("column") }
            w.int("column_index", cell.columnIndex)
            w.endObject()
        }
    }

    /// The fields of a table object (JSON `tables` entries and JSON Lines `type: table` lines).
    static func writeTable(_ w: inout JSONWriter, _ r: FileScanResult, _ t: TableSummary) {
        w.string("path", r.path)
        w.string("encoding", r.encoding?.rawValue ?? "utf-8")
        w.string("delimiter", t.delimiter)
        w.int("rows", t.rows)
        w.beginArray("columns")
        for c in t.columns {
            w.beginObject()
            if let name = c.name { w.string("name", name) } else { w.null("name") }
            w.int("index", c.index)
            if let label = c.label { w.string("label", label) } else { w.null("label") }
            w.string("role", c.role)
            w.double("share", c.share)
            w.double("confidence", c.confidence)
            w.endObject()
        }
        w.endArray()
        if !r.formatWarnings.isEmpty {
            w.beginArray("warnings")
            for x in r.formatWarnings {
                w.beginObject()
                if x.line > 0 { w.int("line", x.line) }
                w.string("reason", x.reason)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// One JSON Lines line per table, before the table's findings; finding lines have no `type`.
    static func tableLine(_ r: FileScanResult, _ t: TableSummary) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("type", "table")
        writeTable(&w, r, t)
        w.endObject()
        return w.text
    }

    static func findingLine(_ r: FileScanResult, _ f: Finding, _ o: PrintOptions) -> String {
        var w = JSONWriter()
        w.beginObject()
        writeFinding(&w, r, f, o, withPath: true)
        w.endObject()
        return w.text
    }

    static func document(_ results: [FileScanResult], _ o: PrintOptions) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.beginArray("files")
        var perLabel: [String: Int] = [:]
        var scanned = 0, skipped = 0, failed = 0, total = 0
        for r in results {
            w.beginObject()
            w.string("path", r.path)
            switch r.status {
            case .scanned: w.string("status", "scanned"); scanned += 1
            case .skipped(let why): w.string("status", "skipped"); w.string("reason", why); skipped += 1
            case .failed(let why):
                w.string("status", "failed"); w.string("reason", why); failed += 1
                if let line = r.failedLine { w.int("line", line) }
            }
            if let e = r.encoding { w.string("encoding", e.rawValue) } else { w.null("encoding") }
            w.int("bytes", r.bytes)
            w.beginArray("findings")
            for f in r.findings {
                w.beginObject(); writeFinding(&w, r, f, o, withPath: false); w.endObject()
                perLabel[f.label, default: 0] += 1
                total += 1
            }
            w.endArray()
            if !r.warnings.isEmpty || !r.formatWarnings.isEmpty {
                w.beginArray("warnings")
                for x in r.warnings { w.string(nil, x.description) }
                for x in r.formatWarnings { w.string(nil, x.description) }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.beginArray("tables")
        for r in results { if let t = r.table { w.beginObject(); writeTable(&w, r, t); w.endObject() } }
        w.endArray()
        w.beginObject("summary")
        w.int("files_scanned", scanned)
        w.int("files_skipped", skipped)
        w.int("files_failed", failed)
        w.int("findings", total)
        w.beginObject("by_label")
        for (k, v) in perLabel.sorted(by: { $0.key < $1.key }) { w.int(k, v) }
        w.endObject()
        w.endObject()
        w.endObject()
        return w.text
    }
}

/// SARIF 2.1.0, as GitHub code scanning accepts it: one run, the rules in `tool.driver.rules`,
/// results with relative URIs, 1-based lines and code-point columns.
enum SARIFFormat {
    static func uri(_ path: String) -> String {
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if p.hasPrefix(cwd) { p.removeFirst(cwd.count) }
        return p.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? p
    }

    static func document(_ results: [FileScanResult], rules: [Rule], _ o: PrintOptions) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.string("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        w.string("version", "2.1.0")
        w.beginArray("runs")
        w.beginObject()
        w.beginObject("tool"); w.beginObject("driver")
        w.string("name", "sumi")
        w.string("semanticVersion", SumiVersion.current)
        w.beginArray("rules")
        var ruleIndex: [String: Int] = [:]
        for (i, r) in rules.enumerated() {
            ruleIndex[r.id] = i
            w.beginObject()
            w.string("id", r.id)
            w.string("name", r.label)
            w.beginObject("shortDescription"); w.string("text", "\(r.label): \(r.id)"); w.endObject()
            w.beginObject("fullDescription"); w.string("text", r.description.isEmpty ? r.label : r.description); w.endObject()
            w.beginObject("defaultConfiguration"); w.string("level", "warning"); w.endObject()
            w.beginObject("help"); w.string("text", "Sensitive data of type \(r.label). Remove it, or de-identify with `sumi redact`."); w.endObject()
            w.beginObject("properties")
            w.beginArray("tags"); w.string(nil, "privacy"); w.string(nil, r.label); w.endArray()
            w.endObject()
            w.endObject()
        }
        w.endArray()
        w.endObject(); w.endObject()
        w.string("columnKind", "unicodeCodePoints")
        w.beginArray("results")
        for r in results where r.status == .scanned {
            for f in r.findings {
                w.beginObject()
                w.string("ruleId", f.ruleID)
                if let i = ruleIndex[f.ruleID] { w.int("ruleIndex", i) }
                w.string("level", "warning")
                let shown = o.showValues ? f.value : maskedValue(f.value)
                w.beginObject("message"); w.string("text", "\(f.label) found: \(shown)"); w.endObject()
                w.beginArray("locations"); w.beginObject(); w.beginObject("physicalLocation")
                w.beginObject("artifactLocation"); w.string("uri", uri(r.path)); w.string("uriBaseId", "%SRCROOT%"); w.endObject()
                let (endLine, endColumn) = endPosition(f)
                w.beginObject("region")
                w.int("startLine", f.line); w.int("startColumn", f.column)
                w.int("endLine", endLine); w.int("endColumn", endColumn)
                w.int("charOffset", f.start); w.int("charLength", f.end - f.start)
                w.endObject()
                w.endObject(); w.endObject(); w.endArray()
                w.beginObject("properties"); w.string("label", f.label); w.double("score", f.score)
                if let cell = f.cell {
                    w.int("row", cell.row)
                    if let name = cell.columnName { w.string("column", name) }
                    w.int("columnIndex", cell.columnIndex)
                }
                w.endObject()
                w.endObject()
            }
        }
        w.endArray()
        w.endObject()
        w.endArray()
        w.endObject()
        return w.text
    }

    /// Line and (exclusive) column after the value.
    static func endPosition(_ f: Finding) -> (Int, Int) {
        var line = f.line, col = f.column
        for u in f.value.unicodeScalars {
            if u == "\n" { line += 1; col = 1 } else { col += 1 }
        }
        return (line, col)
    }
}
