import Foundation
import SumiCore

/// The files of `--report DIR`: `summary.json`, `findings.jsonl` (values masked) and
/// `report.html`, one self-contained page (inline CSS and SVG charts, no script, no network)
/// for a compliance officer.
public struct BatchReport {
    public var filesScanned = 0
    public var filesSkipped: [(path: String, reason: String)] = []
    public var filesFailed: [(path: String, reason: String)] = []
    public var perLabel: [String: Int] = [:]
    public var perFile: [String: Int] = [:]
    public var perFolder: [String: Int] = [:]
    public var examples: [String: [String]] = [:]
    public var bytes = 0
    public var seconds = 0.0
    var findingsLines: [String] = []

    public init() {}

    public mutating func add(_ r: FileScanResult) {
        bytes += r.bytes
        switch r.status {
        case .scanned: filesScanned += 1
        case .skipped(let why): filesSkipped.append((r.path, why))
        case .failed(let why): filesFailed.append((r.path, r.failedLine.map { "line \($0): \(why)" } ?? why))
        }
        guard !r.findings.isEmpty else { return }
        perFile[r.path] = r.findings.count
        perFolder[(r.path as NSString).deletingLastPathComponent, default: 0] += r.findings.count
        for f in r.findings {
            perLabel[f.label, default: 0] += 1
            if (examples[f.label]?.count ?? 0) < 5 { examples[f.label, default: []].append(maskedValue(f.value)) }
            findingsLines.append(JSONFormat.findingLine(r, f, PrintOptions()))
        }
    }

    public func write(to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(summaryJSON().utf8).write(to: dir.appendingPathComponent("summary.json"), options: .atomic)
        try Data((findingsLines.joined(separator: "\n") + (findingsLines.isEmpty ? "" : "\n")).utf8)
            .write(to: dir.appendingPathComponent("findings.jsonl"), options: .atomic)
        try Data(html().utf8).write(to: dir.appendingPathComponent("report.html"), options: .atomic)
    }

    func summaryJSON() -> String {
        var w = JSONWriter()
        w.beginObject()
        w.int("files_scanned", filesScanned)
        w.int("files_skipped", filesSkipped.count)
        w.int("files_failed", filesFailed.count)
        w.beginArray("skipped"); for s in filesSkipped { w.beginObject(); w.string("path", s.path); w.string("reason", s.reason); w.endObject() }; w.endArray()
        w.beginArray("failed"); for s in filesFailed { w.beginObject(); w.string("path", s.path); w.string("reason", s.reason); w.endObject() }; w.endArray()
        w.int("findings", perLabel.values.reduce(0, +))
        w.beginObject("by_label"); for (k, v) in perLabel.sorted(by: { $0.key < $1.key }) { w.int(k, v) }; w.endObject()
        w.beginObject("by_file"); for (k, v) in perFile.sorted(by: { $0.key < $1.key }) { w.int(k, v) }; w.endObject()
        w.int("bytes", bytes)
        w.double("seconds", (seconds * 1000).rounded() / 1000)
        w.double("mb_per_second", seconds > 0 ? (Double(bytes) / 1e6 / seconds * 10).rounded() / 10 : 0)
        w.endObject()
        return w.text + "\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A horizontal bar chart as inline SVG.
    static func bars(_ rows: [(String, Int)], color: String) -> String {
        guard let top = rows.map(\.1).max(), top > 0 else { return "<p class=\"none\">No findings.</p>" }
        let rowH = 24, labelW = 260, barW = 420
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelW + barW + 70)\" height=\"\(rows.count * rowH + 8)\" role=\"img\">"
        for (i, (name, n)) in rows.enumerated() {
            let y = i * rowH + 4
            let w = max(2, barW * n / top)
            let shown = name.count > 38 ? "…" + String(name.suffix(37)) : name
            svg += "<text x=\"\(labelW - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" font-size=\"13\">\(escape(shown))</text>"
            svg += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 8)\" rx=\"3\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(labelW + w + 6)\" y=\"\(y + 16)\" font-size=\"13\">\(n)</text>"
        }
        return svg + "</svg>"
    }

    func html() -> String {
        let total = perLabel.values.reduce(0, +)
        let labels = perLabel.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        let folders = perFolder.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(15).map { ($0.key, $0.value) }
        let files = perFile.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20)
        let special = Set(RulePack.specialCareLabels)
        var h = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><title>sumi report</title>
        <style>
        body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:2rem;color:#222;max-width:1000px}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
        .cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#f5f5f7;border-radius:8px;padding:.8rem 1.2rem}
        .card b{display:block;font-size:1.5rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee}
        .special{color:#b00020}.none{color:#777}code{background:#f0f0f0;padding:0 .2rem}
        </style></head><body>
        <h1>sumi 墨 — personal data report</h1>
        <div class="cards">
        <div class="card"><b>\(filesScanned)</b>files scanned</div>
        <div class="card"><b>\(filesSkipped.count)</b>skipped</div>
        <div class="card"><b>\(filesFailed.count)</b>failed</div>
        <div class="card"><b>\(total)</b>findings</div>
        <div class="card"><b>\(perFile.count)</b>files with findings</div>
        </div>
        <h2>Findings per label</h2>
        \(BatchReport.bars(labels, color: "#3b6fb6"))
        <h2>Findings per folder</h2>
        \(BatchReport.bars(Array(folders), color: "#2e8b57"))
        <h2>Most affected files</h2><table><tr><th>file</th><th>findings</th></tr>
        """
        for (f, n) in files { h += "<tr><td>\(BatchReport.escape(f))</td><td>\(n)</td></tr>" }
        h += "</table><h2>Masked examples</h2><table><tr><th>label</th><th>examples (masked)</th></tr>"
        for (label, _) in labels {
            let cls = special.contains(label) ? " class=\"special\"" : ""
            h += "<tr><td\(cls)>\(BatchReport.escape(label))</td><td>\((examples[label] ?? []).map { "<code>\(BatchReport.escape($0))</code>" }.joined(separator: " "))</td></tr>"
        }
        h += "</table>"
        if !filesFailed.isEmpty || !filesSkipped.isEmpty {
            h += "<h2>Files not scanned</h2><table><tr><th>file</th><th>reason</th></tr>"
            for s in filesFailed + filesSkipped { h += "<tr><td>\(BatchReport.escape(s.path))</td><td>\(BatchReport.escape(s.reason))</td></tr>" }
            h += "</table>"
        }
        h += "<p class=\"none\">Labels in red are APPI special care-required information. Values are masked.</p></body></html>\n"
        return h
    }
}
