import Foundation
import SumiCore
import SumiText
import XCTest
@testable import SumiOutput

/// `sumi scan` on CSV/TSV files: column tables, cell findings at their file positions, masking,
/// and malformed tables.
extension CommandLineTests {
    /// A Japanese Shift_JIS CSV (CRLF, a quoted multi-line cell with doubled quotes) and an English TSV.
    func tableFolder() throws -> (dir: URL, ja: URL, en: URL) {
        let d = try tempDir().appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        let ja = "氏名,電話番号,メモ,性別\r\n"
            + "山田太郎,090-1234-5678,\"連絡先は\r\n\"\"至急\"\" 03-9876-5432 まで\",男性\r\n"
            + "佐藤花子,080-2222-3333,特になし,女性\r\n"
            + "鈴木一郎,070-3333-4444,なし,男性\r\n"
        let sjis = try TextEncoder.encode(Array(ja.utf8), as: .shiftJIS, bom: false)
        XCTAssertNil(String(bytes: sjis, encoding: .utf8), "the fixture really is Shift_JIS")
        let jaURL = d.appendingPathComponent("顧客.csv")
        try Data(sjis).write(to: jaURL)
        let en = "name\temail\tcity\n"
            + "John Smith\tjohn.smith@example.com\tBoston\n"
            + "Mary Johnson\tmary.j@example.org\tDenver\n"
            + "Robert Brown\trbrown@example.net\tAustin\n"
        let enURL = d.appendingPathComponent("staff.tsv")
        try en.write(to: enURL, atomically: true, encoding: .utf8)
        return (d, jaURL, enURL)
    }

    func testScanTablesJSONHasColumnTablesAndCellPositions() throws {
        let (dir, ja, _) = try tableFolder()
        let r = try sumi(["scan", dir.path, "--format", "json"])
        XCTAssertEqual(r.status, 1, r.err)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let tables = try XCTUnwrap(doc["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.count, 2)
        func column(_ table: [String: Any], _ name: String) -> [String: Any]? {
            (table["columns"] as? [[String: Any]])?.first { $0["name"] as? String == name }
        }
        let jaTable = try XCTUnwrap(tables.first { ($0["path"] as? String)?.hasSuffix("顧客.csv") == true })
        XCTAssertEqual(jaTable["encoding"] as? String, "shift_jis")
        XCTAssertEqual(jaTable["delimiter"] as? String, ",")
        XCTAssertEqual(jaTable["rows"] as? Int, 3)
        XCTAssertEqual(column(jaTable, "氏名")?["label"] as? String, "PERSON")
        XCTAssertEqual(column(jaTable, "氏名")?["role"] as? String, "identifier")
        XCTAssertEqual(column(jaTable, "電話番号")?["label"] as? String, "PHONE_NUMBER")
        XCTAssertEqual(column(jaTable, "性別")?["label"] as? String, "SEX")
        XCTAssertEqual(column(jaTable, "性別")?["role"] as? String, "quasi_identifier")
        let share = try XCTUnwrap(column(jaTable, "電話番号")?["share"] as? Double)
        XCTAssertGreaterThan(share, 0.9)
        XCTAssertNotNil(column(jaTable, "電話番号")?["confidence"] as? Double)
        let enTable = try XCTUnwrap(tables.first { ($0["path"] as? String)?.hasSuffix("staff.tsv") == true })
        XCTAssertEqual(enTable["delimiter"] as? String, "\t")
        XCTAssertEqual(column(enTable, "email")?["label"] as? String, "EMAIL_ADDRESS")
        XCTAssertEqual(column(enTable, "city")?["role"] as? String, "quasi_identifier")

        // No value without --show-values.
        for value in ["山田太郎", "090-1234-5678", "03-9876-5432", "john.smith@example.com", "Mary Johnson"] {
            XCTAssertFalse(r.out.contains(value), "\(value) leaked")
        }

        // The phone number inside the quoted two-line memo cell: row 1, column メモ, file line 3,
        // column 8 (after `""至急"" `), offsets into the decoded file.
        let files = try XCTUnwrap(doc["files"] as? [[String: Any]])
        let jaFile = try XCTUnwrap(files.first { ($0["path"] as? String)?.hasSuffix("顧客.csv") == true })
        let findings = try XCTUnwrap(jaFile["findings"] as? [[String: Any]])
        let memo = try XCTUnwrap(findings.first { ($0["cell"] as? [String: Any])?["column"] as? String == "メモ" })
        let cell = try XCTUnwrap(memo["cell"] as? [String: Any])
        XCTAssertEqual(cell["row"] as? Int, 1)
        XCTAssertEqual(cell["column_index"] as? Int, 2)
        XCTAssertEqual(memo["label"] as? String, "PHONE_NUMBER")
        XCTAssertEqual(memo["line"] as? Int, 3)
        XCTAssertEqual(memo["column"] as? Int, 8)
        let decoded = try TextDecoder.decode(Array(try Data(contentsOf: ja))).utf8
        let byteStart = try XCTUnwrap(memo["byte_start"] as? Int), byteEnd = try XCTUnwrap(memo["byte_end"] as? Int)
        XCTAssertEqual(String(decoding: decoded[byteStart..<byteEnd], as: UTF8.self), "03-9876-5432")
        let scalars = Array(String(decoding: decoded, as: UTF8.self).unicodeScalars)
        let start = try XCTUnwrap(memo["start"] as? Int), end = try XCTUnwrap(memo["end"] as? Int)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[start..<end])), "03-9876-5432")
        let line3 = String(decoding: decoded, as: UTF8.self).components(separatedBy: "\r\n")[2]
        XCTAssertTrue(String(line3.unicodeScalars.dropFirst(7)).hasPrefix("03-9876-5432"), line3)
        // The cell's neighbours are their own documents: the name column's finding is in row 2 too.
        XCTAssertTrue(findings.contains { ($0["cell"] as? [String: Any])?["row"] as? Int == 2 && $0["label"] as? String == "PERSON" })

