import ArgumentParser
import Foundation
import SumiBatch
#if canImport(Glibc)
import Glibc
#endif
import SumiCore
import SumiText
import SumiTransform

/// De-identifies files into a mirror of the input tree; inputs are never modified.
struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Write de-identified copies of files (in their own encoding) into --out, applying a policy.",
        discussion: "Exit status: 0 done, 2 error (some file could not be processed)."
    )

    @Argument(help: "Files or folders to de-identify.")
    var paths: [String]

    @Option(help: "Output folder (mirrors the input tree). Must not lie inside an input.")
    var out: String

    @Option(help: "Policy file (default: replace every finding with <LABEL>).")
    var policy: String?

    @Option(help: "Key for pseudonymization (else the SUMI_KEY environment variable).")
    var keyFile: String?

    @Flag(help: "Only report what would change.")
    var dryRun = false

    @Option(help: "Write the value-to-token table (pseudonyms, encrypted values), sealed with the key, to this file.")
    var map: String?

    @Option(help: "Force the input encoding.")
    var encoding: String?

    @Option(help: "Files scanned in parallel (default: all cores).")
    var jobs: Int?

    @OptionGroup var ruleOptions: RuleOptions

    @OptionGroup var walk: WalkOptions

    func run() throws {
        let forced = try TextEncoding.option(encoding)
        let pol = try policy.map { try Policy.load(path: $0) } ?? Policy()
        var key: Data? = nil
        if pol.needsKey || map != nil {
            do { key = try FindingBaseline.loadKey(file: keyFile) } catch {
                throw ValidationError("the policy pseudonymizes: \(error)")
            }
        }
        let outRoot = URL(fileURLWithPath: out).standardizedFileURL.path
        for p in paths {
            let inRoot = URL(fileURLWithPath: p).standardizedFileURL.path
            if outRoot == inRoot || outRoot.hasPrefix(inRoot.hasSuffix("/") ? inRoot : inRoot + "/") {
                throw ValidationError("--out \(out) lies inside the input \(p)")
            }
        }
        let pack = try ruleOptions.loadPack()
        let scanner = RuleScanner(pack: pack)
        let session = scanner.makeSession()
        let now = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        let context = OperatorContext(key: key, referenceDate: (now.year!, now.month!, now.day!))
        if let root = pack.root { context.names = SurrogateNames(rules: root) }
        var failed = 0, written = 0, changed = 0, unchanged = 0
        // Resume: files finished by an earlier run with the same content, rules, policy and key are skipped.
        let resume = dryRun ? nil : try ResumeLog(folder: URL(fileURLWithPath: out))
        let policyText = policy.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "default"
        let setting = [pack.root.map { ResumeLog.fingerprint(folder: $0) } ?? "", policyText,
                       key.map { RedactionManifest.keyCheck($0) } ?? "", forced?.rawValue ?? ""].joined(separator: "\u{0}")
        Interruption.install()
        var manifest = key.map { RedactionManifest(key: $0) }
        var walkErrors: [String] = []
        // The walk first: every input's files with their path under --out.
        var items: [(path: String, rel: String, size: Int)] = []
        for input in paths {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: input, isDirectory: &isDir)
            let listing = try walk.walker().list([input])
            walkErrors += listing.errors
            for (path, size) in zip(listing.files, listing.sizes) {
                // The path under --out: relative to the input folder, or the file name for a file.
                let rel = isDir.boolValue ? String(path.dropFirst(input.hasSuffix("/") ? input.count : input.count + 1))
                                          : (path as NSString).lastPathComponent
                guard !rel.isEmpty, !rel.split(separator: "/").contains("..") else {
                    walkErrors.append("\(path): path would escape --out"); continue
                }
                items.append((path, rel, size))
            }
        }
        // Workers read, decode and scan (the costly part) and, when the policy's output does not
        // depend on the order files come in, also redact and re-encode, each with its own context.
        // This thread writes in path order, and redacts itself only for order-dependent policies,
        // so numbered replacements (PERSON_1...), the token map and the resume log come out the
        // same whatever --jobs is.
        let outURL = URL(fileURLWithPath: out)
        let finishedBefore = resume?.finished ?? [:]
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let sessions = (0..<workers).map { i in i == 0 ? session : scanner.makeSession() }
        let writerSession = scanner.makeSession()   // large files are scanned on this thread, beside the workers
        let redactOnWorkers = pol.isOrderIndependent
        let workerContexts = (0..<workers).map { _ -> OperatorContext in
            let c = OperatorContext(key: key, referenceDate: context.referenceDate)
            c.names = context.names
            return c
        }
        let dryRun = self.dryRun
        OrderedPipeline.run(count: items.count, workers: workers, window: workers * 64, budget: 256 << 20, cost: { i in
            min(items[i].size, RuleScanner.streamThreshold)
        }, work: { i, w -> PreparedFile in
            if Interruption.requested { return .interrupted }
            let (path, rel, _) = items[i]
            do {
                guard let snapshot = FileSnapshot(path: path) else { return .failed(CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])) }
                // Large files are streamed by the writing thread, in order, one at a time.
                if snapshot.size > RuleScanner.streamThreshold { return .large(snapshot) }
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                guard snapshot.isUnchanged(path: path) else { return .failed(FileChangedError()) }
                let fp = ResumeLog.fingerprint(content: bytes, setting: setting)
                if finishedBefore[rel] == fp, FileManager.default.fileExists(atPath: outURL.appendingPathComponent(rel).path) {
                    return .unchanged
                }
                let decoded: DecodedText
                do { decoded = try TextDecoder.decode(bytes, forced: forced) } catch let e as TextDecodingError {
                    if case .binary = e { return .binary }
                    throw e
                }
                let findings = scanner.scan(utf8: decoded.utf8, session: sessions[w])
                _ = sessions[w].drain()
                if redactOnWorkers && !dryRun {
                    let c = workerContexts[w]
                    c.document = rel
                    let outcome = try Redactor.redact(utf8: decoded.utf8, findings: findings, policy: pol, context: c, path: path)
                    let encoded = try TextEncoder.encode(outcome.text, as: decoded.encoding, bom: decoded.hasBOM)
                    return .redacted(fingerprint: fp, findings: findings.count, encoded: encoded)
                }
                return .ready(fingerprint: fp, decoded: decoded, findings: findings)
            } catch {
                return .failed(error)
            }
        }) { i, prepared in
            let (path, rel, _) = items[i]
            if Interruption.requested { return }   // the file in hand was finished; stop here
            func fail(_ error: Error) {
                failed += 1
                FileHandle.standardError.write(Data("sumi: \(path): \(describe(error))\n".utf8))
            }
            let dest = outURL.appendingPathComponent(rel)
            switch prepared {
            case .interrupted: return
            case .unchanged: unchanged += 1
            case .binary: FileHandle.standardError.write(Data("sumi: \(path): skipped: binary\n".utf8))
            case .failed(let error): fail(error)
            case .redacted(let fp, let count, let encoded):
                do {
                    if count > 0 { changed += 1 }
                    try write(encoded, to: dest)
                    written += 1
                    try resume?.record(rel, fingerprint: fp)
                } catch { fail(error) }
            case .large(let snapshot):
                do {
                    switch try redactLarge(path: path, rel: rel, dest: dest, snapshot: snapshot, scanner: scanner, session: writerSession,
                                           policy: pol, context: context, forced: forced, setting: setting,
                                           finishedBefore: finishedBefore[rel], dryRun: dryRun) {
                    case .unchanged: unchanged += 1
                    case .done(let fp, let result):
                        if result.findings > 0 { changed += 1 }
                        if dryRun {
                            let summary = result.applied.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                            print("\(path): \(result.findings) finding(s)\(summary.isEmpty ? "" : ": " + summary)")
                            return
                        }
                        written += 1
                        try resume?.record(rel, fingerprint: fp)
                        if !result.encrypted.isEmpty { manifest?.files[rel] = result.encrypted }
                    }
                } catch StreamingRedactor.Failure.binary {
                    FileHandle.standardError.write(Data("sumi: \(path): skipped: binary\n".utf8))
                } catch { fail(error) }
            case .ready(let fp, let decoded, let findings):
                do {
                    context.document = rel
                    let outcome = try Redactor.redact(utf8: decoded.utf8, findings: findings, policy: pol, context: context, path: path)
                    let summary = outcome.applied.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                    if !findings.isEmpty { changed += 1 }
                    if dryRun {
                        print("\(path): \(findings.count) finding(s)\(summary.isEmpty ? "" : ": " + summary)")
                        return
                    }
                    try write(try TextEncoder.encode(outcome.text, as: decoded.encoding, bom: decoded.hasBOM), to: dest)
                    written += 1
                    try resume?.record(rel, fingerprint: fp)
                    if !outcome.encrypted.isEmpty { manifest?.files[rel] = outcome.encrypted }
                } catch { fail(error) }
            }
        }
        for e in walkErrors { FileHandle.standardError.write(Data("sumi: \(e)\n".utf8)); failed += 1 }
        if let map, let key, !dryRun {
            try TokenMap.seal(context.tokens, key: key).write(to: URL(fileURLWithPath: map), options: .atomic)
        }
        if let manifest, !dryRun, !manifest.files.isEmpty {
            try manifest.data().write(to: URL(fileURLWithPath: out).appendingPathComponent(RedactionManifest.fileName), options: .atomic)
        }
        FileHandle.standardError.write(Data("sumi: \(dryRun ? "would change" : "wrote") \(dryRun ? changed : written) file(s), \(unchanged) unchanged since the last run, \(failed) failed\n".utf8))
        if Interruption.requested {
            FileHandle.standardError.write(Data("sumi: interrupted; run the same command again to finish\n".utf8))
            throw ExitCode(130)
        }
        if failed > 0 { throw ExitCode(2) }
    }
}

