import CPCRE2

/// Resource limits for one PCRE2 match call. They bound the work any user pattern can do,
/// so a catastrophic pattern fails fast with an error instead of hanging a scan.
public struct MatchLimits: Sendable, Equatable, Hashable {
    /// Maximum number of internal match steps (backtracks) per match call.
    public var match: UInt32
    /// Maximum backtracking depth (interpreter only; JIT uses its own stack).
    public var depth: UInt32
    /// Maximum heap for backtracking, in KiB (interpreter only).
    public var heapKiB: UInt32

    public init(match: UInt32 = 1_000_000, depth: UInt32 = 10_000, heapKiB: UInt32 = 20_000) {
        self.match = match
        self.depth = depth
        self.heapKiB = heapKiB
    }

    public static let `default` = MatchLimits()
}

/// A pattern that PCRE2 refused, with PCRE2's own message and the offset in the pattern.
public struct RegexCompileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let offset: Int
    public var description: String { "\(message) at pattern offset \(offset)" }
}

/// Why a match call stopped without an answer.
public enum RegexMatchError: Error, CustomStringConvertible, Sendable, Equatable {
    case matchLimit
    case depthLimit
    case heapLimit
    case jitStackLimit
    case other(code: Int32, message: String)

    public var description: String {
        switch self {
        case .matchLimit: return "match limit exceeded (pattern backtracks too much)"
        case .depthLimit: return "depth limit exceeded"
        case .heapLimit: return "heap limit exceeded"
        case .jitStackLimit: return "JIT stack limit exceeded"
        case .other(let code, let message): return "PCRE2 error \(code): \(message)"
        }
    }
}

func pcre2ErrorMessage(_ code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
    return n > 0 ? String(decoding: buffer[0..<Int(n)], as: UTF8.self) : "error \(code)"
}

/// A compiled, JIT-compiled PCRE2 pattern (UTF + UCP). Immutable and shareable across threads;
/// per-thread state lives in `RegexScratch`.
public final class PCRE2Regex: @unchecked Sendable {
    let code: OpaquePointer
    /// For patterns using `\G` (continue where the previous match ended): the pattern with `\G`
    /// made to fail. PCRE2's `\G` holds at whatever offset a search starts from, so a search
    /// starting at the beginning of a scan window would take the continuation branch with no
    /// previous match (a list item continued from nowhere: "、32歳"). The first search of each
    /// call, and any search not starting where a match ended, uses this one.
    let codeWithoutContinuation: OpaquePointer?
    /// Both forms compiled with PCRE2_ANCHORED, when asked for: JIT ignores PCRE2_ANCHORED at
    /// match time and runs the slow interpreter, so anchored searches need their own JIT code.
    let anchoredCode: OpaquePointer?
    let anchoredCodeWithoutContinuation: OpaquePointer?
    /// Compiled with PCRE2_ANCHORED | PCRE2_ENDANCHORED when asked for, for whole-value tests
    /// (exclusion patterns): the same reason, JIT does not take those options at match time.
    let wholeCode: OpaquePointer?
    /// Every code variant is JIT-compiled, so matches go straight to `pcre2_jit_match`, PCRE2's
    /// fast path without argument checks (a keyword window or digit run costs one call; there are
    /// about a million per 30 MB, and the checks were a visible share of them).
    let fastPath: Bool
    public let pattern: String
    public let limits: MatchLimits
    /// Number of capture groups (not counting group 0).
    public let captureCount: Int
    /// Index of the named group `value`, which marks the value inside a match, if present.
    public let valueGroup: Int?
    public let isJIT: Bool
    /// Every match begins with an ASCII digit (from PCRE2's first code unit or start bitmap), so
    /// a search can start where digits start.
    public let startsWithDigit: Bool

