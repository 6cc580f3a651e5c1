import Foundation
import XCTest
@testable import SumiTable
import SumiText

/// `fieldPositions: true`: each field's content start in the decoded text, checked against the
/// text itself, whatever the read size.
final class CSVFieldPositionTests: CSVTestCase {
    func testPositionsPointAtFieldContentForEveryChunkSize() throws {
        // Quoted fields with doubled quotes, CRLF inside a quote, a blank line, multi-byte text.
        let text = "名前,メモ,番号\r\n山田,\"a \"\"q\"\"\r\n次の行\",１２\r\n\r\n\"佐藤\",,x\"y\r\n"
        let path = try file("p.csv", text)
        let decoded = Array(text.utf8)
        let scalars = Array(text.unicodeScalars)
        for chunk in [1, 2, 3, 7, 64, 1 << 20] {
            let reader = try CSVReader(path: path, delimiter: nil, encoding: nil, hasHeader: true, chunkSize: chunk, fieldPositions: true)
            let records = readAll(reader)
            XCTAssertEqual(records.count, 2)
            for record in records {
                XCTAssertEqual(record.positions.count, record.fields.count)
                for (field, at) in zip(record.fields, record.positions) {
                    // The raw bytes at the position start with the field's first character.
                    let first = Array(field.utf8.prefix(1))
                    XCTAssertEqual(Array(decoded[at.byteOffset..<(at.byteOffset + first.count)]), first, "chunk \(chunk)")
                    if let c = field.unicodeScalars.first { XCTAssertEqual(scalars[at.scalarOffset], c, "chunk \(chunk)") }
                }
            }
            let memo = records[0].positions[1]
            XCTAssertEqual([memo.line, memo.column, memo.quoted ? 1 : 0], [2, 5, 1])
            XCTAssertEqual(records[0].positions[2].line, 3, "after the CRLF inside the quoted field")
            XCTAssertEqual(records[0].positions[2].column, 6)
            XCTAssertEqual(records[1].line, 5)
            XCTAssertEqual([records[1].positions[0].column, records[1].positions[0].quoted ? 1 : 0], [2, 1])
            XCTAssertFalse(records[1].positions[2].quoted, "a quote inside an unquoted field is data")
            // Inside the quoted memo: `q` is after `a "` (the quote doubled in the file), the
            // second line starts after CRLF.
            let content = records[0].fields[1]
            let q = content.utf8.firstIndex(of: UInt8(ascii: "q"))!
            let at = memo.locate(content.utf8.distance(from: content.utf8.startIndex, to: q), in: content)
            XCTAssertEqual(decoded[at.byte], UInt8(ascii: "q"))
            XCTAssertEqual(scalars[at.scalar], "q")
            XCTAssertEqual([at.line, at.column], [2, 9])
            let next = content.utf8.firstIndex(of: 0xE6)!   // 次
            let at2 = memo.locate(content.utf8.distance(from: content.utf8.startIndex, to: next), in: content)
            XCTAssertEqual(String(decoding: decoded[at2.byte..<(at2.byte + 3)], as: UTF8.self), "次")
            XCTAssertEqual([at2.line, at2.column], [3, 1])
        }
    }

    func testPositionsOffByDefault() throws {
        let reader = try CSVReader(path: try file("d.csv", "a,b\n1,2\n"))
        XCTAssertEqual(readAll(reader).first?.positions, [])
    }
}
