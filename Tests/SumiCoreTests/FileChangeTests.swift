import Foundation
import XCTest
@testable import SumiCore

/// A file written to between being opened and being read to the end is reported as failed.
final class FileChangeTests: XCTestCase {
    override func tearDown() { FileSnapshot.afterReadHook = nil }

    func file(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-change-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("a.txt")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func append(_ path: String) {
        let h = FileHandle(forWritingAtPath: path)!
        h.seekToEndOfFile()
        h.write(Data("追記 090-1111-2222\n".utf8))
        h.closeFile()
    }

    func testScanReportsAFileThatGrewWhileBeingRead() throws {
        let path = try file("電話 090-1234-5678\n")
        let scanner = try Fixtures.defaultScanner()
        XCTAssertEqual(scanner.scanFile(atPath: path).status, .scanned)
        FileSnapshot.afterReadHook = { self.append($0) }
        XCTAssertEqual(scanner.scanFile(atPath: path).status, .failed("changed while being read"))
    }

    func testStreamedScanReportsAFileThatChangedWhileBeingRead() throws {
        // Plain text (a debug-built scanner is slow on dense findings), one phone number at the end.
        let line = "The weather was fine today, and the meeting is next week.\n"
        let path = try file(String(repeating: line, count: RuleScanner.streamThreshold / line.utf8.count + 10) + "電話 090-1234-5678\n")
        let scanner = try Fixtures.defaultScanner()
        var touched = false
        FileSnapshot.afterReadHook = { p in
            touched = true
            // Same size, new modification time: a rewrite in place.
            var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
            XCTAssertEqual(utimensat(AT_FDCWD, p, &times, 0), 0)
        }
        let r = scanner.scanFile(atPath: path) { _ in }
        XCTAssertTrue(touched)
        XCTAssertEqual(r.status, .failed("changed while being read"))
    }

    func testSnapshotComparesSizeAndTime() throws {
        let path = try file("abc")
        let s = try XCTUnwrap(FileSnapshot(path: path))
        XCTAssertTrue(s.isUnchanged(path: path))
        append(path)
        XCTAssertFalse(s.isUnchanged(path: path))
        XCTAssertNil(FileSnapshot(path: path + ".missing"))
    }
}
