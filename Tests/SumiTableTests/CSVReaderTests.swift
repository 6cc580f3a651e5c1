import Foundation
import XCTest
@testable import SumiTable
import SumiText

final class CSVReaderTests: CSVTestCase {
    func testQuotedFieldsAndDoubledQuotes() throws {
        let path = try file("q.csv", "a,b,c\n\"x, y\",\"he said \"\"hi\"\"\",plain\n\"\",\"\"\"\",\" padded \"\n")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(reader.header, ["a", "b", "c"])
        let records = readAll(reader)
        XCTAssertEqual(records.map(\.fields), [["x, y", "he said \"hi\"", "plain"], ["", "\"", " padded "]])
        XCTAssertEqual(records.map(\.line), [2, 3])
    }

    func testEmbeddedNewlinesKeepBytesAndLineNumbers() throws {
        let path = try file("n.csv", "h1,h2\n\"line1\nline2\",x\n\"a\r\nb\rc\",y\nlast,z\n")
        let reader = try CSVReader(path: path)
        let records = readAll(reader)
        XCTAssertEqual(records.map(\.fields), [["line1\nline2", "x"], ["a\r\nb\rc", "y"], ["last", "z"]])
        // "a\r\nb\rc" spans lines 4-6: CRLF is one break, a lone CR another.
        XCTAssertEqual(records.map(\.line), [2, 4, 7])
    }

