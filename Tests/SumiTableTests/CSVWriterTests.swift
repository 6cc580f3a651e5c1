import Foundation
import XCTest
@testable import SumiTable
import SumiText

final class CSVWriterTests: CSVTestCase {
    func testQuotesOnlyWhenNeeded() throws {
        let path = folder + "/out.csv"
        let writer = try CSVWriter(path: path, dialect: .comma, encoding: .utf8, bom: false, lineEnding: "\n")
        try writer.write(["plain", " spaced ", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "tab\there", ""])
        try writer.write([""])
        try writer.commit()
        let expected = "plain, spaced ,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",tab\there,\n\"\"\n"
        XCTAssertEqual(String(decoding: try contents(path), as: UTF8.self), expected)
    }

    func testTabDialectQuotesTabsNotCommas() throws {
        let path = folder + "/out.tsv"
        let writer = try CSVWriter(path: path, dialect: .tab, encoding: .utf8, bom: true, lineEnding: "\r\n")
        try writer.write(["a,b", "c\td"])
        try writer.commit()
        XCTAssertEqual(try contents(path), [0xEF, 0xBB, 0xBF] + Array("a,b\t\"c\td\"\r\n".utf8))
    }

    // MARK: - Byte-identical round trips

    /// Reads `bytes` (detecting everything), rewrites the records with the detected
    /// settings and expects the same bytes back, for several chunk sizes.
    func assertRoundTrip(_ bytes: [UInt8], name: String, encoding: TextEncoding, bom: Bool,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let source = try self.file(name, bytes)
        for chunk in [1, 2, 3, 5, 7, 1 << 20] {
            let reader = try CSVReader(path: source, chunkSizeForTests: chunk)
            XCTAssertEqual(reader.encoding, encoding, "chunk \(chunk)", file: file, line: line)
            XCTAssertEqual(reader.hasBOM, bom, file: file, line: line)
            let out = folder + "/rewritten-\(chunk)-" + name
            let writer = try CSVWriter(path: out, dialect: reader.dialect, encoding: reader.encoding,
                                       bom: reader.hasBOM, lineEnding: reader.lineEnding)
            try writer.write(try XCTUnwrap(reader.header, file: file, line: line))
            for record in readAll(reader, file: file, line: line) { try writer.write(record.fields) }
            try writer.commit()
            XCTAssertEqual(try contents(out), bytes, "\(name) chunk \(chunk)", file: file, line: line)
        }
    }

    static let japaneseTable = "氏名,住所,メモ\r\n山田太郎,\"東京都千代田区丸の内1-2-3, 5階\",\"「はい」と\"\"言った\"\"\"\r\n"
        + "佐藤花子,大阪府大阪市北区,\"改行\r\nあり\"\r\nｶﾀｶﾅ,髙橋①,\r\n"

    func testShiftJISRoundTripIsByteIdentical() throws {
        let bytes = try TextEncoder.encode(Array(Self.japaneseTable.utf8), as: .shiftJIS, bom: false)
        try assertRoundTrip(bytes, name: "sjis.csv", encoding: .shiftJIS, bom: false)
    }

    func testEUCJPRoundTripIsByteIdentical() throws {
        let bytes = try TextEncoder.encode(Array(Self.japaneseTable.utf8), as: .eucJP, bom: false)
        try assertRoundTrip(bytes, name: "euc.csv", encoding: .eucJP, bom: false)
    }

    func testUTF16LERoundTripIsByteIdentical() throws {
        let text = Self.japaneseTable + "絵文字,😀🇯🇵,x\r\n"
        let bytes = try TextEncoder.encode(Array(text.utf8), as: .utf16LE, bom: true)
        try assertRoundTrip(bytes, name: "utf16.csv", encoding: .utf16LE, bom: true)
    }

    func testISO2022JPRoundTripIsByteIdentical() throws {
        let text = "氏名,メモ\n山田太郎,\"ｶﾀｶﾅ, と 漢字\"\n佐藤,plain\n"
        let bytes = try TextEncoder.encode(Array(text.utf8), as: .iso2022JP, bom: false)
        try assertRoundTrip(bytes, name: "jis.csv", encoding: .iso2022JP, bom: false)
    }

    func testUTF8BOMRoundTripIsByteIdentical() throws {
        try assertRoundTrip([0xEF, 0xBB, 0xBF] + Array(Self.japaneseTable.utf8), name: "bom.csv", encoding: .utf8BOM, bom: true)
    }

    func testSemicolonLFRoundTrip() throws {
        try assertRoundTrip(Array("a;b;c\n1;\"x;y\";\n;;\"q\"\"\"\n".utf8), name: "semi.csv", encoding: .utf8, bom: false)
    }

