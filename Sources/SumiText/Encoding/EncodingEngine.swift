// Detection order, forced decoding and encoding; the public API in
// TextEncoding.swift forwards here.

enum EncodingEngine {
    /// Bytes examined by the binary heuristics.
    static let sniffLength = 8 * 1024

    enum Outcome {
        /// `utf8` is nil when the caller did not ask for the output.
        case encoding(TextEncoding, DecodedText?)
        case binary(String)
        case invalid(TextEncoding, Int)
        case unsupported(String)
    }

    // MARK: - Entry points

    static func detect(_ b: UnsafeBufferPointer<UInt8>) -> Outcome {
        analyze(b, wantOutput: false)
    }

    static func decodeDetecting(_ b: UnsafeBufferPointer<UInt8>) throws -> DecodedText {
        switch analyze(b, wantOutput: true) {
        case .encoding(_, let decoded?): return decoded
        case .encoding(let e, nil): return try decodeForced(b, e)  // not reached
        case .binary(let reason): throw TextDecodingError.binary(reason)
        case .invalid(let e, let offset): throw TextDecodingError.invalid(encoding: e, byteOffset: offset)
        case .unsupported(let what): throw TextDecodingError.unsupported(what)
        }
    }

    static func decodeForced(_ b: UnsafeBufferPointer<UInt8>, _ enc: TextEncoding) throws -> DecodedText {
        switch enc {
        case .utf8, .utf8BOM:
            let hasBOM = startsWith(b, [0xEF, 0xBB, 0xBF])
            let skip = hasBOM ? 3 : 0
            let rest = UnsafeBufferPointer(rebasing: b[skip...])
            if let reason = byteBinaryReason(rest, offsetBase: skip) { throw TextDecodingError.binary(reason) }
            if let bad = UTF8Validator.firstInvalid(rest) {
                throw TextDecodingError.invalid(encoding: enc, byteOffset: bad + skip)
            }
            return DecodedText(utf8: Array(rest), encoding: enc, hasBOM: hasBOM)
        case .utf16LE, .utf16BE:
            // A UTF-16 BOM in the file decides the byte order.
            var bigEndian = enc == .utf16BE
            var skip = 0
            if startsWith(b, [0xFF, 0xFE]) { bigEndian = false; skip = 2 }
            else if startsWith(b, [0xFE, 0xFF]) { bigEndian = true; skip = 2 }
            let e: TextEncoding = bigEndian ? .utf16BE : .utf16LE
            switch decodeUTF16(b, skip: skip, bigEndian: bigEndian) {
            case .encoding(_, let d?): return d
            case .binary(let r): throw TextDecodingError.binary(r)
            case .invalid(_, let off): throw TextDecodingError.invalid(encoding: e, byteOffset: off)
            case .unsupported(let w): throw TextDecodingError.unsupported(w)
            case .encoding(_, nil): throw TextDecodingError.unsupported("internal error")
            }
        case .shiftJIS, .eucJP, .iso2022JP:
            if let reason = byteBinaryReason(b, offsetBase: 0) { throw TextDecodingError.binary(reason) }
            switch decodeLegacy(b, enc) {
            case .success(let out): return DecodedText(utf8: out, encoding: enc, hasBOM: false)
            case .invalid(let off): throw TextDecodingError.invalid(encoding: enc, byteOffset: off)
            case .unsupported(let w): throw TextDecodingError.unsupported(w)
            }
        }
    }

