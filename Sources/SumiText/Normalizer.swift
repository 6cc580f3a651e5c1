/// Text normalized for matching, with a map back to the original byte offsets.
///
/// Rules and dictionaries are written against the standard forms (ASCII digits, letters and
/// '-', full-width katakana), so one pattern matches `090-1234-5678`, `０９０－１２３４－５６７８`
/// and `０９０ー１２３４ー５６７８` alike. Findings are reported in the original text's offsets.
public struct NormalizedText: Sendable {
    /// The normalized UTF-8 bytes (always valid UTF-8 when the input was).
    public var bytes: [UInt8]
    /// Sorted anchors (normalized offset, original offset) at the edges of every rewritten
    /// character; between anchors both texts advance byte for byte.
    public var anchors: [(norm: Int, orig: Int)]
    /// Length of the original text in bytes.
    public var originalCount: Int

    public var isIdentity: Bool { anchors.isEmpty }

    /// Maps a normalized byte offset (a character boundary) to the original byte offset.
    @inlinable
    public func originalOffset(_ n: Int) -> Int {
        if anchors.isEmpty { return n }
        // Last anchor with norm <= n.
        var lo = 0, hi = anchors.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if anchors[mid].norm <= n { lo = mid + 1 } else { hi = mid }
        }
        if lo == 0 { return n }
        let a = anchors[lo - 1]
        return a.orig + (n - a.norm)
    }
}

public enum Normalizer {
    /// Normalizes UTF-8 bytes:
    /// - full-width ASCII (U+FF01–U+FF5E) → ASCII, ideographic space U+3000 → ' '
    /// - hyphen and dash variants (‐ ‑ ‒ – — ― − ﹣) → '-'; box-drawing verticals (│ ┃) → '|'
    /// - the prolonged sound mark ー / ｰ between two digits → '-'
    /// - half-width katakana → full-width katakana, with ﾞ/ﾟ composed into the base (ｶﾞ → ガ)
    /// Everything else is copied unchanged.
    public static func normalize(_ input: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        let n = input.count
        var anchors: [(norm: Int, orig: Int)] = []
        // The output is never longer than the input (every rewrite shrinks or keeps the length),
        // so it is written in place through a pointer: no per-byte capacity checks.
        var outCount = 0
        let out = [UInt8](unsafeUninitializedCapacity: n) { buf, initialized in
            guard let src = input.baseAddress, let dst = buf.baseAddress else { initialized = 0; return }
            var o = 0
            var i = 0
            @inline(__always) func anchor(_ norm: Int, _ orig: Int) {
                if let last = anchors.last, last.norm == norm, last.orig == orig { return }
                anchors.append((norm, orig))
            }
            @inline(__always) func isDigitAt(_ j: Int) -> Bool {
                guard j < n else { return false }
                let b = src[j]
                if b >= 0x30 && b <= 0x39 { return true }
                return b == 0xEF && j + 2 < n && src[j + 1] == 0xBC && src[j + 2] >= 0x90 && src[j + 2] <= 0x99
            }
            @inline(__always) func digitBefore() -> Bool { o > 0 && dst[o - 1] >= 0x30 && dst[o - 1] <= 0x39 }
            while i < n {
                // Copy the run of bytes that are never rewritten (all but lead bytes E2, E3, EF).
                var j = i
                while j < n {
                    let b = src[j]
                    if b == 0xE2 || b == 0xE3 || b == 0xEF { break }
                    j += 1
                }
                if j > i {
                    (dst + o).update(from: src + i, count: j - i)
                    o += j - i
                    i = j
                    if i >= n { break }
                }
                let b = src[i]
                guard i + 2 < n else { dst[o] = b; o += 1; i += 1; continue }
                let b1 = src[i + 1], b2 = src[i + 2]
                var replacement: UInt8? = nil
                var kana: (UInt8, UInt8, UInt8)? = nil
                var consumed = 3
                if b == 0xEF {
                    if b1 == 0xBC && b2 >= 0x81 {
                        replacement = b2 - 0x81 + 0x21            // U+FF01..FF3F → 0x21..0x5F
                    } else if b1 == 0xBD && b2 <= 0x9E && b2 >= 0x80 {
                        replacement = b2 - 0x80 + 0x60            // U+FF40..FF5E → 0x60..0x7E
                    } else if b1 == 0xB9 && b2 == 0xA3 {
                        replacement = 0x2D                         // ﹣ U+FE63
                    } else if b1 == 0xBD && b2 == 0xB0 && digitBefore() && isDigitAt(i + 3) {
                        replacement = 0x2D                         // ｰ between digits
                    } else if (b1 == 0xBD && b2 >= 0xA1) || (b1 == 0xBE && b2 <= 0x9F) {
                        // Half-width katakana U+FF61..FF9F, composing a following ﾞ (EF BE 9E) or ﾟ (EF BE 9F).
                        let scalar = 0xF000 | (Int(b1 & 0x3F) << 6) | Int(b2 & 0x3F)
                        var voiced = 0
                        if i + 5 < n, src[i + 3] == 0xEF, src[i + 4] == 0xBE, src[i + 5] == 0x9E || src[i + 5] == 0x9F {
                            voiced = src[i + 5] == 0x9E ? 1 : 2
                        }
                        if let (cpOut, usedMark) = HalfWidthKana.fullWidth(scalar: scalar, voiced: voiced) {
                            kana = utf8Triple(cpOut)
                            if usedMark { consumed = 6 }
                        }
                    }
                } else if b == 0xE2 && b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95 {
                    replacement = 0x2D                             // U+2010..2015
                } else if b == 0xE2 && b1 == 0x88 && b2 == 0x92 {
                    replacement = 0x2D                             // − U+2212
                } else if b == 0xE2 && b1 == 0x94 && (b2 == 0x82 || b2 == 0x83) {
                    replacement = 0x7C                             // box-drawing │ ┃ → '|' (table columns)
                } else if b == 0xE3 && b1 == 0x80 && b2 == 0x80 {
                    replacement = 0x20                             // U+3000
                } else if b == 0xE3 && b1 == 0x83 && b2 == 0xBC && digitBefore() && isDigitAt(i + 3) {
                    replacement = 0x2D                             // ー between digits
                }
                if let r = replacement {
                    anchor(o, i)
                    dst[o] = r; o += 1
                    anchor(o, i + consumed)
                } else if let k = kana {
                    anchor(o, i)
                    dst[o] = k.0; dst[o + 1] = k.1; dst[o + 2] = k.2; o += 3
                    anchor(o, i + consumed)
                } else {
                    dst[o] = b; dst[o + 1] = b1; dst[o + 2] = b2; o += 3
                    consumed = 3
                }
                i += consumed
            }
            initialized = o
            outCount = o
        }
        _ = outCount
        return NormalizedText(bytes: out, anchors: anchors, originalCount: n)
    }