        let shown = try sumi(["scan", ja.path, "--format", "json", "--show-values"])
        XCTAssertTrue(shown.out.contains("\"value\":\"03-9876-5432\""), shown.out)
    }

    func testScanTablesJSONLinesPutsTableLineBeforeFindings() throws {
        let (_, ja, en) = try tableFolder()
        let r = try sumi(["scan", ja.path, en.path, "--format", "jsonl"])
        XCTAssertEqual(r.status, 1, r.err)
        let lines = try r.out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let tableLines = lines.indices.filter { lines[$0]["type"] as? String == "table" }
        XCTAssertEqual(tableLines.count, 2)
        XCTAssertEqual(tableLines.first, 0, "a table's line comes before its findings")
        let first = lines[0]
        XCTAssertTrue((first["path"] as? String)?.hasSuffix("顧客.csv") == true)
        XCTAssertEqual(first["encoding"] as? String, "shift_jis")
        XCTAssertEqual(first["rows"] as? Int, 3)
        XCTAssertEqual((first["columns"] as? [[String: Any]])?.first?["label"] as? String, "PERSON")
        // Finding lines keep their shape (no `type`), plus the cell.
        for line in lines where line["type"] == nil {
            XCTAssertNotNil(line["byte_start"] as? Int)
            XCTAssertNotNil(line["column"] as? Int, "column stays the code-point column")
            XCTAssertNotNil((line["cell"] as? [String: Any])?["row"] as? Int)
            XCTAssertNil(line["value"])
        }
        let enFindings = lines[(tableLines[1] + 1)...]
        XCTAssertTrue(enFindings.allSatisfy { ($0["path"] as? String)?.hasSuffix("staff.tsv") == true })
        XCTAssertTrue(enFindings.contains { ($0["cell"] as? [String: Any])?["column"] as? String == "email" })
        XCTAssertFalse(r.out.contains("example.com"))
    }

    func testMalformedTables() throws {
        let d = try tempDir().appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        // Line 3 has a field too many; the rows after it are still scanned.
        try "氏名,電話番号\n山田太郎,090-1234-5678\n佐藤花子,080-2222-3333,余分\n鈴木一郎,070-3333-4444\n"
            .write(to: d.appendingPathComponent("ragged.csv"), atomically: true, encoding: .utf8)
        let ragged = try sumi(["scan", d.appendingPathComponent("ragged.csv").path])
        XCTAssertEqual(ragged.status, 1, ragged.out + ragged.err)
        XCTAssertTrue(ragged.out.contains("ragged.csv:3: warning: record has 3 fields, header has 2"), ragged.out)
        XCTAssertTrue(ragged.out.contains("row 3, 氏名"), "the row after the ragged one is scanned: \(ragged.out)")
        let raggedJSON = try sumi(["scan", d.appendingPathComponent("ragged.csv").path, "--format", "json"])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(raggedJSON.out.utf8)) as? [String: Any])
        let table = try XCTUnwrap((doc["tables"] as? [[String: Any]])?.first)
        XCTAssertEqual(table["rows"] as? Int, 3)
        XCTAssertEqual((table["warnings"] as? [[String: Any]])?.first?["line"] as? Int, 3)
        XCTAssertTrue(raggedJSON.err.contains("ragged.csv:3: warning:"), raggedJSON.err)

        // A quote opened on line 3 and never closed: the file fails with its line, the others go on.
        try "氏名,電話番号\n山田太郎,090-1234-5678\n\"佐藤花子,080-2222-3333\n鈴木一郎,070-3333-4444\n"
            .write(to: d.appendingPathComponent("unbalanced.csv"), atomically: true, encoding: .utf8)
        let all = try sumi(["scan", d.path])
        XCTAssertEqual(all.status, 2, "a failed file makes the status 2")
        XCTAssertTrue(all.out.contains("unbalanced.csv:3: error: quoted field opened on this line is never closed"), all.out)
        XCTAssertTrue(all.out.contains("ragged.csv (utf-8, table: 3 rows"), all.out)
        let json = try sumi(["scan", d.path, "--format", "json"])
        XCTAssertEqual(json.status, 2)
        let files = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])?["files"] as? [[String: Any]])
        let failed = try XCTUnwrap(files.first { ($0["path"] as? String)?.hasSuffix("unbalanced.csv") == true })
        XCTAssertEqual(failed["status"] as? String, "failed")
        XCTAssertEqual(failed["line"] as? Int, 3)
        XCTAssertTrue(json.err.contains("unbalanced.csv:3: quoted field"), json.err)

        // Bytes that are not valid in the (forced) encoding: failed at their line.
        try Data("氏名,電話番号\n山田太郎,090-1234-5678\n".utf8 + [0xFF, 0xFE, 0x2C, 0x31, 0x0A])
            .write(to: d.appendingPathComponent("invalid.csv"))
        let invalid = try sumi(["scan", d.appendingPathComponent("invalid.csv").path, "--encoding", "utf-8"])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.out.contains("invalid.csv:3: error: bytes not valid in utf-8"), invalid.out)
        XCTAssertFalse(all.out.contains("090-1234-5678") || json.out.contains("090-1234-5678"), "values stay masked")
    }

    /// `--table` reads any file as a table; without it a .txt is scanned as text.
    func testTableFlagReadsOtherFilesAsTables() throws {
        let d = try tempDir()
        let txt = d.appendingPathComponent("export.txt")
        try "name\temail\nJohn Smith\tjohn.smith@example.com\n".write(to: txt, atomically: true, encoding: .utf8)
        let plain = try sumi(["scan", txt.path, "--format", "jsonl"])
        XCTAssertFalse(plain.out.contains("\"type\":\"table\""), plain.out)
        let table = try sumi(["scan", txt.path, "--format", "jsonl", "--table"])
        XCTAssertTrue(table.out.hasPrefix("{\"type\":\"table\""), table.out)
        XCTAssertTrue(table.out.contains("\"cell\":{\"row\":1,\"column\":\"email\""), table.out)
    }
}

