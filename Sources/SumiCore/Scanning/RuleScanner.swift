import Dispatch
import Foundation
import SumiText

public struct ScanOptions: Sendable {
    /// Findings scoring below this are dropped.
    public var minScore: Double = 0.5
    /// Only rules with these labels run (nil: all).
    public var labels: Set<String>? = nil
    /// Record every candidate with its fate (for `explain` and rule examples).
    public var trace = false
    /// Bytes scanned at once, and bytes of overlap on each side so no finding is split.
    public var chunkSize = 1 << 20
    public var overlap = 4096
    /// Measure time spent per rule (`sumi bench --per-rule`).
    public var profile = false

    public init(minScore: Double = 0.5, labels: Set<String>? = nil, trace: Bool = false) {
        self.minScore = minScore
        self.labels = labels
        self.trace = trace
    }
}

/// A candidate match and what happened to it; recorded when `ScanOptions.trace` is on.
public struct Candidate: Sendable {
    public enum Outcome: Sendable, Equatable {
        case reported
        case rejected(String)
        case belowThreshold
        case lostTo(ruleID: String)
        /// Reported as part of a longer finding of the same label (`merge`).
        case joinedTo(ruleID: String)
    }
    public var ruleID: String
    public var label: String
    /// Byte range of the value in the decoded text.
    public var byteStart: Int
    public var byteEnd: Int
    public var rawMatch: String
    public var value: String
    public var baseScore: Double
    public var score: Double
    public var validator: String?
    public var validatorPassed: Bool?
    public var contextFound: [String]
    public var exclusions: [String]
    public var outcome: Outcome
}

/// A warning about a rule that could not finish on some text (a pattern that hit its limits).
public struct ScanWarning: Sendable, Equatable, CustomStringConvertible {
    public var ruleID: String
    public var message: String
    public var description: String { "rule \(ruleID): \(message)" }
}

/// Per-thread scanning state: regex scratch and reusable hit buffers.
public final class ScanSession {
    let scratch: RegexScratch
    /// Word-list hits of the current chunk, grouped by list (CSR): list l owns
    /// `hitRanges[hitStart[l]..<hitStart[l + 1]]`, sorted by end offset.
    var hitStart: [Int32] = []
    var hitRanges: [Range<Int>] = []
    /// Raw (list, start, end) triples in automaton order, before grouping.
    var rawHits: [(list: Int32, start: Int32, end: Int32)] = []
    let listCount: Int
    var warnings: [ScanWarning] = []
    var candidates: [Candidate] = []
    var owner: [Int32] = []
    /// Table header line per (row line start, delimiter) in the current chunk.
    var headerCache: [Int: Int] = [:]
    /// Bytes taken by findings while mentions are added (all false between uses).
    var mentionMask: [Bool] = []
    /// Nanoseconds spent per rule index, and in the dictionary automaton (when profiling).
    public var ruleNanos: [UInt64] = []
    /// Pattern searches per rule index and the bytes they covered (when profiling).
    public var ruleSearches: [Int] = []
    public var ruleSearchedBytes: [Int] = []
    public var automatonNanos: UInt64 = 0
    /// Nanoseconds per stage of a chunk (when profiling), in `ScanSession.stageNames` order.
    public var stageNanos = [UInt64](repeating: 0, count: ScanSession.stageNames.count)
    public static let stageNames = ["normalize", "automaton", "patterns and dictionaries", "validators and context",
                                    "overlaps, mentions, fragments", "findings and positions"]
    @inline(__always) func lap(_ stage: Int, _ clock: inout UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        stageNanos[stage] += now - clock
        clock = now
    }
    public var automatonHits = 0
    /// Hits kept per word list (when profiling).
    public var listHits: [Int] = []
    public var candidateCount = 0

    init(pack: RulePack) {
        scratch = RegexScratch(maxCaptures: pack.maxCaptures)
        listCount = pack.listCount
    }
}

/// Runs a rule pack over text. Immutable and shareable; each thread uses its own `ScanSession`.
public final class RuleScanner: @unchecked Sendable {
    public let pack: RulePack
    public let options: ScanOptions
    let active: [CompiledRule]
    /// For each automaton term, the lists some active rule reads (CSR; others are not collected).
    let termUsedStart: [Int32]
    let termUsedLists: [Int32]
    /// Some active rule opts in to joining fragments (`merge`).
    let hasMergeRules: Bool
    /// Some active rule lets list items share context (`context.list`).
    let hasListContextRules: Bool

    public init(pack: RulePack, options: ScanOptions = ScanOptions()) {
        self.pack = pack
        self.options = options
        active = pack.rules.filter { options.labels?.contains($0.rule.label) ?? true }
        var used = [Bool](repeating: false, count: pack.listCount)
        for r in active {
            for l in [r.keywordList, r.contextList, r.excludeList, r.weakExcludeList, r.dictionaryList] {
                if let l { used[l] = true }
            }
        }
        var start: [Int32] = [0], lists: [Int32] = []
        start.reserveCapacity(pack.termLists.count + 1)
        for ls in pack.termLists {
            for l in ls where used[Int(l)] { lists.append(l) }
            start.append(Int32(lists.count))
        }
        termUsedStart = start
        termUsedLists = lists
        hasMergeRules = active.contains { $0.rule.merge != nil }
        hasListContextRules = active.contains { $0.rule.context?.list == true }
    }

    public func makeSession() -> ScanSession { ScanSession(pack: pack) }

    /// Scans decoded UTF-8 text (BOM already removed).
    public func scan(utf8 text: [UInt8], session: ScanSession? = nil) -> [Finding] {
        let s = session ?? makeSession()
        var offset = 0
        return scanChunked(session: s) { buf in
            guard offset < text.count else { return false }
            let n = min(options.chunkSize, text.count - offset)
            buf.append(contentsOf: text[offset..<(offset + n)])
            offset += n
            return true
        }
    }

    public func scan(_ text: String, session: ScanSession? = nil) -> [Finding] {
        scan(utf8: Array(text.utf8), session: session)
    }

    /// Scans text delivered block by block. `read` appends bytes to the buffer and returns false
    /// at the end. Text is cut at line ends near `chunkSize`; each chunk is scanned with `overlap`
    /// bytes of context on both sides and keeps the findings that start in its own part, so
    /// memory stays flat and no finding is split.
    func scanChunked(session: ScanSession, read: (inout [UInt8]) throws -> Bool) rethrows -> [Finding] {
        var findings: [Finding] = []
        try scanChunked(session: session, read: read) { findings.append($0) }
        return findings
    }