    public static func normalize(_ bytes: [UInt8]) -> NormalizedText {
        bytes.withUnsafeBufferPointer { normalize($0) }
    }

    /// Normalizes a string (for dictionary terms and examples).
    public static func normalize(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: normalize(bytes).bytes, as: UTF8.self)
    }

    @inline(__always) static func isDigitBefore(_ out: [UInt8]) -> Bool {
        guard let last = out.last else { return false }
        return last >= 0x30 && last <= 0x39
    }

    @inline(__always) static func utf8Triple(_ cp: Int) -> (UInt8, UInt8, UInt8) {
        (UInt8(0xE0 | (cp >> 12)), UInt8(0x80 | ((cp >> 6) & 0x3F)), UInt8(0x80 | (cp & 0x3F)))
    }
}

/// Half-width katakana (U+FF61–U+FF9F) to their full-width forms.
enum HalfWidthKana {
    // Full-width code points for U+FF61 ... U+FF9F, in order.
    static let table: [Int] = [
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2,                          // ｡｢｣､･ｦ
        0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3,   // ｧｨｩｪｫｬｭｮｯ
        0x30FC,                                                                  // ｰ
        0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,                                  // ｱｲｳｴｵ
        0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,                                  // ｶｷｸｹｺ
        0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,                                  // ｻｼｽｾｿ
        0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,                                  // ﾀﾁﾂﾃﾄ
        0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,                                  // ﾅﾆﾇﾈﾉ
        0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,                                  // ﾊﾋﾌﾍﾎ
        0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,                                  // ﾏﾐﾑﾒﾓ
        0x30E4, 0x30E6, 0x30E8,                                                  // ﾔﾕﾖ
        0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,                                  // ﾗﾘﾙﾚﾛ
        0x30EF, 0x30F3,                                                          // ﾜﾝ
        0x309B, 0x309C,                                                          // ﾞﾟ
    ]

    /// Returns the full-width code point and whether the following sound mark was absorbed.
    /// `voiced`: 0 none, 1 dakuten follows, 2 handakuten follows.
    static func fullWidth(scalar: Int, voiced: Int) -> (Int, Bool)? {
        let index = scalar - 0xFF61
        guard index >= 0 && index < table.count else { return nil }
        let base = table[index]
        if voiced == 1 {
            // カ..ト (except small/odd ones) and ハ..ホ take dakuten as +1; ウ → ヴ.
            if base == 0x30A6 { return (0x30F4, true) }
            if (base >= 0x30AB && base <= 0x30C8 && base != 0x30C3) || (base >= 0x30CF && base <= 0x30DB) {
                return (base + 1, true)
            }
        } else if voiced == 2 {
            if base >= 0x30CF && base <= 0x30DB { return (base + 2, true) }
        }
        return (base, false)
    }
}