    func testBlankLinesSkippedButCountedAndFinalLineWithoutNewline() throws {
        let path = try file("b.csv", "a,b\n\n1,2\n\r\n3,4")
        let records = readAll(try CSVReader(path: path))
        XCTAssertEqual(records.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(records.map(\.line), [3, 5])
    }

    func testEmptyTrailingFields() throws {
        let path = try file("e.csv", "a,b,c\n1,,\n,,\n")
        let records = readAll(try CSVReader(path: path))
        XCTAssertEqual(records.map(\.fields), [["1", "", ""], ["", "", ""]])
    }

    func testUTF8BOMIsStrippedFromHeader() throws {
        let path = try file("bom.csv", [0xEF, 0xBB, 0xBF] + Array("id,名前\n1,佐藤\n".utf8))
        let reader = try CSVReader(path: path)
        XCTAssertTrue(reader.hasBOM)
        XCTAssertEqual(reader.encoding, .utf8BOM)
        XCTAssertEqual(reader.header, ["id", "名前"])
        XCTAssertEqual(readAll(reader).map(\.fields), [["1", "佐藤"]])

        let forced = try CSVReader(path: path, encoding: .utf8)
        XCTAssertTrue(forced.hasBOM)
        XCTAssertEqual(forced.header, ["id", "名前"])
    }

    func testLineEndingDetection() throws {
        let crlf = try CSVReader(path: try file("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n"))
        XCTAssertEqual(crlf.lineEnding, "\r\n")
        XCTAssertEqual(readAll(crlf).map(\.fields), [["1", "2"], ["3", "4"]])
        let lf = try CSVReader(path: try file("lf.csv", "a,b\n1,2\n"))
        XCTAssertEqual(lf.lineEnding, "\n")
        XCTAssertEqual(readAll(lf).map(\.fields), [["1", "2"]])
    }

    func testDelimiterSniffing() throws {
        XCTAssertEqual(try CSVReader(path: try file("c.csv", "a,b,c\n1,2,3\n")).dialect.delimiter, 0x2C)
        XCTAssertEqual(try CSVReader(path: try file("s.csv", "a;b;c\n1;2,5;3\n")).dialect.delimiter, 0x3B)
        XCTAssertEqual(try CSVReader(path: try file("t.txt", "a\tb\n1\t2, 3\n")).dialect.delimiter, 0x09)
        // Quotes respected: the commas are inside quoted fields.
        let quoted = try CSVReader(path: try file("qs.csv", "\"x,y\";z\n\"1,2\";3\n"))
        XCTAssertEqual(quoted.dialect.delimiter, 0x3B)
        XCTAssertEqual(readAll(quoted).map(\.fields), [["1,2", "3"]])
        // Ties: comma before tab, except in .tsv files.
        let tie = "a\tb,c\n1\t2,3\n"
        XCTAssertEqual(try CSVReader(path: try file("tie.csv", tie)).dialect.delimiter, 0x2C)
        XCTAssertEqual(try CSVReader(path: try file("tie.tsv", tie)).dialect.delimiter, 0x09)
        // An explicit delimiter wins.
        XCTAssertEqual(try CSVReader(path: try file("x.csv", "a,b\n1,2\n"), delimiter: 0x3B).dialect.delimiter, 0x3B)
    }

    func testJapaneseHeaders() throws {
        let path = try file("ja.csv", "氏名,住所,電話番号\n山田太郎,\"東京都千代田区1-1, 2階\",03-1234-5678\n")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(reader.header, ["氏名", "住所", "電話番号"])
        XCTAssertEqual(reader.columnCount, 3)
        XCTAssertEqual(readAll(reader).first?.fields, ["山田太郎", "東京都千代田区1-1, 2階", "03-1234-5678"])
    }

    func testNoHeader() throws {
        let reader = try CSVReader(path: try file("nh.csv", "1,2\n3,4\n"), hasHeader: false)
        XCTAssertNil(reader.header)
        XCTAssertEqual(reader.columnCount, 2)
        let records = readAll(reader)
        XCTAssertEqual(records.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(records.map(\.line), [1, 2])
    }

    func testRewindStartsAfterHeader() throws {
        let reader = try CSVReader(path: try file("r.csv", "a,b\n1,\"x\ny\"\n3,4\n"), chunkSizeForTests: 3)
        let first = readAll(reader)
        try reader.rewind()
        let second = readAll(reader)
        XCTAssertEqual(first.map(\.fields), [["1", "x\ny"], ["3", "4"]])
        XCTAssertEqual(second.map(\.fields), first.map(\.fields))
        XCTAssertEqual(second.map(\.line), [2, 4])
    }

    func testChunkBoundariesGiveSameRecords() throws {
        let text = "名前,メモ,値\r\n\"佐藤, 花子\",\"言った\"\"はい\"\"\r\n次\",１２３\r\n鈴木,,\"\"\r\n\r\n高橋,\"a\"\"b\",x\"y\r\n"
        let path = try file("chunks.csv", text)
        let expected = [["佐藤, 花子", "言った\"はい\"\r\n次", "１２３"], ["鈴木", "", ""], ["高橋", "a\"b", "x\"y"]]
        for chunk in [1, 2, 3, 4, 5, 7, 11, 13, 64, 1 << 20] {
            let reader = try CSVReader(path: path, chunkSizeForTests: chunk)
            XCTAssertEqual(reader.header, ["名前", "メモ", "値"], "chunk \(chunk)")
            XCTAssertEqual(reader.lineEnding, "\r\n", "chunk \(chunk)")
            let records = readAll(reader)
            XCTAssertEqual(records.map(\.fields), expected, "chunk \(chunk)")
            XCTAssertEqual(records.map(\.line), [2, 4, 6], "chunk \(chunk)")
        }
    }

    func testRecordLargerThanManyChunks() throws {
        var big = ""
        for i in 0..<20_000 { big += "行\(i), \"q\"\n" }
        let escaped = big.replacingOccurrences(of: "\"", with: "\"\"")
        let path = try file("big.csv", "id,text\n1,\"\(escaped)\"\n2,after\n")
        let reader = try CSVReader(path: path, chunkSizeForTests: 4096)
        let records = readAll(reader)
        XCTAssertEqual(records.map(\.fields), [["1", big], ["2", "after"]])
        XCTAssertEqual(records.map(\.line), [2, 20_003])
    }

    // MARK: - Errors

    func testUnbalancedQuoteReportsOpeningLine() throws {
        let path = try file("u.csv", "a,b\n1,2\n3,\"secretvalue\n4,5\n6,7\n")
        for chunk in [1, 5, 1 << 20] {
            let reader = try CSVReader(path: path, chunkSizeForTests: chunk)
            XCTAssertEqual(try reader.next()?.fields, ["1", "2"])
            let error = nextError(reader)
            XCTAssertEqual(error?.line, 3, "chunk \(chunk)")
            XCTAssertEqual(error?.recoverable, false)
            XCTAssertEqual(error?.description.hasPrefix(path + ":3: "), true)
            XCTAssertEqual(error?.description.contains("secretvalue"), false)  // no cell text
            // Not recoverable: later calls fail the same way.
            XCTAssertEqual(nextError(reader)?.line, 3)
        }
    }

    func testRaggedRecordIsRecoverable() throws {
        let path = try file("rag.csv", "a,b,c\n1,2,3\n\"4\n\",5\n6,7,8\n9,10,11,secret\n")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(try reader.next()?.fields, ["1", "2", "3"])
        let error = nextError(reader)
        XCTAssertEqual(error, CSVFormatError(path: path, line: 3, reason: "record has 2 fields, header has 3", recoverable: true))
        XCTAssertEqual(error?.description, "\(path):3: record has 2 fields, header has 3")
        XCTAssertEqual(reader.lastRaggedRecord?.fields, ["4\n", "5"])
        let next = try reader.next()
        XCTAssertEqual(next?.fields, ["6", "7", "8"])
        XCTAssertEqual(next?.line, 5)
        let extra = nextError(reader)
        XCTAssertEqual(extra?.line, 6)
        XCTAssertEqual(extra?.reason, "record has 4 fields, header has 3")
        XCTAssertFalse(extra?.description.contains("secret") ?? true)
        XCTAssertNil(try reader.next())
    }

    func testRaggedWithoutHeaderNamesFirstRecord() throws {
        let reader = try CSVReader(path: try file("rag2.csv", "1,2\n3\n"), hasHeader: false)
        XCTAssertEqual(try reader.next()?.fields, ["1", "2"])
        XCTAssertEqual(nextError(reader)?.reason, "record has 1 fields, first record has 2")
    }

    func testInvalidUTF8ReportsLineAfterDeliveringEarlierRows() throws {
        let bytes = Array("名前,値\n佐藤,1\n鈴木,2\n".utf8) + Array("高橋,".utf8) + [0xFF, 0x0A] + Array("田中,4\n".utf8)
        let path = try file("bad.csv", bytes)
        for chunk in [1, 3, 8, 1 << 20] {
            for forced in [nil, TextEncoding.utf8] {
                let reader = try CSVReader(path: path, encoding: forced, chunkSizeForTests: chunk)
                XCTAssertEqual(reader.encoding, forced ?? .utf8)
                XCTAssertEqual(try reader.next()?.fields, ["佐藤", "1"])
                XCTAssertEqual(try reader.next()?.fields, ["鈴木", "2"])
                let error = nextError(reader)
                XCTAssertEqual(error?.line, 4, "chunk \(chunk)")
                XCTAssertEqual(error?.recoverable, false)
                XCTAssertEqual(error?.reason, "bytes not valid in utf-8")
            }
        }
    }

    func testTruncatedCharacterAtEndIsAnError() throws {
        let path = try file("trunc.csv", Array("a,b\n1,é\n2,".utf8) + [0xE6, 0x97])
        let reader = try CSVReader(path: path, encoding: .utf8, chunkSizeForTests: 2)
        XCTAssertEqual(try reader.next()?.fields, ["1", "é"])
        XCTAssertEqual(nextError(reader)?.line, 3)
    }

    func testInvalidShiftJISReportsLine() throws {
        var bytes = try TextEncoder.encode(Array("名前,値\n佐藤,1\n".utf8), as: .shiftJIS, bom: false)
        bytes += [0x81, 0x0A]  // lead byte followed by LF: not a character
        let path = try file("badsjis.csv", bytes)
        let reader = try CSVReader(path: path, encoding: .shiftJIS, chunkSizeForTests: 3)
        XCTAssertEqual(try reader.next()?.fields, ["佐藤", "1"])
        let error = nextError(reader)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.reason, "bytes not valid in shift_jis")
    }

    func testStrayQuoteIsDataButGarbageAfterClosingQuoteIsAnError() throws {
        let stray = try CSVReader(path: try file("stray.csv", "a,b\nx\"y,2\n"))
        XCTAssertEqual(readAll(stray).map(\.fields), [["x\"y", "2"]])

        let path = try file("garbage.csv", "a,b\n1,2\n\"multi\nline\"x,2\n")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(try reader.next()?.fields, ["1", "2"])
        let error = nextError(reader)
        XCTAssertEqual(error?.line, 4)  // the line of the closing quote
        XCTAssertEqual(error?.recoverable, false)
    }

    func testMissingFileAndBinaryFile() throws {
        XCTAssertThrowsError(try CSVReader(path: folder + "/absent.csv")) { error in
            XCTAssertEqual((error as? CSVFormatError)?.line, 0)
        }
        let binary = try file("bin.csv", [0x00, 0x01, 0x02, 0x03, 0x00, 0xFF])
        XCTAssertThrowsError(try CSVReader(path: binary))
    }

    func testEmptyFile() throws {
        let reader = try CSVReader(path: try file("empty.csv", ""))
        XCTAssertNil(reader.header)
        XCTAssertEqual(reader.columnCount, 0)
        XCTAssertNil(try reader.next())
    }
}

extension CSVReader {
    convenience init(path: String, delimiter: UInt8? = nil, encoding: TextEncoding? = nil, hasHeader: Bool = true,
                     chunkSizeForTests: Int) throws {
        try self.init(path: path, delimiter: delimiter, encoding: encoding, hasHeader: hasHeader, chunkSize: chunkSizeForTests)
    }
}