    /// Streaming form: each finding goes to `emit` as soon as its chunk is done, so nothing grows
    /// with the size of the text.
    /// `settled` is told, after each chunk, the offset before which every finding has been
    /// emitted (findings come in order of offset), so a caller streaming the text can let go of it.
    public func scanStream(session: ScanSession, read: (inout [UInt8]) throws -> Bool, emit: (Finding) -> Void,
                           settled: (Int) -> Void) rethrows {
        try scanChunked(session: session, read: read, emit: emit, settled: settled)
    }

    func scanChunked(session: ScanSession, read: (inout [UInt8]) throws -> Bool, emit: (Finding) -> Void,
                     settled: (Int) -> Void = { _ in }) rethrows {
        var buf: [UInt8] = []
        var base = 0          // global offset of buf[0]
        var coreStart = 0     // index in buf where this chunk's own part starts
        var eof = false
        var cursor = PositionCursor()
        let chunk = options.chunkSize, overlap = options.overlap
        while true {
            while !eof && buf.count - coreStart < chunk + overlap {
                if try !read(&buf) { eof = true }
            }
            var coreEnd = buf.count
            if !eof {
                let limit = boundary(buf, buf.count - overlap)
                coreEnd = lastNewline(buf, from: coreStart + chunk / 2, to: limit) ?? limit
            }
            // Blocks may end inside a character; the matcher must only ever see whole characters.
            let scanEnd = eof ? buf.count : boundary(buf, buf.count)
            let raw: [RawFinding] = buf.withUnsafeBufferPointer { b in
                scanChunk(UnsafeBufferPointer(rebasing: b[0..<scanEnd]), keep: coreStart..<coreEnd, base: base, session: session)
            }
            var clock = options.profile ? DispatchTime.now().uptimeNanoseconds : 0
            buf.withUnsafeBufferPointer { b in
                for f in raw {
                    cursor.advance(to: base + f.range.lowerBound, in: b, base: base)
                    let valueBytes = b[f.range]
                    let cps = valueBytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                    let rule = pack.rules[f.rule].rule
                    emit(Finding(
                        label: rule.label, ruleID: rule.id, score: f.score,
                        byteStart: base + f.range.lowerBound, byteEnd: base + f.range.upperBound,
                        start: cursor.codePoint, end: cursor.codePoint + cps,
                        line: cursor.line, column: cursor.column,
                        value: String(decoding: valueBytes, as: UTF8.self)))
                }
            }
            if options.profile { session.lap(5, &clock) }
            if eof { break }
            settled(base + coreEnd)
            let keepFrom = boundary(buf, max(0, coreEnd - overlap))
            if cursor.byteOffset < base + keepFrom {
                buf.withUnsafeBufferPointer { cursor.advance(to: base + keepFrom, in: $0, base: base) }
            }
            buf.removeFirst(keepFrom)
            base += keepFrom
            coreStart = coreEnd - keepFrom
        }
    }

    /// The nearest character boundary at or before `i`; at the end of the buffer, the start of a
    /// last character that is still incomplete.
    private func boundary(_ b: [UInt8], _ i: Int) -> Int {
        var j = max(0, min(i, b.count))
        if j == b.count {
            var p = j - 1
            while p > 0 && (b[p] & 0xC0) == 0x80 { p -= 1 }
            guard p >= 0 && p < b.count else { return j }
            let lead = b[p]
            let len = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            return p + len > b.count ? p : j
        }
        while j > 0 && (b[j] & 0xC0) == 0x80 { j -= 1 }
        return j
    }

    private func lastNewline(_ b: [UInt8], from: Int, to: Int) -> Int? {
        var j = to
        while j > from {
            if b[j - 1] == 0x0A { return j }
            j -= 1
        }
        return nil
    }

    struct RawFinding {
        var rule: Int
        var range: Range<Int>   // original bytes within the chunk
        var score: Double
    }

    struct Cand {
        var rule: Int
        var value: Range<Int>   // normalized bytes
        var match: Range<Int>
        var score: Double = 0
        var alive = true
        var reason: String? = nil
        var validatorPassed: Bool? = nil
        var hasContext = false
        /// A weak exclusion word near the value: it vetoes the value unless context is found.
        var weakExclusion: Range<Int>? = nil
        var context: [String] = []      // filled when tracing
        var exclusions: [String] = []
    }

    // MARK: one chunk

