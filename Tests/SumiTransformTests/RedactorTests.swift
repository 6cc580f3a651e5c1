import Foundation
import XCTest
import SumiCore
import SumiText
@testable import SumiTransform

/// The byte-level redactor: splicing at byte offsets, copies of found values, overlaps, and the
/// streaming path against the whole-text path.
final class RedactorTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let context = OperatorContext(key: nil, referenceDate: (2026, 11, 30))

    /// A finding over the first occurrence of `value` at or after byte `from`.
    func finding(_ text: [UInt8], _ value: String, label: String, from: Int = 0) -> Finding {
        let needle = Array(value.utf8)
        let start = (from...(text.count - needle.count)).first { Array(text[$0..<($0 + needle.count)]) == needle }!
        return Finding(label: label, ruleID: "t", score: 1, byteStart: start, byteEnd: start + needle.count,
                       start: 0, end: 0, line: 1, column: 1, value: value)
    }

    func redacted(_ text: String, _ findings: (([UInt8]) -> [Finding]), policy: Policy = Policy()) throws -> String {
        let bytes = Array(text.utf8)
        let out = try Redactor.redact(utf8: bytes, findings: findings(bytes), policy: policy, context: context)
        return String(decoding: out.text, as: UTF8.self)
    }

    func testJapaneseFullWidthAndCRLFAreSplicedAtByteOffsets() throws {
        let text = "氏名：山田太郎\r\n電話：０９０－１２３４－５６７８\r\n備考：山田太郎さんへ連絡\r\n"
        let out = try redacted(text) { b in
            [self.finding(b, "山田太郎", label: "PERSON"), self.finding(b, "０９０－１２３４－５６７８", label: "PHONE_NUMBER")]
        }
        // The second 山田太郎 is no finding: it is replaced as a copy of a found value.
        XCTAssertEqual(out, "氏名：<PERSON>\r\n電話：<PHONE_NUMBER>\r\n備考：<PERSON>さんへ連絡\r\n")
    }

    func testAdjacentFindingsAreBothReplaced() throws {
        let out = try redacted("x山田太郎090-1234-5678y") { b in
            [self.finding(b, "山田太郎", label: "PERSON"), self.finding(b, "090-1234-5678", label: "PHONE_NUMBER")]
        }
        XCTAssertEqual(out, "x<PERSON><PHONE_NUMBER>y")
    }

    func testOverlappingFindingsKeepTheEarlierOne() throws {
        // 東京都千代田区 and 千代田区丸の内 overlap: the earlier one wins, the rest of the later stays.
        let out = try redacted("住所 東京都千代田区丸の内1") { b in
            [self.finding(b, "千代田区丸の内", label: "B"), self.finding(b, "東京都千代田区", label: "A")]
        }
        XCTAssertEqual(out, "住所 <A>丸の内1")
    }

    func testCopiesInsideFindingsAndOverlappingCopiesAreNotReplacedTwice() throws {
        // "abcd" is found; its copy inside "xabcdx" (a finding of its own) stays covered by that
        // finding; "abcdabcd" gives two copies; "abcabcd" one.
        let out = try redacted("abcd xabcdx abcdabcd abcabcd ABCD") { b in
            [self.finding(b, "abcd", label: "A"), self.finding(b, "xabcdx", label: "B")]
        }
        XCTAssertEqual(out, "<A> <B> <A><A> abc<A> ABCD")
    }

    func testShortValuesAreNotSearchedForCopies() throws {
        // Three Latin characters (or one CJK character) are too short to replace elsewhere.
        let out = try redacted("abc abc 山 山") { b in
            [self.finding(b, "abc", label: "A"), self.finding(b, "山", label: "K")]
        }
        XCTAssertEqual(out, "<A> abc <K> 山")
    }

    func testThreeByteValuesOfTwoCharactersAreSearched() throws {
        let out = try redacted("Zé, Zé.") { b in [self.finding(b, "Zé", label: "N")] }
        XCTAssertEqual(out, "<N>, <N>.")
    }

    func testShiftJISRoundTrip() throws {
        let text = "担当：山田太郎様\r\n電話：０９０－１２３４－５６７８\r\n控え：山田太郎\r\n"
        let sjis = try TextEncoder.encode(Array(text.utf8), as: .shiftJIS, bom: false)
        let decoded = try TextDecoder.decode(sjis, forced: .shiftJIS)
        let findings = [finding(decoded.utf8, "山田太郎", label: "PERSON"),
                        finding(decoded.utf8, "０９０－１２３４－５６７８", label: "PHONE_NUMBER")]
        var policy = Policy()
        policy.labels["PHONE_NUMBER"] = .mask(character: "＊", keepFirst: 0, keepLast: 4, keepSeparators: true, digitsOnly: false)
        let out = try Redactor.redact(utf8: decoded.utf8, findings: findings, policy: policy, context: context)
        let encoded = try TextEncoder.encode(out.text, as: decoded.encoding, bom: decoded.hasBOM)
        let back = try TextDecoder.decode(encoded, forced: .shiftJIS)
        XCTAssertEqual(String(decoding: back.utf8, as: UTF8.self), "担当：<PERSON>様\r\n電話：＊＊＊－＊＊＊＊－５６７８\r\n控え：<PERSON>\r\n")
    }

    func testEncryptedRangesPointIntoTheOutput() throws {
        let bytes = Array("電話 090-1234-5678 と 090-1234-5678".utf8)
        var policy = Policy()
        policy.defaultOperator = .encrypt
        let keyed = OperatorContext(key: Data(repeating: 7, count: 32), referenceDate: (2026, 11, 30))
        let out = try Redactor.redact(utf8: bytes, findings: [finding(bytes, "090-1234-5678", label: "PHONE_NUMBER")],
                                      policy: policy, context: keyed)
        XCTAssertEqual(out.encrypted.count, 2)
        for e in out.encrypted { XCTAssertEqual(out.text[e.range].count, "090-1234-5678".utf8.count) }
        XCTAssertNotEqual(out.text, bytes)
    }

    /// The earlier String-free-but-quadratic algorithm, kept as the reference: the fast copy search
    /// must choose exactly the same copies.
    func referenceRedact(_ utf8: [UInt8], _ findings: [Finding]) -> [UInt8] {
        var all = findings
        var taken = findings.map { $0.byteStart..<$0.byteEnd }
        var seen = Set<String>()
        for f in findings where f.value.count >= (f.value.utf8.count > f.value.count ? 2 : 4) && seen.insert(f.value).inserted {
            let needle = Array(f.value.utf8)
            var i = 0
            while i + needle.count <= utf8.count {
                if utf8[i..<(i + needle.count)].elementsEqual(needle) {
                    let r = i..<(i + needle.count)
                    if !taken.contains(where: { $0.overlaps(r) }) {
                        taken.append(r)
                        var copy = f
                        copy.byteStart = r.lowerBound
                        copy.byteEnd = r.upperBound
                        all.append(copy)
                    }
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        var result: [UInt8] = [], at = 0
        for f in all.sorted(by: { $0.byteStart < $1.byteStart }) where f.byteStart >= at {
            result += utf8[at..<f.byteStart]
            result += Array("<\(f.label)>".utf8)
            at = f.byteEnd
        }
        return result + utf8[at...]
    }

    func testCopySearchMatchesTheReferenceOnRandomTexts() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["山田", "太郎", "山田太郎", "ab", "abab", "ababab", "\r\n", "０９０", " ", "x", "ä", "Zé"]
        for _ in 0..<300 {
            let text = Array((0..<Int.random(in: 1...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            // Findings on character boundaries, possibly overlapping.
            let starts = text.indices.filter { text[$0] & 0xC0 != 0x80 }
            var findings: [Finding] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                let a = starts.randomElement(using: &rng)!
                guard let b = starts.filter({ $0 > a }).prefix(6).randomElement(using: &rng) ?? (a < text.count ? text.count : nil) else { continue }
                findings.append(Finding(label: "L\(findings.count)", ruleID: "t", score: 1, byteStart: a, byteEnd: b,
                                        start: 0, end: 0, line: 1, column: 1, value: String(decoding: text[a..<b], as: UTF8.self)))
            }
            let out = try Redactor.redact(utf8: text, findings: findings, policy: Policy(), context: context)
            XCTAssertEqual(String(decoding: out.text, as: UTF8.self), String(decoding: referenceRedact(text, findings), as: UTF8.self),
                           "text \(String(decoding: text, as: UTF8.self)) findings \(findings.map { ($0.byteStart, $0.byteEnd) })")
        }
    }

    // MARK: streaming

    /// A few MB of text with Japanese and Latin personal data, CRLF and LF lines.
    func generatedText(lines: Int) -> [UInt8] {
        let names = ["山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "田中健太"]
        var text = ""
        for i in 0..<lines {
            let name = names[i % names.count]
            if i % 8 == 0 {
                text += "\(i): 担当者 \(name)様（電話 090-\(String(format: "%04d", i % 10000))-5678、メール user\(i % 997)@example.co.jp）\(i % 3 == 0 ? "\r\n" : "\n")"
            } else {
                text += "\(i): 会議メモ：本日は晴れ。次回は来週。ＡＢＣ全角テキスト。 The weather was fine today.\(i % 3 == 0 ? "\r\n" : "\n")"
            }
        }
        return Array(text.utf8)
    }

    func streamed(_ file: [UInt8], scanner: RuleScanner, window: Int, copyBudget: Int = 64 << 20) throws -> ([UInt8], StreamingRedactor.Result) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("in.txt"), outURL = dir.appendingPathComponent("out.txt")
        try Data(file).write(to: inURL)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let input = try FileHandle(forReadingFrom: inURL), output = try FileHandle(forWritingTo: outURL)
        var rawCount = 0
        let result = try StreamingRedactor.redact(input: input, output: output, forced: nil, scanner: scanner, session: scanner.makeSession(),
                                                  policy: Policy(), context: context, window: window,
                                                  copyBudget: copyBudget, raw: { rawCount += $0.count })
        try input.close(); try output.close()
        XCTAssertEqual(rawCount, file.count, "every input byte seen once")
        return ([UInt8](try Data(contentsOf: outURL)), result)
    }

    func testStreamingEqualsWholeText() throws {
        let pack = try RulePack(directory: Self.root.appendingPathComponent("rules"))
        var options = ScanOptions()
        options.chunkSize = 64 << 10     // many scanner chunks and redaction windows in a small file
        let scanner = RuleScanner(pack: pack, options: options)
        let text = generatedText(lines: 12_000)
        XCTAssertGreaterThan(text.count, 1 << 20)
        let findings = scanner.scan(utf8: text)
        XCTAssertGreaterThan(findings.count, 3_000)
        let whole = try Redactor.redact(utf8: text, findings: findings, policy: Policy(), context: context)
        for window in [1, 100 << 10, 16 << 20] {
            let (out, result) = try streamed(text, scanner: scanner, window: window)
            XCTAssertEqual(result.findings, findings.count)
            XCTAssertEqual(result.applied, whole.applied, "window \(window)")
            XCTAssertTrue(out == whole.text, "window \(window): streamed output differs from the whole-text output")
        }
        // With a BOM: kept in the output, offsets unchanged.
        let (bomOut, _) = try streamed([0xEF, 0xBB, 0xBF] + text, scanner: scanner, window: 100 << 10)
        XCTAssertTrue(bomOut == [0xEF, 0xBB, 0xBF] + whole.text)
    }

    func testStreamingReplacesCopiesOfValuesFoundInLaterWindows() throws {
        var options = ScanOptions()
        options.chunkSize = 64 << 10     // windows of ~64 KB: the copy and the finding in different ones
        let scanner = RuleScanner(pack: try RulePack(directory: Self.root.appendingPathComponent("rules")), options: options)
        // An account number is found only next to 口座番号, ~560 KB in; its bare copy at the start
        // is no finding but must be replaced all the same, in whatever window it falls.
        let filler = String(repeating: "The weather was fine today.\n", count: 20_000)
        let text = Array(("参照 7654321 の件\n" + filler + "普通預金 口座番号 7654321\n").utf8)
        let findings = scanner.scan(utf8: text)
        XCTAssertEqual(findings.map(\.value), ["7654321"])
        XCTAssertGreaterThan(findings[0].byteStart, 500_000)
        let whole = try Redactor.redact(utf8: text, findings: findings, policy: Policy(), context: context)
        XCTAssertTrue(whole.text.starts(with: Array("参照 <JP_BANK_ACCOUNT> の件".utf8)))
        for window in [1, 64 << 10] {
            let (out, _) = try streamed(text, scanner: scanner, window: window)
            XCTAssertTrue(out == whole.text, "window \(window): streamed output differs from the whole-text output")
        }
        // Without room for the file's values, each window searches only its own: the copy stays.
        let (local, _) = try streamed(text, scanner: scanner, window: 1, copyBudget: 0)
        XCTAssertTrue(local.starts(with: Array("参照 7654321 の件".utf8)))
    }

    func testStreamingRefusesInvalidUTF8AndOtherEncodings() throws {
        let scanner = RuleScanner(pack: try RulePack(directory: Self.root.appendingPathComponent("rules")))
        var bad = generatedText(lines: 3000)
        bad.insert(0xFF, at: 150_000)
        XCTAssertThrowsError(try streamed(bad, scanner: scanner, window: 1 << 16)) { e in
            XCTAssertTrue("\(e)".contains("150000") || "\(e)".contains("invalid") || "\(e)".contains("not valid"), "\(e)")
        }
        let sjis = try TextEncoder.encode(generatedText(lines: 100), as: .shiftJIS, bom: false)
        XCTAssertThrowsError(try streamed(sjis, scanner: scanner, window: 1 << 16)) { e in
            XCTAssertTrue("\(e)".contains("shift_jis"), "\(e)")
        }
    }
}
