import XCTest
@testable import SumiText

final class TextEncodingTests: XCTestCase {
    // Kanji, hiragana, katakana, half-width kana, full-width digits, 〒, ①, 髙, ～, CRLF.
    // (～ U+FF5E is the form the Microsoft tables decode 0x8160 to; see testWaveDash.)
    let sample = "山田太郎さん（ヤマダ ﾔﾏﾀﾞ）\r\n〒１００－０００１ 東京都千代田区千代田１－１ ①号室\r\n髙橋様 電話０３－１２３４－５６７８ 営業時間 9:00～18:00\r\n"

    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    private func string(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    // MARK: - Names

    func testUserNames() {
        let cases: [(String, TextEncoding)] = [
            ("utf8", .utf8), ("UTF-8", .utf8), ("utf_8", .utf8),
            ("utf-8-sig", .utf8BOM), ("UTF8BOM", .utf8BOM), ("utf-8-bom", .utf8BOM),
            ("utf16le", .utf16LE), ("UTF-16LE", .utf16LE), ("utf-16", .utf16LE), ("utf-16be", .utf16BE),
            ("sjis", .shiftJIS), ("Shift_JIS", .shiftJIS), ("shift-jis", .shiftJIS), ("cp932", .shiftJIS),
            ("Windows-31J", .shiftJIS), ("MS932", .shiftJIS),
            ("eucjp", .eucJP), ("EUC-JP", .eucJP), ("euc_jp", .eucJP), ("eucJP-ms", .eucJP), ("ujis", .eucJP),
            ("iso2022jp", .iso2022JP), ("ISO-2022-JP", .iso2022JP), ("jis", .iso2022JP),
        ]
        for (name, expected) in cases {
            XCTAssertEqual(TextEncoding(userName: name), expected, name)
        }
        for e in TextEncoding.allCases {
            XCTAssertEqual(TextEncoding(userName: e.rawValue), e, "raw value \(e.rawValue) is accepted")
        }
        XCTAssertNil(TextEncoding(userName: "latin1"))
        XCTAssertNil(TextEncoding(userName: ""))
    }

    // MARK: - Round trips

    func testRoundTripEveryEncodingWithAndWithoutBOM() throws {
        let text = bytes(sample)
        for encoding in TextEncoding.allCases {
            for bom in [false, true] {
                let encoded = try TextEncoder.encode(text, as: encoding, bom: bom)
                let decoded = try TextDecoder.decode(encoded)
                let wroteBOM = !encoding.byteOrderMark.isEmpty && (bom || encoding == .utf8BOM)
                let expected: TextEncoding = (encoding == .utf8 && bom) ? .utf8BOM : encoding
                let label = "\(encoding) bom=\(bom)"
                XCTAssertEqual(decoded.encoding, expected, label)
                XCTAssertEqual(TextDecoder.detect(encoded), expected, label)
                XCTAssertEqual(decoded.hasBOM, wroteBOM, label)
                XCTAssertEqual(!encoding.byteOrderMark.isEmpty && encoded.starts(with: encoding.byteOrderMark), wroteBOM, label)
                XCTAssertEqual(string(decoded.utf8), sample, label)
                // Writing back what was read reproduces the bytes.
                let again = try TextEncoder.encode(decoded.utf8, as: decoded.encoding, bom: decoded.hasBOM)
                XCTAssertEqual(again, encoded, label)
                // Forcing the right encoding gives the same text.
                XCTAssertEqual(try TextDecoder.decode(encoded, forced: encoding).utf8, text, label)
            }
        }
    }

    func testKnownLegacyBytes() throws {
        // Values of the Microsoft tables (glibc CP932 / EUC-JP-MS).
        XCTAssertEqual(try TextEncoder.encode(bytes("①髙〒ﾔ０"), as: .shiftJIS, bom: true),
                       [0x87, 0x40, 0xFB, 0xFC, 0x81, 0xA7, 0xD4, 0x82, 0x4F])
        XCTAssertEqual(try TextEncoder.encode(bytes("①髙〒ﾔ０"), as: .eucJP, bom: true),
                       [0xAD, 0xA1, 0x8F, 0xF4, 0xFB, 0xA2, 0xA9, 0x8E, 0xD4, 0xA3, 0xB0])
        // こんにちは in ISO-2022-JP (RFC 1468 form, as glibc writes it).
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x24, 0x33, 0x24, 0x73, 0x24, 0x4B, 0x24, 0x41, 0x24, 0x4F, 0x1B, 0x28, 0x42]
        XCTAssertEqual(try TextEncoder.encode(bytes("こんにちは"), as: .iso2022JP, bom: false), jis)
        let d = try TextDecoder.decode(jis + bytes("\r\n"))
        XCTAssertEqual(d.encoding, .iso2022JP)
        XCTAssertEqual(string(d.utf8), "こんにちは\r\n")
    }

