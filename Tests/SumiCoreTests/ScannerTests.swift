import Foundation
import XCTest
@testable import SumiCore
@testable import SumiText

final class ScannerTests: XCTestCase {
    func tempFile(_ bytes: [UInt8], _ name: String = "f.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return url.path
    }

    func testOffsetsAreBytesCodePointsLinesAndColumns() throws {
        let text = "お問い合わせ\r\n担当：山田太郎様　電話：０３－１２３４－５６７８\n"
        let findings = try Fixtures.defaultScanner().scan(text)
        let phone = findings.first { $0.label == "PHONE_NUMBER" }!
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[phone.start..<phone.end])), "０３－１２３４－５６７８")
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[phone.byteStart..<phone.byteEnd], as: UTF8.self), "０３－１２３４－５６７８")
        XCTAssertEqual(phone.line, 2)
        XCTAssertEqual(phone.column, 13)
        XCTAssertEqual(phone.value, "０３－１２３４－５６７８")
        let person = findings.first { $0.label == "PERSON" }!
        XCTAssertEqual(person.value, "山田太郎")
        XCTAssertEqual(person.line, 2)
        XCTAssertEqual(person.column, 4)
    }

    func testChunkedScanEqualsWholeScan() throws {
        var text = ""
        for i in 0..<400 {
            text += "第\(i)行 担当：佐藤花子様 電話 090-1234-\(String(format: "%04d", i)) mail u\(i)@example.com 本文はここまで。\n"
        }
        let whole = try Fixtures.defaultScanner().scan(text)
        var opts = ScanOptions()
        opts.chunkSize = 1000
        opts.overlap = 200
        let chunked = RuleScanner(pack: try Fixtures.defaultPack(), options: opts).scan(text)
        XCTAssertEqual(whole.count, chunked.count)
        XCTAssertEqual(whole, chunked)
        XCTAssertGreaterThan(whole.count, 1000)
    }

    func testBOMIsRemovedBeforeOffsets() throws {
        let path = try tempFile([0xEF, 0xBB, 0xBF] + Array("TEL 03-1234-5678".utf8))
        let r = try Fixtures.defaultScanner().scanFile(atPath: path)
        XCTAssertEqual(r.encoding, .utf8BOM)
        XCTAssertEqual(r.findings.first?.start, 4)
        XCTAssertEqual(r.findings.first?.byteStart, 4)
    }

    func testJapaneseEncodingsGiveSameFindingsAsUTF8() throws {
        let text = "氏名：鈴木一郎\n住所：大阪府大阪市北区梅田1-2-3\n電話：06-6123-4567\n"
        let expected = try Fixtures.defaultScanner().scan(text).map { "\($0.label) \($0.start) \($0.end) \($0.line) \($0.column) \($0.value)" }
        XCTAssertGreaterThanOrEqual(expected.count, 3)
        for enc in [TextEncoding.shiftJIS, .eucJP, .utf16LE, .utf16BE, .utf8BOM] {
            let bytes = try TextEncoder.encode(Array(text.utf8), as: enc, bom: true)
            let r = try Fixtures.defaultScanner().scanFile(atPath: try tempFile(bytes))
            XCTAssertEqual(r.encoding, enc)
            XCTAssertEqual(r.findings.map { "\($0.label) \($0.start) \($0.end) \($0.line) \($0.column) \($0.value)" }, expected, "\(enc)")
        }
    }

    func testBadInputGivesClearOutcomes() throws {
        // Invalid UTF-8 that is no Japanese legacy encoding either.
        let invalid = try Fixtures.defaultScanner().scanFile(atPath: try tempFile(Array("abc ".utf8) + [0xFF, 0xFE, 0xFD, 0x80, 0x81] + Array(" def".utf8)))
        if case .failed(let why) = invalid.status { XCTAssertTrue(why.contains("byte"), why) } else { XCTFail("\(invalid.status)") }
        // Binary.
        let binary = try Fixtures.defaultScanner().scanFile(atPath: try tempFile([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]))
        if case .skipped = binary.status {} else { XCTFail("binary: \(binary.status)") }
        // Empty.
        let empty = try Fixtures.defaultScanner().scanFile(atPath: try tempFile([]))
        XCTAssertEqual(empty.status, .scanned)
        XCTAssertTrue(empty.findings.isEmpty)
        // Missing file.
        if case .failed = try Fixtures.defaultScanner().scanFile(atPath: "/nonexistent/sumi/file.txt").status {} else { XCTFail("missing file") }
    }

    func testLongSingleLine() throws {
        var line = String(repeating: "あいうえお abc ", count: 20_000)
        line += "連絡先 taro@example.com"
        XCTAssertGreaterThan(line.utf8.count, 200_000)
        let start = Date()
        let r = try Fixtures.defaultScanner().scanFile(atPath: try tempFile(Array(line.utf8)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(r.findings.filter { $0.label == "EMAIL_ADDRESS" }.count, 1)
    }

    func testCatastrophicUserPatternIsBounded() throws {
        let pack = try Fixtures.pack(yaml: """
        rules:
          - id: evil
            label: EVIL
            patterns: ['(a+)+$']
            examples: {match: [aaa]}
        """)
        let s = RuleScanner(pack: pack)
        let text = String(repeating: "a", count: 100_000) + "!"
        let start = Date()
        let r = s.scanBytes(Array(text.utf8), path: "evil.txt")
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(r.status, .scanned)
        XCTAssertFalse(r.warnings.isEmpty, "the match limit should be reported")
        XCTAssertTrue(r.warnings[0].description.contains("evil"))
    }

    func testOverlapResolutionPrefersHigherScoreThenLonger() throws {
        let pack = try Fixtures.pack(yaml: """
        rules:
          - id: short-high
            label: A
            score: 0.9
            patterns: ['abc']
          - id: long-low
            label: B
            score: 0.6
            patterns: ['abcdef']
          - id: longer-same
            label: C
            score: 0.9
            patterns: ['xyz123']
          - id: shorter-same
            label: D
            score: 0.9
            patterns: ['xyz']
        """)
        let f = RuleScanner(pack: pack).scan("abcdef xyz123")
        XCTAssertEqual(f.map(\.ruleID), ["short-high", "longer-same"])
    }

    func testContextRaisesScoreAndExclusionVetoes() throws {
        let s = try Fixtures.defaultScanner()
        XCTAssertTrue(s.scan("注文番号 123456789018").filter { $0.label == "JP_MY_NUMBER" }.isEmpty)
        let withContext = s.scan("マイナンバー 123456789018").first { $0.label == "JP_MY_NUMBER" }
        XCTAssertNotNil(withContext)
        XCTAssertGreaterThan(withContext!.score, 0.8)
        XCTAssertTrue(s.scan("契約日：1980年3月4日").filter { $0.label == "DATE_OF_BIRTH" }.isEmpty)
        XCTAssertEqual(s.scan("生年月日：1980年3月4日").first { $0.label == "DATE_OF_BIRTH" }?.value, "1980年3月4日")
    }

    func testSpecialCareNeedsAPerson() throws {
        let s = try Fixtures.defaultScanner()
        XCTAssertFalse(s.scan("患者は2型糖尿病で通院中。").filter { $0.label == "MEDICAL" }.isEmpty)
        XCTAssertTrue(s.scan("糖尿病の研究助成の公募を開始しました。").filter { $0.label == "MEDICAL" }.isEmpty)
    }

    func testLabelFilter() throws {
        let s = RuleScanner(pack: try Fixtures.defaultPack(), options: ScanOptions(labels: ["EMAIL_ADDRESS"]))
        let f = s.scan("山田太郎様 taro@example.com 03-1234-5678")
        XCTAssertEqual(Set(f.map(\.label)), ["EMAIL_ADDRESS"])
    }

    /// A context or exclusion word counts when it starts within the window, even if it runs past it.
    func testContextWordStartingInsideTheWindowCounts() throws {
        let yaml = "rules:\n  - id: t\n    label: X\n    score: 0.4\n    dictionary: {words: [zqx]}\n    context: {words: [long context phrase], before: 0, after: 5, boost: 0.3}\n"
        let scanner = RuleScanner(pack: try Fixtures.pack(yaml: yaml))
        XCTAssertEqual(scanner.scan(utf8: Array("zqx long context phrase".utf8)).map(\.value), ["zqx"])
        XCTAssertEqual(scanner.scan(utf8: Array("zqx and then a long context phrase".utf8)).map(\.value), [],
                       "a word starting past the window is no context")
    }

    /// An exclusion word across the value's edge vetoes it (`failure clinic` over `Heart Failure
    /// Clinic`); a context word across the edge is no context; `same_phrase` has no gap to check then.
    func testExclusionWordAcrossTheValueEdge() throws {
        for samePhrase in [false, true] {
            let yaml = """
                rules:
                  - id: t
                    label: X
                    score: 0.6
                    dictionary: {words: [heart failure]}
                    exclude: {words: [failure clinic], before: 10, after: 10, same_phrase: \(samePhrase)}

                """
            let scanner = RuleScanner(pack: try Fixtures.pack(yaml: yaml))
            XCTAssertEqual(scanner.scan(utf8: Array("Follow-up: Heart Failure Clinic in 7 days".utf8)).map(\.value), [])
            XCTAssertEqual(scanner.scan(utf8: Array("Diagnosis: heart failure, clinic visit".utf8)).map(\.value), ["heart failure"])
        }
        let ctx = "rules:\n  - id: t\n    label: X\n    score: 0.4\n    dictionary: {words: [heart failure]}\n    context: {words: [failure clinic], boost: 0.3}\n"
        XCTAssertEqual(RuleScanner(pack: try Fixtures.pack(yaml: ctx)).scan(utf8: Array("Heart Failure Clinic".utf8)).map(\.value), [])
    }
}
