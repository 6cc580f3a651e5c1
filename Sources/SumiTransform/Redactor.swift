import Foundation
import SumiCore

/// Applies a policy to a decoded text: every finding replaced by its operator's output.
///
/// Works on the UTF-8 bytes: the text between findings is copied as bytes, and a String is made
/// only for each finding's value and its replacement.
public enum Redactor {
    public struct Outcome {
        public var text: [UInt8]
        public var applied: [String: Int] = [:]
        /// Findings whose operator did not apply (a generalization of a non-date...), replaced by `<LABEL>`.
        public var fallbacks = 0
        /// Byte ranges in `text` that were encrypted, with their label (for `sumi reidentify`).
        public var encrypted: [(range: Range<Int>, label: String)] = []
    }

    /// Every finding is replaced, and so is every other occurrence of a found value in the same
    /// text (values of two CJK characters or four Latin ones and more): once a value is known to
    /// be personal, a copy of it in a place no rule recognised must not survive.
    public static func redact(utf8: [UInt8], findings: [Finding], policy: Policy, context: OperatorContext, path: String? = nil) throws -> Outcome {
        var out = Outcome(text: [])
        out.text.reserveCapacity(utf8.count)
        try redact(utf8: utf8[...], findings: findings, policy: policy, context: context, path: path, into: &out)
        return out
    }

    /// Appends the redacted `text` to `out.text` (so a large file can be redacted piece by piece
    /// into one buffer or stream). Finding offsets are relative to `text.startIndex`'s base, i.e.
    /// `text` indices; encrypted ranges are recorded relative to the start of `out.text`.
    /// `copies`: the values whose copies are searched for, when they come from more than this
    /// text (a large file redacted window by window searches each window for the whole file's values).
    public static func redact(utf8 text: ArraySlice<UInt8>, findings: [Finding], policy: Policy, context: OperatorContext,
                              path: String? = nil, copies: CopyIndex? = nil, into out: inout Outcome) throws {
        let all = findings + (copies ?? CopyIndex(values: findings)).occurrences(in: text, taken: findings)
        // A reading (ヤマダ タロウ) next to a kanji name (山田太郎) gets the reading of that name's
        // surrogate, so the two still agree; the names are faked first.
        let sorted = all.sorted(by: { $0.byteStart < $1.byteStart })
        var readingOwner: [Int: Finding] = [:]
        if policy.allOperators.contains(.surrogate) {
            func isReading(_ f: Finding) -> Bool {
                f.label == "PERSON" && !f.value.isEmpty && f.value.unicodeScalars.allSatisfy {
                    (0x3041...0x30FF).contains($0.value) || $0 == " " || $0 == "　"
                }
            }
            for (i, f) in sorted.enumerated() where isReading(f) {
                if case .surrogate = policy.operatorFor(f.label, path: path) {
                    let near = sorted.filter { $0.label == "PERSON" && !isReading($0) && abs($0.byteStart - f.byteStart) < 240 }
                    if let owner = near.min(by: { abs($0.byteStart - f.byteStart) < abs($1.byteStart - f.byteStart) }) {
                        readingOwner[i] = owner
                        _ = try? policy.operatorFor(owner.label, path: path).apply(owner.value, label: owner.label, context: context)
                    }
                }
            }
        }
        // Fixed replacements (`<LABEL>`, or a template without {n}) are the same for every value
        // of a label: made once per label, not once per finding.
        var fixed: [String: [UInt8]] = [:]
        var at = text.startIndex
        for (i, f) in sorted.enumerated() where f.byteStart >= at {
            out.text.append(contentsOf: text[at..<f.byteStart])
            at = f.byteEnd
            let op = policy.operatorFor(f.label, path: path)
            if case .replace(let template) = op, !template.contains("{n}") {
                if fixed[f.label] == nil { fixed[f.label] = Array(template.replacingOccurrences(of: "{label}", with: f.label).utf8) }
                out.text.append(contentsOf: fixed[f.label]!)
                out.applied[f.label, default: 0] += 1
                continue
            }
            context.linkedReading = readingOwner[i].flatMap { context.readingOfSurrogate(for: $0.value) }
            defer { context.linkedReading = nil }
            let replacement: String
            do {
                replacement = try op.apply(f.value, label: f.label, context: context)
                out.applied[f.label, default: 0] += 1
            } catch OperatorError.notApplicable {
                replacement = "<\(f.label)>"
                out.fallbacks += 1
            }
            if case .encrypt = op, replacement != "<\(f.label)>" {
                out.encrypted.append((out.text.count..<(out.text.count + replacement.utf8.count), f.label))
            }
            out.text.append(contentsOf: replacement.utf8)
        }
        out.text.append(contentsOf: text[at...])
    }
}

