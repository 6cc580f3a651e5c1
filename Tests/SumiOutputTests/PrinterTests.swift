import Foundation
import XCTest
import SumiCore
import SumiText
@testable import SumiOutput

final class PrinterTests: XCTestCase {
    let finding = Finding(label: "PHONE_NUMBER", ruleID: "jp-phone-number", score: 0.9, byteStart: 9, byteEnd: 21,
                          start: 3, end: 15, line: 2, column: 4, value: "090-1234-5678")

    var result: FileScanResult {
        FileScanResult(path: "docs/メモ.txt", status: .scanned, encoding: .shiftJIS, bytes: 40, findings: [finding])
    }

    func testJSONLinesFieldsAndMasking() throws {
        var p = FindingPrinter(format: .jsonl, options: PrintOptions())
        let line = p.file(result)
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(obj["path"] as? String, "docs/メモ.txt")
        XCTAssertEqual(obj["label"] as? String, "PHONE_NUMBER")
        XCTAssertEqual(obj["rule"] as? String, "jp-phone-number")
        XCTAssertEqual(obj["start"] as? Int, 3)
        XCTAssertEqual(obj["end"] as? Int, 15)
        XCTAssertEqual(obj["byte_start"] as? Int, 9)
        XCTAssertEqual(obj["byte_end"] as? Int, 21)
        XCTAssertEqual(obj["line"] as? Int, 2)
        XCTAssertEqual(obj["column"] as? Int, 4)
        XCTAssertEqual(obj["encoding"] as? String, "shift_jis")
        XCTAssertNil(obj["value"])
        XCTAssertFalse(line.contains("1234-5678"))
        var shown = FindingPrinter(format: .jsonl, options: PrintOptions(showValues: true))
        XCTAssertTrue(shown.file(result).contains("\"value\":\"090-1234-5678\""))
    }

    func testTextIsMaskedAndGrouped() {
        var p = FindingPrinter(format: .text, options: PrintOptions())
        let out = p.file(result)
        XCTAssertTrue(out.hasPrefix("docs/メモ.txt (shift_jis)\n"))
        XCTAssertTrue(out.contains("2:4"))
        XCTAssertFalse(out.contains("1234"))
        XCTAssertFalse(out.contains("\u{1B}["), "no colour unless asked")
    }

