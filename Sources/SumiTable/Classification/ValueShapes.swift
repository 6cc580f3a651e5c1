import Foundation
import SumiCore
import SumiText

/// What the layout of one cell value suggests, for labels the scanner has no rule for (AGE, SEX,
/// REGION ...) and for layouts the scanner only reports with context (dates, US phone numbers,
/// ZIP codes). Computed once per distinct value.
struct ValueShape: Sendable {
    var labels: Set<String> = []
    /// Year of a value that parses as a calendar date (for telling birth dates from other dates).
    var year: Int?
    /// A bare integer 0...120 (an age only if the column's header or distribution says so).
    var isBareSmallInteger = false
    /// An answer that appears in sex columns without deciding one (その他, unknown ...).
    var isSexOther = false
    /// A code such as `C-10234`, `K123456`, `E4000`: letters then digits.
    var isLetterCode = false
}

struct ValueShapeChecker: Sendable {
    let vocabulary: [String: Set<String>]

    /// Value-only labels the checker can propose, with the strength of that kind of evidence.
    static let shapeLabels: Set<String> = [
        "DATE", "AGE", "SEX", "REGION", "NATIONALITY", "OCCUPATION", "EMPLOYER", "DEPARTMENT", "PHONE_NUMBER",
        "JP_POSTAL_CODE", "POSTAL_CODE", "MEDICAL", "RECORD_ID",
    ]

    private static let companyMarks = ["株式会社", "有限会社", "合同会社", "合資会社", "(株)", "(有)", "㈱", "㈲", "医療法人",
                                       "社会福祉法人", "学校法人", "財団法人", "社団法人", "大学"]
    private static let companyWords: Set<String> = ["inc", "llc", "ltd", "corp", "corporation", "co", "company", "gmbh",
                                                    "plc", "group", "holdings", "partners", "university", "ag", "sa"]
    private static let municipalityEnds: [Character] = ["市", "区", "町", "村", "郡"]
    private static let departmentEnds = ["部", "課", "室", "係", "センター", "グループ", "チーム", "本部"]
    private static let medicalEnds = ["病", "症", "炎", "がん", "癌", "腫", "障害", "骨折", "梗塞", "喘息", "疹", "ヘルニア",
                                      "不全", "潰瘍", "感染", "結核", "痛", "痛風", "疾患"]

    func shape(of raw: String) -> ValueShape {
        var shape = ValueShape()
        let value = Normalizer.normalize(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return shape }
        let bytes = Array(value.utf8)
        if bytes.count > 80 { return shape }  // long text: no single-value shape applies

        if let year = dateYear(bytes) {
            shape.labels.insert("DATE")
            shape.year = year
        }
        checkNumbers(bytes, into: &shape)
        checkAge(value, bytes, into: &shape)

        let words = HeaderNormalizer.normalize(value)
        let compact = words.compact
        for label in ["SEX", "REGION", "NATIONALITY", "OCCUPATION", "DEPARTMENT"] where vocabulary[label]?.contains(compact) == true {
            shape.labels.insert(label)
        }
        if vocabulary["SEX_OTHER"]?.contains(compact) == true { shape.isSexOther = true }

        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        let hasDigit = bytes.contains { $0 &- 0x30 < 10 }
        if !isASCII && !hasDigit {
            let n = value.count
            if (2...10).contains(n), let last = value.last, Self.municipalityEnds.contains(last) { shape.labels.insert("REGION") }
            if n <= 14, Self.departmentEnds.contains(where: { value.hasSuffix($0) }) { shape.labels.insert("DEPARTMENT") }
            if n <= 20, Self.medicalEnds.contains(where: { value.hasSuffix($0) }) { shape.labels.insert("MEDICAL") }
        }
        if Self.companyMarks.contains(where: { value.contains($0) }) ||
            (words.tokens.count >= 2 && Self.companyWords.contains(words.tokens[words.tokens.count - 1])) {
            shape.labels.insert("EMPLOYER")
        }
        return shape
    }

    /// The year of a date (time of day after a space or `T` is ignored), via the scanner's parser.
    private func dateYear(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 6, bytes.count <= 40 else { return nil }
        var end = bytes.count
        // `2025-04-02T14:05:11Z`, `2025/03/04 10:22`: cut at the separator before hh:mm.
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            var i = colon
            while i > 0 && bytes[i - 1] &- 0x30 < 10 { i -= 1 }
            if i > 0 && (bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "T")) { end = i - 1 }
        }
        return bytes[0..<end].withUnsafeBufferPointer { Validators.parseDate($0)?.year }
    }

    /// Digit layouts: codes, phone numbers, postal codes.
    private func checkNumbers(_ bytes: [UInt8], into shape: inout ValueShape) {
        var digits = 0, letters = 0, others = 0
        var lettersBeforeDigits = true
        for b in bytes {
            if b &- 0x30 < 10 { digits += 1 }
            else if (b | 0x20) &- 0x61 < 26 { letters += 1; if digits > 0 { lettersBeforeDigits = false } }
            else { others += 1 }
        }
        let layout = String(decoding: bytes.map { $0 &- 0x30 < 10 ? UInt8(ascii: "9") : $0 }, as: UTF8.self)
        if letters >= 1 && letters <= 5 && digits >= 3 && lettersBeforeDigits && others <= 1 && bytes.count <= 20 &&
            (others == 0 || bytes.contains(UInt8(ascii: "-")) || bytes.contains(UInt8(ascii: "_"))) {
            shape.isLetterCode = true
        }
        switch layout {
        case "999-9999": shape.labels.insert("JP_POSTAL_CODE")
        case "99999", "99999-9999": shape.labels.insert("POSTAL_CODE")
        case "(999) 999-9999", "999-999-9999", "999.999.9999", "+1 999-999-9999", "+1 (999) 999-9999", "+1 999 999 9999":
            shape.labels.insert("PHONE_NUMBER")
        default:
            // Japanese numbers: trunk 0, 10 or 11 digits, only digits and separators.
            if digits >= 10 && digits <= 11 && bytes.first == UInt8(ascii: "0") && letters == 0 &&
                bytes.allSatisfy({ $0 &- 0x30 < 10 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) {
                shape.labels.insert("PHONE_NUMBER")
            }
        }
    }

    /// `34`, `34歳`, `34 years`, `30代`, `70代以上`, `20-29`, `65+`.
    private func checkAge(_ value: String, _ bytes: [UInt8], into shape: inout ValueShape) {
        var i = 0
        var number = 0
        while i < bytes.count && bytes[i] &- 0x30 < 10 && i < 4 { number = number * 10 + Int(bytes[i] &- 0x30); i += 1 }
        guard i > 0, i <= 3, number <= 120 else { return }
        if i == bytes.count { shape.isBareSmallInteger = true; return }
        let rest = value.unicodeScalars.dropFirst(i)
        let tail = String(String.UnicodeScalarView(rest)).trimmingCharacters(in: .whitespaces).lowercased()
        let ageTails: Set<String> = ["歳", "才", "代", "代以上", "代以下", "代前半", "代後半", "歳以上", "歳未満", "years", "yrs", "y", "+",
                                     "years old", "y/o", "yo", "and over", "or older"]
        if ageTails.contains(tail) { shape.labels.insert("AGE"); return }
        // A range such as 20-29 or 20〜29歳.
        if let sep = tail.first, sep == "-" || sep == "~" || sep == "〜" {
            let upper = tail.dropFirst().prefix { $0.isASCII && $0.isNumber }
            if let u = Int(upper), u <= 120, u > number { shape.labels.insert("AGE") }
        }
    }
}
