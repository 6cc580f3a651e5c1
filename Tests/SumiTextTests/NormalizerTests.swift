import XCTest
@testable import SumiText

final class NormalizerTests: XCTestCase {
    func norm(_ s: String) -> String { Normalizer.normalize(s) }

    func testFullWidthDigitsLettersAndHyphens() {
        XCTAssertEqual(norm("０９０－１２３４－５６７８"), "090-1234-5678")
        XCTAssertEqual(norm("ＡＢＣ＠ｅｘａｍｐｌｅ．ｊｐ"), "ABC@example.jp")
        XCTAssertEqual(norm("03‐1234―5678"), "03-1234-5678")
        XCTAssertEqual(norm("03−1234–5678"), "03-1234-5678")
        XCTAssertEqual(norm("東京　都"), "東京 都")
    }

    func testProlongedSoundMarkOnlyBetweenDigits() {
        XCTAssertEqual(norm("０３ー１２３４ー５６７８"), "03-1234-5678")
        XCTAssertEqual(norm("12ｰ34"), "12-34")
        XCTAssertEqual(norm("メール"), "メール")
        XCTAssertEqual(norm("3ーる"), "3ーる")
    }

    func testHalfWidthKana() {
        XCTAssertEqual(norm("ﾔﾏﾀﾞ ﾀﾛｳ"), "ヤマダ タロウ")
        XCTAssertEqual(norm("ﾊﾟﾋﾟﾌﾟ"), "パピプ")
        XCTAssertEqual(norm("ｳﾞｧ"), "ヴァ")
        XCTAssertEqual(norm("ｱｲｳｴｵｰ"), "アイウエオー")
    }

    func testUnchangedTextHasIdentityMap() {
        let n = Normalizer.normalize(Array("山田太郎 taro@example.jp".utf8))
        XCTAssertTrue(n.isIdentity)
        XCTAssertEqual(n.originalOffset(7), 7)
    }

    func testOffsetsMapBackToOriginal() {
        let original = "携帯：０９０－１２３４ ﾔﾏﾀﾞ様"
        let bytes = Array(original.utf8)
        let n = Normalizer.normalize(bytes)
        let text = String(decoding: n.bytes, as: UTF8.self)
        XCTAssertEqual(text, "携帯:090-1234 ヤマダ様")
        // "090-1234" in normalized text maps to "０９０－１２３４" in the original.
        let nb = Array(text.utf8)
        let start = nb.firstIndex(of: UInt8(ascii: "0"))!
        let end = start + 8
        let os = n.originalOffset(start), oe = n.originalOffset(end)
        XCTAssertEqual(String(decoding: bytes[os..<oe], as: UTF8.self), "０９０－１２３４")
        // ヤマダ (after the space) maps to ﾔﾏﾀﾞ.
        let k = end + 1
        let ko = n.originalOffset(k), ke = n.originalOffset(k + 9)
        XCTAssertEqual(String(decoding: bytes[ko..<ke], as: UTF8.self), "ﾔﾏﾀﾞ")
    }

    func testPositionCursorCountsCodePointsLinesColumns() {
        let bytes = Array("a\r\n日本語\nx😀y".utf8)
        var c = PositionCursor()
        bytes.withUnsafeBufferPointer { b in
            c.advance(to: 3, in: b)             // start of 日
            XCTAssertEqual(c.codePoint, 3); XCTAssertEqual(c.line, 2); XCTAssertEqual(c.column, 1)
            c.advance(to: 9, in: b)             // 語
            XCTAssertEqual(c.codePoint, 5); XCTAssertEqual(c.column, 3)
            c.advance(to: 17, in: b)            // y after the emoji
            XCTAssertEqual(c.codePoint, 9); XCTAssertEqual(c.line, 3); XCTAssertEqual(c.column, 3)
        }
    }

    /// The word-at-a-time walk against a byte-by-byte count, at every alignment and step size.
    func testPositionCursorMatchesByteWalk() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["a", "\n", "日", "😀", "é", " ", "\r\n", "ｱ"]
        let text = Array((0..<3000).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
        var starts: [Int] = [0]
        for (i, b) in text.enumerated() where b & 0xC0 != 0x80 && i > 0 { starts.append(i) }
        var c = PositionCursor()
        var cps = 0, line = 1, col = 1, at = 0
        text.withUnsafeBufferPointer { b in
            var k = 0
            while k < starts.count {
                let target = starts[k]
                while at < target {
                    if text[at] & 0xC0 != 0x80 { cps += 1; if text[at] == 0x0A { line += 1; col = 1 } else { col += 1 } }
                    at += 1
                }
                c.advance(to: target, in: b)
                XCTAssertEqual([c.codePoint, c.line, c.column], [cps, line, col], "at byte \(target)")
                k += Int.random(in: 1...40, using: &rng)
            }
        }
    }
}