    func testSARIFStructure() throws {
        var p = FindingPrinter(format: .sarif, options: PrintOptions())
        _ = p.file(result)
        var rule = Rule(id: "jp-phone-number", label: "PHONE_NUMBER")
        rule.description = "Japanese phone numbers"
        let doc = p.finish(rules: [rule])
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(doc.utf8)) as? [String: Any])
        XCTAssertEqual(obj["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((obj["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "sumi")
        XCTAssertEqual((driver["rules"] as? [[String: Any]])?.first?["id"] as? String, "jp-phone-number")
        let res = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(res["ruleId"] as? String, "jp-phone-number")
        XCTAssertEqual(res["ruleIndex"] as? Int, 0)
        let loc = try XCTUnwrap(((res["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        let uri = try XCTUnwrap((loc["artifactLocation"] as? [String: Any])?["uri"] as? String)
        XCTAssertEqual(uri, "docs/%E3%83%A1%E3%83%A2.txt")
        let region = try XCTUnwrap(loc["region"] as? [String: Any])
        XCTAssertEqual(region["startLine"] as? Int, 2)
        XCTAssertEqual(region["startColumn"] as? Int, 4)
        XCTAssertEqual(region["endColumn"] as? Int, 17)
        XCTAssertFalse(doc.contains("1234-5678"))
    }

    func testJSONDocumentSummary() throws {
        var p = FindingPrinter(format: .json, options: PrintOptions())
        _ = p.file(result)
        _ = p.file(FileScanResult(path: "a.bin", status: .skipped("binary file")))
        _ = p.file(FileScanResult(path: "b.txt", status: .failed("not valid utf-8 at byte 3")))
        let doc = p.finish(rules: [])
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(doc.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(obj["summary"] as? [String: Any])
        XCTAssertEqual(summary["files_scanned"] as? Int, 1)
        XCTAssertEqual(summary["files_skipped"] as? Int, 1)
        XCTAssertEqual(summary["files_failed"] as? Int, 1)
        XCTAssertEqual((summary["by_label"] as? [String: Int])?["PHONE_NUMBER"], 1)
    }

    func testMaskedValueKeepsShapeOnly() {
        XCTAssertEqual(maskedValue("090-1234-5678"), "0**-****-****")
        XCTAssertEqual(maskedValue("山田太郎"), "＊＊＊＊")
        XCTAssertEqual(maskedValue("taro@example.jp"), "t***@*******.**")
    }
}

/// The command line as users run it: exit codes, formats, bad input.
final class CommandLineTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `unprivileged`: when the tests run as root, run sumi as `nobody` (via util-linux's
    /// setpriv) so that file permissions apply to it.
    func sumi(_ args: [String], stdin: Data? = nil, unprivileged: Bool = false) throws -> (status: Int32, out: String, err: String) {
        let exe = Self.root.appendingPathComponent(".build/debug/sumi")
        guard FileManager.default.isExecutableFile(atPath: exe.path) else {
            XCTFail("sumi binary not built at \(exe.path)"); return (-1, "", "")
        }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        if unprivileged && getuid() == 0 {
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", exe.path] + args
        }
        p.environment = ["SUMI_RULES": Self.root.appendingPathComponent("rules").path, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: d) }
        return d
    }

    func testExitCodesAndFormats() throws {
        let d = try tempDir()
        try "電話：090-1234-5678\n".write(to: d.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "nothing to see here\n".write(to: d.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let found = try sumi(["scan", d.appendingPathComponent("a.txt").path, "--format", "jsonl"])
        XCTAssertEqual(found.status, 1)
        XCTAssertTrue(found.out.contains("\"label\":\"PHONE_NUMBER\""))
        XCTAssertFalse(found.out.contains("1234-5678"))
        let clean = try sumi(["scan", d.appendingPathComponent("b.txt").path])
        XCTAssertEqual(clean.status, 0)
        let sarif = try sumi(["scan", d.path, "--format", "sarif"])
        XCTAssertEqual(sarif.status, 1)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)))
    }

    func testSymbolicLinkLoopsAndSpecialFilesAreSkipped() throws {
        let d = try tempDir()
        let sub = d.appendingPathComponent("a")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: sub.appendingPathComponent("back"), withDestinationURL: d)
        try "TEL 03-1234-5678\n".write(to: sub.appendingPathComponent("f.txt"), atomically: true, encoding: .utf8)
        let r = try sumi(["scan", d.path, "--format", "jsonl"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, "the file is scanned once, the loop is not followed")
    }

    func testParallelScanPrintsTheSameAsSequential() throws {
        let d = try tempDir()
        for i in 0..<30 {
            try "No.\(i) 担当：佐藤花子様 TEL 090-1234-\(String(format: "%04d", i)) mail u\(i)@example.com\n"
                .write(to: d.appendingPathComponent("f\(i).txt"), atomically: true, encoding: .utf8)
        }
        let one = try sumi(["scan", d.path, "--format", "jsonl", "--jobs", "1"])
        let two = try sumi(["scan", d.path, "--format", "jsonl", "--jobs", "2"])
        XCTAssertEqual(one.status, 1)
        XCTAssertEqual(one.out, two.out)
        XCTAssertEqual(one.out.split(separator: "\n").count, 90)
    }

    func testRedactWritesInTheOriginalEncodingAndNeverTouchesInputs() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let text = "担当：山田太郎様\n電話：０９０－１２３４－５６７８\n"
        let sjis = try XCTUnwrap(text.data(using: .shiftJIS))
        let src = input.appendingPathComponent("sub/a.txt")
        try sjis.write(to: src)
        let out = d.appendingPathComponent("out")
        let r = try sumi(["redact", input.path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(try Data(contentsOf: src), sjis, "input unchanged")
        let written = try Data(contentsOf: out.appendingPathComponent("sub/a.txt"))
        let back = try XCTUnwrap(String(data: written, encoding: .shiftJIS))
        XCTAssertEqual(back, "担当：<PERSON>様\n電話：<PHONE_NUMBER>\n")
        let inside = try sumi(["redact", input.path, "--out", input.appendingPathComponent("x").path])
        XCTAssertEqual(inside.status, 2)
    }

    func testEncryptThenReidentifyRestoresTheOriginalBytes() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = "電話：０９０－１２３４－５６７８\r\nカード 4111 1111 1111 1111\r\n旅券番号 TK1234567\r\n"
        let original = try XCTUnwrap(text.data(using: .shiftJIS))
        try original.write(to: input.appendingPathComponent("a.txt"))
        let policy = d.appendingPathComponent("p.yaml")
        try "default: encrypt\n".write(to: policy, atomically: true, encoding: .utf8)
        let keyFile = d.appendingPathComponent("key")
        try Data("0123456789abcdef0123456789abcdef".utf8).write(to: keyFile)
        let out = d.appendingPathComponent("out"), back = d.appendingPathComponent("back")
        let r1 = try sumi(["redact", input.path, "--out", out.path, "--policy", policy.path, "--key-file", keyFile.path])
        XCTAssertEqual(r1.status, 0, r1.err)
        let encrypted = try Data(contentsOf: out.appendingPathComponent("a.txt"))
        XCTAssertNotEqual(encrypted, original)
        XCTAssertEqual(encrypted.count, original.count, "format preserved")
        let r2 = try sumi(["reidentify", out.path, "--out", back.path, "--key-file", keyFile.path])
        XCTAssertEqual(r2.status, 0, r2.err)
        XCTAssertEqual(try Data(contentsOf: back.appendingPathComponent("a.txt")), original, "byte for byte")
        try Data("another-key-another-key-another!".utf8).write(to: keyFile)
        XCTAssertEqual(try sumi(["reidentify", out.path, "--out", back.path, "--key-file", keyFile.path]).status, 2)
    }

    func testPseudonymsAgreeAcrossFilesAndDependOnTheKey() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "担当：山田太郎様\n電話：090-1234-5678\n".write(to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "電話は ０９０－１２３４－５６７８（山田太郎様）\n".write(to: input.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let policy = Self.root.appendingPathComponent("rules/policies/pseudonymize.yaml").path
        func run(_ key: String, _ out: String) throws -> (String, String) {
            let k = d.appendingPathComponent("key-\(out)")
            try Data(key.utf8).write(to: k)
            let o = d.appendingPathComponent(out)
            let r = try sumi(["redact", input.path, "--out", o.path, "--policy", policy, "--key-file", k.path])
            XCTAssertEqual(r.status, 0, r.err)
            return (try String(contentsOf: o.appendingPathComponent("a.txt"), encoding: .utf8),
                    try String(contentsOf: o.appendingPathComponent("b.txt"), encoding: .utf8))
        }
        let (a, b) = try run("first-key-0123456789abcdef", "o1")
        func tokens(_ s: String) -> Set<String> {
            Set(s.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init).filter { $0.contains("_") })
        }
        XCTAssertEqual(tokens(a).count, 2, a)
        XCTAssertEqual(tokens(a), tokens(b), "the same name and phone get the same pseudonyms in both files")
        let (a2, _) = try run("second-key-0123456789abcdef", "o2")
        XCTAssertTrue(tokens(a2).isDisjoint(with: tokens(a)), "another key, other pseudonyms")
    }

    func testReportFolderHasSummaryFindingsAndAPageWithoutValues() throws {
        let d = try tempDir()
        try "担当：山田太郎様\n電話：090-1234-5678\n".write(to: d.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]).write(to: d.appendingPathComponent("b.png"))
        let rep = d.appendingPathComponent("report")
        let r = try sumi(["scan", d.path, "--report", rep.path, "--format", "jsonl", "--quiet"])
        XCTAssertEqual(r.status, 1)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: rep.appendingPathComponent("summary.json"))) as? [String: Any])
        XCTAssertEqual(summary["files_scanned"] as? Int, 1)
        XCTAssertEqual(summary["files_skipped"] as? Int, 1)
        XCTAssertEqual((summary["by_label"] as? [String: Int])?["PHONE_NUMBER"], 1)
        let lines = try String(contentsOf: rep.appendingPathComponent("findings.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let html = try String(contentsOf: rep.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<svg") && html.contains("PHONE_NUMBER"))
        XCTAssertFalse(html.contains("1234-5678") || html.contains("山田太郎"), "no values in the report")
        XCTAssertFalse(html.contains("http://") && html.contains("<script"), "self-contained")
    }

    func testInterruptedRedactionResumesAndWritesEachFileOnce() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in"), out = d.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 0..<60 {
            try String(repeating: "No.\(i) 担当：佐藤花子様 TEL 090-1234-\(String(format: "%04d", i))\n", count: 200)
                .write(to: input.appendingPathComponent("f\(i).txt"), atomically: true, encoding: .utf8)
        }
        // First run, interrupted with SIGINT shortly after it starts.
        let exe = Self.root.appendingPathComponent(".build/debug/sumi")
        let p = Process()
        p.executableURL = exe
        p.arguments = ["redact", input.path, "--out", out.path]
        p.environment = ["SUMI_RULES": Self.root.appendingPathComponent("rules").path, "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 1.5)
        p.interrupt()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let log = out.appendingPathComponent(".sumi-progress.jsonl")
        let first = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").count ?? 0
        // Second run finishes the rest; a third run writes nothing.
        let r2 = try sumi(["redact", input.path, "--out", out.path])
        XCTAssertEqual(r2.status, 0, r2.err)
        let second = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(second, 60, "each file recorded exactly once over both runs (first run did \(first))")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(outputs.count, 60)
        let r3 = try sumi(["redact", input.path, "--out", out.path])
        XCTAssertTrue(r3.err.contains("wrote 0 file(s), 60 unchanged"), r3.err)
        // A changed input is processed again.
        try "new text TEL 03-1234-5678\n".write(to: input.appendingPathComponent("f3.txt"), atomically: true, encoding: .utf8)
        let r4 = try sumi(["redact", input.path, "--out", out.path])
        XCTAssertTrue(r4.err.contains("wrote 1 file(s), 59 unchanged"), r4.err)
    }

    func testErrorsGiveStatusTwo() throws {
        let d = try tempDir()
        let rules = d.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try "rules:\n  - id: bad\n    label: X\n    patterns: ['(a']\n".write(to: rules.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let bad = try sumi(["scan", "--rules", rules.path, d.path])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("r.yaml:2: bad: pattern does not compile"), bad.err)
        try Data([0x61, 0xFF, 0xFE, 0x80, 0x62]).write(to: d.appendingPathComponent("broken.txt"))
        let broken = try sumi(["scan", d.appendingPathComponent("broken.txt").path])
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.out.contains("byte"), broken.out)
        let missing = try sumi(["scan", "/no/such/path"])
        XCTAssertEqual(missing.status, 2)
        let usage = try sumi(["scan", d.path, "--encoding", "klingon"])
        XCTAssertEqual(usage.status, 2, "usage errors are errors too")
        XCTAssertTrue(usage.err.contains("unknown --encoding"), usage.err)
    }

    /// One bad file never stops a batch: it is reported and counted, the others are done, status 2.
    func testBadFilesAreReportedAndTheBatchFinishes() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in"), out = d.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try "TEL 090-1234-5678\n".write(to: input.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0x61, 0xFF, 0xFE, 0x80, 0x62, 0x0A]).write(to: input.appendingPathComponent("b.txt"))
        try "TEL 03-1234-5678\n".write(to: input.appendingPathComponent("c.txt"), atomically: true, encoding: .utf8)
        let locked = input.appendingPathComponent("d.txt")
        try "TEL 06-1234-5678\n".write(to: locked, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
        // Root reads anything: the scan runs as `nobody` when setpriv is there to make it so.
        let denied = getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

        let scan = try sumi(["scan", input.path, "--format", "jsonl"], unprivileged: true)
        XCTAssertEqual(scan.status, 2, "a failed file makes the status 2 even when findings exist")
        XCTAssertTrue(scan.out.contains("a.txt") && scan.out.contains("c.txt"), scan.out)
        XCTAssertFalse(scan.out.contains("5678"), "values stay masked")
        let all = scan.out + scan.err
        XCTAssertTrue(all.contains("b.txt") && all.contains("byte"), all)
        if denied { XCTAssertTrue(all.contains("d.txt") && all.contains("permission denied"), all) }

        // An output that cannot be written (here: a folder in the way, as on a full disk) fails that
        // file only; the others are written and the inputs are untouched.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("c.txt"), withIntermediateDirectories: true)
        let before = try Data(contentsOf: input.appendingPathComponent("a.txt"))
        let red = try sumi(["redact", input.path, "--out", out.path])
        XCTAssertEqual(red.status, 2, red.err)
        XCTAssertTrue(red.err.contains("c.txt: cannot write"), red.err)
        XCTAssertTrue(red.err.contains("b.txt"), red.err)
        XCTAssertFalse(red.err.contains("1234-5678"), "errors never print values: \(red.err)")
        let written = try String(contentsOf: out.appendingPathComponent("a.txt"), encoding: .utf8)
        XCTAssertEqual(written, "TEL <PHONE_NUMBER>\n")
        XCTAssertEqual(try Data(contentsOf: input.appendingPathComponent("a.txt")), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") && $0 != ".sumi-progress.jsonl" }
        XCTAssertEqual(leftovers, [], "no temporary files left behind")
    }

    /// A file listed by the walker that is gone when its turn comes is a failure, not a crash.
    func testVanishedFileIsAFailure() throws {
        let d = try tempDir()
        let pack = try RulePack(directory: Self.root.appendingPathComponent("rules"))
        let r = RuleScanner(pack: pack).scanFile(atPath: d.appendingPathComponent("gone.txt").path)
        XCTAssertEqual(r.status, .failed("no such file"))
    }

    /// Redaction runs its scans on several workers but writes in path order: numbered
    /// replacements and the resume log come out the same whatever --jobs is.
    func testParallelRedactionMatchesSequential() throws {
        let d = try tempDir()
        let input = d.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 0..<24 {
            try "No.\(i) 担当：佐藤花子様、鈴木一郎様 TEL 090-1234-\(String(format: "%04d", i % 5))\n".write(
                to: input.appendingPathComponent("f\(String(format: "%02d", i)).txt"), atomically: true, encoding: .utf8)
        }
        let policy = d.appendingPathComponent("p.yaml")
        try "default: {operator: replace, template: \"{label}_{n}\"}\n".write(to: policy, atomically: true, encoding: .utf8)
        var trees: [[String: String]] = []
        for jobs in ["1", "2"] {
            let out = d.appendingPathComponent("out\(jobs)")
            let r = try sumi(["redact", input.path, "--out", out.path, "--policy", policy.path, "--jobs", jobs])
            XCTAssertEqual(r.status, 0, r.err)
            var tree: [String: String] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                tree[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            }
            trees.append(tree)
        }
        XCTAssertEqual(trees[0].count, 25)
        XCTAssertEqual(trees[0], trees[1])
        XCTAssertTrue(trees[0]["f23.txt"]?.contains("TEL PHONE_NUMBER_4") == true, trees[0]["f23.txt"] ?? "")
    }
}

