import Foundation

/// Levels a date can be generalized to, finest first.
public enum DateLevel: String, CaseIterable, Sendable, Comparable {
    /// The date written one way, `2024-03-01` (merges `2024/3/1`, `令和6年3月1日`, ...).
    case day
    /// `2024-03`
    case month
    /// `2024`
    case year
    /// `2020s`
    case decade

    public static func < (a: DateLevel, b: DateLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A calendar date in the Gregorian calendar.
struct CalendarDate: Equatable {
    var year: Int, month: Int, day: Int
}

extension HierarchyBuilders {
    /// Dates: level 0 the value as written, then the requested levels in order
    /// (`2024-03-01`, `2024-03`, `2024`, `2020s`), then `*`.
    ///
    /// Accepted forms (full-width digits and punctuation too, spaces ignored):
    /// `2024-03-01`, `2024/3/1`, `2024.3.1`, `2024年3月1日`, era dates `昭和55年3月1日`,
    /// `平成元年3月1日`, `令和2年…`, and `S55.3.1` / `H2.3.1` / `R2.3.1` (also `M`, `T`, and
    /// the kanji eras with dots or slashes). Eras start at 明治 1868, 大正 1912, 昭和 1926,
    /// 平成 1989, 令和 2019; 元年 is year 1. Era years past the era's end (平成32年) are
    /// converted arithmetically rather than rejected, as forms printed before 2019 used them.
    /// Day and month are checked (no 2023-02-29). A time after the date is ignored
    /// (`2018-03-06 06:02:00`, `2025/09/20 14:13`, `2025-04-06T04:05:26Z`). Dates with the year
    /// last (`12/19/2025`, `19.12.2025`) are read month first, as in US exports, unless some
    /// value of the column has a first number above 12: then the whole column is day first.
    public static func dates(values: [String], levels: [DateLevel] = DateLevel.allCases) throws -> Hierarchy {
        let source = "date hierarchy"
        let leaves = distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        for i in levels.indices.dropFirst() where !(levels[i - 1] < levels[i]) {
            throw HierarchyError(source: source, line: 0,
                                 reason: "date levels must go from fine to coarse without repeats (day, month, year, decade); got \(levels.map(\.rawValue).joined(separator: ","))")
        }
        var rows: [[String]] = []
        var unparseable = 0
        let dayFirst = leaves.contains { leaf in
            guard let m = try? yearLast.wholeMatch(in: dateText(leaf)), let first = Int(m.output[1].substring ?? "") else { return false }
            return first > 12
        }
        for leaf in leaves {
            if isMissing(leaf) {
                rows.append([leaf] + Array(repeating: topValue, count: levels.count + 1))
                continue
            }
            guard let date = parseDate(leaf, dayFirst: dayFirst) else { unparseable += 1; continue }
            rows.append([leaf] + levels.map { label(date, $0) } + [topValue])
        }
        guard unparseable == 0 else {
            throw HierarchyError(source: source, line: 0,
                                 reason: unparseable == 1 ? "a value that is not a recognised date (1 distinct value)"
                                                          : "values that are not recognised dates (\(unparseable) distinct values)")
        }
        return try Hierarchy(rows: rows, source: source)
    }

    static func label(_ d: CalendarDate, _ level: DateLevel) -> String {
        let y = String(format: "%04d", d.year)
        switch level {
        case .day: return "\(y)-\(String(format: "%02d", d.month))-\(String(format: "%02d", d.day))"
        case .month: return "\(y)-\(String(format: "%02d", d.month))"
        case .year: return y
        case .decade: return "\(String(format: "%04d", d.year / 10 * 10))s"
        }
    }

    /// First Gregorian year of each era; era year N is `start + N - 1`.
    static let eraStartYears: [String: Int] = [
        "明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019,
        "M": 1868, "T": 1912, "S": 1926, "H": 1989, "R": 2019,
    ]

    nonisolated(unsafe) static let gregorianSeparated = try! Regex(#"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$"#)
    nonisolated(unsafe) static let gregorianKanji = try! Regex(#"^(\d{4})年(\d{1,2})月(\d{1,2})日$"#)
    nonisolated(unsafe) static let eraKanji = try! Regex(#"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$"#)
    nonisolated(unsafe) static let eraSeparated = try! Regex(#"^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(元|\d{1,2})([-/.])(\d{1,2})\3(\d{1,2})$"#)

    nonisolated(unsafe) static let yearLast = try! Regex(#"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$"#)
    nonisolated(unsafe) static let trailingTime = try! Regex(#"^(.*?\d)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$"#)

    /// The date part of a value: NFKC (full-width digits and punctuation become ASCII, `㍻`/`㋿`
    /// become `平成`/`令和`), a trailing time of day cut off, spaces removed.
    static func dateText(_ value: String) -> String {
        var s = value.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if let m = try? trailingTime.wholeMatch(in: s), let date = m.output[1].substring { s = String(date) }
        return String(s.filter { !$0.isWhitespace })
    }

    /// Parses one date in the forms listed on `dates(values:levels:)`, or nil.
    static func parseDate(_ value: String, dayFirst: Bool = false) -> CalendarDate? {
        let s = dateText(value)
        func int(_ sub: Substring?) -> Int? { sub.flatMap { Int($0) } }
        func text(_ m: Regex<AnyRegexOutput>.Match, _ i: Int) -> Substring? { m.output[i].substring }

        var year: Int?, month: Int?, day: Int?
        if let m = try? gregorianSeparated.wholeMatch(in: s) {
            year = int(text(m, 1)); month = int(text(m, 3)); day = int(text(m, 4))
        } else if let m = try? gregorianKanji.wholeMatch(in: s) {
            year = int(text(m, 1)); month = int(text(m, 2)); day = int(text(m, 3))
        } else if let m = try? eraKanji.wholeMatch(in: s) {
            year = eraYear(text(m, 1), text(m, 2)); month = int(text(m, 3)); day = int(text(m, 4))
        } else if let m = try? eraSeparated.wholeMatch(in: s) {
            year = eraYear(text(m, 1), text(m, 2)); month = int(text(m, 4)); day = int(text(m, 5))
        } else if let m = try? yearLast.wholeMatch(in: s) {
            year = int(text(m, 4))
            (month, day) = dayFirst ? (int(text(m, 3)), int(text(m, 1))) : (int(text(m, 1)), int(text(m, 3)))
        }
        guard let year, let month, let day, year >= 1, (1...12).contains(month),
              day >= 1, day <= daysInMonth(month, year: year) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    static func eraYear(_ era: Substring?, _ yearText: Substring?) -> Int? {
        guard let era, let yearText, let start = eraStartYears[era.uppercased()] ?? eraStartYears[String(era)] else { return nil }
        let n = yearText == "元" ? 1 : Int(yearText)
        guard let n, n >= 1 else { return nil }
        return start + n - 1
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