/// Undoes `encrypt` in a folder written by `sumi redact`, with the key it was written with.
struct ReidentifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reidentify",
        abstract: "Decrypt the values `sumi redact` encrypted (policy operator `encrypt`), into --out."
    )

    @Argument(help: "A folder written by `sumi redact`.")
    var folder: String

    @Option(help: "Where to write the re-identified files.")
    var out: String

    @Option(help: "The key the folder was written with (else SUMI_KEY).")
    var keyFile: String?

    func run() throws {
        let key = try FindingBaseline.loadKey(file: keyFile)
        let root = URL(fileURLWithPath: folder)
        let manifestURL = root.appendingPathComponent(RedactionManifest.fileName)
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw ValidationError("\(folder) has no \(RedactionManifest.fileName): nothing was encrypted there")
        }
        let manifest: RedactionManifest
        do { manifest = try RedactionManifest(data: data, key: key) } catch {
            FileHandle.standardError.write(Data("sumi: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let encryptor = try ValueEncryptor(userKey: .init(data: key))
        for (rel, spans) in manifest.files.sorted(by: { $0.key < $1.key }) {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(rel)))
            let decoded = try TextDecoder.decode(bytes)
            var text = decoded.utf8
            for s in spans.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                guard s.range.upperBound <= text.count else { throw ValidationError("\(rel): the manifest does not match the file") }
                let value = String(decoding: text[s.range], as: UTF8.self)
                let plain = try encryptor.decrypt(value, label: s.label)
                text.replaceSubrange(s.range, with: Array(plain.utf8))
            }
            let dest = URL(fileURLWithPath: out).appendingPathComponent(rel)
            try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try TextEncoder.encode(text, as: decoded.encoding, bom: decoded.hasBOM)).write(to: dest, options: .atomic)
        }
        FileHandle.standardError.write(Data("sumi: re-identified \(manifest.files.count) file(s)\n".utf8))
    }
}

