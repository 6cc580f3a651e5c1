import Foundation
import XCTest
@testable import SumiTable
import SumiText

/// A fresh folder per test, removed afterwards.
class CSVTestCase: XCTestCase {
    var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "sumi-csv-tests-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes bytes to `name` in the test folder and returns the path.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func file(_ name: String, _ text: String) throws -> String {
        try file(name, Array(text.utf8))
    }

    func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func folderListing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// All records, failing the test on any error.
    func readAll(_ reader: CSVReader, file: StaticString = #filePath, line: UInt = #line) -> [CSVRecord] {
        var records: [CSVRecord] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch {
            XCTFail("unexpected error: \(error)", file: file, line: line)
        }
        return records
    }

    /// The error thrown by the next call to `next()`, failing when there is none.
    func nextError(_ reader: CSVReader, file: StaticString = #filePath, line: UInt = #line) -> CSVFormatError? {
        do {
            let record = try reader.next()
            XCTFail("expected an error, got \(String(describing: record?.fields))", file: file, line: line)
        } catch let error as CSVFormatError {
            return error
        } catch {
            XCTFail("unexpected error type: \(error)", file: file, line: line)
        }
        return nil
    }
}

