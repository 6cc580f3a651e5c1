import Crypto
import Foundation
import SumiCore
import SumiText

/// Name lists for realistic replacements, read from a rules folder's dictionaries.
public struct SurrogateNames: Sendable {
    /// Kanji names with their readings, so a fake name and its fake reading agree.
    var jaSurnames: [(name: String, reading: String)] = []
    var jaGiven: [(name: String, reading: String)] = []
    var jaSurnameReadings: [String] = []
    var jaGivenReadings: [String] = []
    var enFirst: [String] = []
    var enLast: [String] = []

    /// Reads `dictionaries/ja/…` and `dictionaries/en/…` under `rules`. Japanese lists keep
    /// names of two characters or more (one-kanji names read as words); English lists keep the
    /// most common entries (the census files are sorted by frequency).
    public init(rules: URL) {
        func read(_ rel: String, limit: Int = .max, minLength: Int = 1) -> [String] {
            let url = rules.appendingPathComponent("dictionaries").appendingPathComponent(rel)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
            var out: [String] = []
            for line in text.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") || t.count < minLength { continue }
                out.append(t)
                if out.count >= limit { break }
            }
            return out
        }
        func pairs(_ rel: String) -> [(name: String, reading: String)] {
            read(rel).compactMap { line in
                let f = line.split(separator: "\t")
                guard f.count == 2, f[0].unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) else { return nil }
                return (String(f[0]), String(f[1]))
            }
        }
        jaSurnames = pairs("ja/surname_pairs.txt")
        jaGiven = pairs("ja/given_name_pairs.txt")
        jaSurnameReadings = read("ja/surname_readings.txt", minLength: 2)
        jaGivenReadings = read("ja/given_name_readings.txt", minLength: 2)
        enFirst = read("en/first_names.txt", limit: 600).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        enLast = read("en/last_names.txt", limit: 1500).map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }
}

/// Deterministic realistic replacements: the same value under the same key always gets the same
/// surrogate, so de-identified text still reads naturally and stays consistent across files.
enum Surrogate {
    /// A stream of pseudo-random numbers from HMAC(key, label, value, counter).
    struct Stream {
        let key: SymmetricKey
        let seed: String
        var counter = 0
        mutating func next(_ bound: Int) -> Int {
            guard bound > 1 else { return 0 }
            counter += 1
            let mac = HMAC<SHA256>.authenticationCode(for: Array((seed + "\u{0}\(counter)").utf8), using: key)
            let v = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return Int(v % UInt64(bound))
        }
    }

    static func make(_ value: String, label: String, names: SurrogateNames?, context: OperatorContext) throws -> String {
        guard let key = context.key else { throw OperatorError.keyRequired }
        var r = Stream(key: key, seed: "surrogate\u{0}" + label + "\u{0}" + OperatorContext.canonical(value))
        switch label {
        case "PERSON":
            if let linked = context.linkedReading {
                return reading(linked, like: value)
            }
            return try person(value, names, &r, context)
        case "EMAIL_ADDRESS":
            let hex = (0..<6).map { _ in String(r.next(16), radix: 16) }.joined()
            return "user\(hex)@example.com"
        case "ADDRESS": return address(value, &r, context)
        case "DATE_OF_BIRTH":
            let bytes = Array(Normalizer.normalize(value).utf8)
            guard let d = bytes.withUnsafeBufferPointer({ Validators.parseDate($0) }) else {
                throw OperatorError.notApplicable("not a date")
            }
            let month = 1 + r.next(12), day = 1 + r.next(28)
            return String(format: "%04d-%02d-%02d", d.year, month, day)
        case "JP_MY_NUMBER": return digits(value, &r, keepPrefix: 0, fix: myNumberCheck)
        case "CREDIT_CARD": return digits(value, &r, keepPrefix: 4, fix: luhnCheck)
        case "PHONE_NUMBER": return digits(value, &r, keepPrefix: value.hasPrefix("+") ? 4 : 3, fix: nil)
        default:
            if value.contains(where: \.isNumber) { return digits(value, &r, keepPrefix: 0, fix: nil) }
            throw OperatorError.notApplicable("no surrogate for \(label)")
        }
    }

    static func isCJK(_ s: String) -> Bool { s.unicodeScalars.contains { $0.value >= 0x3040 } }

    /// A fake name's reading written like the original reading: hiragana or katakana, with a space
    /// between the parts when the original had one.
    static func reading(_ parts: [String], like original: String) -> String {
        let hira = original.unicodeScalars.contains { (0x3041...0x3096).contains($0.value) }
        let sep = original.contains("　") ? "　" : (original.contains(" ") ? " " : "")
        let joined = parts.joined(separator: sep)
        guard hira else { return joined }
        return String(String.UnicodeScalarView(joined.unicodeScalars.map { (0x30A1...0x30F6).contains($0.value) ? Unicode.Scalar($0.value - 0x60)! : $0 }))
    }

