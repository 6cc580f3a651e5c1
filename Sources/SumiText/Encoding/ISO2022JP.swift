// ISO-2022-JP <-> EUC-JP transcoding (the byte values are the same tables, the
// high bit set and single-shift prefixes instead of escape sequences), so decoding
// can go through the EUC-JP-MS converter and accept the usual Windows extensions.
//
// Accepted designations: ESC ( B (ASCII), ESC ( J (JIS-Roman, read as ASCII),
// ESC ( I (half-width katakana), ESC $ @ / ESC $ B / ESC & @ ESC $ B (JIS X 0208,
// including NEC row 13), ESC $ ( D (JIS X 0212), SO/SI for half-width katakana.
// CR and LF are accepted in any mode. Output of `fromEUC` switches back to ASCII
// before every line break and at the end (RFC 1468).

enum ISO2022JP {
    /// True when the bytes are 7-bit and contain a designation of a Japanese set.
    static func looksLikeISO2022JP(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var found = false
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x80 { return false }
            if c == 0x1B, !found, i + 2 < n {
                let c1 = b[i + 1], c2 = b[i + 2]
                if c1 == 0x24, c2 == 0x42 || c2 == 0x40 { found = true }  // ESC $ B, ESC $ @
                else if c1 == 0x24, c2 == 0x28, i + 3 < n, b[i + 3] == 0x44 { found = true }  // ESC $ ( D
                else if c1 == 0x28, c2 == 0x49 || c2 == 0x4A { found = true }  // ESC ( I, ESC ( J
            }
            i += 1
        }
        return found
    }

    private enum Mode { case ascii, kana, jis0208, jis0212 }

    /// Transcodes ISO-2022-JP to EUC-JP. On an invalid byte returns its input offset.
    /// When `stopAtEUCOffset` is given, returns as `badOffset` the input offset at
    /// which the EUC output reached that length (used to map iconv errors back).
    static func toEUC(_ b: UnsafeBufferPointer<UInt8>, stopAtEUCOffset: Int? = nil) -> (euc: [UInt8], badOffset: Int?) {
        let n = b.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var mode = Mode.ascii
        var shifted = false  // SO active
        var i = 0
        while i < n {
            let c = b[i]
            if c == 0x1B {
                guard i + 2 < n else { return (out, i) }
                let c1 = b[i + 1], c2 = b[i + 2]
                switch (c1, c2) {
                case (0x28, 0x42), (0x28, 0x4A): mode = .ascii; i += 3
                case (0x28, 0x49): mode = .kana; i += 3
                case (0x24, 0x40), (0x24, 0x42): mode = .jis0208; i += 3
                case (0x26, 0x40):
                    // JIS X 0208-1990 announcer, must be followed by ESC $ B.
                    guard i + 5 < n, b[i + 3] == 0x1B, b[i + 4] == 0x24, b[i + 5] == 0x42 else { return (out, i) }
                    mode = .jis0208; i += 6
                case (0x24, 0x28):
                    guard i + 3 < n else { return (out, i) }
                    switch b[i + 3] {
                    case 0x44: mode = .jis0212
                    case 0x42, 0x40: mode = .jis0208
                    default: return (out, i)
                    }
                    i += 4
                default:
                    return (out, i)
                }
                continue
            }
            if c == 0x0E { shifted = true; i += 1; continue }
            if c == 0x0F { shifted = false; i += 1; continue }
            if let stop = stopAtEUCOffset, out.count >= stop { return (out, i) }
            if c >= 0x80 { return (out, i) }
            if c == 0x0A || c == 0x0D {
                out.append(c); i += 1; continue
            }
            if shifted || mode == .kana {
                guard c >= 0x21, c <= 0x5F else {
                    if c < 0x21 { out.append(c); i += 1; continue }  // controls and space pass
                    return (out, i)
                }
                out.append(0x8E); out.append(c | 0x80); i += 1
                continue
            }
            switch mode {
            case .ascii, .kana:
                out.append(c); i += 1
            case .jis0208, .jis0212:
                if c < 0x21 { out.append(c); i += 1; continue }  // controls (tab) pass through
                guard c <= 0x7E, i + 1 < n, b[i + 1] >= 0x21, b[i + 1] <= 0x7E else { return (out, i) }
                if mode == .jis0212 { out.append(0x8F) }
                out.append(c | 0x80); out.append(b[i + 1] | 0x80)
                i += 2
            }
        }
        if let stop = stopAtEUCOffset, out.count >= stop { return (out, n) }
        return (out, nil)
    }

    /// Transcodes EUC-JP (as produced by iconv) to ISO-2022-JP.
    static func fromEUC(_ e: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(e.count + e.count / 4 + 8)
        var mode = Mode.ascii
        func switchTo(_ m: Mode) {
            guard m != mode else { return }
            switch m {
            case .ascii: out.append(contentsOf: [0x1B, 0x28, 0x42])
            case .kana: out.append(contentsOf: [0x1B, 0x28, 0x49])
            case .jis0208: out.append(contentsOf: [0x1B, 0x24, 0x42])
            case .jis0212: out.append(contentsOf: [0x1B, 0x24, 0x28, 0x44])
            }
            mode = m
        }
        let n = e.count
        var i = 0
        while i < n {
            let c = e[i]
            if c < 0x80 {
                switchTo(.ascii)
                out.append(c); i += 1
            } else if c == 0x8E, i + 1 < n {
                switchTo(.kana)
                out.append(e[i + 1] & 0x7F); i += 2
            } else if c == 0x8F, i + 2 < n {
                switchTo(.jis0212)
                out.append(e[i + 1] & 0x7F); out.append(e[i + 2] & 0x7F); i += 3
            } else if i + 1 < n {
                switchTo(.jis0208)
                out.append(c & 0x7F); out.append(e[i + 1] & 0x7F); i += 2
            } else {
                i += 1  // cannot happen with iconv output
            }
        }
        switchTo(.ascii)
        return out
    }
}