/// The text rendering of a table: aligned columns (wide characters count two), roles coloured
/// only when asked, values masked.
final class TablePrinterTests: XCTestCase {
    func testTextColumnTable() {
        let table = TableSummary(delimiter: ",", rows: 2, columns: [
            .init(name: "氏名", index: 0, label: "PERSON", role: "identifier", share: 1, confidence: 0.995),
            .init(name: "memo", index: 1, label: nil, role: "other", share: 0, confidence: 0.6),
        ])
        var f = Finding(label: "PERSON", ruleID: "ja-person-fullname", score: 0.6, byteStart: 10, byteEnd: 22,
                        start: 6, end: 10, line: 2, column: 1, value: "山田太郎")
        f.cell = TableCell(row: 1, columnIndex: 0, columnName: "氏名")
        var r = FileScanResult(path: "t.csv", status: .scanned, encoding: .shiftJIS, bytes: 30, findings: [f])
        r.table = table
        r.formatWarnings = [FormatWarning(line: 4, reason: "record has 3 fields, header has 2")]
        var plain = FindingPrinter(format: .text, options: PrintOptions())
        let out = plain.file(r)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "t.csv:4: warning: record has 3 fields, header has 2")
        XCTAssertEqual(lines[1], "t.csv (shift_jis, table: 2 rows, 2 columns, delimiter ,)")
        XCTAssertEqual(lines[3], "  0  氏名    PERSON  identifier         100%  0.99")
        XCTAssertEqual(lines[4], "  1  memo    -       other                0%  0.60")
        XCTAssertTrue(lines[5].hasSuffix("row 1, 氏名"), lines[5])
        XCTAssertFalse(out.contains("山田太郎"))
        XCTAssertFalse(out.contains("\u{1B}["))
        var colored = FindingPrinter(format: .text, options: PrintOptions(color: true))
        XCTAssertTrue(colored.file(r).contains("\u{1B}[31midentifier"), "identifiers in red")
    }
}
