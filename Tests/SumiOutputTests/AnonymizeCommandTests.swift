import Foundation
import XCTest

/// `sumi anonymize` end to end, through the built binary.
extension CommandLineTests {
    func testAnonymizeWritesAKAnonymousTableAndAReport() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("staff.csv")
        var text = "name,email,age,sex,zip,notes\n"
        for i in 0..<60 {
            text += "Person \(i),p\(i)@example.com,\(25 + i % 30),\(i % 2 == 0 ? "F" : "M"),9021\(i % 10),\"likes, \"\"quotes\"\"\"\n"
        }
        try Data(text.utf8).write(to: input)
        let out = d.appendingPathComponent("out.csv"), report = d.appendingPathComponent("report.json")
        let r = try sumi(["anonymize", input.path, "--out", out.path, "--qi", "age,sex,zip", "--identifier", "name",
                          "--identifier", "email=redact", "--keep", "notes", "--k", "4", "--report", report.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("achieved k = "), r.out)
        let written = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(written.hasPrefix("email,age,sex,zip,notes\n"), written)
        XCTAssertFalse(written.contains("Person 1"))
        XCTAssertFalse(written.contains("@example.com"))
        XCTAssertTrue(written.contains("\"likes, \"\"quotes\"\"\""), "kept columns are written back with their quoting")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as! [String: Any]
        XCTAssertGreaterThanOrEqual(json["achieved_k"] as! Int, 4)
        XCTAssertNotNil((json["information_loss"] as! [String: Double])["loss"])
        XCTAssertNotNil(json["risk_after"] as? [String: Any])
        XCTAssertFalse(String(decoding: try Data(contentsOf: report), as: UTF8.self).contains("Person"))
    }

    func testAnonymizeRefusesBadInputAndWritesNothing() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("bad.csv")
        try Data("age,sex\n30,F\n31,\"M\n32,F\n".utf8).write(to: input)
        let out = d.appendingPathComponent("out.csv")
        let r = try sumi(["anonymize", input.path, "--out", out.path, "--qi", "age,sex", "--k", "2", "--no-classify"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.contains("bad.csv:3:"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        try Data("age,sex\n30,F\n".utf8).write(to: input)
        let same = try sumi(["anonymize", input.path, "--out", input.path, "--qi", "age"])
        XCTAssertEqual(same.status, 2)
        XCTAssertTrue(same.err.contains("never modifies an input"), same.err)
        let unknown = try sumi(["anonymize", input.path, "--out", out.path, "--qi", "height", "--no-classify"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.contains("no column named height"), unknown.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }
}