    func testWaveDashAndMinusUseMicrosoftForms() throws {
        // 〜 U+301C and ～ U+FF5E both encode to 0x8160, which decodes to ～.
        for s in ["〜", "～"] {
            XCTAssertEqual(try TextEncoder.encode(bytes(s), as: .shiftJIS, bom: false), [0x81, 0x60])
            XCTAssertEqual(try TextEncoder.encode(bytes(s), as: .eucJP, bom: false), [0xA1, 0xC1])
        }
        XCTAssertEqual(string(try TextDecoder.decode([0x81, 0x60], forced: .shiftJIS).utf8), "～")
        XCTAssertEqual(string(try TextDecoder.decode([0xA1, 0xC1], forced: .eucJP).utf8), "～")
        XCTAssertEqual(string(try TextDecoder.decode([0x81, 0x7C], forced: .shiftJIS).utf8), "－")
        let jis = try TextEncoder.encode(bytes("〜"), as: .iso2022JP, bom: false)
        XCTAssertEqual(jis, [0x1B, 0x24, 0x42, 0x21, 0x41, 0x1B, 0x28, 0x42])
        XCTAssertEqual(string(try TextDecoder.decode(jis).utf8), "～")
    }

    func testISO2022JPVariants() throws {
        // ESC ( J (JIS-Roman) reads as ASCII; ESC ( I half-width kana; ESC $ @ old JIS.
        let input: [UInt8] = [0x1B, 0x24, 0x40, 0x3B, 0x33, 0x45, 0x44, 0x1B, 0x28, 0x4A, 0x41, 0x42,
                              0x1B, 0x28, 0x49, 0x54, 0x4F, 0x40, 0x5E, 0x1B, 0x28, 0x42, 0x0A]
        let d = try TextDecoder.decode(input)
        XCTAssertEqual(d.encoding, .iso2022JP)
        XCTAssertEqual(string(d.utf8), "山田ABﾔﾏﾀﾞ\n")
        // A byte with the high bit set inside ISO-2022-JP is reported where it is.
        XCTAssertThrowsError(try TextDecoder.decode([0x1B, 0x24, 0x42, 0x3B, 0x33, 0xB3, 0x1B, 0x28, 0x42], forced: .iso2022JP)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .iso2022JP, byteOffset: 5))
        }
        // An unknown escape sequence.
        XCTAssertThrowsError(try TextDecoder.decode(bytes("ab") + [0x1B, 0x24, 0x5A, 0x21, 0x21], forced: .iso2022JP)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .iso2022JP, byteOffset: 2))
        }
        // Unmapped JIS code (row 9 is empty): offset of the character, not of the escape.
        XCTAssertThrowsError(try TextDecoder.decode([0x41, 0x1B, 0x24, 0x42, 0x24, 0x22, 0x29, 0x21, 0x1B, 0x28, 0x42], forced: .iso2022JP)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .iso2022JP, byteOffset: 6))
        }
    }

    // MARK: - Detection

    func testDetectsShortShiftJISAndEUCJP() throws {
        let lines = [
            "東京都千代田区千代田一丁目一番一号山田様",   // 20 characters
            "お問い合わせは０３－１２３４－５６７８まで",
            "株式会社サンプル　営業部　鈴木一郎です。",
            "住所：大阪府大阪市北区梅田１－２－３",
            "ﾔﾏﾀﾞﾀﾛｳ様 ①号室",
            "やまだたろう",
            "山田太郎",
            "髙橋",
        ]
        for line in lines {
            for encoding in [TextEncoding.shiftJIS, .eucJP] {
                let encoded = try TextEncoder.encode(bytes(line), as: encoding, bom: false)
                XCTAssertEqual(TextDecoder.detect(encoded), encoding, "\(line) in \(encoding)")
                let decoded = try TextDecoder.decode(encoded)
                XCTAssertEqual(decoded.encoding, encoding, line)
                XCTAssertEqual(string(decoded.utf8), line)
            }
        }
    }

    func testDetectsPureASCIIAsUTF8() throws {
        let d = try TextDecoder.decode(bytes("name: taro\tage: 30\r\n\u{1B}[0m\u{0C}"))
        XCTAssertEqual(d.encoding, .utf8)
        XCTAssertFalse(d.hasBOM)
    }

    func testBOMLessUTF16() throws {
        for text in ["name: Yamada\n", "山田太郎\r\n", "氏名：山田太郎\n住所：東京都\n😀\n"] {
            for encoding in [TextEncoding.utf16LE, .utf16BE] {
                let encoded = try TextEncoder.encode(bytes(text), as: encoding, bom: false)
                XCTAssertEqual(TextDecoder.detect(encoded), encoding, text)
                XCTAssertFalse(TextDecoder.looksBinary(encoded))
                let d = try TextDecoder.decode(encoded)
                XCTAssertEqual(string(d.utf8), text)
                XCTAssertFalse(d.hasBOM)
            }
        }
    }

    func testForcedUTF16LetsTheBOMDecide() throws {
        let be = try TextEncoder.encode(bytes("日本"), as: .utf16BE, bom: true)
        let forced = try TextDecoder.decode(be, forced: TextEncoding(userName: "utf-16"))
        XCTAssertEqual(forced.encoding, .utf16BE)
        XCTAssertTrue(forced.hasBOM)
        XCTAssertEqual(string(forced.utf8), "日本")
        // Forced UTF-8 removes a UTF-8 BOM too.
        let withBOM = try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0x61], forced: .utf8)
        XCTAssertEqual(withBOM.utf8, [0x61])
        XCTAssertTrue(withBOM.hasBOM)
    }

    func testUTF16Errors() {
        // Unpaired high surrogate followed by 'A' (LE, after the BOM).
        XCTAssertThrowsError(try TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00])) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf16LE, byteOffset: 4))
        }
        // Lone low surrogate, BE.
        XCTAssertThrowsError(try TextDecoder.decode([0xFE, 0xFF, 0xDC, 0x00])) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf16BE, byteOffset: 2))
        }
        // Odd number of bytes.
        XCTAssertThrowsError(try TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0x42])) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf16LE, byteOffset: 4))
        }
        XCTAssertThrowsError(try TextDecoder.decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])) {
            guard case .unsupported? = $0 as? TextDecodingError else { return XCTFail("\($0)") }
        }
    }

    // MARK: - Errors

    func testInvalidUTF8ReportsOffset() {
        let prefix = bytes("日本語テキスト")  // 21 bytes of valid multi-byte UTF-8
        XCTAssertThrowsError(try TextDecoder.decode(prefix + [0xFF] + bytes("abc"))) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf8, byteOffset: 21))
            XCTAssertEqual(($0 as? TextDecodingError)?.description, "not valid utf-8 at byte 21")
        }
        // Truncated sequence: the offset is where the sequence starts.
        XCTAssertThrowsError(try TextDecoder.decode(prefix + [0xE6, 0x97])) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf8, byteOffset: 21))
        }
        // Neither UTF-8 nor Shift_JIS nor EUC-JP.
        XCTAssertThrowsError(try TextDecoder.decode(bytes("abc") + [0xFF, 0xFE, 0x80])) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .utf8, byteOffset: 3))
        }
    }

    func testFirstInvalidUTF8() {
        func check(_ b: [UInt8], _ expected: Int?, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(b.withUnsafeBufferPointer { TextDecoder.firstInvalidUTF8($0) }, expected, file: file, line: line)
        }
        check([], nil)
        check(bytes("plain ascii"), nil)
        check(bytes("日本😀é"), nil)
        let ascii = [UInt8](repeating: 0x61, count: 1001)
        check(ascii + [0x80] + ascii, 1001)            // after the 8-byte fast path
        check(ascii + [0xC0, 0x80], 1001)              // overlong
        check(ascii + [0xE0, 0x80, 0x80], 1001)        // overlong 3-byte
        check(ascii + [0xED, 0xA0, 0x80], 1001)        // surrogate
        check(ascii + [0xF4, 0x90, 0x80, 0x80], 1001)  // above U+10FFFF
        check(ascii + [0xF5, 0x80, 0x80, 0x80], 1001)
        check(ascii + [0xF0, 0x9F, 0x98], 1001)        // truncated at the end
        check([0xEF, 0xBF, 0xBF, 0xF4, 0x8F, 0xBF, 0xBF], nil)  // U+FFFF, U+10FFFF
    }

    func testInvalidLegacyReportsOffset() {
        // 0x85 0x40 is unassigned in CP932.
        var sjis = (try? TextEncoder.encode(bytes("ひらがなの文章です"), as: .shiftJIS, bom: false)) ?? []
        let offset = sjis.count
        sjis += [0x85, 0x40, 0x82, 0xA0]
        XCTAssertThrowsError(try TextDecoder.decode(sjis, forced: .shiftJIS)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .shiftJIS, byteOffset: offset))
            XCTAssertEqual(($0 as? TextDecodingError)?.description, "not valid shift_jis at byte \(offset)")
        }
        // Detected: Shift_JIS got furthest, so that is what is reported.
        XCTAssertThrowsError(try TextDecoder.decode(sjis)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .shiftJIS, byteOffset: offset))
        }
        XCTAssertThrowsError(try TextDecoder.decode([0xA4, 0xA2, 0xA4], forced: .eucJP)) {
            XCTAssertEqual($0 as? TextDecodingError, .invalid(encoding: .eucJP, byteOffset: 2))
        }
    }

    func testUnrepresentableCharacterGivesClearError() {
        let text = bytes("氏名：山田\n連絡 😀 です")
        for encoding in [TextEncoding.shiftJIS, .eucJP, .iso2022JP] {
            XCTAssertThrowsError(try TextEncoder.encode(text, as: encoding, bom: false)) { error in
                guard let e = error as? TextEncodingError else { return XCTFail("\(error)") }
                XCTAssertEqual(e, .unrepresentable(encoding: encoding, scalar: 0x1F600, byteOffset: 23, line: 2, column: 4))
                XCTAssertEqual(e.description,
                               "cannot encode '😀' (U+1F600) in \(encoding.rawValue) at line 2, column 4 (byte 23)")
            }
        }
        // é is not in JIS X 0208 either.
        XCTAssertThrowsError(try TextEncoder.encode(bytes("café"), as: .shiftJIS, bom: false)) {
            XCTAssertEqual(($0 as? TextEncodingError),
                           .unrepresentable(encoding: .shiftJIS, scalar: 0xE9, byteOffset: 3, line: 1, column: 4))
        }
        // UTF-16 can encode everything.
        XCTAssertNoThrow(try TextEncoder.encode(text, as: .utf16LE, bom: true))
        // Invalid UTF-8 input.
        XCTAssertThrowsError(try TextEncoder.encode([0x61, 0xFF], as: .utf16BE, bom: false)) {
            XCTAssertEqual($0 as? TextEncodingError, .invalidUTF8(byteOffset: 1))
        }
    }

    // MARK: - Binary

    func testBinaryDetection() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                            0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]
        XCTAssertTrue(TextDecoder.looksBinary(png))
        XCTAssertNil(TextDecoder.detect(png))
        XCTAssertThrowsError(try TextDecoder.decode(png)) {
            XCTAssertEqual($0 as? TextDecodingError, .binary("NUL byte at offset 8"))
            XCTAssertEqual(($0 as? TextDecodingError)?.description, "looks like a binary file (NUL byte at offset 8)")
        }
        // Forcing an encoding does not turn a binary file into text.
        XCTAssertThrowsError(try TextDecoder.decode(png, forced: .shiftJIS)) {
            guard case .binary? = $0 as? TextDecodingError else { return XCTFail("\($0)") }
        }
        let withNUL = bytes("hello") + [0x00] + bytes("world")
        XCTAssertTrue(TextDecoder.looksBinary(withNUL))
        XCTAssertNil(TextDecoder.detect(withNUL))
        // Many control bytes, no NUL.
        let controls = [UInt8]((0..<200).map { UInt8($0 % 8 + 1) }) + bytes("text")
        XCTAssertTrue(TextDecoder.looksBinary(controls))
        XCTAssertNil(TextDecoder.detect(controls))
        // Text with tabs, CR, LF, form feed and ESC is text.
        XCTAssertFalse(TextDecoder.looksBinary(bytes("a\tb\r\n\u{0C}\u{1B}[1m日本\n")))
        XCTAssertFalse(TextDecoder.looksBinary(bytes(sample)))
        XCTAssertFalse(TextDecoder.looksBinary([]))
    }

    // MARK: - Sizes

    func testEmptyInput() throws {
        let d = try TextDecoder.decode([])
        XCTAssertEqual(d.utf8, [])
        XCTAssertEqual(d.encoding, .utf8)
        XCTAssertFalse(d.hasBOM)
        XCTAssertEqual(TextDecoder.detect([]), .utf8)
        XCTAssertEqual(try TextDecoder.decode([], forced: .shiftJIS).encoding, .shiftJIS)
        for e in TextEncoding.allCases {
            XCTAssertEqual(try TextEncoder.encode([], as: e, bom: false), e == .utf8BOM ? e.byteOrderMark : [])
            XCTAssertEqual(try TextEncoder.encode([], as: e, bom: true), e.byteOrderMark)
        }
        // A file holding only a BOM.
        let bomOnly = try TextDecoder.decode([0xEF, 0xBB, 0xBF])
        XCTAssertEqual(bomOnly.encoding, .utf8BOM)
        XCTAssertTrue(bomOnly.hasBOM)
        XCTAssertEqual(bomOnly.utf8, [])
    }

    func testLongSingleLine() throws {
        var line = ""
        while line.utf8.count < 200_000 { line += "山田太郎ﾔﾏﾀﾞ①髙 taro@example.jp ０９０－１２３４－５６７８ " }
        let text = bytes(line)
        for encoding in TextEncoding.allCases {
            let encoded = try TextEncoder.encode(text, as: encoding, bom: false)
            let decoded = try TextDecoder.decode(encoded)
            XCTAssertEqual(decoded.encoding, encoding, "\(encoding)")
            XCTAssertEqual(decoded.utf8, text, "\(encoding)")
        }
    }
}

final class UTF8TailTests: XCTestCase {
    func testIncompleteTailIsCarriedAndCompleteBlocksAreKept() {
        let text = Array("a墨🙂".utf8)  // 1 + 3 + 4 bytes
        for cut in 0...text.count {
            var block = Array(text[0..<cut])
            let tail = TextDecoder.takeIncompleteUTF8Tail(&block)
            XCTAssertEqual(block + tail, Array(text[0..<cut]), "nothing is lost at \(cut)")
            XCTAssertNil(block.withUnsafeBufferPointer { TextDecoder.firstInvalidUTF8($0) }, "the kept part is whole at \(cut)")
            XCTAssertEqual(tail.isEmpty, [0, 1, 4, 8].contains(cut), "a tail only inside a character (cut \(cut))")
        }
        var stray: [UInt8] = [0x61, 0xE5, 0x61]
        XCTAssertEqual(TextDecoder.takeIncompleteUTF8Tail(&stray), [], "a broken sequence inside the block stays for validation")
        var lead: [UInt8] = [0x61, 0xFF]
        XCTAssertEqual(TextDecoder.takeIncompleteUTF8Tail(&lead), [0xFF], "a last lead-like byte waits for the next block (at the end of the stream the caller reports it)")
    }
}