    func scanChunk(_ orig: UnsafeBufferPointer<UInt8>, keep: Range<Int>, base: Int, session: ScanSession) -> [RawFinding] {
        var clock = options.profile ? DispatchTime.now().uptimeNanoseconds : 0
        let norm = Normalizer.normalize(orig)
        if options.profile { session.lap(0, &clock) }
        return norm.bytes.withUnsafeBufferPointer { t -> [RawFinding] in
            // 1. One automaton pass for every word list.
            let t0 = options.profile ? DispatchTime.now().uptimeNanoseconds : 0
            session.rawHits.removeAll(keepingCapacity: true)
            var raw = session.rawHits
            session.rawHits = []
            termUsedStart.withUnsafeBufferPointer { ts in
                termUsedLists.withUnsafeBufferPointer { tl in
                    pack.automaton.scan(t) { hit in
                        let a = Int(ts[Int(hit.term)]), b = Int(ts[Int(hit.term) + 1])
                        if a == b { return }
                        for k in a..<b { raw.append((tl[k], Int32(hit.start), Int32(hit.end))) }
                    }
                }
            }
            // Group by list with a counting sort; automaton order (by end) is kept within a list.
            var counts = [Int32](repeating: 0, count: session.listCount + 1)
            for h in raw { counts[Int(h.list) + 1] += 1 }
            for l in 0..<session.listCount { counts[l + 1] += counts[l] }
            var fill = counts
            var ranges = [Range<Int>](repeating: 0..<0, count: raw.count)
            for h in raw {
                ranges[Int(fill[Int(h.list)])] = Int(h.start)..<Int(h.end)
                fill[Int(h.list)] += 1
            }
            session.hitStart = counts
            session.hitRanges = ranges
            session.rawHits = raw
            if options.profile {
                session.automatonNanos += DispatchTime.now().uptimeNanoseconds - t0
                session.automatonHits += session.hitRanges.count
                if session.listHits.isEmpty { session.listHits = Array(repeating: 0, count: session.listCount) }
                for l in 0..<session.listCount { session.listHits[l] += Int(counts[l + 1] - counts[l]) }
                if session.ruleNanos.isEmpty {
                    session.ruleNanos = Array(repeating: 0, count: pack.rules.count)
                    session.ruleSearches = Array(repeating: 0, count: pack.rules.count)
                    session.ruleSearchedBytes = Array(repeating: 0, count: pack.rules.count)
                }
                session.lap(1, &clock)
            }
            // 2. Candidates from patterns and dictionaries.
            var cands: [Cand] = []
            var digitWindows: DigitWindows? = nil
            for r in active {
                let t1 = options.profile ? DispatchTime.now().uptimeNanoseconds : 0
                if r.rule.requiresDigit && digitWindows == nil { digitWindows = DigitWindows(t) }
                if !r.regexes.isEmpty { collectPatternMatches(r, t, session, digitWindows, &cands) }
                if r.dictionaryList != nil { collectDictionaryMatches(r, t, session, &cands) }
                if options.profile { session.ruleNanos[r.index] += DispatchTime.now().uptimeNanoseconds - t1 }
            }
            if options.profile { session.lap(2, &clock) }
            // 3. Validators, exclusions, context.
            session.headerCache.removeAll(keepingCapacity: true)
            if options.profile { session.candidateCount += cands.count }
            for i in cands.indices { evaluate(&cands[i], t, session) }
            applyLabelContext(&cands, t)
            if hasListContextRules { shareListContext(&cands, t) }
            if options.profile { session.lap(3, &clock) }
            // 4. Threshold, then overlap resolution: higher score, then longer, then earlier rule.
            var order = cands.indices.filter { cands[$0].alive && cands[$0].score >= options.minScore }
            // Compared through the array, not copies: a `Cand` copy retains its trace strings.
            cands.withUnsafeBufferPointer { cs in
                order.sort {
                    if cs[$0].score != cs[$1].score { return cs[$0].score > cs[$1].score }
                    let a = cs[$0].value, b = cs[$1].value
                    if a.count != b.count { return a.count > b.count }
                    if a.lowerBound != b.lowerBound { return a.lowerBound < b.lowerBound }
                    return cs[$0].rule < cs[$1].rule
                }
            }
            // Owner of each byte (candidate index + 1): resolution costs the total length of the
            // candidates, not their count squared.
            if session.owner.count < t.count + 1 { session.owner = [Int32](repeating: 0, count: t.count + 1) }
            var taken: [(range: Range<Int>, cand: Int)] = []
            var lostTo: [Int: Int] = [:]
            session.owner.withUnsafeMutableBufferPointer { owner in
                for i in order {
                    let v = cands[i].value
                    var clash = -1
                    for k in v where owner[k] != 0 { clash = Int(owner[k]) - 1; break }
                    if clash >= 0 { if options.trace { lostTo[i] = clash }; continue }
                    for k in v { owner[k] = Int32(i + 1) }
                    taken.append((v, i))
                }
                for (v, _) in taken { for k in v { owner[k] = 0 } }
            }
            taken.sort { $0.range.lowerBound < $1.range.lowerBound }
            // 5. Mentions: names found above, seen again alone further on.
            for r in active where r.rule.mentions != nil {
                addMentions(r, t, session, &cands, &taken)
            }
            // 6. Fragments of one special-care phrase become one finding.
            let joinedTo = hasMergeRules ? joinFragments(&cands, &taken, t) : [:]
            if options.trace { record(cands, taken: Set(taken.map(\.cand)), lostTo: lostTo, joinedTo: joinedTo, t, norm, orig, keep, base, session) }
            if options.profile { session.lap(4, &clock) }
            var out: [RawFinding] = []
            let allow = pack.allowlist
            let checkAllow = !allow.values.isEmpty || !allow.patterns.isEmpty
            for (range, i) in taken {
                let o = norm.originalOffset(range.lowerBound)..<norm.originalOffset(range.upperBound)
                guard keep.contains(o.lowerBound) else { continue }
                if checkAllow, allow.allows(value: String(decoding: orig[o], as: UTF8.self), scratch: session.scratch) { continue }
                out.append(RawFinding(rule: cands[i].rule, range: o, score: cands[i].score))
            }
            return out
        }
    }

    /// Stretches of text around digit runs, merged when they touch. Digit-bearing rules only need
    /// to look there. A window reaches 64 bytes past a run, and ahead of it as far as a match can
    /// start before its first digit: 128 bytes by default (labels, month names), the rule's
    /// `requires_digit.before` characters, or nothing for patterns that must begin with a digit.
    final class DigitWindows {
        let text: UnsafeBufferPointer<UInt8>
        /// Digit runs in text order.
        let runs: [Range<Int>]
        /// Windows per `before`, with the number of digits each holds.
        private var cache: [Int: (windows: [Range<Int>], digits: [Int32])] = [:]
        static let defaultBefore = -1, after = 64

        init(_ t: UnsafeBufferPointer<UInt8>) {
            text = t
            var runs: [Range<Int>] = []
            var i = 0
            let n = t.count
            let base = t.baseAddress
            while i < n {
                // Eight bytes at a time past stretches without digits (most prose).
                if let p = base, i + 8 <= n {
                    let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                    let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
                    // Per byte, bit 7 set when: at least '0', above '9', an ASCII byte.
                    let atLeast0 = low7 &+ 0x5050_5050_5050_5050
                    let above9 = low7 &+ 0x4646_4646_4646_4646
                    if atLeast0 & ~above9 & ~w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                if t[i] &- 0x30 < 10 {
                    var j = i + 1
                    while j < n && t[j] &- 0x30 < 10 { j += 1 }
                    runs.append(i..<j)
                    i = j
                } else {
                    i += 1
                }
            }
            self.runs = runs
        }

        /// Windows for matches starting at most `before` characters ahead of a digit
        /// (`defaultBefore`: 128 bytes).
        func windows(before: Int) -> [Range<Int>] { windowsAndDigits(before: before).windows }

        /// The windows and the digits in each: a rule needing 12 digits skips windows with fewer.
        func windowsAndDigits(before: Int) -> (windows: [Range<Int>], digits: [Int32]) {
            if let w = cache[before] { return w }
            var out: [Range<Int>] = []
            var digits: [Int32] = []
            let t = text, n = t.count
            for run in runs {
                var ws: Int
                if before == DigitWindows.defaultBefore {
                    ws = max(0, run.lowerBound - 128)
                    while ws > 0 && t[ws] & 0xC0 == 0x80 { ws -= 1 }
                } else {
                    ws = stepBack(t, run.lowerBound, before)
                }
                var we = min(n, run.upperBound + DigitWindows.after)
                while we < n && t[we] & 0xC0 == 0x80 { we += 1 }
                let count = out.count
                RuleScanner.addWindow(ws..<we, to: &out)
                if out.count > count { digits.append(Int32(run.count)) } else { digits[digits.count - 1] += Int32(run.count) }
            }
            cache[before] = (out, digits)
            return (out, digits)
        }
    }

    /// Appends a search window, merged with the last one when they touch.
    @inline(__always) static func addWindow(_ w: Range<Int>, to windows: inout [Range<Int>]) {
        if let last = windows.last, last.upperBound >= w.lowerBound {
            windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, w.upperBound)
        } else {
            windows.append(w)
        }
    }

