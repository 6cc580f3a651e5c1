import ArgumentParser
import Dispatch
import Foundation
import SumiBatch
import SumiCore
import SumiOutput
import SumiTable
import SumiText

/// Options shared by commands that load rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rules folder (default: the bundled rules/).")
    var rules: String?

    func loadPack() throws -> RulePack {
        try RulePack(directory: directory())
    }

    func directory() throws -> URL {
        if let rules { return URL(fileURLWithPath: rules) }
        if let d = RulePack.defaultDirectory() { return d }
        throw ValidationError("bundled rules/ not found; pass --rules DIR or set SUMI_RULES")
    }

    /// The header dictionary for tables: the rules folder's `tables/headers.yaml`, else the
    /// bundled one (a folder of one's own rules need not carry a dictionary).
    func loadHeaderDictionary() throws -> HeaderDictionary {
        let own = try directory()
        if FileManager.default.fileExists(atPath: own.appendingPathComponent("tables/headers.yaml").path) || rules == nil {
            return try HeaderDictionary(rulesDirectory: own)
        }
        guard let bundled = RulePack.defaultDirectory() else {
            throw ValidationError("no tables/headers.yaml in \(own.path) and bundled rules/ not found")
        }
        return try HeaderDictionary(rulesDirectory: bundled)
    }
}

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan files and folders for sensitive data.",
        discussion: "Exit status: 0 nothing found, 1 findings, 2 error."
    )

    @Argument(help: "Files or folders to scan.")
    var paths: [String]

    @OptionGroup var ruleOptions: RuleOptions

    @Option(help: "Output format: text, jsonl, json or sarif.")
    var format: String = "text"

    @Flag(help: "Print matched values (masked by default).")
    var showValues = false

    @Option(help: "Drop findings scoring below this (0 to 1).")
    var minScore: Double = 0.5

    @Option(help: "Only these labels, comma-separated (e.g. PERSON,PHONE_NUMBER).")
    var labels: String?

    @Option(help: "Force the input encoding (utf-8, shift_jis, euc-jp, utf-16le, utf-16be, iso-2022-jp).")
    var encoding: String?

    @Flag(help: "Read every file as a CSV/TSV table (files ending .csv or .tsv always are).")
    var table = false

    @Option(name: .shortAndLong, help: "Write the report to this file (atomically) instead of standard output.")
    var output: String?

    @OptionGroup var walk: WalkOptions

    @Option(help: "Files scanned in parallel (default: all cores).")
    var jobs: Int?

    @Option(help: "Also write summary.json, findings.jsonl (masked) and report.html into this folder.")
    var report: String?

    @Flag(help: "No progress line on a terminal.")
    var quiet = false

    @Option(help: "Report only findings that are not in this baseline file.")
    var baseline: String?

    @Option(help: "Write the findings of this run as a baseline file (fingerprints only, no values).")
    var writeBaseline: String?

    @Option(help: "Key for baseline fingerprints (else the SUMI_KEY environment variable).")
    var keyFile: String?

    func run() throws {
        do {
            let code = try execute()
            throw ExitCode(code)
        } catch let e as RuleError {
            FileHandle.standardError.write(Data("sumi: rule error: \(e)\n".utf8))
            throw ExitCode(2)
        } catch let e as FindingBaseline.Failure {
            FileHandle.standardError.write(Data("sumi: \(e)\n".utf8))
            throw ExitCode(2)
        }
    }

    func execute() throws -> Int32 {
        guard let fmt = OutputFormat(rawValue: format) else {
            throw ValidationError("unknown --format \(format) (text, jsonl, json, sarif)")
        }
        guard (0...1).contains(minScore) else { throw ValidationError("--min-score must be between 0 and 1") }
        let forced = try TextEncoding.option(encoding)
        let pack = try ruleOptions.loadPack()
        var opts = ScanOptions(minScore: minScore)
        if let labels {
            let set = Set(labels.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() })
            let unknown = set.subtracting(pack.labels)
            if !unknown.isEmpty { throw ValidationError("no rule has label(s) \(unknown.sorted().joined(separator: ", "))") }
            opts.labels = set
        }
        let scanner = RuleScanner(pack: pack, options: opts)
        var known: FindingBaseline? = nil
        var remaining: [String: Int] = [:]
        var recording: FindingBaseline? = nil
        if baseline != nil || writeBaseline != nil {
            let key = try FindingBaseline.loadKey(file: keyFile)
            if let baseline {
                known = try FindingBaseline(data: Data(contentsOf: URL(fileURLWithPath: baseline)), key: key)
                remaining = known!.counts
            }
            if writeBaseline != nil { recording = FindingBaseline(key: key) }
        }
        let session = scanner.makeSession()
        let toTerminal = output == nil && isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        var printer = FindingPrinter(format: fmt, options: PrintOptions(showValues: showValues, color: toTerminal && fmt == .text))
        let sink = try OutputSink(path: output)
        var found = false, failed = false
        var walkErrors: [String] = []
        let listing = try walk.walker().list(paths)
        let files = listing.files
        walkErrors = listing.errors
        for e in walkErrors {
            FileHandle.standardError.write(Data("sumi: \(e)\n".utf8))
            failed = true
        }
        for s in listing.skipped { FileHandle.standardError.write(Data("sumi: \(s.path): skipped: \(s.reason)\n".utf8)) }
        // Tables: columns are classified with the default threshold and all labels, so a column's
        // label does not depend on --min-score or --labels; cells are scanned with `scanner`.
        var tableScanner: TableScanner? = nil
        if files.contains(where: { table || TableScanner.isTable(path: $0) }) {
            let classifier = ColumnClassifier(dictionary: try ruleOptions.loadHeaderDictionary(),
                                              scanner: RuleScanner(pack: pack, options: ScanOptions()))
            tableScanner = TableScanner(scanner: scanner, classifier: classifier)
        }
        // Files are scanned on --jobs workers and printed in path order as they complete, so the
        // output is the same whatever --jobs is and memory holds a bounded window of results.
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let sessions = (0..<workers).map { i in i == 0 ? session : scanner.makeSession() }
        var batchReport = report.map { _ in BatchReport() }
        let started = Date()
        let showProgress = !quiet && isatty(2) == 1
        let totalBytes = listing.sizes.reduce(0, +)
        // Workers count what they read; a timer draws the line, so it moves while the printing
        // thread waits for a huge file that comes first in path order.
        let counter = ScanProgress()
        func progress(final: Bool = false) {
            let (doneFiles, doneBytes) = counter.snapshot
            let secs = max(0.001, Date().timeIntervalSince(started))
            let rate = Double(doneBytes) / 1e6 / secs
            let eta = rate > 0 ? Double(max(0, totalBytes - doneBytes)) / 1e6 / rate : 0
            let line = String(format: "\r%d/%d files  %.1f/%.1f MB  %.1f MB/s  ETA %.0f s ", doneFiles, files.count,
                              Double(doneBytes) / 1e6, Double(totalBytes) / 1e6, rate, eta)
            FileHandle.standardError.write(Data(line.utf8))
            if final { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        let tickQueue = DispatchQueue(label: "sumi.progress")
        let ticker = showProgress ? DispatchSource.makeTimerSource(queue: tickQueue) : nil
        ticker?.schedule(deadline: .now() + 0.2, repeating: 0.2)
        ticker?.setEventHandler { progress() }
        ticker?.resume()
        let renderInWorkers = known == nil
        // Files too large to hold their findings in memory stream them, rendered, into a spool
        // file that is copied out at the file's turn. The report and baselines need the findings
        // themselves, so they keep them in memory.
        let spoolLarge = renderInWorkers && batchReport == nil && recording == nil && (fmt == .text || fmt == .jsonl)
        let workPrinter = printer
        // The window of finished files waiting to print: many small files, or ~64 MB of text
        // (spooled large files hold no findings in memory and count little).
        OrderedPipeline.run(count: files.count, workers: workers, window: workers * 2048, budget: 64 << 20, cost: { i in
            let size = listing.sizes[i]
            return spoolLarge && size > RuleScanner.streamThreshold ? 64 << 10 : size
        }, work: { i, w -> (FileScanResult, String?, Spool?) in
            let path = files[i]
            if let tableScanner, table || TableScanner.isTable(path: path) {
                if spoolLarge, let spool = Spool.forLarge(path: path, size: listing.sizes[i], forced: forced) {
                    // The column table comes first but is known only at the end: it goes in front.
                    let r = tableScanner.scanFile(atPath: path, encoding: forced, session: sessions[w], progress: counter) { f in
                        spool.add(f) { batch, _ in
                            workPrinter.renderedFindings(FileScanResult(path: path, status: .scanned, encoding: spool.encoding), batch, first: false)
                        }
                    }
                    spool.finish { batch, _ in workPrinter.renderedFindings(r, batch, first: false) }
                    spool.prefix = workPrinter.rendered(r) ?? ""
                    return (r, nil, spool)
                }
                let r = tableScanner.scanFile(atPath: path, encoding: forced, session: sessions[w], progress: counter)
                return (r, renderInWorkers ? workPrinter.rendered(r) : nil, nil)
            }
            if spoolLarge, let spool = Spool.forLarge(path: path, size: listing.sizes[i], forced: forced) {
                var r = scanner.scanFile(atPath: path, encoding: forced, session: sessions[w], progress: counter) { f in
                    spool.add(f) { batch, first in
                        workPrinter.renderedFindings(FileScanResult(path: path, status: .scanned, encoding: spool.encoding), batch, first: first)
                    }
                }
                spool.finish { batch, first in workPrinter.renderedFindings(r, batch, first: first) }
                r.findings = []
                spool.append(workPrinter.rendered(r) ?? "")
                return (r, nil, spool)
            }
            let r = scanner.scanFile(atPath: path, encoding: forced, session: sessions[w], progress: counter)
            return (r, renderInWorkers ? workPrinter.rendered(r) : nil, nil)
        }) { _, done in
            var r = done.0
            let path = r.path
            if recording != nil { for f in r.findings { recording!.add(path: path, f) } }
            if let known { r.findings = known.filter(path: path, r.findings, remaining: &remaining) }
            if !r.findings.isEmpty || (done.2?.count ?? 0) > 0 { found = true }
            if case .failed(let why) = r.status {
                failed = true
                let at = r.failedLine.map { "\(path):\($0)" } ?? path
                if fmt != .text { FileHandle.standardError.write(Data("sumi: \(at): \(why)\n".utf8)) }
            }
            if fmt != .text {
                for x in r.formatWarnings {
                    let at = x.line > 0 ? "\(path):\(x.line)" : path
                    FileHandle.standardError.write(Data("sumi: \(at): warning: \(x.reason)\n".utf8))
                }
            }
            if case .skipped(let why) = r.status, fmt != .text {
                FileHandle.standardError.write(Data("sumi: \(path): skipped: \(why)\n".utf8))
            }
            if let spool = done.2 { spool.copy(to: sink) } else { sink.write(done.1 ?? printer.file(r)) }
            batchReport?.add(r)
        }
        if let ticker { ticker.cancel(); tickQueue.sync {}; progress(final: true) }
        if var rep = batchReport, let report {
            rep.seconds = Date().timeIntervalSince(started)
            try rep.write(to: URL(fileURLWithPath: report))
        }
        sink.write(printer.finish(rules: pack.rules.map(\.rule)))
        try sink.close()
        if let recording, let writeBaseline {
            try recording.data().write(to: URL(fileURLWithPath: writeBaseline), options: .atomic)
        }
        return failed ? 2 : (found ? 1 : 0)
    }
}