    static func person(_ value: String, _ names: SurrogateNames?, _ r: inout Stream, _ context: OperatorContext) throws -> String {
        guard let n = names else { throw OperatorError.notApplicable("no name lists") }
        let spaced = value.contains(" ") || value.contains("　")
        let sep = value.contains("　") ? "　" : " "
        let scalars = value.unicodeScalars
        let kana = scalars.allSatisfy { ($0.value >= 0x30A0 && $0.value <= 0x30FF) || $0 == " " || $0 == "　" || ($0.value >= 0xFF61 && $0.value <= 0xFF9F) }
        let hira = scalars.allSatisfy { ($0.value >= 0x3040 && $0.value <= 0x309F) || $0 == " " || $0 == "　" }
        if kana || hira, !n.jaSurnameReadings.isEmpty, !n.jaGivenReadings.isEmpty {
            var s = n.jaSurnameReadings[r.next(n.jaSurnameReadings.count)]
            var g = n.jaGivenReadings[r.next(n.jaGivenReadings.count)]
            if hira {
                s = String(String.UnicodeScalarView(s.unicodeScalars.map { (0x30A1...0x30F6).contains($0.value) ? Unicode.Scalar($0.value - 0x60)! : $0 }))
                g = String(String.UnicodeScalarView(g.unicodeScalars.map { (0x30A1...0x30F6).contains($0.value) ? Unicode.Scalar($0.value - 0x60)! : $0 }))
            }
            return spaced ? s + sep + g : s
        }
        if isCJK(value), !n.jaSurnames.isEmpty, !n.jaGiven.isEmpty {
            let sur = n.jaSurnames[r.next(n.jaSurnames.count)]
            if value.count <= 2 {                                   // a surname alone
                context.rememberReading(of: value, [sur.reading])
                return sur.name
            }
            let given = n.jaGiven[r.next(n.jaGiven.count)]
            context.rememberReading(of: value, [sur.reading, given.reading])
            return sur.name + (spaced ? sep : "") + given.name
        }
        guard !n.enFirst.isEmpty, !n.enLast.isEmpty else { throw OperatorError.notApplicable("no name lists") }
        let parts = value.split(separator: " ")
        let first = n.enFirst[r.next(n.enFirst.count)], last = n.enLast[r.next(n.enLast.count)]
        if value.contains(",") { return last + ", " + first }      // "SURNAME, Given"
        return parts.count >= 2 ? first + " " + last : last
    }

    /// Japanese addresses keep prefecture and city (the same prefecture, as the issue asks) with
    /// new block numbers; other addresses keep their shape with new numbers and street name.
    static func address(_ value: String, _ r: inout Stream, _ context: OperatorContext) -> String {
        if isCJK(value), let city = try? Operator.generalizeAddress(Normalizer.normalize(value), toPrefecture: false) {
            let towns = ["本町", "中央", "栄町", "緑町", "旭町", "幸町", "東町", "西町", "南町", "北町"]
            return city + towns[r.next(towns.count)] + "\(1 + r.next(5))丁目\(1 + r.next(20))番\(1 + r.next(30))号"
        }
        let streets = ["Main", "Oak", "Pine", "Maple", "Cedar", "Elm", "Lake", "Hill", "Park", "River"]
        var out = ""
        var replacedStreet = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if !out.isEmpty { out += " " }
            if token.allSatisfy(\.isNumber), !token.isEmpty {
                out += String((0..<token.count).map { i in Character(String(i == 0 ? 1 + r.next(9) : r.next(10))) })
            } else if !replacedStreet, let f = token.first, f.isUppercase, out.contains(where: \.isNumber) {
                out += streets[r.next(streets.count)]
                replacedStreet = true
            } else {
                out += token
            }
        }
        return out
    }

    static func digits(_ value: String, _ r: inout Stream, keepPrefix: Int, fix: (([Int]) -> Int)?) -> String {
        var chars = Array(value)
        let positions = chars.indices.filter { chars[$0].isASCII ? chars[$0].isNumber : (chars[$0].unicodeScalars.first!.value >= 0xFF10 && chars[$0].unicodeScalars.first!.value <= 0xFF19) }
        var ds: [Int] = positions.map { p in
            let v = chars[p].unicodeScalars.first!.value
            return Int(v >= 0xFF10 ? v - 0xFF10 : v - 0x30)
        }
        for k in keepPrefix..<ds.count { ds[k] = r.next(10) }
        if let fix, !ds.isEmpty { ds[ds.count - 1] = fix(Array(ds.dropLast())) }
        for (k, p) in positions.enumerated() {
            let full = chars[p].unicodeScalars.first!.value >= 0xFF10
            chars[p] = Character(Unicode.Scalar(UInt32(ds[k]) + (full ? 0xFF10 : 0x30))!)
        }
        return String(chars)
    }

    /// The check digit of a 12-digit My Number from its first 11 digits.
    static func myNumberCheck(_ d: [Int]) -> Int {
        guard d.count == 11 else { return d.last ?? 0 }
        var sum = 0
        for n in 1...11 {
            let p = d[11 - n]
            let q = n <= 6 ? n + 1 : n - 5
            sum += p * q
        }
        let rem = sum % 11
        return rem <= 1 ? 0 : 11 - rem
    }

    /// The Luhn check digit for the digits before it.
    static func luhnCheck(_ d: [Int]) -> Int {
        var sum = 0
        for (i, x) in d.reversed().enumerated() {
            let y = i % 2 == 0 ? x * 2 : x
            sum += y > 9 ? y - 9 : y
        }
        return (10 - sum % 10) % 10
    }
}