    static func encode(_ u: UnsafeBufferPointer<UInt8>, as enc: TextEncoding, bom: Bool) throws -> [UInt8] {
        if let bad = UTF8Validator.firstInvalid(u) { throw TextEncodingError.invalidUTF8(byteOffset: bad) }
        switch enc {
        case .utf8, .utf8BOM:
            if bom || enc == .utf8BOM {
                var out: [UInt8] = [0xEF, 0xBB, 0xBF]
                out.reserveCapacity(u.count + 3)
                out.append(contentsOf: u)
                return out
            }
            return Array(u)
        case .utf16LE, .utf16BE:
            return UTF16Codec.encode(u, bigEndian: enc == .utf16BE, bom: bom)
        case .shiftJIS, .eucJP:
            guard let name = enc == .shiftJIS ? IconvCodec.shiftJISName : IconvCodec.eucJPName else {
                throw TextEncodingError.unsupported("iconv has no converter for \(enc.rawValue) on this system")
            }
            switch IconvCodec.convert(u, from: "UTF-8", to: name) {
            case .success(let out): return out
            case .invalid(let off): throw unrepresentable(u, off, enc)
            case .unsupported(let w): throw TextEncodingError.unsupported(w)
            }
        case .iso2022JP:
            // Escape and shift controls in the text would change the meaning of the output.
            for i in 0..<u.count where u[i] == 0x1B || u[i] == 0x0E || u[i] == 0x0F {
                throw unrepresentable(u, i, enc)
            }
            guard let name = IconvCodec.eucJPName else {
                throw TextEncodingError.unsupported("iconv has no converter for euc-jp on this system")
            }
            switch IconvCodec.convert(u, from: "UTF-8", to: name) {
            case .success(let euc): return ISO2022JP.fromEUC(euc)
            case .invalid(let off): throw unrepresentable(u, off, enc)
            case .unsupported(let w): throw TextEncodingError.unsupported(w)
            }
        }
    }

    private static func unrepresentable(_ u: UnsafeBufferPointer<UInt8>, _ off: Int, _ enc: TextEncoding) -> TextEncodingError {
        let (line, column) = UTF8Validator.lineAndColumn(of: off, in: u)
        return .unrepresentable(encoding: enc, scalar: UTF8Validator.scalar(at: off, in: u) ?? 0,
                                byteOffset: off, line: line, column: column)
    }

    // MARK: - Detection

    static func analyze(_ b: UnsafeBufferPointer<UInt8>, wantOutput: Bool) -> Outcome {
        let n = b.count
        if n == 0 { return .encoding(.utf8, DecodedText(utf8: [], encoding: .utf8, hasBOM: false)) }

        // 1. Byte-order marks.
        if startsWith(b, [0xFF, 0xFE, 0x00, 0x00]) { return .unsupported("utf-32le (byte-order mark FF FE 00 00)") }
        if startsWith(b, [0x00, 0x00, 0xFE, 0xFF]) { return .unsupported("utf-32be (byte-order mark 00 00 FE FF)") }
        if startsWith(b, [0xEF, 0xBB, 0xBF]) {
            let rest = UnsafeBufferPointer(rebasing: b[3...])
            if let reason = byteBinaryReason(rest, offsetBase: 3) { return .binary(reason) }
            if let bad = UTF8Validator.firstInvalid(rest) { return .invalid(.utf8BOM, bad + 3) }
            return .encoding(.utf8BOM, wantOutput ? DecodedText(utf8: Array(rest), encoding: .utf8BOM, hasBOM: true) : nil)
        }
        if startsWith(b, [0xFF, 0xFE]) { return decodeUTF16(b, skip: 2, bigEndian: false) }
        if startsWith(b, [0xFE, 0xFF]) { return decodeUTF16(b, skip: 2, bigEndian: true) }

        // 2. BOM-less UTF-16.
        if let bigEndian = guessUTF16(b) { return decodeUTF16(b, skip: 0, bigEndian: bigEndian) }

        // 6 (checked early so binary files never reach the decoders).
        if let reason = byteBinaryReason(b, offsetBase: 0) { return .binary(reason) }

        // 3. ISO-2022-JP.
        if ISO2022JP.looksLikeISO2022JP(b) {
            switch decodeLegacy(b, .iso2022JP) {
            case .success(let out):
                return .encoding(.iso2022JP, DecodedText(utf8: out, encoding: .iso2022JP, hasBOM: false))
            case .invalid(let off): return .invalid(.iso2022JP, off)
            case .unsupported(let w): return .unsupported(w)
            }
        }

        // 4. UTF-8 (pure ASCII included).
        guard let utf8Bad = UTF8Validator.firstInvalid(b) else {
            return .encoding(.utf8, wantOutput ? DecodedText(utf8: Array(b), encoding: .utf8, hasBOM: false) : nil)
        }

        // Mostly UTF-8 with a damaged byte: report that rather than guessing a legacy
        // encoding that happens to accept the bytes (mojibake).
        if multibyteUTF8Count(b, before: utf8Bad, atLeast: 3) {
            return .invalid(.utf8, utf8Bad)
        }

        // 5. Shift_JIS vs EUC-JP.
        return detectLegacy(b, utf8Bad: utf8Bad)
    }

