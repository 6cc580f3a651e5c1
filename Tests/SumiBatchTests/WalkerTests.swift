import Foundation
import XCTest
@testable import SumiBatch

final class WalkerTests: XCTestCase {
    func tree(_ files: [String: String]) throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-walk-\(UUID().uuidString)")
        for (rel, text) in files {
            let u = d.appendingPathComponent(rel)
            try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: u, atomically: true, encoding: .utf8)
        }
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return d
    }

    func names(_ l: Walker.Listing, _ root: URL) -> [String] {
        l.files.map { String($0.dropFirst(root.path.count + 1)) }
    }

    func testSumiignoreGitignoreSyntax() throws {
        let d = try tree([
            ".sumiignore": "*.log\n/build/\ndocs/**/draft*\n!keep.log\n",
            "a.txt": "x", "b.log": "x", "keep.log": "x", "build/out.txt": "x", "src/build/inner.txt": "x",
            "docs/x/y/draft1.md": "x", "docs/final.md": "x", "sub/.sumiignore": "secret.txt\n", "sub/secret.txt": "x", "sub/open.txt": "x",
            ".hidden/h.txt": "x",
        ])
        let l = try Walker(options: .init()).list([d.path])
        XCTAssertEqual(names(l, d), ["a.txt", "docs/final.md", "keep.log", "src/build/inner.txt", "sub/open.txt"])
    }

    func testIncludeExcludeHiddenAndMaxSize() throws {
        let d = try tree(["a.txt": "small", "b.csv": String(repeating: "x", count: 5000), "c.md": "x", ".h/d.txt": "x"])
        var o = Walker.Options()
        o.include = ["*.txt", "*.csv"]
        o.maxSize = 1000
        o.includeHidden = true
        let l = try Walker(options: o).list([d.path])
        XCTAssertEqual(names(l, d), [".h/d.txt", "a.txt"])
        XCTAssertEqual(l.skipped.count, 1)
        o = Walker.Options()
        o.exclude = ["*.md"]
        let all = try Walker(options: o).list([d.path])
        XCTAssertEqual(names(all, d), ["a.txt", "b.csv"])
        XCTAssertEqual(all.sizes, [5, 5000], "each file's size from the walk")
    }

    func testLinksFollowedOnlyInsideTheRootAndNeverTwice() throws {
        let d = try tree(["in/a.txt": "x", "outside/secret.txt": "x"])
        let root = d.appendingPathComponent("in")
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("loop"), withDestinationURL: root)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("escape"), withDestinationURL: d.appendingPathComponent("outside"))
        var o = Walker.Options()
        XCTAssertEqual(names(try Walker(options: o).list([root.path]), root), ["a.txt"])
        o.followLinks = true
        XCTAssertEqual(names(try Walker(options: o).list([root.path]), root), ["a.txt"], "no loop, no escape")
    }
}
