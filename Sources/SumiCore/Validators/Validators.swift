// Built-in validators: cheap, allocation-free checks run on regex candidates to weed out
// strings that have the right shape but are not real instances (bad check digits,
// impossible dates, reserved ranges, ...).
//
// Every validator receives the UTF-8 bytes of an already-normalized candidate
// (full-width digits/letters are ASCII, hyphen variants are '-').

/// A validator looks at the bytes of a candidate value (UTF-8, already normalized: full-width
/// digits/letters are ASCII, hyphen variants are '-') and says whether it is a real instance.
public typealias ValidatorFunction = @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

public enum Validators {
    /// Name → function, as used in rule files (`validator: luhn`).
    public static let builtin: [String: ValidatorFunction] = [
        "luhn": { luhn($0) },
        "my_number": { myNumber($0) },
        "corporate_number": { corporateNumber($0) },
        "iban": { iban($0) },
        "ipv4": { ipv4($0) },
        "ipv6": { ipv6($0) },
        "date": { date($0) },
        "credit_card": { creditCard($0) },
        "us_ssn": { usSSN($0) },
        "jp_phone": { jpPhone($0) },
        "e164": { e164($0) },
        "jp_postal_code": { jpPostalCode($0) },
    ]

    /// Convenience for tests and tools. Returns nil when `name` is not a built-in validator.
    public static func check(_ name: String, _ value: String) -> Bool? {
        guard let f = builtin[name] else { return nil }
        var s = value
        return s.withUTF8 { f($0) }
    }