    private func collectPatternMatches(_ r: CompiledRule, _ t: UnsafeBufferPointer<UInt8>, _ session: ScanSession,
                                       _ digitWindows: DigitWindows?, _ cands: inout [Cand]) {
        var windows: [Range<Int>] = []
        if r.rule.requiresDigit, let d = digitWindows {
            if d.runs.isEmpty { return }
        } else if let k = r.keywordList, r.rule.keywordsAnchored {
            var starts = session.hits(k).map(\.lowerBound)
            if starts.isEmpty { return }
            starts.sort()
            var last = -1
            for re in r.regexes {
                last = -1
                for st in starts where st != last {
                    last = st
                    do {
                        // A `\G` branch continues a list where the previous match ended.
                        var at = st, continuing = false
                        while let (m, v) = try re.matchAnchored(in: t, at: at, continuing: continuing, scratch: session.scratch) {
                            if !v.isEmpty { cands.append(Cand(rule: r.index, value: v, match: m)) }
                            guard re.continuesMatches, m.upperBound > at else { break }
                            at = m.upperBound
                            continuing = true
                        }
                    } catch {
                        session.warnings.append(ScanWarning(ruleID: r.rule.id, message: "\(error); the rest of this text was skipped for this pattern"))
                        break
                    }
                }
            }
            return
        } else if !r.keywordBytes.isEmpty {
            // memchr per keyword byte (vectorized in libc), then windows in text order.
            let w = r.rule.keywordWindow, wa = r.rule.keywordWindowAfter ?? w
            var positions: [Int] = []
            guard let base = t.baseAddress else { return }
            for b in r.keywordBytes {
                var from = 0
                while from < t.count, let p = memchr(base + from, Int32(b), t.count - from) {
                    let i = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                    positions.append(i)
                    from = i + 1
                }
            }
            if positions.isEmpty { return }
            if r.keywordBytes.count > 1 { positions.sort() }
            for i in positions {
                let ws = stepBack(t, i, w), we = stepForward(t, i + 1, wa)
                RuleScanner.addWindow(ws..<we, to: &windows)
            }
        } else if let k = r.keywordList {
            let w = r.rule.keywordWindow, wa = r.rule.keywordWindowAfter ?? w
            for h in session.hits(k) {
                let ws = stepBack(t, h.lowerBound, w), we = stepForward(t, h.upperBound, wa)
                RuleScanner.addWindow(ws..<we, to: &windows)
            }
            if windows.isEmpty { return }
        } else if let pf = r.prefilter {
            let w = r.rule.prefilterWindow
            do {
                try pf.forEachMatch(in: t, scratch: session.scratch) { m, _ in
                    let ws = stepBack(t, m.lowerBound, w), we = stepForward(t, m.upperBound, w)
                    RuleScanner.addWindow(ws..<we, to: &windows)
                    return true
                }
            } catch {
                // The prefilter hit its limits: search everywhere rather than miss matches.
                windows = [0..<t.count]
            }
            if windows.isEmpty { return }
        } else {
            windows = [0..<t.count]
        }
        for re in r.regexes {
            var windows = windows
            if r.rule.requiresDigit, let d = digitWindows {
                let (all, digits) = d.windowsAndDigits(before: re.startsWithDigit ? 0 : r.rule.digitBefore ?? DigitWindows.defaultBefore)
                windows = r.rule.minDigits <= 1 ? all : zip(all, digits).compactMap { $1 >= r.rule.minDigits ? $0 : nil }
            }
            if options.profile {
                session.ruleSearches[r.index] += windows.count
                session.ruleSearchedBytes[r.index] += windows.reduce(0) { $0 + $1.count }
            }
            for w in windows {
                do {
                    try re.forEachMatch(in: t, from: w.lowerBound, to: w.upperBound, scratch: session.scratch) { m, v in
                        if !v.isEmpty { cands.append(Cand(rule: r.index, value: v, match: m)) }
                        return true
                    }
                } catch {
                    session.warnings.append(ScanWarning(ruleID: r.rule.id, message: "\(error); the rest of this text was skipped for this pattern"))
                    break
                }
            }
        }
    }

    private func collectDictionaryMatches(_ r: CompiledRule, _ t: UnsafeBufferPointer<UInt8>, _ session: ScanSession, _ cands: inout [Cand]) {
        guard let d = r.dictionaryList, let spec = r.rule.dictionary else { return }
        // The list has no stop words in it (RulePack takes them out).
        for h in session.hits(d) {
            if spec.capitalized, t[h.lowerBound] >= 0x61 && t[h.lowerBound] <= 0x7A { continue }
            var value = h
            if let trie = r.thenTrie {
                var next = h.upperBound
                if next < t.count && t[next] == 0x20 { next += 1 }
                let lowerStart = next < t.count && t[next] >= 0x61 && t[next] <= 0x7A
                if let e = trie.longestMatch(in: t, at: h.upperBound) ?? (next > h.upperBound ? trie.longestMatch(in: t, at: next) : nil),
                   !(spec.capitalized && lowerStart) {
                    value = h.lowerBound..<e
                } else if !spec.thenOptional {
                    continue
                }
            }
            cands.append(Cand(rule: r.index, value: value, match: value))
        }
    }

