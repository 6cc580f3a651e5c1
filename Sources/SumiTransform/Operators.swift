import Crypto
import Foundation
import SumiCore
import SumiText

/// What a de-identification operator needs besides the value: the user's key, the date ages
/// are computed at, a per-document identity for date shifting, and per-label counters for
/// `{n}` templates (so the same value gets the same number within a run).
public final class OperatorContext {
    public let key: SymmetricKey?
    public let referenceDate: (year: Int, month: Int, day: Int)
    public var document: String
    /// Name lists for `surrogate` (from the rules folder).
    public var names: SurrogateNames?
    /// Readings of the fake names given to Japanese names, by original value.
    private var readings: [String: [String]] = [:]
    /// Set by the redactor while it replaces a reading that belongs to a name nearby.
    var linkedReading: [String]? = nil

    func rememberReading(of value: String, _ parts: [String]) { readings[OperatorContext.canonical(value)] = parts }
    func readingOfSurrogate(for value: String) -> [String]? { readings[OperatorContext.canonical(value)] }
    private var numbers: [String: [String: Int]] = [:]
    /// Value → token per label, for `--map` (APPI pseudonymously processed information keeps this
    /// table apart from the data).
    public private(set) var tokens: [String: [String: String]] = [:]

    func remember(label: String, value: String, token: String) {
        tokens[label, default: [:]][value] = token
    }
    private var cachedEncryptor: ValueEncryptor?

    func encryptor(_ key: SymmetricKey) throws -> ValueEncryptor {
        if let e = cachedEncryptor { return e }
        let e = try ValueEncryptor(userKey: key)
        cachedEncryptor = e
        return e
    }

    public init(key: Data?, referenceDate: (year: Int, month: Int, day: Int), document: String = "") {
        self.key = key.map { SymmetricKey(data: $0) }
        self.referenceDate = referenceDate
        self.document = document
    }

    /// 1, 2, 3... per label, stable for a value (after normalization) within this context.
    func number(label: String, value: String) -> Int {
        let k = OperatorContext.canonical(value)
        if let n = numbers[label]?[k] { return n }
        let n = (numbers[label]?.count ?? 0) + 1
        numbers[label, default: [:]][k] = n
        return n
    }

    /// The form two spellings of one value share: normalized (full-width folded), case-folded,
    /// with spaces, hyphens and line breaks removed (０９０-1234-5678 = 09012345678).
    public static func canonical(_ value: String) -> String {
        let n = Normalizer.normalize(value).lowercased()
        return String(n.unicodeScalars.filter { !" -\n\r\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    func hmac(_ message: String) throws -> [UInt8] {
        guard let key else { throw OperatorError.keyRequired }
        return Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key))
    }
}

public enum OperatorError: Error, CustomStringConvertible, Equatable {
    case keyRequired
    case notApplicable(String)
    public var description: String {
        switch self {
        case .keyRequired: return "this operator needs a key: --key-file FILE or the SUMI_KEY environment variable"
        case .notApplicable(let why): return why
        }
    }
}

/// A de-identification operator with its parameters. Each applies to one value (a finding in
/// text or a table cell) and returns its replacement.
public enum Operator: Sendable, Equatable {
    /// Remove the value.
    case redact
    /// A fixed text or a template: `{label}`, `{n}` (1, 2, ... per distinct value of the label).
    case replace(template: String)
    /// Replace characters with `character`, keeping the first `keepFirst` and last `keepLast`
    /// characters; separators (`-`, space, `@`, `.`, `/`, `(`, `)`) are kept when `keepSeparators`;
    /// with `digitsOnly`, only digits are masked.
    case mask(character: Character, keepFirst: Int, keepLast: Int, keepSeparators: Bool, digitsOnly: Bool)
    /// A keyed token: `LABEL_` + the first `length` hex digits of HMAC-SHA256(key, label, value).
    case pseudonymize(length: Int)
    /// Coarser values: dates to a month or year, birth dates to an age band, postal codes to
    /// their first three digits, addresses to city or prefecture.
    case generalize(level: GeneralizeLevel)
    /// A realistic fake of the same kind, chosen deterministically from the key: a Japanese name
    /// for a Japanese name (a reading for a reading), an address in the same prefecture and city,
    /// a phone number of the same shape, a My Number or card number with a valid check digit.
    case surrogate
    /// Format-preserving encryption (FF3-1): same length, separators and widths; reversible with
    /// `sumi reidentify` and the key.
    case encrypt
    /// Dates moved by an offset of up to `maxDays` days either way, derived from the key and the
    /// document: the same in a whole document, so intervals between its dates are kept.
    case dateShift(maxDays: Int)

    public enum GeneralizeLevel: String, Sendable {
        case month, year, ageBand = "age_band", postalArea = "postal_area", city, prefecture
    }