    /// True when the (valid UTF-8) prefix `b[..<end]` holds at least `limit` multi-byte characters.
    private static func multibyteUTF8Count(_ b: UnsafeBufferPointer<UInt8>, before end: Int, atLeast limit: Int) -> Bool {
        var count = 0
        for i in 0..<end where b[i] >= 0xC0 {
            count += 1
            if count >= limit { return true }
        }
        return false
    }

    private static func detectLegacy(_ b: UnsafeBufferPointer<UInt8>, utf8Bad: Int) -> Outcome {
        let sjis = LegacyScan.shiftJIS(b)
        let euc = LegacyScan.eucJP(b)
        var order: [TextEncoding] = []
        switch (sjis.bad, euc.bad) {
        case (nil, nil): order = euc.score > sjis.score ? [.eucJP, .shiftJIS] : [.shiftJIS, .eucJP]
        case (nil, _): order = [.shiftJIS]
        case (_, nil): order = [.eucJP]
        default: break
        }
        var badOffsets: [TextEncoding: Int] = [.shiftJIS: sjis.bad ?? -1, .eucJP: euc.bad ?? -1]
        var unsupported: String?
        for enc in order {
            switch decodeLegacy(b, enc) {
            case .success(let out): return .encoding(enc, DecodedText(utf8: out, encoding: enc, hasBOM: false))
            case .invalid(let off): badOffsets[enc] = off
            case .unsupported(let w): unsupported = w
            }
        }
        // Nothing decodes. Text that is UTF-8 up to the bad byte (with some
        // multi-byte characters) is reported as broken UTF-8; otherwise the
        // legacy encoding that got furthest, if further than UTF-8.
        var sawMultibyte = false
        for i in 0..<utf8Bad where b[i] >= 0x80 { sawMultibyte = true; break }
        if !sawMultibyte {
            let s = badOffsets[.shiftJIS] ?? -1, e = badOffsets[.eucJP] ?? -1
            if s > utf8Bad || e > utf8Bad {
                return s >= e ? .invalid(.shiftJIS, s) : .invalid(.eucJP, e)
            }
            if let unsupported { return .unsupported(unsupported) }
        }
        return .invalid(.utf8, utf8Bad)
    }

    // MARK: - Decoders

    private static func decodeUTF16(_ b: UnsafeBufferPointer<UInt8>, skip: Int, bigEndian: Bool) -> Outcome {
        let enc: TextEncoding = bigEndian ? .utf16BE : .utf16LE
        let rest = UnsafeBufferPointer(rebasing: b[skip...])
        if let reason = utf16BinaryReason(rest, bigEndian: bigEndian, offsetBase: skip) { return .binary(reason) }
        switch UTF16Codec.decode(rest, bigEndian: bigEndian) {
        case .success(let out): return .encoding(enc, DecodedText(utf8: out, encoding: enc, hasBOM: skip > 0))
        case .invalid(let off): return .invalid(enc, off + skip)
        }
    }

    /// Strict decoding of Shift_JIS, EUC-JP or ISO-2022-JP through iconv.
    static func decodeLegacy(_ b: UnsafeBufferPointer<UInt8>, _ enc: TextEncoding) -> IconvCodec.Result {
        switch enc {
        case .shiftJIS, .eucJP:
            guard let name = enc == .shiftJIS ? IconvCodec.shiftJISName : IconvCodec.eucJPName else {
                return .unsupported("iconv has no converter for \(enc.rawValue) on this system")
            }
            return IconvCodec.convert(b, from: name, to: "UTF-8")
        case .iso2022JP:
            guard let name = IconvCodec.eucJPName else {
                return .unsupported("iconv has no converter for euc-jp on this system")
            }
            let (euc, bad) = ISO2022JP.toEUC(b)
            if let bad { return .invalid(bad) }
            let r = euc.withUnsafeBufferPointer { IconvCodec.convert($0, from: name, to: "UTF-8") }
            if case .invalid(let eucOffset) = r {
                return .invalid(ISO2022JP.toEUC(b, stopAtEUCOffset: eucOffset).badOffset ?? 0)
            }
            return r
        default:
            return .unsupported("\(enc.rawValue) is not an iconv encoding")
        }
    }