/// Standard output, or a file written atomically: into a temporary file beside it, renamed at
/// the end, so a failed run never leaves half a report and memory holds none of it.
final class OutputSink {
    let path: String?
    private var temp: URL?
    private var handle: FileHandle?

    init(path: String?) throws {
        self.path = path
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        let t = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sumi-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: t.path, contents: nil) else {
            throw ValidationError("cannot write \(path)")
        }
        temp = t
        handle = try FileHandle(forWritingTo: t)
    }

    func write(_ s: String) {
        guard !s.isEmpty else { return }
        write(Data(s.utf8))
    }

    func write(_ d: Data) {
        if let handle { handle.write(d) } else { FileHandle.standardOutput.write(d) }
    }

    func close() throws {
        guard let path, let temp, let handle else { return }
        try handle.close()
        guard rename(temp.path, path) == 0 else {
            throw ValidationError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit { if let temp, FileManager.default.fileExists(atPath: temp.path) { try? FileManager.default.removeItem(at: temp) } }
}

/// The rendered findings of one large file, in an unlinked temporary file until its turn to print.
final class Spool {
    let encoding: TextEncoding?
    private(set) var count = 0
    private let handle: FileHandle
    private var pending: [Finding] = []
    private var text = ""
    /// Written before the spooled text (a table's column summary, known only at the end).
    var prefix = ""

    /// A spool for `path` when it is large enough to stream, else nil.
    static func forLarge(path: String, size: Int, forced: TextEncoding?) -> Spool? {
        guard size > RuleScanner.streamThreshold,
              let probe = FileHandle(forReadingAtPath: path) else { return nil }
        let head = [UInt8]((try? probe.read(upToCount: 64 << 10)) ?? Data())
        try? probe.close()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-spool-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let h = try? FileHandle(forUpdating: url) else { return nil }
        unlink(url.path)   // gone from the folder; the open handle keeps it until closed
        return Spool(handle: h, encoding: forced ?? TextDecoder.detect(head))
    }

    private init(handle: FileHandle, encoding: TextEncoding?) {
        self.handle = handle
        self.encoding = encoding
    }

    func add(_ f: Finding, render: ([Finding], Bool) -> String) {
        pending.append(f)
        count += 1
        if pending.count >= 4096 { finish(render: render) }
    }

    /// Renders the findings not yet rendered.
    func finish(render: ([Finding], Bool) -> String) {
        guard !pending.isEmpty else { return }
        append(render(pending, count == pending.count))
        pending.removeAll(keepingCapacity: true)
    }

    func append(_ s: String) {
        text += s
        if text.utf8.count >= 1 << 20 { flush() }
    }

    private func flush() {
        if !text.isEmpty { handle.write(Data(text.utf8)); text = "" }
    }

    func copy(to sink: OutputSink) {
        sink.write(prefix)
        flush()
        handle.seek(toFileOffset: 0)
        while let d = try? handle.read(upToCount: 1 << 20), !d.isEmpty { sink.write(d) }
        try? handle.close()
    }
}

extension TextEncoding {
    /// The `--encoding` option: nil when absent, a usage error when unknown.
    static func option(_ name: String?) throws -> TextEncoding? {
        guard let name else { return nil }
        guard let e = TextEncoding(userName: name) else {
            throw ValidationError("unknown --encoding \(name) (utf-8, utf-8-bom, shift_jis, euc-jp, utf-16le, utf-16be, iso-2022-jp)")
        }
        return e
    }
}

/// Options of the file walker, shared by scan and redact.
struct WalkOptions: ParsableArguments {
    @Flag(help: "Include hidden files and folders.")
    var hidden = false

    @Flag(help: "Follow symbolic links (never out of the root, never in a loop).")
    var follow = false

    @Option(help: "Skip files larger than this many bytes.")
    var maxSize: Int?

    @Option(help: "Only files matching these globs (gitignore syntax; repeatable).")
    var include: [String] = []

    @Option(help: "Leave out files matching these globs (gitignore syntax; repeatable).")
    var exclude: [String] = []

    func walker() throws -> Walker {
        var o = Walker.Options()
        o.includeHidden = hidden
        o.followLinks = follow
        o.maxSize = maxSize
        o.include = include
        o.exclude = exclude
        do { return try Walker(options: o) } catch { throw ValidationError("bad --include/--exclude glob: \(error)") }
    }
}