/// The found values whose copies elsewhere in a text are replaced too: values of two CJK
/// characters or four Latin ones and more, each with the finding it was first found as.
///
/// The search is one pass over the text for all values: a position is looked at further only
/// when its first four bytes hash into a bitmap of the values' first four bytes.
public struct CopyIndex {
    private(set) var needles: [[UInt8]] = []
    private(set) var owners: [Finding] = []
    private var seen = Set<String>()
    private var bitmap = [UInt64](repeating: 0, count: CopyIndex.bitmapBits / 64)
    private var byPrefix: [UInt32: [Int32]] = [:]
    private var short: [Int] = []   // values under four bytes (two characters, one of two bytes): rare
    static let bitmapBits = 1 << 20

    public init(values findings: [Finding] = []) {
        for f in findings { add(f) }
    }

    public var isEmpty: Bool { needles.isEmpty }
    public var count: Int { needles.count }

    /// Adds the finding's value if it is long enough and new; values keep the order they were added in.
    public mutating func add(_ f: Finding) {
        let chars = f.value.count, bytes = f.value.utf8.count
        guard chars >= (bytes > chars ? 2 : 4), seen.insert(f.value).inserted else { return }
        let needle = Array(f.value.utf8)
        let n = needles.count
        needles.append(needle)
        var owner = f
        owner.byteStart = 0; owner.byteEnd = 0   // only label, rule and value are copied
        owners.append(owner)
        guard needle.count >= 4 else { short.append(n); return }
        let p = UInt32(needle[0]) | UInt32(needle[1]) << 8 | UInt32(needle[2]) << 16 | UInt32(needle[3]) << 24
        let s = CopyIndex.slot(p)
        bitmap[s >> 6] |= 1 << UInt64(s & 63)
        byPrefix[p, default: []].append(Int32(n))
    }

    @inline(__always) static func slot(_ p: UInt32) -> Int { Int((p &* 0x9E37_79B1) >> 12) }

    /// Copies of the values in `text` that no finding in `taken` covers, as findings of the value's
    /// first finding. Values are taken in the order they were first found; each value's copies left
    /// to right, non-overlapping; a copy overlapping a finding or an earlier copy is left out.
    func occurrences(in text: ArraySlice<UInt8>, taken findings: [Finding]) -> [Finding] {
        guard !needles.isEmpty, !text.isEmpty else { return [] }
        // Occurrences of each value, in text order.
        var hits = [[Int]](repeating: [], count: needles.count)
        let base = text.startIndex
        text.withUnsafeBufferPointer { t in
            needles.withUnsafeBufferPointer { needles in
                let count = t.count
                if count >= 4 {
                    var p = UInt32(t[0]) << 8 | UInt32(t[1]) << 16 | UInt32(t[2]) << 24
                    for i in 0...(count - 4) {
                        p = p >> 8 | UInt32(t[i + 3]) << 24
                        let s = CopyIndex.slot(p)
                        guard bitmap[s >> 6] & (1 << UInt64(s & 63)) != 0, let candidates = byPrefix[p] else { continue }
                        for c in candidates {
                            let needle = needles[Int(c)]
                            if i + needle.count <= count,
                               needle.withUnsafeBufferPointer({ memcmp($0.baseAddress!, t.baseAddress! + i, needle.count) == 0 }) {
                                hits[Int(c)].append(base + i)
                            }
                        }
                    }
                }
                for n in short {
                    let needle = needles[n]
                    var i = 0
                    while i + needle.count <= count {
                        if t[i] == needle[0] && needle.indices.allSatisfy({ t[i + $0] == needle[$0] }) { hits[n].append(base + i) }
                        i += 1
                    }
                }
            }
        }
        // Everything already taken, as sorted disjoint ranges (overlapping the union of ranges is
        // overlapping one of them).
        var taken = TakenRanges(findings.map { $0.byteStart..<$0.byteEnd })
        var extra: [Finding] = []
        for n in needles.indices where !hits[n].isEmpty {
            let length = needles[n].count
            var next = 0   // a copy starts where the previous copy of the same value ended
            for start in hits[n] where start >= next {
                next = start + length
                let r = start..<(start + length)
                if taken.insertIfFree(r) {
                    var copy = owners[n]
                    copy.byteStart = r.lowerBound
                    copy.byteEnd = r.upperBound
                    extra.append(copy)
                }
            }
        }
        return extra
    }
}

/// Sorted, disjoint, non-empty byte ranges.
struct TakenRanges {
    private var ranges: [Range<Int>] = []

    init(_ initial: [Range<Int>]) {
        for r in initial.sorted(by: { $0.lowerBound < $1.lowerBound }) where !r.isEmpty {
            if let last = ranges.last, last.upperBound >= r.lowerBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                ranges.append(r)
            }
        }
    }

    /// Adds `r` and returns true when it overlaps no range; otherwise returns false.
    mutating func insertIfFree(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return true }
        // The first range that ends after r starts.
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        if lo < ranges.count && ranges[lo].lowerBound < r.upperBound { return false }
        ranges.insert(r, at: lo)
        return true
    }
}
