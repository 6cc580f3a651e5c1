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
        var out = [UInt8]()
        out.reserveCapacity(n)
        var anchors: [(norm: Int, orig: Int)] = []
        var i = 0

        @inline(__always) func anchor(_ norm: Int, _ orig: Int) {
            if let last = anchors.last, last.norm == norm, last.orig == orig { return }
            anchors.append((norm, orig))
        }
        @inline(__always) func isDigitAt(_ j: Int) -> Bool {
            // ASCII digit or full-width digit (EF BC 90–99) at byte j of the input.
            guard j < n else { return false }
            let b = input[j]
            if b >= 0x30 && b <= 0x39 { return true }
            return b == 0xEF && j + 2 < n && input[j + 1] == 0xBC && input[j + 2] >= 0x90 && input[j + 2] <= 0x99
        }

        while i < n {
            let b = input[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            // Only characters with lead bytes E2, E3 and EF are ever rewritten.
            if b != 0xE2 && b != 0xE3 && b != 0xEF {
                out.append(b); i += 1; continue
            }
            guard i + 2 < n else { out.append(b); i += 1; continue }
            let b1 = input[i + 1], b2 = input[i + 2]
            var replacement: UInt8? = nil     // single ASCII byte
            var kana: (UInt8, UInt8, UInt8)? = nil
            var consumed = 3
            if b == 0xEF {
                if b1 == 0xBC && b2 >= 0x81 {
                    replacement = b2 - 0x81 + 0x21            // U+FF01..FF3F → 0x21..0x5F
                } else if b1 == 0xBD && b2 <= 0x9E && b2 >= 0x80 {
                    replacement = b2 - 0x80 + 0x60            // U+FF40..FF5E → 0x60..0x7E
                } else if b1 == 0xB9 && b2 == 0xA3 {
                    replacement = 0x2D                         // ﹣ U+FE63
                } else if b1 == 0xBD && b2 == 0xB0 && i > 0 && isDigitBefore(out) && isDigitAt(i + 3) {
                    replacement = 0x2D                         // ｰ between digits
                } else if (b1 == 0xBD && b2 >= 0xA1) || (b1 == 0xBE && b2 <= 0x9F) {
                    // Half-width katakana U+FF61..FF9F, composing a following ﾞ (EF BE 9E) or ﾟ (EF BE 9F).
                    let scalar = 0xF000 | (Int(b1 & 0x3F) << 6) | Int(b2 & 0x3F)
                    var voiced = 0
                    if i + 5 < n, input[i + 3] == 0xEF, input[i + 4] == 0xBE,
                       input[i + 5] == 0x9E || input[i + 5] == 0x9F {
                        voiced = input[i + 5] == 0x9E ? 1 : 2
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
            } else if b == 0xE3 && b1 == 0x83 && b2 == 0xBC && isDigitBefore(out) && isDigitAt(i + 3) {
                replacement = 0x2D                             // ー between digits
            }
            if let r = replacement {
                anchor(out.count, i)
                out.append(r)
                anchor(out.count, i + consumed)
            } else if let k = kana {
                anchor(out.count, i)
                out.append(k.0); out.append(k.1); out.append(k.2)
                anchor(out.count, i + consumed)
            } else {
                out.append(b); out.append(b1); out.append(b2)
                consumed = 3
            }
            i += consumed
        }
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