    // MARK: - Byte helpers

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isAlpha(b) ? b | 0x20 : b }

    /// Space or hyphen.
    @inline(__always) static func isSpaceOrHyphen(_ b: UInt8) -> Bool { b == 0x20 || b == 0x2D }
    /// Space, '-', '.', '/'.
    @inline(__always) static func isNumberSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2D || b == 0x2E || b == 0x2F
    }
    /// Space, '-', '.', '(', ')' (phone-style punctuation).
    @inline(__always) static func isPhoneSeparator(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2D || b == 0x2E || b == 0x28 || b == 0x29
    }

    /// Collects the decimal digits of `v` into a UInt64 (most significant first), skipping bytes
    /// for which `isSep` is true. Fails on any other byte or on more than `maxCount` (≤ 19) digits.
    /// Leading zeros are preserved through `count`.
    @inline(__always)
    static func collectDigits(
        _ v: UnsafeBufferPointer<UInt8>, maxCount: Int, isSep: (UInt8) -> Bool
    ) -> (value: UInt64, count: Int)? {
        var value: UInt64 = 0
        var count = 0
        for b in v {
            let d = b &- 0x30
            if d < 10 {
                if count == maxCount { return nil }
                value = value &* 10 &+ UInt64(d)
                count += 1
            } else if !isSep(b) {
                return nil
            }
        }
        return (value, count)
    }

    /// 10^n for 0 ≤ n ≤ 19.
    @inline(__always) static func pow10(_ n: Int) -> UInt64 {
        var r: UInt64 = 1
        var k = 0
        while k < n { r &*= 10; k += 1 }
        return r
    }

    /// The first `k` digits of a `count`-digit number held in `value` (k ≤ count).
    @inline(__always) static func prefix(_ value: UInt64, count: Int, _ k: Int) -> UInt64 {
        value / pow10(count - k)
    }

    /// True when all `count` digits of `value` are the same digit.
    @inline(__always) static func allSameDigits(_ value: UInt64, count: Int) -> Bool {
        var x = value
        let first = x % 10
        var i = 0
        while i < count {
            if x % 10 != first { return false }
            x /= 10
            i += 1
        }
        return true
    }

    @inline(__always) static func luhnSumOK(_ value: UInt64, count: Int) -> Bool {
        var x = value
        var sum: UInt64 = 0
        var i = 0
        while i < count {
            var d = x % 10
            x /= 10
            if i & 1 == 1 {
                d &*= 2
                if d > 9 { d -= 9 }
            }
            sum &+= d
            i += 1
        }
        return sum % 10 == 0
    }

    // MARK: - Luhn / credit cards

    /// Digits only after dropping spaces/hyphens; 12–19 digits; Luhn mod 10; not all the same digit.
    public static func luhn(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (value, count) = collectDigits(v, maxCount: 19, isSep: isSpaceOrHyphen),
              count >= 12 else { return false }
        return !allSameDigits(value, count: count) && luhnSumOK(value, count: count)
    }

    /// Luhn + 13–19 digits + a known issuer prefix (Visa, Mastercard, Amex (15 digits), JCB,
    /// Diners, Discover, UnionPay).
    public static func creditCard(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (value, count) = collectDigits(v, maxCount: 19, isSep: isSpaceOrHyphen),
              count >= 13 else { return false }
        guard !allSameDigits(value, count: count), luhnSumOK(value, count: count) else { return false }
        let p1 = prefix(value, count: count, 1)
        let p2 = prefix(value, count: count, 2)
        let p3 = prefix(value, count: count, 3)
        let p4 = prefix(value, count: count, 4)
        if p1 == 4 { return true }                                   // Visa
        if (51...55).contains(p2) || (2221...2720).contains(p4) { return true } // Mastercard
        if p2 == 34 || p2 == 37 { return count == 15 }               // Amex
        if (3528...3589).contains(p4) { return true }                // JCB
        if (300...305).contains(p3) || p2 == 36 || p2 == 38 { return true } // Diners
        if p4 == 6011 || p2 == 65 || (644...649).contains(p3) { return true } // Discover
        if p2 == 62 { return true }                                  // UnionPay
        return false
    }

    // MARK: - Japanese numbers

    /// Japanese Individual Number (個人番号): 12 digits, last is the check digit.
    public static func myNumber(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (value, count) = collectDigits(v, maxCount: 12, isSep: isNumberSeparator),
              count == 12, !allSameDigits(value, count: count) else { return false }
        var x = value
        let check = x % 10
        x /= 10
        var sum: UInt64 = 0
        for n in 1...11 {
            let p = x % 10
            x /= 10
            let q: UInt64 = n <= 6 ? UInt64(n + 1) : UInt64(n - 5)
            sum += p * q
        }
        let r = sum % 11
        let expected: UInt64 = r <= 1 ? 0 : 11 - r
        return check == expected
    }

    /// Japanese Corporate Number (法人番号): 13 digits, the first is the check digit.
    public static func corporateNumber(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let (value, count) = collectDigits(v, maxCount: 13, isSep: isNumberSeparator),
              count == 13, !allSameDigits(value, count: count) else { return false }
        var x = value
        var sum: UInt64 = 0
        for n in 1...12 {
            let p = x % 10
            x /= 10
            sum += n & 1 == 1 ? p : 2 * p
        }
        // x is now the leading (check) digit.
        return x == 9 - sum % 9
    }

    // MARK: - IBAN

    /// Registered IBAN length for a country code (two upper-case ASCII letters), or 0 if unknown.
    static func ibanLength(_ c1: UInt8, _ c2: UInt8) -> Int {
        switch (UInt16(c1) << 8) | UInt16(c2) {
        case 0x4144: return 24 // AD
        case 0x4145: return 23 // AE
        case 0x414C: return 28 // AL
        case 0x4154: return 20 // AT
        case 0x415A: return 28 // AZ
        case 0x4241: return 20 // BA
        case 0x4245: return 16 // BE
        case 0x4247: return 22 // BG
        case 0x4248: return 22 // BH
        case 0x4249: return 27 // BI
        case 0x4252: return 29 // BR
        case 0x4259: return 28 // BY
        case 0x4348: return 21 // CH
        case 0x4352: return 22 // CR
        case 0x4359: return 28 // CY
        case 0x435A: return 24 // CZ
        case 0x4445: return 22 // DE
        case 0x444A: return 27 // DJ
        case 0x444B: return 18 // DK
        case 0x444F: return 28 // DO
        case 0x4545: return 20 // EE
        case 0x4547: return 29 // EG
        case 0x4553: return 24 // ES
        case 0x4649: return 18 // FI
        case 0x464B: return 18 // FK
        case 0x464F: return 18 // FO
        case 0x4652: return 27 // FR
        case 0x4742: return 22 // GB
        case 0x4745: return 22 // GE
        case 0x4749: return 23 // GI
        case 0x474C: return 18 // GL
        case 0x4752: return 27 // GR
        case 0x4754: return 28 // GT
        case 0x4852: return 21 // HR
        case 0x4855: return 28 // HU
        case 0x4945: return 22 // IE
        case 0x494C: return 23 // IL
        case 0x4951: return 23 // IQ
        case 0x4953: return 26 // IS
        case 0x4954: return 27 // IT
        case 0x4A4F: return 30 // JO
        case 0x4B57: return 30 // KW
        case 0x4B5A: return 20 // KZ
        case 0x4C42: return 28 // LB
        case 0x4C43: return 32 // LC
        case 0x4C49: return 21 // LI
        case 0x4C54: return 20 // LT
        case 0x4C55: return 20 // LU
        case 0x4C56: return 21 // LV
        case 0x4C59: return 25 // LY
        case 0x4D43: return 27 // MC
        case 0x4D44: return 24 // MD
        case 0x4D45: return 22 // ME
        case 0x4D4B: return 19 // MK
        case 0x4D4E: return 20 // MN
        case 0x4D52: return 27 // MR
        case 0x4D54: return 31 // MT
        case 0x4D55: return 30 // MU
        case 0x4E49: return 28 // NI
        case 0x4E4C: return 18 // NL
        case 0x4E4F: return 15 // NO
        case 0x4F4D: return 23 // OM
        case 0x504B: return 24 // PK
        case 0x504C: return 28 // PL
        case 0x5053: return 29 // PS
        case 0x5054: return 25 // PT
        case 0x5141: return 29 // QA
        case 0x524F: return 24 // RO
        case 0x5253: return 22 // RS
        case 0x5255: return 33 // RU
        case 0x5341: return 24 // SA
        case 0x5343: return 31 // SC
        case 0x5344: return 18 // SD
        case 0x5345: return 24 // SE
        case 0x5349: return 19 // SI
        case 0x534B: return 24 // SK
        case 0x534D: return 27 // SM
        case 0x534F: return 23 // SO
        case 0x5354: return 25 // ST
        case 0x5356: return 28 // SV
        case 0x544C: return 23 // TL
        case 0x544E: return 24 // TN
        case 0x5452: return 26 // TR
        case 0x5541: return 29 // UA
        case 0x5641: return 22 // VA
        case 0x5647: return 24 // VG
        case 0x584B: return 20 // XK
        case 0x5945: return 30 // YE
        default: return 0
        }
    }

    /// IBAN: spaces ignored; 2 letters + 2 digits + alphanumerics; length must match the
    /// country's registered length (15–34); mod 97 == 1. Letters are case-insensitive.
    public static func iban(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        // Pass 1: shape, country code and length.
        var n = 0
        var c1: UInt8 = 0, c2: UInt8 = 0
        var ck = 0
        for b in v {
            if b == 0x20 { continue }
            switch n {
            case 0, 1:
                guard isAlpha(b) else { return false }
                if n == 0 { c1 = b & 0xDF } else { c2 = b & 0xDF }
            case 2, 3:
                guard isDigit(b) else { return false }
                ck = ck * 10 + Int(b &- 0x30)
            default:
                guard isDigit(b) || isAlpha(b) else { return false }
            }
            n += 1
            if n > 34 { return false }
        }
        guard n >= 15, ibanLength(c1, c2) == n, (2...98).contains(ck) else { return false }
        // Pass 2: mod 97 over BBAN followed by the first four characters.
        @inline(__always) func feed(_ r: inout UInt32, _ b: UInt8) {
            if isDigit(b) {
                r = (r * 10 + UInt32(b &- 0x30)) % 97
            } else {
                r = (r * 100 + UInt32((b & 0xDF) &- 0x41 + 10)) % 97
            }
        }
        var r: UInt32 = 0
        var k = 0
        for b in v where b != 0x20 {
            if k >= 4 { feed(&r, b) }
            k += 1
        }
        k = 0
        for b in v where b != 0x20 {
            if k >= 4 { break }
            feed(&r, b)
            k += 1
        }
        return r == 1
    }

    // MARK: - IP addresses

    /// Parses a dotted quad occupying exactly `b[start..<end]`.
    static func parseIPv4(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        for part in 0..<4 {
            if part > 0 {
                guard i < end, b[i] == 0x2E else { return false }
                i += 1
            }
            let s = i
            var value = 0
            while i < end, i - s < 3, isDigit(b[i]) {
                value = value * 10 + Int(b[i] &- 0x30)
                i += 1
            }
            let len = i - s
            guard len > 0, value <= 255 else { return false }
            if len > 1 && b[s] == 0x30 { return false }
        }
        return i == end
    }

    /// Dotted quad, each part 0–255, no leading zeros ("0" itself is fine).
    public static func ipv4(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        parseIPv4(v, 0, v.count)
    }

    /// RFC 4291 text forms: 8 groups of 1–4 hex digits, at most one `::`, optional embedded IPv4
    /// tail, optional zone (`%eth0`).
    public static func ipv6(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var n = v.count
        // Zone id.
        var z = 0
        while z < n, v[z] != 0x25 { z += 1 }
        if z < n {
            let zs = z + 1
            guard zs < n else { return false }
            for j in zs..<n {
                let b = v[j]
                guard isDigit(b) || isAlpha(b) || b == 0x2E || b == 0x5F || b == 0x2D || b == 0x7E
                else { return false }
            }
            n = z
        }
        guard n >= 2 else { return false }
        var i = 0
        var groups = 0
        var compressed = false
        if v[0] == 0x3A {
            guard v[1] == 0x3A else { return false }
            compressed = true
            i = 2
            if i == n { return true } // "::"
        }
        while true {
            // One group (or the IPv4 tail) starts at i.
            let s = i
            while i < n, i - s < 5, isHex(v[i]) { i += 1 }
            if i < n, v[i] == 0x2E {
                // Embedded IPv4 must be the last thing.
                guard parseIPv4(v, s, n) else { return false }
                groups += 2
                break
            }
            let len = i - s
            guard len >= 1, len <= 4 else { return false }
            groups += 1
            if groups > 8 { return false }
            if i == n { break }
            guard v[i] == 0x3A else { return false }
            i += 1
            guard i < n else { return false } // trailing single ':'
            if v[i] == 0x3A {
                if compressed { return false }
                compressed = true
                i += 1
                if i == n { break }
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    // MARK: - Dates

    /// A real calendar date: `date` is `parseDate(v) != nil`.
    public static func date(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        parseDate(v) != nil
    }

    @inline(__always) static func isLeap(_ y: Int) -> Bool {
        y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
    }

    @inline(__always) static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    @inline(__always) static func validYMD(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
    }

    /// Western (Gregorian) date with a year in 1800...2100.
    static func western(_ y: Int, _ m: Int, _ d: Int) -> (year: Int, month: Int, day: Int)? {
        guard y >= 1800, y <= 2100, validYMD(y, m, d) else { return nil }
        return (y, m, d)
    }

    /// Japanese eras: index 0 明治, 1 大正, 2 昭和, 3 平成, 4 令和.
    /// First and last valid day as yyyymmdd.
    static func eraRange(_ era: Int) -> (startYear: Int, first: Int, last: Int) {
        switch era {
        case 0: return (1868, 1868_01_25, 1912_07_29)
        case 1: return (1912, 1912_07_30, 1926_12_24)
        case 2: return (1926, 1926_12_25, 1989_01_07)
        case 3: return (1989, 1989_01_08, 2019_04_30)
        default: return (2019, 2019_05_01, 2100_12_31)
        }
    }

    static func eraDate(_ era: Int, _ eraYear: Int, _ m: Int, _ d: Int) -> (year: Int, month: Int, day: Int)? {
        guard eraYear >= 1 else { return nil }
        let r = eraRange(era)
        let y = r.startYear + eraYear - 1
        guard validYMD(y, m, d) else { return nil }
        let key = y * 10000 + m * 100 + d
        guard key >= r.first, key <= r.last else { return nil }
        return (y, m, d)
    }

    /// Parses a date in one of the supported forms and returns it as a Gregorian date.
    ///
    /// Forms: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`; Japanese eras
    /// (`明治|大正|昭和|平成|令和` + year or `元` + `年M月D日`); abbreviated eras
    /// (`M|T|S|H|R` + `YY.M.D`, `YY/M/D`, `YY-M-D`, or `YY年M月D日`); `M/D/YYYY` or `D/M/YYYY`
    /// (also with '-'; the month-first reading wins when both are valid); `D.M.YYYY`;
    /// English month names/abbreviations (`March 4, 1980`, `4 March 1980`, `Mar 4 1980`,
    /// `4-Mar-1980`, `Mar. 4, 1980`, ordinals `4th`). Spaces are allowed around parts.
    /// Western years must be in 1800...2100; era dates must fall inside the era.
    public static func parseDate(_ v: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        var c = DateCursor(b: v, i: 0, end: v.count)
        c.trimTrailingSpaces()
        c.skipSpaces()
        guard !c.atEnd else { return nil }
        let first = c.peek
        if isDigit(first) { return parseNumericFirst(&c) }
        if first >= 0xE4 && first <= 0xE6 { return parseKanjiEra(&c) }
        if isAlpha(first) {
            if let era = letterEra(first), c.i + 1 < c.end, isDigit(v[c.i + 1]) {
                c.i += 1
                return parseLetterEra(&c, era)
            }
            return parseMonthNameFirst(&c)
        }
        return nil
    }

    @inline(__always) static func letterEra(_ b: UInt8) -> Int? {
        switch b {
        case 0x4D: return 0 // M
        case 0x54: return 1 // T
        case 0x53: return 2 // S
        case 0x48: return 3 // H
        case 0x52: return 4 // R
        default: return nil
        }
    }

    /// `M月D日` (after the year's 年 has been consumed), then end of input.
    static func parseKanjiMonthDay(_ c: inout DateCursor) -> (m: Int, d: Int)? {
        c.skipSpaces()
        guard let m = c.number(maxDigits: 2) else { return nil }
        c.skipSpaces()
        guard c.eatTsuki() else { return nil }
        c.skipSpaces()
        guard let d = c.number(maxDigits: 2) else { return nil }
        c.skipSpaces()
        guard c.eatNichi() else { return nil }
        c.skipSpaces()
        guard c.atEnd else { return nil }
        return (m.value, d.value)
    }

    /// `sep M sep D` with the same separator twice (spaces allowed around), then end of input.
    static func parseSepMonthDay(_ c: inout DateCursor) -> (m: Int, d: Int)? {
        let s = c.peek
        guard s == 0x2D || s == 0x2F || s == 0x2E else { return nil }
        c.i += 1
        c.skipSpaces()
        guard let m = c.number(maxDigits: 2) else { return nil }
        c.skipSpaces()
        guard c.eat(s) else { return nil }
        c.skipSpaces()
        guard let d = c.number(maxDigits: 2) else { return nil }
        c.skipSpaces()
        guard c.atEnd else { return nil }
        return (m.value, d.value)
    }

    /// A 4-digit year followed by (optional spaces and) end of input.
    static func parseTrailingYear(_ c: inout DateCursor) -> Int? {
        c.skipSpaces()
        guard let y = c.number(maxDigits: 4), y.digits == 4 else { return nil }
        c.skipSpaces()
        guard c.atEnd else { return nil }
        return y.value
    }

    static func parseNumericFirst(_ c: inout DateCursor) -> (year: Int, month: Int, day: Int)? {
        guard let n1 = c.number(maxDigits: 4) else { return nil }
        if n1.digits == 4 {
            c.skipSpaces()
            if c.eatNen() {
                // 1985年（昭和60年）4月12日: the era year in brackets must name the same year.
                c.skipSpaces()
                var eraCheck: (era: Int, year: Int)? = nil
                if c.eat(0x28) {
                    c.skipSpaces()
                    guard let era = c.eatEraName() else { return nil }
                    c.skipSpaces()
                    let ey: Int
                    if c.eatGan() { ey = 1 } else if let y = c.number(maxDigits: 2) { ey = y.value } else { return nil }
                    c.skipSpaces()
                    guard c.eatNen() else { return nil }
                    c.skipSpaces()
                    guard c.eat(0x29) else { return nil }
                    eraCheck = (era, ey)
                }
                guard let md = parseKanjiMonthDay(&c), let date = western(n1.value, md.m, md.d) else { return nil }
                if let e = eraCheck {
                    guard let viaEra = eraDate(e.era, e.year, md.m, md.d), viaEra.year == date.year else { return nil }
                }
                return date
            }
            guard let md = parseSepMonthDay(&c) else { return nil }
            return western(n1.value, md.m, md.d)
        }
        guard n1.digits <= 2 else { return nil }
        let ordinal = c.eatOrdinal()
        c.skipSpaces()
        let s = c.peek
        if s == 0x2D || s == 0x2F || s == 0x2E {
            c.i += 1
            c.skipSpaces()
            if isDigit(c.peek) {
                guard !ordinal, let n2 = c.number(maxDigits: 2) else { return nil }
                c.skipSpaces()
                guard c.eat(s), let y = parseTrailingYear(&c) else { return nil }
                if s == 0x2E { return western(y, n2.value, n1.value) } // D.M.YYYY
                if let r = western(y, n1.value, n2.value) { return r } // M/D/YYYY
                return western(y, n2.value, n1.value)                  // D/M/YYYY
            }
            guard let m = c.monthName() else { return nil }
            _ = c.eat(0x2E)
            c.skipSpaces()
            guard c.eat(s), let y = parseTrailingYear(&c) else { return nil }
            return western(y, m, n1.value)
        }
        guard isAlpha(s), let m = c.monthName() else { return nil }
        _ = c.eat(0x2E)
        c.skipSpaces()
        _ = c.eat(0x2C)
        guard let y = parseTrailingYear(&c) else { return nil }
        return western(y, m, n1.value)
    }

    static func parseMonthNameFirst(_ c: inout DateCursor) -> (year: Int, month: Int, day: Int)? {
        guard let m = c.monthName() else { return nil }
        _ = c.eat(0x2E)
        c.skipSpaces()
        guard let d = c.number(maxDigits: 2) else { return nil }
        _ = c.eatOrdinal()
        c.skipSpaces()
        _ = c.eat(0x2C)
        guard let y = parseTrailingYear(&c) else { return nil }
        return western(y, m, d.value)
    }

    static func parseKanjiEra(_ c: inout DateCursor) -> (year: Int, month: Int, day: Int)? {
        guard let era = c.eatEraName() else { return nil }
        c.skipSpaces()
        let eraYear: Int
        if c.eatGan() {
            eraYear = 1
        } else if let y = c.number(maxDigits: 2) {
            eraYear = y.value
        } else {
            return nil
        }
        c.skipSpaces()
        guard c.eatNen(), let md = parseKanjiMonthDay(&c) else { return nil }
        return eraDate(era, eraYear, md.m, md.d)
    }

    /// After the era letter: `YY.M.D` / `YY/M/D` / `YY-M-D` or `YY年M月D日`.
    static func parseLetterEra(_ c: inout DateCursor, _ era: Int) -> (year: Int, month: Int, day: Int)? {
        guard let ey = c.number(maxDigits: 2) else { return nil }
        c.skipSpaces()
        let md: (m: Int, d: Int)?
        if c.eatNen() { md = parseKanjiMonthDay(&c) } else { md = parseSepMonthDay(&c) }
        guard let md else { return nil }
        return eraDate(era, ey.value, md.m, md.d)
    }

    // MARK: - US SSN

    /// `AAA-GG-SSSS`, `AAA GG SSSS` or 9 digits; area not 000/666/900–999, group not 00,
    /// serial not 0000; well-known fakes rejected.
    public static func usSSN(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var value = 0
        switch v.count {
        case 9:
            for b in v {
                guard isDigit(b) else { return false }
                value = value * 10 + Int(b &- 0x30)
            }
        case 11:
            let s = v[3]
            guard s == 0x2D || s == 0x20, v[6] == s else { return false }
            for (k, b) in v.enumerated() where k != 3 && k != 6 {
                guard isDigit(b) else { return false }
                value = value * 10 + Int(b &- 0x30)
            }
        default:
            return false
        }
        let area = value / 1_000_000
        let group = (value / 10_000) % 100
        let serial = value % 10_000
        guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return false }
        switch value {
        case 078_05_1120, 123_45_6789, 219_09_9999: return false
        default: return true
        }
    }

    // MARK: - Phone numbers

    /// Japanese phone number: separators ('-', ' ', '(', ')') dropped; a leading `+81` replaces
    /// the trunk 0. 11 digits for 070/080/090/050/020/0800, otherwise 10 digits `0[1-9]…`.
    public static func jpPhone(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        @inline(__always) func isSep(_ b: UInt8) -> Bool {
            b == 0x2D || b == 0x20 || b == 0x28 || b == 0x29
        }
        let n = v.count
        var i = 0
        while i < n, isSep(v[i]) { i += 1 }
        var international = false
        if i < n, v[i] == 0x2B {
            guard i + 2 < n, v[i + 1] == 0x38, v[i + 2] == 0x31 else { return false }
            international = true
            i += 3
        }
        var value: UInt64 = 0
        var count = 0
        var firstDigit: UInt8 = 0xFF
        while i < n {
            let b = v[i]
            i += 1
            let d = b &- 0x30
            if d < 10 {
                if count == 0 { firstDigit = d }
                count += 1
                if count > 11 { return false }
                value = value * 10 + UInt64(d)
            } else if !isSep(b) {
                return false
            }
        }
        if international {
            guard count > 0 else { return false }
            if firstDigit != 0 { // "+81 3-…" → "03-…"; "+81 (0)3-…" keeps its 0.
                count += 1
                firstDigit = 0
                if count > 11 { return false }
            }
        }
        guard firstDigit == 0, count == 10 || count == 11,
              !allSameDigits(value, count: count) else { return false }
        let p3 = prefix(value, count: count, 3)
        let p4 = prefix(value, count: count, 4)
        let elevenDigitPrefix = p3 == 70 || p3 == 80 || p3 == 90 || p3 == 50 || p3 == 20 || p4 == 800
        if count == 11 { return elevenDigitPrefix }
        let second = prefix(value, count: count, 2) // 0X → X
        return second >= 1 && !elevenDigitPrefix
    }

    /// `+` then 8–15 digits (spaces, '-', '.', '(', ')' ignored); country code not starting with 0.
    public static func e164(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard v.count > 1, v[0] == 0x2B else { return false }
        let rest = UnsafeBufferPointer(rebasing: v[1...])
        guard let (value, count) = collectDigits(rest, maxCount: 15, isSep: isPhoneSeparator),
              count >= 8 else { return false }
        return prefix(value, count: count, 1) != 0
    }

    // MARK: - Postal codes

    /// Japanese postal code: `NNN-NNNN` or `NNNNNNN`, not `000-0000`.
    public static func jpPostalCode(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = v.count
        guard n == 7 || (n == 8 && v[3] == 0x2D) else { return false }
        var nonZero = false
        for (k, b) in v.enumerated() where !(n == 8 && k == 3) {
            guard isDigit(b) else { return false }
            if b != 0x30 { nonZero = true }
        }
        return nonZero
    }
}

// MARK: - Date cursor

extension Validators {
    /// A tiny allocation-free cursor over the bytes of a date candidate.
    struct DateCursor {
        let b: UnsafeBufferPointer<UInt8>
        var i: Int
        var end: Int

        @inline(__always) var atEnd: Bool { i >= end }
        @inline(__always) var peek: UInt8 { i < end ? b[i] : 0 }

        /// Length of the space at `j` (ASCII space/tab or U+3000), 0 if none.
        @inline(__always) func spaceLength(at j: Int) -> Int {
            guard j < end else { return 0 }
            let c = b[j]
            if c == 0x20 || c == 0x09 { return 1 }
            if c == 0xE3, j + 2 < end, b[j + 1] == 0x80, b[j + 2] == 0x80 { return 3 }
            return 0
        }

        mutating func skipSpaces() {
            while true {
                let k = spaceLength(at: i)
                if k == 0 { return }
                i += k
            }
        }

        mutating func trimTrailingSpaces() {
            while end > i {
                let c = b[end - 1]
                if c == 0x20 || c == 0x09 {
                    end -= 1
                } else if c == 0x80, end >= 3, b[end - 2] == 0x80, b[end - 3] == 0xE3 {
                    end -= 3
                } else {
                    return
                }
            }
        }

        @inline(__always) mutating func eat(_ c: UInt8) -> Bool {
            if i < end && b[i] == c { i += 1; return true }
            return false
        }

        @inline(__always) mutating func eat3(_ x: UInt8, _ y: UInt8, _ z: UInt8) -> Bool {
            if i + 2 < end && b[i] == x && b[i + 1] == y && b[i + 2] == z { i += 3; return true }
            return false
        }

        mutating func eatNen() -> Bool { eat3(0xE5, 0xB9, 0xB4) }   // 年
        mutating func eatTsuki() -> Bool { eat3(0xE6, 0x9C, 0x88) } // 月
        mutating func eatNichi() -> Bool { eat3(0xE6, 0x97, 0xA5) } // 日
        mutating func eatGan() -> Bool { eat3(0xE5, 0x85, 0x83) }   // 元

        /// 明治 0, 大正 1, 昭和 2, 平成 3, 令和 4.
        mutating func eatEraName() -> Int? {
            let save = i
            if eat3(0xE6, 0x98, 0x8E) { if eat3(0xE6, 0xB2, 0xBB) { return 0 } }     // 明治
            i = save
            if eat3(0xE5, 0xA4, 0xA7) { if eat3(0xE6, 0xAD, 0xA3) { return 1 } }     // 大正
            i = save
            if eat3(0xE6, 0x98, 0xAD) { if eat3(0xE5, 0x92, 0x8C) { return 2 } }     // 昭和
            i = save
            if eat3(0xE5, 0xB9, 0xB3) { if eat3(0xE6, 0x88, 0x90) { return 3 } }     // 平成
            i = save
            if eat3(0xE4, 0xBB, 0xA4) { if eat3(0xE5, 0x92, 0x8C) { return 4 } }     // 令和
            i = save
            return nil
        }

        /// A run of decimal digits; nil if there are none or more than `maxDigits`.
        mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
            let s = i
            var value = 0
            while i < end, Validators.isDigit(b[i]) {
                if i - s == maxDigits { i = s; return nil }
                value = value * 10 + Int(b[i] &- 0x30)
                i += 1
            }
            if i == s { return nil }
            return (value, i - s)
        }

        /// English ordinal suffix (st/nd/rd/th, any case) not followed by a letter.
        mutating func eatOrdinal() -> Bool {
            guard i + 1 < end else { return false }
            let x = Validators.lower(b[i]), y = Validators.lower(b[i + 1])
            let ok = (x == 0x73 && y == 0x74) || (x == 0x6E && y == 0x64)
                || (x == 0x72 && y == 0x64) || (x == 0x74 && y == 0x68)
            guard ok else { return false }
            if i + 2 < end, Validators.isAlpha(b[i + 2]) { return false }
            i += 2
            return true
        }

        /// An English month name or abbreviation (case-insensitive): full name, 3-letter
        /// abbreviation, or "Sept". Returns 1...12.
        mutating func monthName() -> Int? {
            let s = i
            var e = i
            while e < end, Validators.isAlpha(b[e]) { e += 1 }
            let len = e - s
            guard len >= 3, len <= 9 else { return nil }
            let key = UInt32(Validators.lower(b[s])) << 16 | UInt32(Validators.lower(b[s + 1])) << 8
                | UInt32(Validators.lower(b[s + 2]))
            let month: Int
            let full: StaticString
            switch key {
            case 0x6A616E: month = 1; full = "january"
            case 0x666562: month = 2; full = "february"
            case 0x6D6172: month = 3; full = "march"
            case 0x617072: month = 4; full = "april"
            case 0x6D6179: month = 5; full = "may"
            case 0x6A756E: month = 6; full = "june"
            case 0x6A756C: month = 7; full = "july"
            case 0x617567: month = 8; full = "august"
            case 0x736570: month = 9; full = "september"
            case 0x6F6374: month = 10; full = "october"
            case 0x6E6F76: month = 11; full = "november"
            case 0x646563: month = 12; full = "december"
            default: return nil
            }
            var ok = len == 3
            if !ok, month == 9, len == 4, Validators.lower(b[s + 3]) == 0x74 { ok = true } // "sept"
            if !ok, len == full.utf8CodeUnitCount {
                ok = true
                let p = full.utf8Start
                for k in 3..<len where Validators.lower(b[s + k]) != p[k] {
                    ok = false
                    break
                }
            }
            guard ok else { return nil }
            i = e
            return month
        }
    }
}