/// Prints a token map written by `sumi redact --map` (values included: that is its purpose).
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Open a token map written by `sumi redact --map` and print it as JSON (label → value → token)."
    )

    @Argument(help: "The map file.")
    var file: String

    @Option(help: "The key it was sealed with (else SUMI_KEY).")
    var keyFile: String?

    func run() throws {
        let key = try FindingBaseline.loadKey(file: keyFile)
        let map: [String: [String: String]]
        do { map = try TokenMap.open(try Data(contentsOf: URL(fileURLWithPath: file)), key: key) } catch {
            FileHandle.standardError.write(Data("sumi: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let json = try JSONSerialization.data(withJSONObject: map, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        print(String(decoding: json, as: UTF8.self))
    }
}

/// A short reason for a failed file: Foundation's file errors name the POSIX cause ("No space
/// left on device", "Is a directory") instead of printing the whole error domain.
func describe(_ error: Error) -> String {
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain {
        let path = (ns.userInfo[NSFilePathErrorKey] as? String).map { " \($0)" } ?? ""
        let verb = (NSFileWriteUnknownError...NSFileWriteVolumeReadOnlyError).contains(ns.code) ? "cannot write" : "cannot read"
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error, case let posix = underlying as NSError, posix.domain == NSPOSIXErrorDomain {
            return "\(verb)\(path): \(String(cString: strerror(Int32(posix.code))))"
        }
        return "\(verb)\(path) (error \(ns.code))"
    }
    return "\(error)"
}

/// What a redaction worker hands to the writing thread for one file.
enum PreparedFile {
    /// Scanned; the writing thread redacts (the policy depends on file order).
    case ready(fingerprint: String, decoded: DecodedText, findings: [Finding])
    /// Redacted and encoded on the worker; only to be written.
    case redacted(fingerprint: String, findings: Int, encoded: [UInt8])
    /// Over the streaming threshold: the writing thread streams it.
    case large(FileSnapshot)
    case unchanged, binary, interrupted
    case failed(Error)
}

/// Writes atomically: a temporary file next to `dest`, then a rename.
private func write(_ bytes: [UInt8], to dest: URL) throws {
    try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: dest, options: .atomic)
}

private enum LargeOutcome {
    case unchanged
    case done(fingerprint: String, StreamingRedactor.Result)
}

/// A file over the streaming threshold: UTF-8 is streamed into a temporary file renamed into
/// place at the end; other encodings are redacted whole up to `StreamingRedactor.wholeFileLimit`
/// and refused above it. Nothing is left at `dest` when it fails or changed while being read.
private func redactLarge(path: String, rel: String, dest: URL, snapshot: FileSnapshot, scanner: RuleScanner, session: ScanSession,
                         policy: Policy, context: OperatorContext, forced: TextEncoding?, setting: String,
                         finishedBefore: String?, dryRun: Bool) throws -> LargeOutcome {
    let url = URL(fileURLWithPath: path)
    if let finishedBefore, !dryRun, FileManager.default.fileExists(atPath: dest.path) {
        // Only when an earlier run finished it: hashing a large file costs a read.
        var fp = ResumeLog.Fingerprinter()
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        while let data = try input.read(upToCount: 4 << 20), !data.isEmpty { fp.update([UInt8](data)) }
        if fp.finalize(setting: setting) == finishedBefore { return .unchanged }
    }
    context.document = rel
    let input = try FileHandle(forReadingFrom: url)
    defer { try? input.close() }
    let head = [UInt8](try input.read(upToCount: 64 << 10) ?? Data())
    try input.seek(toOffset: 0)
    if let encoding = forced ?? TextDecoder.detect(head), encoding != .utf8 && encoding != .utf8BOM {
        guard snapshot.size <= StreamingRedactor.wholeFileLimit else { throw StreamingRedactor.Failure.notUTF8(encoding, size: snapshot.size) }
        let bytes = [UInt8](try input.readToEnd() ?? Data())
        guard snapshot.isUnchanged(path: path) else { throw FileChangedError() }
        let decoded = try TextDecoder.decode(bytes, forced: forced)
        let findings = scanner.scan(utf8: decoded.utf8, session: session)
        _ = session.drain()
        let outcome = try Redactor.redact(utf8: decoded.utf8, findings: findings, policy: policy, context: context, path: path)
        var result = StreamingRedactor.Result(encoding: decoded.encoding)
        result.findings = findings.count
        result.applied = outcome.applied
        result.encrypted = outcome.encrypted
        if !dryRun { try write(try TextEncoder.encode(outcome.text, as: decoded.encoding, bom: decoded.hasBOM), to: dest) }
        return .done(fingerprint: ResumeLog.fingerprint(content: bytes, setting: setting), result)
    }
    if dryRun {
        guard let devNull = FileHandle(forWritingAtPath: "/dev/null") else { throw CocoaError(.fileWriteUnknown) }
        defer { try? devNull.close() }
        let result = try StreamingRedactor.redact(input: input, output: devNull, forced: forced, scanner: scanner, session: session,
                                                  policy: policy, context: context, path: path)
        guard snapshot.isUnchanged(path: path) else { throw FileChangedError() }
        return .done(fingerprint: "", result)
    }
    try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
    let temp = dest.deletingLastPathComponent().appendingPathComponent(".\(dest.lastPathComponent).sumi-\(getpid()).tmp")
    guard FileManager.default.createFile(atPath: temp.path, contents: nil) else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temp.path])
    }
    var keepTemp = false
    defer { if !keepTemp { try? FileManager.default.removeItem(at: temp) } }
    let output = try FileHandle(forWritingTo: temp)
    var fp = ResumeLog.Fingerprinter()
    let result: StreamingRedactor.Result
    do {
        defer { try? output.close() }
        result = try StreamingRedactor.redact(input: input, output: output, forced: forced, scanner: scanner, session: session,
                                              policy: policy, context: context, path: path, raw: { fp.update($0) })
        try output.synchronize()
    }
    guard snapshot.isUnchanged(path: path) else { throw FileChangedError() }
    // rename(2) replaces an earlier output atomically.
    guard rename(temp.path, dest.path) == 0 else {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: dest.path])
    }
    keepTemp = true
    return .done(fingerprint: fp.finalize(setting: setting), result)
}