/// `sumi redact` on files over the streaming threshold (32 MB).
extension CommandLineTests {
    func largeFile(in d: URL) throws -> URL {
        let input = d.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        // Mostly plain text: the tests run a debug build, slow on dense findings.
        let block = String(repeating: "The weather was fine today, and the meeting is next week.\r\n", count: 499) + "担当 山田太郎様 電話 090-1234-5678\r\n"
        let count = (32 << 20) / block.utf8.count + 10
        let url = input.appendingPathComponent("big.txt")
        try Data(String(repeating: block, count: count).utf8).write(to: url)
        return url
    }

    func testLargeFileIsStreamedIntoItsRedactedCopy() throws {
        let d = try tempDir()
        let src = try largeFile(in: d)
        let out = d.appendingPathComponent("out")
        let r = try sumi(["redact", src.deletingLastPathComponent().path, "--out", out.path])
        XCTAssertEqual(r.status, 0, r.err)
        let written = try Data(contentsOf: out.appendingPathComponent("big.txt"))
        let block = String(repeating: "The weather was fine today, and the meeting is next week.\r\n", count: 499) + "担当 <PERSON>様 電話 <PHONE_NUMBER>\r\n"
        let expected = Data(block.utf8)
        XCTAssertEqual(written.prefix(expected.count), expected)
        XCTAssertEqual(written.count % expected.count, 0)
        XCTAssertNil(written.range(of: Data("090-1234-5678".utf8)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }, [])
    }

    func testFileGrowingDuringRedactionFailsAndLeavesNoOutput() throws {
        let d = try tempDir()
        let src = try largeFile(in: d)
        let out = d.appendingPathComponent("out")
        // Appends until sumi is done, as a log being written to would.
        let stop = StopFlag()
        let path = src.path
        let writer = Thread {
            let h = FileHandle(forWritingAtPath: path)!
            while !stop.isSet {
                h.seekToEndOfFile()
                h.write(Data("追記\n".utf8))
                usleep(2000)
            }
            h.closeFile()
        }
        writer.start()
        let r = try sumi(["redact", src.deletingLastPathComponent().path, "--out", out.path])
        stop.set()
        XCTAssertEqual(r.status, 2, r.err)
        XCTAssertTrue(r.err.contains("changed while being read"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("big.txt").path))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertEqual(left.filter { $0.hasSuffix(".tmp") }, [String]())
    }
}

/// A flag one thread sets and another polls.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