    /// `anchored`: also compile the anchored forms that `matchAnchored` uses (keyword-anchored rules).
    /// `bytes`: match bytes, not characters (no PCRE2_UTF/UCP); for prefilters that name raw
    /// UTF-8 bytes. Their matches may start or end inside a character.
    public init(_ pattern: String, caseInsensitive: Bool = false, multiline: Bool = false,
                limits: MatchLimits = .default, anchored: Bool = false, whole: Bool = false, bytes: Bool = false) throws {
        self.pattern = pattern
        self.limits = limits
        var options = bytes ? 0 : UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(pattern.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buf in
            pcre2_compile_8(buf.baseAddress, buf.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            // PCRE2 reports the offset in code units (bytes); users count characters.
            let chars = String(decoding: bytes.prefix(errorOffset), as: UTF8.self).count
            throw RegexCompileError(message: pcre2ErrorMessage(errorCode), offset: chars)
        }
        code = compiled
        isJIT = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var allJIT = isJIT
        func compileJIT(_ text: String, _ extra: UInt32) -> OpaquePointer? {
            var code: Int32 = 0, offset = 0
            let c = Array(text.utf8).withUnsafeBufferPointer { buf in
                pcre2_compile_8(buf.baseAddress, buf.count, options | extra, &code, &offset, nil)
            }
            if let c, pcre2_jit_compile_8(c, UInt32(PCRE2_JIT_COMPLETE)) != 0 { allJIT = false }
            return c
        }
        let fresh = PCRE2Regex.withoutContinuation(pattern)
        codeWithoutContinuation = fresh.flatMap { compileJIT($0, 0) }
        anchoredCode = anchored ? compileJIT(pattern, UInt32(PCRE2_ANCHORED)) : nil
        anchoredCodeWithoutContinuation = anchored ? fresh.flatMap { compileJIT($0, UInt32(PCRE2_ANCHORED)) } : nil
        wholeCode = whole ? compileJIT(pattern, UInt32(PCRE2_ANCHORED | PCRE2_ENDANCHORED)) : nil
        fastPath = allJIT
        startsWithDigit = PCRE2Regex.firstByteIsDigit(compiled)
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        let n = pcre2_substring_number_from_name_8(compiled, "value")
        valueGroup = n > 0 ? Int(n) : nil
    }

    deinit {
        for c in [code, codeWithoutContinuation, anchoredCode, anchoredCodeWithoutContinuation, wholeCode] {
            if let c { pcre2_code_free_8(c) }
        }
    }

    private static func firstByteIsDigit(_ code: OpaquePointer) -> Bool {
        var type: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &type)
        if type == 1 {
            var unit: UInt32 = 0
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit)
            return unit >= 0x30 && unit <= 0x39
        }
        guard type == 0 else { return false }
        var bitmap: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
        guard let bitmap else { return false }
        var any = false
        for byte in 0..<256 where bitmap[byte >> 3] & (1 << (byte & 7)) != 0 {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            any = true
        }
        return any
    }

    /// The pattern with every `\G` replaced by `(*FAIL)`, or nil when it has none. Escaped
    /// backslashes and `\Q…\E` literals are skipped.
    static func withoutContinuation(_ pattern: String) -> String? {
        let chars = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var found = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "\\", i + 1 < chars.count else { out.append(c); i += 1; continue }
            let next = chars[i + 1]
            if next == "G" {
                out.append(contentsOf: "(*FAIL)".unicodeScalars)
                found = true
                i += 2
            } else if next == "Q" {
                // Literal up to \E (or the end): copied as is.
                var j = i + 2
                while j < chars.count && !(chars[j] == "\\" && j + 1 < chars.count && chars[j + 1] == "E") { j += 1 }
                let end = min(chars.count, j + 2)
                out.append(contentsOf: chars[i..<end])
                i = end
            } else {
                out.append(c); out.append(next)
                i += 2
            }
        }
        return found ? String(out) : nil
    }

    /// Calls `body` for every non-overlapping match in `subject[range]`, with the match range and
    /// the `value` group range (equal to the match when the group is absent or unset).
    /// The subject must be valid UTF-8 (the decoder guarantees it), so PCRE2's UTF check is skipped.
    /// `body` returns false to stop early.
    @discardableResult
    public func forEachMatch(in subject: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil,
                             scratch: RegexScratch,
                             _ body: (_ match: Range<Int>, _ value: Range<Int>) -> Bool) throws -> Int {
        let length = end ?? subject.count
        guard let base = subject.baseAddress, start <= length else { return 0 }
        scratch.apply(limits)
        var offset = start
        var found = 0
        // True when `offset` is where the previous match ended, the only place `\G` may hold.
        var continuing = false
        while offset <= length {
            let current = continuing ? code : (codeWithoutContinuation ?? code)
            let rc = exec(current, base, length, offset, scratch)
            if rc == PCRE2_ERROR_NOMATCH { break }
            if rc < 0 { throw Self.matchError(rc) }
            let (m, value) = ranges(rc, scratch)
            let ms = m.lowerBound, me = m.upperBound
            found += 1
            if !body(m, value) { break }
            if me > ms {
                offset = me
                continuing = true
            } else {
                continuing = false
                // Empty match: step one character forward so the loop always advances.
                offset = me + 1
                while offset < length && (base[offset] & 0xC0) == 0x80 { offset += 1 }
            }
        }
        return found
    }

    /// Runs one of the compiled forms at `offset`. With every form JIT-compiled and no match-time
    /// anchoring asked for (JIT would ignore it), through `pcre2_jit_match`, PCRE2's fast path;
    /// otherwise through `pcre2_match`, which also anchors.
    @inline(__always) private func exec(_ current: OpaquePointer, _ base: UnsafePointer<UInt8>, _ length: Int, _ offset: Int,
                                        _ scratch: RegexScratch, anchoring: UInt32 = 0) -> Int32 {
        if fastPath && anchoring == 0 {
            return pcre2_jit_match_8(current, base, length, offset, 0, scratch.matchData, scratch.matchContext)
        }
        return pcre2_match_8(current, base, length, offset, UInt32(PCRE2_NO_UTF_CHECK) | anchoring, scratch.matchData, scratch.matchContext)
    }

    /// The match and its `value` group (the whole match when the group is absent or unset).
    @inline(__always) private func ranges(_ rc: Int32, _ scratch: RegexScratch) -> (match: Range<Int>, value: Range<Int>) {
        let ov = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let m = ov[0]..<ov[1]
        if let g = valueGroup, Int(rc) > g || rc == 0 {
            let vs = ov[2 * g], ve = ov[2 * g + 1]
            if vs != -1 && ve != -1 && vs <= ve { return (m, vs..<ve) }
        }
        return (m, m)
    }

    /// Whether the pattern has a `\G` branch (it continues a list where the previous match ended).
    public var continuesMatches: Bool { codeWithoutContinuation != nil }

    /// The match starting exactly at `offset` (PCRE2_ANCHORED), with its `value` group range.
    /// `continuing`: `offset` is where the previous match ended, so `\G` may hold there.
    public func matchAnchored(in subject: UnsafeBufferPointer<UInt8>, at offset: Int, continuing: Bool = false,
                              scratch: RegexScratch) throws -> (match: Range<Int>, value: Range<Int>)? {
        guard let base = subject.baseAddress, offset <= subject.count else { return nil }
        scratch.apply(limits)
        let rc: Int32
        if let anchoredCode {
            rc = exec(continuing ? anchoredCode : (anchoredCodeWithoutContinuation ?? anchoredCode), base, subject.count, offset, scratch)
        } else {
            rc = exec(continuing ? code : (codeWithoutContinuation ?? code), base, subject.count, offset, scratch,
                      anchoring: UInt32(PCRE2_ANCHORED))
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 { throw Self.matchError(rc) }
        return ranges(rc, scratch)
    }

    /// True when the pattern matches somewhere in `subject` (used for exclusions and examples).
    public func matches(_ subject: UnsafeBufferPointer<UInt8>, scratch: RegexScratch, anchoredWhole: Bool = false) throws -> Bool {
        guard let base = subject.baseAddress ?? UnsafePointer(bitPattern: 1) else { return false }
        scratch.apply(limits)
        var current = code
        var anchoring: UInt32 = 0
        if anchoredWhole {
            if let w = wholeCode { current = w } else { anchoring = UInt32(PCRE2_ANCHORED | PCRE2_ENDANCHORED) }
        }
        let rc = exec(current, base, subject.count, 0, scratch, anchoring: anchoring)
        if rc == PCRE2_ERROR_NOMATCH { return false }
        if rc < 0 { throw Self.matchError(rc) }
        return true
    }

    public func matches(_ text: String, scratch: RegexScratch, anchoredWhole: Bool = false) throws -> Bool {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { try matches($0, scratch: scratch, anchoredWhole: anchoredWhole) }
    }

    static func matchError(_ rc: Int32) -> RegexMatchError {
        switch rc {
        case PCRE2_ERROR_MATCHLIMIT: return .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: return .depthLimit
        case PCRE2_ERROR_HEAPLIMIT: return .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: return .jitStackLimit
        default: return .other(code: rc, message: pcre2ErrorMessage(rc))
        }
    }
}

/// Per-thread match state: one match-data block sized for the largest pattern, a match context
/// carrying the limits and a JIT stack. Reused for every match a thread makes.
public final class RegexScratch {
    let matchData: OpaquePointer
    let matchContext: OpaquePointer
    let jitStack: OpaquePointer?
    private var current: MatchLimits?

    /// `maxCaptures`: the largest capture count of any pattern this scratch will be used with.
    public init(maxCaptures: Int = 32) {
        matchData = pcre2_match_data_create_8(UInt32(max(1, maxCaptures + 1)), nil)!
        matchContext = pcre2_match_context_create_8(nil)!
        // 32 KiB start, 1 MiB cap: enough for sane patterns, bounded for pathological ones.
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(matchContext, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(matchContext)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    func apply(_ limits: MatchLimits) {
        if current == limits { return }
        pcre2_set_match_limit_8(matchContext, limits.match)
        pcre2_set_depth_limit_8(matchContext, limits.depth)
        pcre2_set_heap_limit_8(matchContext, limits.heapKiB)
        current = limits
    }
}