    public func apply(_ value: String, label: String, context: OperatorContext) throws -> String {
        switch self {
        case .redact:
            return ""
        case .replace(let template):
            var out = template.replacingOccurrences(of: "{label}", with: label)
            if out.contains("{n}") { out = out.replacingOccurrences(of: "{n}", with: String(context.number(label: label, value: value))) }
            return out
        case .mask(let ch, let first, let last, let keepSeparators, let digitsOnly):
            return Operator.mask(value, ch, first, last, keepSeparators, digitsOnly)
        case .pseudonymize(let length):
            let mac = try context.hmac(label + "\u{0}" + OperatorContext.canonical(value))
            let hex = mac.map { String(format: "%02x", $0) }.joined()
            let token = label + "_" + String(hex.prefix(max(4, min(64, length))))
            context.remember(label: label, value: value, token: token)
            return token
        case .generalize(let level):
            return try Operator.generalize(value, level, context)
        case .surrogate:
            let fake = try Surrogate.make(value, label: label, names: context.names, context: context)
            context.remember(label: label, value: value, token: fake)
            return fake
        case .encrypt:
            guard let key = context.key else { throw OperatorError.keyRequired }
            let token = try context.encryptor(key).encrypt(value, label: label)
            context.remember(label: label, value: value, token: token)
            return token
        case .dateShift(let maxDays):
            let bytes = Array(Normalizer.normalize(value).utf8)
            guard let d = bytes.withUnsafeBufferPointer({ Validators.parseDate($0) }) else {
                throw OperatorError.notApplicable("not a date: cannot shift")
            }
            let mac = try context.hmac("date_shift\u{0}" + context.document)
            let raw = mac.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            let span = max(1, maxDays)
            var offset = raw % (2 * span + 1) - span
            if offset == 0 { offset = span }            // never leave the date as it was
            let day = Operator.dayNumber(d.year, d.month, d.day) + offset
            let (y, m, dd) = Operator.civil(day)
            return String(format: "%04d-%02d-%02d", y, m, dd)
        }
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static let separators: Set<Character> = ["-", " ", "@", ".", "/", "(", ")", "－", "（", "）", "　", "\n", "\r"]

    static func mask(_ value: String, _ ch: Character, _ first: Int, _ last: Int, _ keepSeparators: Bool, _ digitsOnly: Bool) -> String {
        let chars = Array(value)
        // Positions that count (separators do not, when kept).
        let counted = chars.indices.filter { !(keepSeparators && separators.contains(chars[$0])) }
        let keep = Set(counted.prefix(first) + counted.suffix(last))
        var out = ""
        for (i, c) in chars.enumerated() {
            if keep.contains(i) || (keepSeparators && separators.contains(c)) {
                out.append(c)
            } else if digitsOnly && !c.isNumber {
                out.append(c)
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func generalize(_ value: String, _ level: GeneralizeLevel, _ context: OperatorContext) throws -> String {
        let bytes = Array(Normalizer.normalize(value).utf8)
        switch level {
        case .month, .year, .ageBand:
            // An age (45, 45歳, 45 years) goes straight to its band.
            if level == .ageBand, let age = Int(String(decoding: bytes, as: UTF8.self)
                .replacingOccurrences(of: "歳", with: "").replacingOccurrences(of: "years", with: "")
                .replacingOccurrences(of: "才", with: "").trimmingCharacters(in: .whitespaces)), (0...130).contains(age) {
                return "\(age / 10 * 10)-\(age / 10 * 10 + 9)"
            }
            guard let d = bytes.withUnsafeBufferPointer({ Validators.parseDate($0) }) else {
                throw OperatorError.notApplicable("not a date: cannot generalize")
            }
            switch level {
            case .month: return String(format: "%04d-%02d", d.year, d.month)
            case .year: return String(d.year)
            default:
                let r = context.referenceDate
                var age = r.year - d.year
                if (r.month, r.day) < (d.month, d.day) { age -= 1 }
                guard age >= 0 else { throw OperatorError.notApplicable("birth date after the reference date") }
                let low = age / 10 * 10
                return "\(low)-\(low + 9)"
            }
        case .postalArea:
            let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }
            guard digits.count == 7 else { throw OperatorError.notApplicable("not a 7-digit postal code") }
            return String(decoding: digits.prefix(3), as: UTF8.self) + "-****"
        case .city, .prefecture:
            let text = String(decoding: bytes, as: UTF8.self)
            return try Operator.generalizeAddress(text, toPrefecture: level == .prefecture)
        }
    }

    static let prefectureSuffixes: [Character] = ["都", "道", "府", "県"]

    /// 東京都千代田区丸の内1-2-3 → 東京都千代田区 (city) or 東京都 (prefecture); an address that
    /// starts at the city keeps the city alone.
    static func generalizeAddress(_ text: String, toPrefecture: Bool) throws -> String {
        let chars = Array(text)
        var prefEnd = 0
        if chars.count >= 3 {
            for i in 1..<min(5, chars.count) where prefectureSuffixes.contains(chars[i]) {
                let candidate = String(chars[0...i])
                if candidate == "北海道" || candidate == "東京都" || candidate == "京都府" || candidate == "大阪府" || chars[i] == "県" {
                    prefEnd = i + 1
                    break
                }
            }
        }
        if toPrefecture {
            guard prefEnd > 0 else { throw OperatorError.notApplicable("no prefecture in the address") }
            return String(chars[0..<prefEnd])
        }
        // City: up to the first 市/区/町/村 (a designated city's ward after 市 is kept: 横浜市中区).
        var i = prefEnd
        var end = -1
        while i < chars.count && i < prefEnd + 12 {
            let c = chars[i]
            if c == "市" {
                end = i + 1
                var j = i + 1
                while j < chars.count && j < i + 5 && chars[j] != "区" && !chars[j].isNumber { j += 1 }
                if j < chars.count && chars[j] == "区" { end = j + 1 }
                break
            }
            if c == "区" || c == "町" || c == "村" { end = i + 1; break }
            if c == "郡" { i += 1; continue }
            i += 1
        }
        guard end > 0 else { throw OperatorError.notApplicable("no city in the address") }
        return String(chars[0..<end])
    }
}