    // MARK: - Heuristics

    static func startsWith(_ b: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard b.count >= prefix.count else { return false }
        for (i, p) in prefix.enumerated() where b[i] != p { return false }
        return true
    }

    /// Control characters that do not occur in text (everything below 0x20 except
    /// \t \n \f \r and ESC, plus DEL).
    @inline(__always)
    static func isBinaryControl(_ c: UInt32) -> Bool {
        if c >= 0x20 { return c == 0x7F }
        return c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D && c != 0x1B
    }

    /// Why the first 8 KB look binary (NUL, or > 10 % control bytes), or nil.
    static func byteBinaryReason(_ b: UnsafeBufferPointer<UInt8>, offsetBase: Int) -> String? {
        let n = min(b.count, sniffLength)
        var controls = 0
        for i in 0..<n {
            let c = b[i]
            if c == 0 { return "NUL byte at offset \(i + offsetBase)" }
            if isBinaryControl(UInt32(c)) { controls += 1 }
        }
        if n > 0, controls * 10 > n {
            return "\(controls) control bytes in the first \(n) bytes"
        }
        return nil
    }

    /// Same test on UTF-16 code units: NUL characters or > 10 % control characters.
    static func utf16BinaryReason(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool, offsetBase: Int) -> String? {
        let units = min(b.count, sniffLength) / 2
        var controls = 0
        for k in 0..<units {
            let hi = bigEndian ? b[2 * k] : b[2 * k + 1]
            let lo = bigEndian ? b[2 * k + 1] : b[2 * k]
            let c = UInt32(hi) << 8 | UInt32(lo)
            if c == 0 { return "NUL character at offset \(2 * k + offsetBase)" }
            if isBinaryControl(c) { controls += 1 }
        }
        if units > 0, controls * 10 > units {
            return "\(controls) control characters in the first \(units) UTF-16 code units"
        }
        return nil
    }

    /// BOM-less UTF-16: NULs almost only at odd (LE) or even (BE) positions, no NUL
    /// code units, no broken surrogates and few controls in the first 8 KB.
    /// Returns `bigEndian`, or nil when the bytes do not look like UTF-16.
    static func guessUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard b.count >= 2, b.count % 2 == 0 else { return nil }
        let n = min(b.count, sniffLength) & ~1
        var nulEven = 0, nulOdd = 0
        var i = 0
        while i < n {
            if b[i] == 0 {
                if b[i + 1] == 0 { return nil }  // U+0000
                nulEven += 1
            } else if b[i + 1] == 0 {
                nulOdd += 1
            }
            i += 2
        }
        let bigEndian: Bool
        // The minority parity holds NULs of characters like U+4E00 一 (LE: 00 4E) or
        // low surrogates DC00; ASCII puts its NULs in the majority parity.
        if nulOdd >= 2, nulEven * 2 < nulOdd {
            bigEndian = false
        } else if nulEven >= 2, nulOdd * 2 < nulEven {
            bigEndian = true
        } else {
            return nil
        }
        // Surrogates must pair up in the sample.
        let units = n / 2
        var k = 0
        while k < units {
            let c = bigEndian ? UInt16(b[2 * k]) << 8 | UInt16(b[2 * k + 1]) : UInt16(b[2 * k + 1]) << 8 | UInt16(b[2 * k])
            if c >= 0xD800, c <= 0xDBFF {
                if k + 1 >= units { break }  // pair may continue beyond the sample
                let d = bigEndian ? UInt16(b[2 * k + 2]) << 8 | UInt16(b[2 * k + 3]) : UInt16(b[2 * k + 3]) << 8 | UInt16(b[2 * k + 2])
                if d < 0xDC00 || d > 0xDFFF { return nil }
                k += 2
                continue
            }
            if c >= 0xDC00, c <= 0xDFFF { return nil }
            k += 1
        }
        if utf16BinaryReason(b, bigEndian: bigEndian, offsetBase: 0) != nil { return nil }
        return bigEndian
    }

    /// Why the bytes look binary (for `TextDecoder.looksBinary`), or nil.
    static func binaryReason(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if startsWith(b, [0xFF, 0xFE]) {
            return utf16BinaryReason(UnsafeBufferPointer(rebasing: b[2...]), bigEndian: false, offsetBase: 2)
        }
        if startsWith(b, [0xFE, 0xFF]) {
            return utf16BinaryReason(UnsafeBufferPointer(rebasing: b[2...]), bigEndian: true, offsetBase: 2)
        }
        if guessUTF16(b) != nil { return nil }
        return byteBinaryReason(b, offsetBase: 0)
    }
}

