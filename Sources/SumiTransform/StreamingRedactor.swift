import Foundation
import SumiCore
import SumiText

/// Redacts a large UTF-8 file without holding it in memory: the file is read block by block,
/// scanned as it goes (findings with offsets in the whole text), and each settled stretch of
/// text is redacted and appended to the output, so memory stays around `window` plus the
/// scanner's chunks, whatever the file size.
///
/// The file is read twice: first to learn every value found in it (so a copy of a value that no
/// rule recognised is replaced anywhere in the file, as when the text is redacted whole), then to
/// redact. Differences from redacting the whole text at once: a copy that straddles the boundary
/// of two windows (`window` bytes, 16 MB by default) is not replaced, and once the values take
/// `copyBudget` bytes, later values are searched for only in their own window.
public enum StreamingRedactor {
    /// Other encodings are decoded whole; files of those above this size are refused rather than
    /// risk exhausting memory (decoded text, findings and re-encoded output together take several
    /// times the file size).
    public static let wholeFileLimit = 512 << 20

    public struct Result {
        public var encoding: TextEncoding
        public var findings = 0
        public var applied: [String: Int] = [:]
        /// Encrypted byte ranges in the output text (BOM excluded), as `Redactor.Outcome.encrypted`.
        public var encrypted: [(range: Range<Int>, label: String)] = []
        public init(encoding: TextEncoding) { self.encoding = encoding }
    }

    public enum Failure: Error, CustomStringConvertible {
        case binary
        case notUTF8(TextEncoding, size: Int)
        case invalid(TextDecodingError)
        public var description: String {
            switch self {
            case .binary: return "binary file"
            case .notUTF8(let e, let size):
                return "\(e.rawValue) file of \(size >> 20) MB is over the \(StreamingRedactor.wholeFileLimit >> 20) MB limit for encodings other than UTF-8 (convert it to UTF-8 to redact it)"
            case .invalid(let e): return e.description
            }
        }
    }

    /// Streams `input` (UTF-8 with or without BOM) through the scanner and the redactor into
    /// `output` (written to as it goes; the caller makes it a temporary file and renames it).
    /// `raw` sees every byte read, for a content fingerprint.
    public static func redact(input: FileHandle, output: FileHandle, forced: TextEncoding?, scanner: RuleScanner,
                              session: ScanSession, policy: Policy, context: OperatorContext, path: String? = nil,
                              window: Int = 16 << 20, copyBudget: Int = 64 << 20, raw: ([UInt8]) -> Void = { _ in }) throws -> Result {
        let start = try input.offset()
        let peek = [UInt8](try input.read(upToCount: 64 << 10) ?? Data())
        guard let encoding = forced ?? TextDecoder.detect(peek) else { throw Failure.binary }
        guard encoding == .utf8 || encoding == .utf8BOM else { throw Failure.notUTF8(encoding, size: Int(try input.seekToEnd())) }
        try input.seek(toOffset: start)

        // Pass 1: the values, in the order they are found.
        var copies = CopyIndex()
        var copyBytes = 0
        var skipBOM = true
        scanner.scanStream(session: session, read: { buf in
            guard let data = try? input.read(upToCount: 1 << 20), !data.isEmpty else { return false }
            var block = [UInt8](data)
            if skipBOM && block.starts(with: [0xEF, 0xBB, 0xBF]) { block.removeFirst(3) }
            skipBOM = false
            buf.append(contentsOf: block)
            return true
        }, emit: { f in
            guard copyBytes < copyBudget else { return }
            let before = copies.count
            copies.add(f)
            if copies.count > before { copyBytes += f.value.utf8.count + 64 }
        }, settled: { _ in })
        _ = session.drain()
        try input.seek(toOffset: start)

        // Pass 2: scan again and redact window by window.
        let head = [UInt8](try input.read(upToCount: 64 << 10) ?? Data())
        raw(head)
        var result = Result(encoding: encoding)
        var firstBlock = head
        if firstBlock.starts(with: [0xEF, 0xBB, 0xBF]) {
            firstBlock.removeFirst(3)
            try output.write(contentsOf: Data([0xEF, 0xBB, 0xBF]))
        }
        var pending: [UInt8] = []       // decoded text not yet redacted
        var pendingBase = 0             // offset of pending[0] in the whole text
        var found: [Finding] = []       // findings starting at or after pendingBase, in order
        var written = 0                 // text bytes written (BOM excluded)
        var utf8 = UTF8BlockValidator()
        var outcome = Redactor.Outcome(text: [])

        // Redacts pending text up to `cut` (not inside a finding) and writes it out.
        func flush(upTo cut: Int) throws {
            let end = cut - pendingBase
            guard end > 0 else { return }
            let mine = found.prefix { $0.byteStart < cut }
            var local = Array(mine)
            for k in local.indices { local[k].byteStart -= pendingBase; local[k].byteEnd -= pendingBase }
            found.removeFirst(mine.count)
            outcome.text.removeAll(keepingCapacity: true)
            outcome.encrypted.removeAll()
            // This window's own values too, when the budget left them out of the file's.
            var windowCopies = copies
            if copyBytes >= copyBudget { for f in local { windowCopies.add(f) } }
            try Redactor.redact(utf8: pending[0..<end], findings: local, policy: policy, context: context, path: path,
                                copies: windowCopies, into: &outcome)
            for e in outcome.encrypted {
                result.encrypted.append(((e.range.lowerBound + written)..<(e.range.upperBound + written), e.label))
            }
            try output.write(contentsOf: outcome.text)
            written += outcome.text.count
            pending.removeFirst(end)
            pendingBase = cut
            // A finding that began inside the flushed text is covered by it: skipped, as the
            // whole-text redactor skips a finding starting inside an earlier one.
            found.removeAll { $0.byteStart < cut }
        }

        var pendingError: Error? = nil
        try scanner.scanStream(session: session, read: { buf in
            if utf8.invalidAt != nil || pendingError != nil { return false }
            var piece: [UInt8]? = nil
            if !firstBlock.isEmpty {
                piece = firstBlock; firstBlock = []
            } else if let data = try input.read(upToCount: 1 << 20), !data.isEmpty {
                let bytes = [UInt8](data)
                raw(bytes)
                piece = bytes
            }
            guard let block = utf8.accept(piece) else { return false }
            buf.append(contentsOf: block)
            pending.append(contentsOf: block)
            return true
        }, emit: { f in
            result.findings += 1
            if f.byteStart >= pendingBase { found.append(f) }
        }, settled: { settledAt in
            guard pendingError == nil, settledAt - pendingBase >= window else { return }
            // Never cut through a finding that starts before the settled point.
            var cut = settledAt
            for f in found where f.byteStart < settledAt { cut = max(cut, f.byteEnd) }
            do { try flush(upTo: min(cut, pendingBase + pending.count)) } catch { pendingError = error }
        })
        if let pendingError { throw pendingError }
        if let bad = utf8.invalidAt { throw Failure.invalid(.invalid(encoding: encoding, byteOffset: bad)) }
        try flush(upTo: pendingBase + pending.count)
        _ = session.drain()
        result.applied = outcome.applied
        return result
    }
}
