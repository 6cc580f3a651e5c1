import Foundation
import SumiCore
import XCTest
@testable import SumiTable

/// Classifies every table of corpora/tables/dev and corpora/tables/holdout against gold.json.
/// Mistakes are printed with column index and names only, never values.
final class ClassificationCorpusTests: XCTestCase {
    struct Gold: Decodable {
        struct Table: Decodable {
            var file: String
            var has_header: Bool
            /// `shift_jis` or `utf-8`, as `CSVReader.encoding` names it.
            var encoding: String
            var columns: [Column]
        }
        struct Column: Decodable {
            var index: Int
            var name: String?
            var label: String?
            var role: String
        }
        var tables: [Table]
    }

    func testDevCorpus() throws { try checkCorpus("dev") }
    func testHoldoutCorpus() throws { try checkCorpus("holdout") }

    func checkCorpus(_ set: String) throws {
        let classifier = try TableFixtures.classifier()
        let folder = TableFixtures.tablesDir.appendingPathComponent(set)
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: folder.appendingPathComponent("gold.json")))
        XCTAssertGreaterThanOrEqual(gold.tables.count, 12)
        var columns = 0, labelsRight = 0, rolesRight = 0
        for table in gold.tables {
            let (header, rows, encoding) = try loadTable(folder.appendingPathComponent(table.file), hasHeader: table.has_header)
            XCTAssertEqual(encoding, table.encoding, "\(table.file): detected encoding")
            var sampler = ColumnSampler(capacity: 200)
            for row in rows { sampler.add(row) }
            let result = classifier.classify(header: table.has_header ? header : nil, samples: sampler.samples)
            var tableLabels = 0, tableRoles = 0
            var mistakes: [String] = []
            for g in table.columns {
                guard g.index < result.columns.count else {
                    mistakes.append("  column \(g.index) missing")
                    continue
                }
                let got = result.columns[g.index]
                let labelOK = got.label == g.label
                let roleOK = got.role.rawValue == g.role
                if labelOK { tableLabels += 1 }
                if roleOK { tableRoles += 1 }
                if !labelOK || !roleOK {
                    mistakes.append("  column \(g.index) \(g.name ?? "(no header)"): gold \(g.label ?? "nil")/\(g.role), got \(got.label ?? "nil")/\(got.role.rawValue) [\(got.evidence.decision.rawValue); header \(got.evidence.headerLabel ?? "nil") \(got.evidence.headerMatch.rawValue); values \(got.evidence.valueLabel ?? "nil") \(got.evidence.valueShare)]")
                }
            }
            columns += table.columns.count
            labelsRight += tableLabels
            rolesRight += tableRoles
            print(String(format: "[%@] %@: labels %d/%d, roles %d/%d", set, table.file, tableLabels, table.columns.count,
                         tableRoles, table.columns.count))
            mistakes.forEach { print($0) }
        }
        let labelAccuracy = Double(labelsRight) / Double(columns)
        let roleAccuracy = Double(rolesRight) / Double(columns)
        print(String(format: "[%@] column label accuracy %.3f (%d/%d), role accuracy %.3f (%d/%d)", set, labelAccuracy,
                     labelsRight, columns, roleAccuracy, rolesRight, columns))
        XCTAssertGreaterThanOrEqual(labelAccuracy, 0.95, "\(set) label accuracy")
        XCTAssertGreaterThanOrEqual(roleAccuracy, 0.95, "\(set) role accuracy")
    }
}

extension ClassificationCorpusTests {
    /// Prints the JSON of one dev table (set SUMI_TABLE_DUMP=file.csv); for tuning by hand.
    func testDumpOneTable() throws {
        guard let file = ProcessInfo.processInfo.environment["SUMI_TABLE_DUMP"] else { return }
        let folder = TableFixtures.tablesDir.appendingPathComponent("dev")
        let noHeader = file.contains("noheader")
        let (header, rows, _) = try loadTable(folder.appendingPathComponent(file), hasHeader: !noHeader)
        let result = try TableFixtures.classifier().classify(header: noHeader ? nil : header, rows: rows)
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try enc.encode(result), as: UTF8.self))
    }
}

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

/// Reads a whole corpus table with the streaming reader (delimiter and encoding sniffed).
private func loadTable(_ path: URL, hasHeader: Bool = true) throws -> (header: [String], rows: [[String]], encoding: String) {
    let reader = try CSVReader(path: path.path, hasHeader: hasHeader)
    var rows: [[String]] = []
    while let r = try reader.next() { rows.append(r.fields) }
    return (reader.header ?? [], rows, reader.encoding.rawValue)
}