/// Structural checks and plausibility scores for Shift_JIS (CP932) and EUC-JP.
/// Each character adds a weight (kana 6, level-1 kanji 4, other common characters
/// 2-3, half-width kana and vendor extensions 1, user-defined area -2). A two-byte
/// EUC-JP character read as Shift_JIS is usually two half-width kana (2 points),
/// so EUC-JP weights for the common rows are above 2.
enum LegacyScan {
    struct Result {
        var bad: Int?
        var score: Int
    }

    static func shiftJIS(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        let n = b.count
        var score = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c >= 0xA1, c <= 0xDF { score += 1; i += 1; continue }  // half-width kana
            guard (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC), i + 1 < n else { return Result(bad: i, score: score) }
            let t = b[i + 1]
            guard (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFC) else { return Result(bad: i, score: score) }
            switch c {
            case 0x82: score += t >= 0x9F ? 6 : 2         // hiragana; full-width digits/latin
            case 0x83: score += t <= 0x96 ? 6 : 2         // katakana; greek
            case 0x81, 0x84: score += 2                   // symbols, cyrillic, box drawing
            case 0x8E: score += t >= 0xA1 && t <= 0xDF ? 3 : 4 // level 1, but also EUC-JP half-width kana
            case 0x88...0x97: score += 4                  // JIS level 1 kanji
            case 0x98...0x9F, 0xE0...0xEA: score += 2     // level 2 kanji
            case 0x87, 0xED, 0xEE, 0xFA...0xFC: score += 1 // NEC / IBM extensions
            case 0xF0...0xF9: score -= 2                  // user-defined
            default: break
            }
            i += 2
        }
        return Result(bad: nil, score: score)
    }

    static func eucJP(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        let n = b.count
        var score = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            if c == 0x8E {
                guard i + 1 < n, b[i + 1] >= 0xA1, b[i + 1] <= 0xDF else { return Result(bad: i, score: score) }
                // Half-width kana come in runs (ﾔﾏﾀﾞ); a run of them is strong evidence.
                score += i >= 2 && b[i - 2] == 0x8E ? 4 : 1
                i += 2
                continue
            }
            if c == 0x8F {
                guard i + 2 < n, b[i + 1] >= 0xA1, b[i + 1] <= 0xFE, b[i + 2] >= 0xA1, b[i + 2] <= 0xFE else {
                    return Result(bad: i, score: score)
                }
                score += 3                                // JIS X 0212 / IBM extensions (髙)
                i += 3
                continue
            }
            guard c >= 0xA1, c <= 0xFE, i + 1 < n, b[i + 1] >= 0xA1, b[i + 1] <= 0xFE else {
                return Result(bad: i, score: score)
            }
            let t = b[i + 1]
            switch c {
            case 0xA4: score += t <= 0xF3 ? 6 : 0         // hiragana
            case 0xA5: score += t <= 0xF6 ? 6 : 0         // katakana
            case 0xA1...0xA3: score += 3                  // symbols, digits, latin
            case 0xA6...0xA8: score += 2                  // greek, cyrillic, box drawing
            case 0xAD: score += 3                         // NEC row 13 (①, Ⅰ, ㈱)
            case 0xB0...0xCF: score += 4                  // level 1 kanji
            case 0xD0...0xF4: score += 3                  // level 2 kanji
            case 0xF5...0xFE: score -= 2                  // user-defined
            default: break
            }
            i += 2
        }
        return Result(bad: nil, score: score)
    }
}