    /// Whether `set` holds `t[r]` with ASCII lower-cased (the form the lists are stored in).
    static func containsLowercased(_ set: ByteTermSet, _ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, r.count)) { buf in
            var k = 0
            for i in r { let c = t[i]; buf[k] = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c; k += 1 }
            return set.contains(UnsafeBufferPointer(rebasing: buf[0..<r.count]))
        }
    }

    private func evaluate(_ c: inout Cand, _ t: UnsafeBufferPointer<UInt8>, _ session: ScanSession) {
        let r = pack.rules[c.rule]
        c.score = r.rule.score
        // Validator (may narrow a person name to the name itself).
        if let v = r.validator {
            let slice = UnsafeBufferPointer(rebasing: t[c.value])
            switch v {
            case .bytes(_, let f):
                c.validatorPassed = f(slice)
            case .personName(let p):
                if let sub = p.check(slice) {
                    c.value = (c.value.lowerBound + sub.lowerBound)..<(c.value.lowerBound + sub.upperBound)
                    c.validatorPassed = true
                } else {
                    c.validatorPassed = false
                }
            }
            if c.validatorPassed == false { c.alive = false; if options.trace { c.reason = "validator \(v.name) failed" }; return }
        }
        if let e = r.rule.exclude {
            if !r.excludeValues.isEmpty && RuleScanner.containsLowercased(r.excludeValues, t, c.value) {
                c.alive = false; if options.trace { c.reason = "excluded value"; c.exclusions.append("value") }; return
            }
            let slice = UnsafeBufferPointer(rebasing: t[c.value])
            for re in r.excludeRegexes where (try? re.matches(slice, scratch: session.scratch, anchoredWhole: true)) == true {
                c.alive = false; if options.trace { c.reason = "excluded by pattern \(re.pattern)"; c.exclusions.append(re.pattern) }; return
            }
            if let l = r.excludeList {
                let header = headerCell(t, c.value, session)
                if let w = findHit(session.hits(l), t, around: c.value, before: e.before, after: e.after, samePhrase: e.samePhrase, straddling: true)
                    ?? header.flatMap({ findHit(session.hits(l), within: $0) }) {
                    c.alive = false
                    if options.trace {
                        let word = String(decoding: t[w], as: UTF8.self)
                        c.reason = "exclusion word \"\(word)\" nearby"; c.exclusions.append(word)
                    }
                    return
                }
            }
            if let l = r.weakExcludeList {
                c.weakExclusion = findHit(session.hits(l), t, around: c.value, before: e.before, after: e.after)
                    ?? headerCell(t, c.value, session).flatMap { findHit(session.hits(l), within: $0) }
            }
        }
        if let ctx = r.rule.context, let l = r.contextList {
            if let w = findHit(session.hits(l), t, around: c.value, before: ctx.before, after: ctx.after) {
                c.hasContext = true
                if options.trace { c.context.append(String(decoding: t[w], as: UTF8.self)) }
                c.score = min(1, c.score + ctx.boost)
            } else if let cell = headerCell(t, c.value, session), let w = findHit(session.hits(l), within: cell) {
                // A table column's header is context for every cell below it (DOB, Passport No...).
                c.hasContext = true
                if options.trace { c.context.append("column " + String(decoding: t[w], as: UTF8.self)) }
                c.score = min(1, c.score + ctx.boost)
            } else if ctx.required && ctx.labels.isEmpty {
                c.alive = false; if options.trace { c.reason = "required context not found" }
            }
        }
        // Without context labels to wait for, a weak exclusion decides now.
        if c.alive && !c.hasContext && (r.rule.context?.labels.isEmpty ?? true) { applyWeakExclusion(&c, t) }
    }

    private func applyWeakExclusion(_ c: inout Cand, _ t: UnsafeBufferPointer<UInt8>) {
        guard let w = c.weakExclusion else { return }
        c.alive = false
        if options.trace {
            let word = String(decoding: t[w], as: UTF8.self)
            c.reason = "exclusion word \"\(word)\" nearby and no personal context"; c.exclusions.append(word)
        }
    }

    /// Second pass: rules whose context includes labels (a PERSON near a diagnosis) get the boost
    /// when a candidate of that label survived nearby.
    private func applyLabelContext(_ cands: inout [Cand], _ t: UnsafeBufferPointer<UInt8>) {
        var anyLabelRule = false
        for r in active where !(r.rule.context?.labels.isEmpty ?? true) { anyLabelRule = true; break }
        guard anyLabelRule else { return }
        // Surviving candidates per label, sorted by start, for binary search by window.
        var byLabel = [[(range: Range<Int>, rule: Int)]](repeating: [], count: pack.labelNames.count)
        for c in cands where c.alive && c.score >= options.minScore {
            byLabel[pack.labelIDs[c.rule]].append((c.value, c.rule))
        }
        for k in byLabel.indices where byLabel[k].count > 1 { byLabel[k].sort { $0.range.lowerBound < $1.range.lowerBound } }
        for i in cands.indices {
            let r = pack.rules[cands[i].rule]
            guard let ctx = r.rule.context, !ctx.labels.isEmpty, cands[i].alive, !cands[i].hasContext else { continue }
            let ws = stepBack(t, cands[i].value.lowerBound, ctx.labelWindow ?? ctx.before)
            let we = stepForward(t, cands[i].value.upperBound, ctx.labelWindow ?? ctx.after)
            var foundLabel: String? = nil
            for label in ctx.labels {
                guard let id = pack.labelNames.firstIndex(of: label) else { continue }
                let list = byLabel[id]
                var lo = 0, hi = list.count
                while lo < hi { let m = (lo + hi) >> 1; if list[m].range.lowerBound < ws { lo = m + 1 } else { hi = m } }
                var j = lo
                while j < list.count && list[j].range.lowerBound < we {
                    let o = list[j]
                    if o.rule != cands[i].rule && o.range.upperBound <= we && !o.range.overlaps(cands[i].value) { foundLabel = label; break }
                    j += 1
                }
                if foundLabel != nil { break }
            }
            if let label = foundLabel {
                cands[i].hasContext = true
                if options.trace { cands[i].context.append("<\(label)>") }
                cands[i].score = min(1, cands[i].score + ctx.boost)
            } else if ctx.required {
                cands[i].alive = false
                if options.trace { cands[i].reason = "required context not found" }
            } else {
                applyWeakExclusion(&cands[i], t)
            }
        }
    }

    /// Items of one list share context (`context.list`): a candidate without context gets the boost
    /// when the nearest text before or after it, past list separators only (、 , ・ ; / and or および
    /// 及び や), is the edge of a candidate of the same label that has context. Chains pass it on
    /// (a left-to-right pass, then a right-to-left one). Never crosses a line end or a sentence end.
    private func shareListContext(_ cands: inout [Cand], _ t: UnsafeBufferPointer<UInt8>) {
        var idx: [Int] = []
        for i in cands.indices where cands[i].alive && pack.rules[cands[i].rule].rule.context?.list == true { idx.append(i) }
        guard idx.count > 1 else { return }
        idx.sort { cands[$0].value.lowerBound < cands[$1].value.lowerBound }
        func label(_ i: Int) -> Int { pack.labelIDs[cands[i].rule] }
        // Ends and starts of candidates that have context, per label.
        var endsWithContext = Set<Int64>(), startsWithContext = Set<Int64>()
        func key(_ label: Int, _ offset: Int) -> Int64 { Int64(label) << 40 | Int64(offset) }
        for i in idx where cands[i].hasContext {
            endsWithContext.insert(key(label(i), cands[i].value.upperBound))
            startsWithContext.insert(key(label(i), cands[i].value.lowerBound))
        }
        guard !endsWithContext.isEmpty else { return }
        func give(_ i: Int) {
            let r = pack.rules[cands[i].rule]
            cands[i].hasContext = true
            cands[i].score = min(1, cands[i].score + (r.rule.context?.boost ?? 0))
            if options.trace { cands[i].context.append("<list>") }
            endsWithContext.insert(key(label(i), cands[i].value.upperBound))
            startsWithContext.insert(key(label(i), cands[i].value.lowerBound))
        }
        for i in idx where !cands[i].hasContext {
            if let p = RuleScanner.skipListSeparator(t, from: cands[i].value.lowerBound, backward: true),
               endsWithContext.contains(key(label(i), p)) { give(i) }
        }
        for i in idx.reversed() where !cands[i].hasContext {
            if let q = RuleScanner.skipListSeparator(t, from: cands[i].value.upperBound, backward: false),
               startsWithContext.contains(key(label(i), q)) { give(i) }
        }
    }

    private static let listSeparatorWords: [[UInt8]] = ["、", ",", "，", "・", ";", "；", "/", "／", "and", "or", "および", "及び", "や"].map { Array($0.utf8) }

    /// From `from`, skips spaces and at least one list separator (at most 3, up to 16 bytes in all);
    /// returns the offset reached, or nil when no separator is there.
    static func skipListSeparator(_ t: UnsafeBufferPointer<UInt8>, from: Int, backward: Bool) -> Int? {
        var i = from, seps = 0, steps = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        while steps < 8 {
            steps += 1
            if backward {
                if i > 0 && isSpace(t[i - 1]) { i -= 1; continue }
            } else {
                if i < t.count && isSpace(t[i]) { i += 1; continue }
            }
            var matched = false
            for w in listSeparatorWords {
                let n = w.count
                let a = backward ? i - n : i
                guard a >= 0, a + n <= t.count else { continue }
                var same = true
                for k in 0..<n where t[a + k] != w[k] { same = false; break }
                guard same else { continue }
                // Words (and, or) must stand alone: ASCII letters may not touch them.
                if w[0] >= 0x61 && w[0] <= 0x7A {
                    func letter(_ j: Int) -> Bool { j >= 0 && j < t.count && ((t[j] | 0x20) >= 0x61 && (t[j] | 0x20) <= 0x7A) }
                    if letter(a - 1) || letter(a + n) { continue }
                }
                i = backward ? a : a + n
                seps += 1; matched = true
                break
            }
            if !matched || seps >= 3 { break }
        }
        guard seps > 0, abs(i - from) <= 16 else { return nil }
        return i
    }

    /// Joins findings of one label that are fragments of one phrase (both rules opt in with
    /// `merge`; see `MergeSpec`). `taken` is sorted by start and its ranges do not overlap.
    /// Returns the absorbed candidates with the candidate each now belongs to.
    private func joinFragments(_ cands: inout [Cand], _ taken: inout [(range: Range<Int>, cand: Int)],
                               _ t: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var joinedTo: [Int: Int] = [:]
        var out: [(range: Range<Int>, cand: Int)] = []
        out.reserveCapacity(taken.count)
        for item in taken {
            if let last = out.last {
                let a = pack.rules[cands[last.cand].rule], b = pack.rules[cands[item.cand].rule]
                if let ma = a.rule.merge, let mb = b.rule.merge, pack.labelIDs[a.index] == pack.labelIDs[b.index],
                   RuleScanner.isPhraseGap(t, last.range.upperBound..<item.range.lowerBound,
                                           maxChars: min(ma.gap, mb.gap), stopWords: a.mergeStopWords) {
                    let span = last.range.lowerBound..<item.range.upperBound
                    let i = last.cand
                    cands[i].value = span
                    cands[i].match = min(cands[i].match.lowerBound, span.lowerBound)..<max(cands[item.cand].match.upperBound, span.upperBound)
                    cands[i].score = max(cands[i].score, cands[item.cand].score)
                    if options.trace {
                        cands[i].context.append("joined with \"\(String(decoding: t[item.range], as: UTF8.self))\"")
                    }
                    joinedTo[item.cand] = i
                    out[out.count - 1].range = span
                    continue
                }
            }
            out.append(item)
        }
        taken = out
        return joinedTo
    }

    /// Code points that end a sentence, clause or list item, or start one (`#2`, `•`, `②`), after
    /// normalization (full-width ASCII is ASCII by then).
    static let phraseBoundaries: Set<UInt32> = Set(
        "\n\r\t.!?,;:/()[]{}\"|、。「」『』【】〈〉《》・…‥#•※①②③④⑤⑥⑦⑧⑨⑩".unicodeScalars.map(\.value))

    /// Whether `gap` could be inside one phrase: at most `maxChars` characters, no boundary
    /// character, none of `stopWords` (lower-case; Latin ones on word boundaries).
    static func isPhraseGap(_ t: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>, maxChars: Int, stopWords: [[UInt8]]) -> Bool {
        var chars = 0
        var i = gap.lowerBound
        while i < gap.upperBound {
            let lead = t[i]
            let len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var scalar = UInt32(len == 1 ? lead : len == 2 ? lead & 0x1F : len == 3 ? lead & 0x0F : lead & 0x07)
            var k = 1
            while k < len && i + k < gap.upperBound { scalar = scalar << 6 | UInt32(t[i + k] & 0x3F); k += 1 }
            if phraseBoundaries.contains(scalar) { return false }
            chars += 1
            if chars > maxChars { return false }
            i += len
        }
        for w in stopWords where w.count <= gap.count {
            let latin = w[0] < 0x80
            var s = gap.lowerBound
            while s + w.count <= gap.upperBound {
                var same = true
                for j in 0..<w.count {
                    var c = t[s + j]
                    if c >= 0x41 && c <= 0x5A { c += 0x20 }
                    if c != w[j] { same = false; break }
                }
                if same && (!latin || ((s == 0 || !Automaton.isWordByte(t[s - 1])) &&
                                       (s + w.count >= t.count || !Automaton.isWordByte(t[s + w.count])))) {
                    return false
                }
                s += 1
            }
        }
        return true
    }

    /// A word of the list near `value`: starting within `before` characters ahead of it or `after`
    /// past it, outside the value. With `straddling`, also a word that starts or ends inside the
    /// value and runs past it (the exclusion `failure clinic` over `Heart Failure| Clinic`).
    private func findHit(_ hits: ArraySlice<Range<Int>>, _ t: UnsafeBufferPointer<UInt8>, around value: Range<Int>, before: Int, after: Int,
                         samePhrase: Bool = false, straddling: Bool = false) -> Range<Int>? {
        if hits.isEmpty { return nil }
        let ws = stepBack(t, value.lowerBound, before), we = stepForward(t, value.upperBound, after)
        // Hits are sorted by end: find the first ending after ws.
        var lo = hits.startIndex, hi = hits.endIndex
        while lo < hi { let m = (lo + hi) >> 1; if hits[m].upperBound <= ws { lo = m + 1 } else { hi = m } }
        // A word counts when it starts within the window; it may run past the window's end
        // ("employee resource group" fifteen characters after a term). Hits are sorted by end, so
        // look a little past `we` for words that started inside it.
        var i = lo
        let limit = we + 96
        while i < hits.endIndex && hits[i].upperBound <= limit {
            let h = hits[i]
            let outside = h.upperBound <= value.lowerBound || h.lowerBound >= value.upperBound
            let across = straddling && (h.lowerBound < value.lowerBound || h.upperBound > value.upperBound)
            if h.lowerBound >= ws && h.lowerBound < we && (outside || across) {
                // The text between the word and the value (none for a word across the value's edge).
                let gap = h.upperBound <= value.lowerBound ? h.upperBound..<value.lowerBound
                        : h.lowerBound >= value.upperBound ? value.upperBound..<h.lowerBound : value.upperBound..<value.upperBound
                if !samePhrase || RuleScanner.isPhraseGap(t, gap, maxChars: .max, stopWords: []) { return h }
            }
            i += 1
        }
        return nil
    }

    /// Up to this many names, mentions are found with one memchr pass per name; above it, with an
    /// automaton built for the chunk.
    static let mentionKeysPerMemchr = 8

    /// Finds later (and earlier) mentions of names the other rules reported in this text: the
    /// whole name and, for names of two parts, each part. Latin parts must stand on word
    /// boundaries with their capital; Japanese parts must be at least `minLength` characters.
    private func addMentions(_ r: CompiledRule, _ t: UnsafeBufferPointer<UInt8>, _ session: ScanSession, _ cands: inout [Cand], _ taken: inout [(range: Range<Int>, cand: Int)]) {
        guard let spec = r.rule.mentions, let base = t.baseAddress else { return }
        var keys = Set<String>()
        var seen = Set<String>()
        for (range, i) in taken where spec.of.contains(pack.rules[cands[i].rule].rule.label) {
            let value = String(decoding: t[range], as: UTF8.self)
            // A name found many times is split into its parts once.
            if !seen.insert(value).inserted { continue }
            let parts = value.split(separator: " ").map(String.init)
            var add = [value]
            if spec.parts {
                if parts.count >= 2 { add += parts }
                else if let (a, b) = r.nameSplitter?.split(value) { add += [a, b] }
            }
            for k in add {
                let isLatin = k.unicodeScalars.first.map { $0.isASCII } ?? false
                if k.count < spec.minLength || (isLatin && k.count < 3) { continue }
                if isLatin && !(k.first?.isUppercase ?? false) { continue }
                if r.mentionStopwords.contains(k.lowercased()) { continue }
                keys.insert(k)
            }
        }
        if keys.isEmpty { return }
        // Longer names first, so 山田太郎 is taken before 山田 inside it; then byte order, so the
        // result does not depend on the set's order.
        let keyBytes = keys.map { Array($0.utf8) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1)
        }
        // Every occurrence of every key, with its exact bytes (names keep their capitals).
        var occurrences: [(key: Int32, start: Int32)] = []
        if keyBytes.count <= RuleScanner.mentionKeysPerMemchr {
            for (k, kb) in keyBytes.enumerated() {
                let latin = kb[0] < 0x80
                // memchr looks for the key's rarest byte: a Latin name's capital, or the last byte
                // of a Japanese name (a lead byte such as E5 starts a large share of all kanji).
                let anchor = latin ? 0 : kb.count - 1
                var from = anchor
                while from + kb.count - anchor <= t.count,
                      let p = memchr(base + from, Int32(kb[anchor]), t.count - from - (kb.count - anchor) + 1) {
                    let s0 = base.distance(to: p.assumingMemoryBound(to: UInt8.self)) - anchor
                    let e0 = s0 + kb.count
                    from = s0 + anchor + 1
                    if memcmp(base + s0, kb, kb.count) != 0 { continue }
                    if latin {
                        if s0 > 0 && Automaton.isWordByte(t[s0 - 1]) { continue }
                        if e0 < t.count && Automaton.isWordByte(t[e0]) { continue }
                    }
                    occurrences.append((Int32(k), Int32(s0)))
                }
            }
        } else {
            // A text with many names (a long export, a mail archive) would cost a pass per name:
            // one automaton pass finds them all (2.8 MB of corpus documents: 0.40 → 0.07 s).
            // Latin names stand on word boundaries there too.
            let automaton = Automaton(terms: keyBytes, maxDenseRows: 256)
            keyBytes.withUnsafeBufferPointer { keys in
                automaton.scan(t) { h in
                    let kb = keys[Int(h.term)]
                    if memcmp(base + h.start, kb, kb.count) == 0 { occurrences.append((h.term, Int32(h.start))) }
                }
            }
            occurrences.sort { $0.key != $1.key ? $0.key < $1.key : $0.start < $1.start }
        }
        // Bytes already taken, as a mask: checking and marking a name costs its length.
        if session.mentionMask.count < t.count { session.mentionMask = [Bool](repeating: false, count: t.count) }
        var added: [(Range<Int>, Int)] = []
        session.mentionMask.withUnsafeMutableBufferPointer { mask in
            for (range, _) in taken { for i in range { mask[i] = true } }
            for (k, start) in occurrences {
                let s0 = Int(start), e0 = s0 + keyBytes[Int(k)].count
                var free = true
                for i in s0..<e0 where mask[i] { free = false; break }
                if !free { continue }
                var c = Cand(rule: r.index, value: s0..<e0, match: s0..<e0)
                evaluate(&c, t, session)          // the rule's own exclusions (company names...)
                if !c.alive || c.score < options.minScore { continue }
                for i in s0..<e0 { mask[i] = true }
                if options.trace { c.context.append("mention of a name found in this text") }
                cands.append(c)
                added.append((s0..<e0, cands.count - 1))
            }
            for (range, _) in taken { for i in range { mask[i] = false } }
            for (range, _) in added { for i in range { mask[i] = false } }
        }
        taken += added
        taken.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A hit of a word list lying entirely inside `range`.
    private func findHit(_ hits: ArraySlice<Range<Int>>, within range: Range<Int>) -> Range<Int>? {
        var lo = hits.startIndex, hi = hits.endIndex
        while lo < hi { let m = (lo + hi) >> 1; if hits[m].upperBound <= range.lowerBound { lo = m + 1 } else { hi = m } }
        var i = lo
        while i < hits.endIndex && hits[i].upperBound <= range.upperBound {
            if hits[i].lowerBound >= range.lowerBound { return hits[i] }
            i += 1
        }
        return nil
    }

    /// Whether a line only draws a table's borders: box-drawing characters (U+2500–U+257F),
    /// `-`, `=`, `+`, `:`, `|` and spaces.
    static func isTableRule(_ t: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var i = r.lowerBound, drawn = false
        while i < r.upperBound {
            let b = t[i]
            if b == 0xE2 && i + 2 < r.upperBound && (t[i + 1] == 0x94 || t[i + 1] == 0x95) { i += 3; drawn = true; continue }
            switch b {
            case 0x2D, 0x3D, 0x2B: drawn = true
            case 0x20, 0x09, 0x3A, 0x7C, 0x0D: break
            default: return false
            }
            i += 1
        }
        return drawn
    }

    /// For a value in a delimited table row (CSV, TSV, `|` tables), the byte range of its column's
    /// header cell: the first line of the run of lines that have as many delimiters as the value's
    /// line. Nil outside tables, and for values in the header itself.
    func headerCell(_ t: UnsafeBufferPointer<UInt8>, _ v: Range<Int>, _ session: ScanSession) -> Range<Int>? {
        var ls = v.lowerBound
        // Table rows are short: give up on lines longer than 2 KiB either side (prose).
        while ls > 0 && t[ls - 1] != 0x0A { ls -= 1; if v.lowerBound - ls > 2048 { return nil } }
        var le = v.upperBound
        while le < t.count && t[le] != 0x0A { le += 1; if le - v.upperBound > 2048 { return nil } }
        // The delimiter: the most frequent of tab, '|' and ',' on the line (ties: tab, then ',', then '|').
        // Plain counters: this runs for many candidates, and a dictionary here cost a microsecond each.
        var tabs = 0, bars = 0, commas = 0
        for i in ls..<le {
            switch t[i] {
            case 0x09: tabs += 1
            case 0x7C: bars += 1
            case 0x2C: commas += 1
            default: break
            }
        }
        var delim: UInt8 = 0x09, n = tabs
        if commas > n { delim = 0x2C; n = commas }
        if bars > n { delim = 0x7C; n = bars }
        // Two or more delimiters: a two-column "key<TAB>value" layout is a form, not a table.
        guard n >= 2 else { return nil }
        func count(_ a: Int, _ b: Int) -> Int { var c = 0; for i in a..<b where t[i] == delim { c += 1 }; return c }
        let column = count(ls, v.lowerBound)
        // Walk up while the lines above have the same shape.
        let key = ls << 8 | Int(delim)
        var header: Int
        if let cached = session.headerCache[key] { header = cached } else {
            header = ls
            var cur = ls
            var steps = 0
            while cur > 0 && steps < 2000 {
                let prevEnd = cur - 1
                var ps = prevEnd
                while ps > 0 && t[ps - 1] != 0x0A { ps -= 1 }
                var pe = prevEnd
                if pe > ps && t[pe - 1] == 0x0D { pe -= 1 }
                cur = ps
                steps += 1
                // Rule lines between rows (├──┼──┤, +----+, |---|) are walked over.
                if ps < pe && RuleScanner.isTableRule(t, ps..<pe) { continue }
                if ps == pe || count(ps, pe) != n { break }
                header = ps
            }
            session.headerCache[key] = header
        }
        if header == ls { return nil }
        var he = header
        while he < t.count && t[he] != 0x0A { he += 1 }
        var cellStart = header, k = 0
        var i = header
        while i < he && k < column { if t[i] == delim { k += 1; cellStart = i + 1 }; i += 1 }
        guard k == column else { return nil }
        var cellEnd = cellStart
        while cellEnd < he && t[cellEnd] != delim { cellEnd += 1 }
        return cellStart..<cellEnd
    }

    private func record(_ cands: [Cand], taken: Set<Int>, lostTo: [Int: Int], joinedTo: [Int: Int], _ t: UnsafeBufferPointer<UInt8>,
                        _ norm: NormalizedText, _ orig: UnsafeBufferPointer<UInt8>, _ keep: Range<Int>, _ base: Int,
                        _ session: ScanSession) {
        for (i, c) in cands.enumerated() {
            let o = norm.originalOffset(c.value.lowerBound)..<norm.originalOffset(c.value.upperBound)
            guard keep.contains(o.lowerBound) else { continue }
            let m = norm.originalOffset(c.match.lowerBound)..<norm.originalOffset(c.match.upperBound)
            let r = pack.rules[c.rule]
            let outcome: Candidate.Outcome
            if taken.contains(i) { outcome = .reported }
            else if !c.alive { outcome = .rejected(c.reason ?? "rejected") }
            else if let w = lostTo[i] { outcome = .lostTo(ruleID: pack.rules[cands[w].rule].rule.id) }
            else if let w = joinedTo[i] { outcome = .joinedTo(ruleID: pack.rules[cands[w].rule].rule.id) }
            else { outcome = .belowThreshold }
            session.candidates.append(Candidate(
                ruleID: r.rule.id, label: r.rule.label, byteStart: base + o.lowerBound, byteEnd: base + o.upperBound,
                rawMatch: String(decoding: orig[m], as: UTF8.self), value: String(decoding: orig[o], as: UTF8.self),
                baseScore: r.rule.score, score: c.score, validator: r.validator?.name, validatorPassed: c.validatorPassed,
                contextFound: c.context, exclusions: c.exclusions, outcome: outcome))
        }
    }
}

