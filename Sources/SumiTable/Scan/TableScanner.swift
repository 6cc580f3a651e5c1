import Foundation
import SumiCore
import SumiText

/// `sumi scan` for CSV/TSV files: streams the table once, scanning every non-empty cell as its
/// own document (so context words of one column never score a value in the next) and keeping a
/// bounded reservoir sample per column; at the end the columns are classified from header and
/// sample. Memory stays flat however many rows there are (findings aside, which a caller can
/// take one by one with `onFinding`).
///
/// Findings get file positions: line and column of the value in the file, UTF-8 byte and
/// code-point offsets into the decoded text (quoted fields included: the opening quote and
/// doubled quotes are accounted for), plus the cell (`Finding.cell`: 1-based data row, column).
///
/// A record with the wrong number of fields becomes a warning with its line (its cells are still
/// scanned, not sampled); a quote never closed or bytes invalid in the encoding fail the file
/// with their line, and the file then reports no findings, as other failed files.
public final class TableScanner: @unchecked Sendable {
    public let scanner: RuleScanner
    public let classifier: ColumnClassifier
    /// Ragged records reported one by one per file; the rest are counted in one last warning.
    public var maxFormatWarnings = 100
    public var sampleCapacity = 200

    public init(scanner: RuleScanner, classifier: ColumnClassifier) {
        self.scanner = scanner
        self.classifier = classifier
    }

    /// Files read as tables by default: `.csv` and `.tsv`, in any case.
    public static func isTable(path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }

    /// Reads, classifies and scans one table. Never throws: problems become `.failed`/`.skipped`.
    public func scanFile(atPath path: String, encoding forced: TextEncoding? = nil, session: ScanSession,
                         progress: ScanProgress? = nil, onFinding: ((Finding) -> Void)? = nil) -> FileScanResult {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        defer { progress?.fileDone(bytes: size) }
        let pack = scanner.pack
        if pack.allowlist.allows(path: path) {
            return FileScanResult(path: path, status: .skipped("allowlisted path"))
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            return FileScanResult(path: path, status: .failed(reason))
        }
        var result = FileScanResult(path: path, status: .scanned, bytes: size)
        var findings: [Finding] = []
        do {
            var reader = try CSVReader(path: path, encoding: forced, hasHeader: true, fieldPositions: true)
            if let first = reader.header, !looksLikeHeader(first, session: session) {
                reader = try CSVReader(path: path, delimiter: reader.dialect.delimiter, encoding: reader.encoding,
                                       hasHeader: false, fieldPositions: true)
            }
            result.encoding = reader.encoding
            let header = reader.header
            var sampler = ColumnSampler(capacity: sampleCapacity)
            var memo = CellMemo()
            var rows = 0, ragged = 0
            while true {
                let record: CSVRecord
                do {
                    guard let r = try reader.next() else { break }
                    record = r
                    sampler.add(r.fields)
                } catch let e as CSVFormatError where e.recoverable {
                    guard let r = reader.lastRaggedRecord, r.line == e.line else { throw e }
                    record = r
                    ragged += 1
                    if ragged <= maxFormatWarnings { result.formatWarnings.append(FormatWarning(line: e.line, reason: e.reason)) }
                }
                rows += 1
                scanCells(record, row: rows, header: header, session: session, memo: &memo) { f in
                    if let onFinding { onFinding(f) } else { findings.append(f) }
                }
            }
            if ragged > maxFormatWarnings {
                result.formatWarnings.append(FormatWarning(line: 0, reason: "\(ragged - maxFormatWarnings) more records with the wrong number of fields"))
            }
            let classification = classifier.classify(header: header, samples: sampler.samples)
            result.table = TableSummary(
                delimiter: String(UnicodeScalar(reader.dialect.delimiter)), rows: rows,
                columns: classification.columns.map {
                    TableSummary.Column(name: $0.name, index: $0.index, label: $0.label, role: $0.role.rawValue,
                                        share: $0.share, confidence: $0.confidence)
                })
        } catch let e as CSVFormatError {
            _ = session.drain()
            var failed = FileScanResult(path: path, status: .failed(e.reason), encoding: result.encoding, bytes: size)
            failed.failedLine = e.line > 0 ? e.line : nil
            return failed
        } catch {
            _ = session.drain()
            return FileScanResult(path: path, status: .failed("\(error)"), bytes: size)
        }
        result.findings = findings
        result.warnings = session.drain().warnings
        return result
    }

    /// Scans each non-empty cell of a record on its own and moves the findings to file positions.
    func scanCells(_ record: CSVRecord, row: Int, header: [String]?, session: ScanSession, memo: inout CellMemo,
                   emit: (Finding) -> Void) {
        for (c, field) in record.fields.enumerated() where !field.isEmpty {
            let cellFindings = memo.findings(column: c, cell: field) { scanner.scan(field, session: session) }
            if cellFindings.isEmpty { continue }
            let name = header.flatMap { c < $0.count ? $0[c] : nil }
            for var f in cellFindings {
                if c < record.positions.count {
                    let at = record.positions[c]
                    let start = at.locate(f.byteStart, in: field)
                    let end = at.locate(f.byteEnd, in: field)
                    f.byteStart = start.byte
                    f.byteEnd = end.byte
                    f.start = start.scalar
                    f.end = end.scalar
                    f.line = start.line
                    f.column = start.column
                }
                f.cell = TableCell(row: row, columnIndex: c, columnName: name)
                emit(f)
            }
        }
    }

    /// A first record is a header when one of its cells is a header the dictionary knows and
    /// none holds something the scanner reports (a header row names columns; a data row of a
    /// headerless file holds names, numbers, addresses).
    func looksLikeHeader(_ cells: [String], session: ScanSession) -> Bool {
        var known = false
        for cell in cells where !cell.isEmpty {
            let m = classifier.dictionary.match(cell)
            if m.label != nil || m.isNotPersonal { known = true }
        }
        guard known else { return false }
        let hasData = cells.contains { !$0.isEmpty && !scanner.scan($0, session: session).isEmpty }
        _ = session.drain()
        return !hasData
    }
}

/// Findings of short cells already scanned, per column. A cell is scanned as a document of its
/// own, so equal cells give equal findings; tables repeat values (sex, status, plan, prefecture)
/// in most columns, and scanning each distinct short value once makes such columns nearly free.
/// Bounded: cells up to 64 bytes, 8,192 distinct values a column.
struct CellMemo {
    static let maxCellBytes = 64
    static let maxEntries = 8192
    private var columns: [[String: [Finding]]] = []

    mutating func findings(column c: Int, cell: String, scan: () -> [Finding]) -> [Finding] {
        guard cell.utf8.count <= CellMemo.maxCellBytes else { return scan() }
        while columns.count <= c { columns.append([:]) }
        if let known = columns[c][cell] { return known }
        let found = scan()
        if columns[c].count < CellMemo.maxEntries { columns[c][cell] = found }
        return found
    }
}