    // MARK: - Atomicity

    func testDiscardLeavesDestinationUntouched() throws {
        let path = try file("dest.csv", "old contents\n")
        let writer = try CSVWriter(path: path, dialect: .comma, encoding: .utf8, bom: false, lineEnding: "\n")
        try writer.write(["new", "row"])
        XCTAssertEqual(try folderListing().count, 2)  // the temporary file sits beside the destination
        writer.discard()
        XCTAssertEqual(String(decoding: try contents(path), as: UTF8.self), "old contents\n")
        XCTAssertEqual(try folderListing(), ["dest.csv"])
        XCTAssertThrowsError(try writer.write(["late"]))
    }

    func testDeinitWithoutCommitDiscards() throws {
        let path = folder + "/never.csv"
        do {
            let writer = try CSVWriter(path: path, dialect: .comma, encoding: .utf8, bom: false, lineEnding: "\n")
            try writer.write(["a"])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try folderListing(), [])
    }

    func testEncodingErrorLeavesNoFiles() throws {
        let path = try file("dest.csv", "old\n")
        let writer = try CSVWriter(path: path, dialect: .comma, encoding: .shiftJIS, bom: false, lineEnding: "\r\n")
        try writer.write(["名前", "値"])
        try writer.write(["ok", "\"quoted\nfield\""])
        try writer.write(["secret😀", "x"])
        XCTAssertThrowsError(try writer.commit()) { error in
            let error = error as? CSVFormatError
            XCTAssertEqual(error?.line, 4)  // the quoted newline makes record 3 start on line 4
            XCTAssertEqual(error?.description.contains("secret"), false)
            XCTAssertEqual(error?.description.contains("😀"), false)
        }
        XCTAssertEqual(String(decoding: try contents(path), as: UTF8.self), "old\n")
        XCTAssertEqual(try folderListing(), ["dest.csv"])

        // Same with a flush in the middle of writing (small threshold).
        let small = try CSVWriter(path: folder + "/absent.csv", dialect: .comma, encoding: .eucJP, bom: false,
                                  lineEnding: "\n", flushThreshold: 1)
        try small.write(["first row is fine"])
        XCTAssertThrowsError(try small.write(["😀"]))
        XCTAssertEqual(try folderListing(), ["dest.csv"])
    }

    func testCommitReplacesDestination() throws {
        let path = try file("dest.csv", "old\n")
        let writer = try CSVWriter(path: path, dialect: .comma, encoding: .utf8, bom: false, lineEnding: "\n")
        try writer.write(["new"])
        try writer.commit()
        XCTAssertEqual(String(decoding: try contents(path), as: UTF8.self), "new\n")
        XCTAssertEqual(try folderListing(), ["dest.csv"])
    }

    // MARK: - Randomized

    func testRandomRoundTrip() throws {
        var rng = SplitMix64(seed: 20_261_130)
        let pieces = ["a", "b", "xyz", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", "日本", "語", "ｶﾅ", "😀", "é"]
        let dialects: [CSVDialect] = [.comma, .tab, .semicolon]
        for round in 0..<40 {
            let dialect = dialects[Int.random(in: 0..<3, using: &rng)]
            let lineEnding = Bool.random(using: &rng) ? "\r\n" : "\n"
            let encoding: TextEncoding = [.utf8, .utf8, .utf16LE, .shiftJIS][round % 4]
            let columns = Int.random(in: 1...5, using: &rng)
            var rows: [[String]] = []
            for _ in 0..<Int.random(in: 1...30, using: &rng) {
                var row: [String] = []
                for _ in 0..<columns {
                    var field = ""
                    for _ in 0..<Int.random(in: 0...6, using: &rng) {
                        var piece = pieces[Int.random(in: 0..<pieces.count, using: &rng)]
                        if encoding == .shiftJIS, piece == "😀" || piece == "é" { piece = "漢" }
                        field += piece
                    }
                    row.append(field)
                }
                rows.append(row)
            }
            let path = folder + "/random-\(round).csv"
            let writer = try CSVWriter(path: path, dialect: dialect, encoding: encoding, bom: encoding == .utf16LE,
                                       lineEnding: lineEnding)
            for row in rows { try writer.write(row) }
            try writer.commit()
            for chunk in [3, 1 << 20] {
                let reader = try CSVReader(path: path, delimiter: dialect.delimiter, encoding: encoding, hasHeader: false,
                                           chunkSizeForTests: chunk)
                let back = readAll(reader).map(\.fields)
                XCTAssertEqual(back, rows, "round \(round) chunk \(chunk)")
            }
        }
    }
}