extension ScanSession {
    /// Hits of word list `l` in the current chunk, sorted by end offset.
    func hits(_ l: Int) -> ArraySlice<Range<Int>> {
        hitRanges[Int(hitStart[l])..<Int(hitStart[l + 1])]
    }

    /// Takes the warnings and traced candidates gathered so far.
    public func drain() -> (warnings: [ScanWarning], candidates: [Candidate]) {
        defer { warnings = []; candidates = [] }
        return (warnings, candidates)
    }
}

/// The number of UTF-8 continuation bytes (10xxxxxx) among the eight bytes at `p`.
@inline(__always) private func continuationBytes(_ p: UnsafePointer<UInt8>) -> Int {
    let w = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    // Bit 7 set and bit 6 clear; the shift carries bit 7 of a byte only into bit 0 of the next.
    return (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
}

/// The byte offset `chars` characters before `from` (or 0). Windows reach back tens of
/// characters from every keyword hit, so whole words of eight bytes are counted while at least
/// nine characters remain.
@inline(__always) func stepBack(_ t: UnsafeBufferPointer<UInt8>, _ from: Int, _ chars: Int) -> Int {
    var i = from, c = 0
    if let base = t.baseAddress {
        while i >= 8 && chars - c > 8 { i -= 8; c += 8 - continuationBytes(base + i) }
    }
    while i > 0 && c < chars { i -= 1; if t[i] & 0xC0 != 0x80 { c += 1 } }
    return i
}

/// The byte offset `chars` characters after `from` (or the end).
@inline(__always) func stepForward(_ t: UnsafeBufferPointer<UInt8>, _ from: Int, _ chars: Int) -> Int {
    var i = from, c = 0
    if let base = t.baseAddress {
        // Each step passes as many characters as start bytes it crosses, in i+1...i+8.
        while i + 8 < t.count && chars - c > 8 { c += 8 - continuationBytes(base + i + 1); i += 8 }
    }
    while i < t.count && c < chars { i += 1; while i < t.count && t[i] & 0xC0 == 0x80 { i += 1 }; c += 1 }
    return i
}
