import XCTest
@testable import SumiCore
import SumiText

final class RuleFileTests: XCTestCase {
    func testUnknownKeyIsRejectedWithLine() throws {
        let yaml = "rules:\n  - id: r1\n    label: X\n    patern: ['a']\n"
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: yaml, file: "x.yaml")) { e in
            let err = e as! RuleError
            XCTAssertEqual(err.file, "x.yaml")
            XCTAssertEqual(err.line, 4)
            XCTAssertEqual(err.ruleID, "r1")
            XCTAssertTrue(err.reason.contains("patern"))
        }
    }

    func testBadPatternNamesRuleMessageAndOffset() throws {
        let yaml = "rules:\n  - id: broken\n    label: X\n    patterns: ['abc(def']\n"
        XCTAssertThrowsError(try RulePack(rules: RuleFileParser.parse(yaml: yaml, file: "b.yaml"), root: nil)) { e in
            let s = "\(e)"
            XCTAssertTrue(s.hasPrefix("b.yaml:2: broken: pattern does not compile"), s)
            XCTAssertTrue(s.contains("missing closing parenthesis"), s)
            XCTAssertTrue(s.contains("offset 7"), s)
        }
    }

    func testMalformedYAMLAndTypesAreLocated() throws {
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: [\n", file: "y.yaml")) { e in
            XCTAssertTrue("\(e)".hasPrefix("y.yaml:"), "\(e)")
        }
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    score: 3\n    patterns: [x]\n", file: "s.yaml")) { e in
            XCTAssertEqual((e as! RuleError).line, 4)
        }
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - label: X\n    patterns: [x]\n", file: "n.yaml")) { e in
            XCTAssertTrue((e as! RuleError).reason.contains("id"))
        }
    }

    func testUnknownValidatorAndMissingDictionary() throws {
        XCTAssertThrowsError(try Fixtures.pack(yaml: "rules:\n  - id: v\n    label: X\n    patterns: [x]\n    validator: nope\n")) { e in
            XCTAssertTrue("\(e)".contains("unknown validator `nope`"), "\(e)")
        }
        XCTAssertThrowsError(try Fixtures.pack(yaml: "rules:\n  - id: d\n    label: X\n    dictionary: {files: [no/such.txt]}\n")) { e in
            XCTAssertTrue("\(e)".contains("no/such.txt"), "\(e)")
        }
    }

    /// `requires_digit: {before: N}` narrows the digit windows: a match may start N characters
    /// ahead of its first digit, no more. Digit-first patterns are recognized from PCRE2's start bytes.
    func testDigitWindowsHonourBefore() throws {
        XCTAssertTrue(try PCRE2Regex("(?<![0-9])(?<value>[0-9]{3}-[0-9]{4})").startsWithDigit)
        XCTAssertTrue(try PCRE2Regex("0[789]0-[0-9]{4}").startsWithDigit)
        XCTAssertFalse(try PCRE2Regex("〒 ?[0-9]{3}").startsWithDigit)
        XCTAssertFalse(try PCRE2Regex("(?:[A-Z]|[0-9])[0-9]").startsWithDigit)
        func found(_ before: String, _ text: String) throws -> [String] {
            let yaml = "rules:\n  - id: code\n    label: X\n    requires_digit: \(before)\n    patterns: ['[A-Z]{2,6}-?[0-9]{3}']\n"
            let scanner = RuleScanner(pack: try Fixtures.pack(yaml: yaml))
            return scanner.scan(utf8: Array(text.utf8)).map(\.value)
        }
        let text = "ref ABCDEF-123 and XY-456"
        XCTAssertEqual(try found("true", text), ["ABCDEF-123", "XY-456"])
        XCTAssertEqual(try found("{before: 7}", text), ["ABCDEF-123", "XY-456"])
        // Allowed to start 3 characters ahead of a digit: "EF-123" is what the window holds.
        XCTAssertEqual(try found("{before: 3}", text), ["EF-123", "XY-456"])
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    requires_digit: {after: 3}\n    patterns: [x]\n", file: "d.yaml")) { e in
            XCTAssertEqual((e as! RuleError).line, 4)
            XCTAssertTrue((e as! RuleError).reason.contains("after"), "\(e)")
        }
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    requires_digit: {before: -1}\n    patterns: [x]\n", file: "d.yaml"))
    }

    /// Windows are measured in characters, eight bytes at a time: the result must be the byte
    /// walk's, from any offset (a character's start or its middle) and for any count.
    func testCharacterStepsMatchByteWalk() throws {
        var rng = SplitMix64(seed: 1130)
        let pieces = ["a", " ", "é", "あ", "漢", "😀", "7"]
        let text = Array((0..<400).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
        func back(_ from: Int, _ chars: Int) -> Int {
            var i = from, c = 0
            while i > 0 && c < chars { i -= 1; if text[i] & 0xC0 != 0x80 { c += 1 } }
            return i
        }
        func forward(_ from: Int, _ chars: Int) -> Int {
            var i = from, c = 0
            while i < text.count && c < chars { i += 1; while i < text.count && text[i] & 0xC0 == 0x80 { i += 1 }; c += 1 }
            return i
        }
        text.withUnsafeBufferPointer { t in
            for from in stride(from: 0, through: t.count, by: 3) {
                for chars in [0, 1, 5, 8, 9, 10, 17, 40, 130, 1000] {
                    XCTAssertEqual(stepBack(t, from, chars), back(from, chars), "back from \(from) by \(chars)")
                    XCTAssertEqual(stepForward(t, from, chars), forward(from, chars), "forward from \(from) by \(chars)")
                }
            }
        }
    }

    /// `prefilter` narrows where a rule's patterns run; it must not change what they find there.
    func testPrefilterWindows() throws {
        func found(_ extra: String, _ text: String) throws -> [String] {
            let yaml = "rules:\n  - id: kana\n    label: X\n\(extra)    patterns: ['[ア-ン]{2,4} [ア-ン]{2,4}']\n"
            return RuleScanner(pack: try Fixtures.pack(yaml: yaml)).scan(utf8: Array(text.utf8)).map(\.value)
        }
        let text = "氏名 ヤマダ タロウ, then plain words with spaces, and サトウ ハナコ."
        let plain = try found("", text)
        XCTAssertEqual(plain, ["ヤマダ タロウ", "サトウ ハナコ"])
        XCTAssertEqual(try found("    prefilter: {pattern: ' (?=[ア-ン])', window: 6}\n", text), plain)
        // A window too narrow for the names shows that the prefilter really bounds the search:
        // two characters past the space (the window before ヤマダ reaches back from the space after 氏名).
        XCTAssertEqual(try found("    prefilter: {pattern: ' (?=[ア-ン])', window: 2}\n", text), ["ヤマダ タロ", "サトウ ハナ"])
        // A byte prefilter (no UTF mode) names raw UTF-8: katakana, a space, katakana. Its match
        // starts and ends inside characters; the windows still land on character boundaries.
        let bytes = "    prefilter: {pattern: '\\xe3[\\x82\\x83][\\x80-\\xbf] \\xe3[\\x82\\x83]', window: 6, bytes: true}\n"
        XCTAssertEqual(try found(bytes, text), plain)
        XCTAssertEqual(try found(bytes, "plain words with spaces only"), [])
        XCTAssertEqual(try found(bytes.replacingOccurrences(of: "window: 6", with: "window: 2"), text), ["ヤマダ タロ", "サトウ ハナ"],
                       "two characters either side of the byte match bound the search")
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    prefilter: {pattern: x, byte: true}\n    patterns: [x]\n", file: "p.yaml")) { e in
            XCTAssertTrue((e as! RuleError).reason.contains("byte"), "\(e)")
        }
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    prefilter: {window: 3}\n    patterns: [x]\n", file: "p.yaml")) { e in
            XCTAssertTrue((e as! RuleError).reason.contains("pattern"), "\(e)")
        }
        XCTAssertThrowsError(try Fixtures.pack(yaml: "rules:\n  - id: a\n    label: X\n    prefilter: {pattern: 'a(b'}\n    patterns: [x]\n")) { e in
            XCTAssertTrue("\(e)".contains("prefilter pattern does not compile"), "\(e)")
        }
    }

    /// `keywords.window: {before, after}`: a pattern that ends with its keyword needs no window past it.
    func testAsymmetricKeywordWindow() throws {
        func found(_ window: String) throws -> [String] {
            let yaml = "rules:\n  - id: h\n    label: X\n    keywords: {words: [様], window: \(window)}\n    patterns: ['[一-龥]{1,4}様(?:方)?']\n"
            return RuleScanner(pack: try Fixtures.pack(yaml: yaml)).scan(utf8: Array("担当は山田様方です".utf8)).map(\.value)
        }
        XCTAssertEqual(try found("8"), ["山田様方"])
        XCTAssertEqual(try found("{before: 8, after: 0}"), ["山田様"], "the window ends at the keyword")
        XCTAssertEqual(try found("{before: 1, after: 2}"), ["田様方"], "and starts one character back")
        XCTAssertThrowsError(try RuleFileParser.parse(yaml: "rules:\n  - id: a\n    label: X\n    keywords: {words: [x], window: {before: 3}}\n    patterns: [x]\n", file: "w.yaml")) { e in
            XCTAssertTrue((e as! RuleError).reason.contains("before` and `after"), "\(e)")
        }
    }

    func testDuplicateIDs() throws {
        XCTAssertThrowsError(try Fixtures.pack(yaml: "rules:\n  - id: a\n    label: X\n    patterns: [x]\n  - id: a\n    label: Y\n    patterns: [y]\n")) { e in
            XCTAssertTrue("\(e)".contains("duplicate rule id"), "\(e)")
        }
    }

    func testRegexValueGroupAndLimits() throws {
        let re = try PCRE2Regex("ID:(?<value>[0-9]+)")
        let scratch = RegexScratch(maxCaptures: re.captureCount)
        let text = Array("x ID:123 ID:45".utf8)
        var values: [String] = []
        try text.withUnsafeBufferPointer { b in
            try re.forEachMatch(in: b, scratch: scratch) { _, v in values.append(String(decoding: b[v], as: UTF8.self)); return true }
        }
        XCTAssertEqual(values, ["123", "45"])
        XCTAssertTrue(re.isJIT)
        let evil = try PCRE2Regex("(a+)+$", limits: MatchLimits(match: 100_000))
        let subject = Array((String(repeating: "a", count: 5000) + "b").utf8)
        XCTAssertThrowsError(try subject.withUnsafeBufferPointer { b in
            try evil.forEachMatch(in: b, scratch: RegexScratch()) { _, _ in true }
        }) { e in XCTAssertEqual(e as? RegexMatchError, .matchLimit) }
    }
}
