import Foundation
import SumiCore
@testable import SumiTable

/// Shared fixtures for the classification tests: the checkout's rules folder, one classifier
/// for all tests, and a small CSV reader for the corpus tables.
enum TableFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesDir = root.appendingPathComponent("rules")
    static let tablesDir = root.appendingPathComponent("corpora").appendingPathComponent("tables")
    private static let loaded = Result { try ColumnClassifier(rulesDirectory: rulesDir) }
    static func classifier() throws -> ColumnClassifier { try loaded.get() }
    static func dictionary() throws -> HeaderDictionary { try loaded.get().dictionary }
}

// TODO: switch to CSVReader after merge
/// Reads a UTF-8 table with RFC 4180 quoting ("" inside quotes, delimiters and line breaks in
/// quoted fields). The delimiter is taken from the file name: .tsv → tab; otherwise the first
/// line's most frequent of `,` `;` `\t`.
func loadTable(_ path: URL, hasHeader: Bool = true) throws -> (header: [String], rows: [[String]]) {
    let text = try String(contentsOf: path, encoding: .utf8)
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
    let delimiter: Character
    if path.pathExtension == "tsv" {
        delimiter = "\t"
    } else {
        let counts: [(Character, Int)] = [",", ";", "\t"].map { d in (d, firstLine.filter { $0 == d }.count) }
        delimiter = counts.max { $0.1 < $1.1 }!.0
    }
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
        if let p = pending { pending = nil; return p }
        return iterator.next()
    }
    while let ch = next() {
        if inQuotes {
            if ch == "\"" {
                if let after = next() {
                    if after == "\"" { field.append("\"") } else { inQuotes = false; pending = after }
                } else { inQuotes = false }
            } else {
                field.append(ch)
            }
        } else if ch == "\"" && field.isEmpty {
            inQuotes = true
        } else if ch == delimiter {
            record.append(field)
            field = ""
        } else if ch == "\n" || ch == "\r\n" || ch == "\r" {
            record.append(field)
            field = ""
            records.append(record)
            record = []
        } else {
            field.append(ch)
        }
    }
    if !field.isEmpty || !record.isEmpty {
        record.append(field)
        records.append(record)
    }
    if hasHeader, let first = records.first { return (first, Array(records.dropFirst())) }
    return ([], records)
}
