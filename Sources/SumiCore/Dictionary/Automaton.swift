/// Aho-Corasick automaton over bytes, ASCII case-folded.
///
/// All dictionary terms, context words, exclusion words and keywords of a rule pack go into
/// one automaton, so a document is read once for all of them.
///
/// Layout, chosen for speed: states are numbered breadth first, and the first `denseRows` states
/// (the shallow ones, where a scan spends most steps) get full DFA rows, indexed by byte class
/// (ASCII case folded in), with failures resolved, so a step there is one load. Deeper states
/// keep their few edges in one small record each and fall back to a dense row. Every transition
/// target carries the sign bit when the target state has outputs, so the scan loop needs no
/// extra load to learn that.
/// Terms that begin with an ASCII letter or digit can only start on a word boundary, and the
/// failure links know it (state 1 is the root inside a word), so English words are not searched
/// for names hidden inside them.
public final class Automaton: @unchecked Sendable {
    /// A term found in the text: the term's id and its byte range.
    public struct Hit: Sendable, Equatable {
        public var term: Int32
        public var start: Int
        public var end: Int
    }

    static let fold: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b in 0..<256 { t[b] = UInt8(b) }
        for b in 0x41...0x5A { t[b] = UInt8(b + 0x20) }
        return t
    }()

    static let outputFlag = Int32.min
    static let maxDenseRows = 4096

    private let denseRows: Int
    private let dense: [Int32]          // denseRows × width encoded targets, by byte class
    /// The class of each byte (ASCII letters folded), and the number of classes (a row's length).
    private let classOf: [UInt8]
    private let width: Int
    /// Sparse state k (state denseRows + k) has a 16-byte record at `sparse[4k...]`: its edges merged
    /// with those of the sparse states on its failure chain (nearest first), and the dense row the
    /// chain ends in, so a miss is one dense load instead of a walk down the chain. The record is
    /// one cache line: sparse states are scattered, and chasing a start index into separate edge
    /// arrays cost two dependent cache misses per step (a quarter of the automaton's time).
    /// Words: [0] fallback dense row (its offset), [1] first class | second class << 8 | edge count << 16,
    /// [2] first target (or, with more than two edges, the start of its sorted edges in
    /// `overflowClasses`/`overflowTargets`), [3] second target. 93% of states have at most two edges.
    private let sparse: [Int32]
    private let overflowClasses: [UInt8]
    private let overflowTargets: [Int32] // encoded targets
    /// For the root (first 256) and the mid-word root (next 256): the bytes that lead back to it.
    private let rootStays: [Bool]
    private let outStart: [Int32]       // per state, index into outputs (count+1 entries)
    private let outputs: [Int32]        // term ids
    /// Byte length of each term.
    public let termLengths: [Int32]
    /// Whether each term must sit on ASCII word boundaries (it starts/ends with a letter or digit).
    private let boundaryStart: [Bool]
    private let boundaryEnd: [Bool]

    public let stateCount: Int

    /// Builds from terms (already normalized). Term ids are their indices in `terms`.
    /// Built with flat arrays and one hash map: packs hold ~100,000 terms and load on every run.
    public convenience init(terms: [[UInt8]]) { self.init(terms: terms, maxDenseRows: Automaton.maxDenseRows) }

    /// `maxDenseRows` is a parameter so that tests can push most states onto the sparse path.
    init(terms: [[UInt8]], maxDenseRows: Int) {
        // 1. Trie in insertion numbering: child map keyed by state << 8 | byte.
        var child: [Int: Int32] = [:]
        child.reserveCapacity(terms.count * 4)
        var stateCount = 1
        var parentOf: [Int32] = [-1], byteOf: [UInt8] = [0]
        var ownHead: [Int32] = [-1]                 // linked list of terms ending at a state
        var ownNext: [Int32] = []
        var termLengths: [Int32] = [], boundaryStart: [Bool] = [], boundaryEnd: [Bool] = []
        termLengths.reserveCapacity(terms.count)
        ownNext.reserveCapacity(terms.count)
        for (id, raw) in terms.enumerated() {
            termLengths.append(Int32(raw.count))
            boundaryStart.append(raw.first.map(Automaton.isWordByte) ?? false)
            boundaryEnd.append(raw.last.map(Automaton.isWordByte) ?? false)
            ownNext.append(-1)
            guard !raw.isEmpty else { continue }
            var s = 0
            for b0 in raw {
                let b = Automaton.fold[Int(b0)]
                let key = s << 8 | Int(b)
                if let next = child[key] {
                    s = Int(next)
                } else {
                    child[key] = Int32(stateCount)
                    parentOf.append(Int32(s)); byteOf.append(b); ownHead.append(-1)
                    s = stateCount
                    stateCount += 1
                }
            }
            ownNext[id] = ownHead[s]
            ownHead[s] = Int32(id)
        }
        let n = stateCount
        // 2. Children lists (CSR), then breadth-first renumbering. New ids: the root stays 0,
        // state 1 is the mid-word root (see below), and trie node k in BFS order becomes k + 1.
        var kidCount = [Int32](repeating: 0, count: n + 1)
        for s in 1..<n { kidCount[Int(parentOf[s]) + 1] += 1 }
        for s in 0..<n { kidCount[s + 1] += kidCount[s] }
        var kidList = [Int32](repeating: 0, count: max(0, n - 1))
        var fillAt = kidCount
        for s in 1..<n {
            let p = Int(parentOf[s])
            kidList[Int(fillAt[p])] = Int32(s)
            fillAt[p] += 1
        }
        var order = [Int32](repeating: 0, count: n)     // BFS position -> trie node
        var newID = [Int32](repeating: 0, count: n)     // trie node -> state id
        var tail = 1
        var head = 0
        while head < tail {
            let s = Int(order[head]); head += 1
            var ks = Array(kidList[Int(kidCount[s])..<Int(kidCount[s + 1])])
            ks.sort { byteOf[Int($0)] < byteOf[Int($1)] }
            for k in ks { order[tail] = k; newID[Int(k)] = Int32(tail + 1); tail += 1 }
        }
        let states = n + 1
        // Edges: children of a state are consecutive in BFS order, so state x's edge index is x - 2.
        var edgeStart = [Int32](repeating: 0, count: states + 1)
        var edgeBytes = [UInt8](repeating: 0, count: max(0, n - 1))
        var edgeTargets = [Int32](repeating: 0, count: max(0, n - 1))
        var plainTargets = [Int32](repeating: 0, count: max(0, n - 1))
        for pos in 1..<n {
            let old = Int(order[pos])
            edgeStart[Int(newID[Int(parentOf[old])]) + 1] += 1
        }
        for s in 0..<states { edgeStart[s + 1] += edgeStart[s] }
        for pos in 1..<n {
            edgeBytes[pos - 1] = byteOf[Int(order[pos])]
            plainTargets[pos - 1] = Int32(pos + 1)
        }
        func goto(_ s: Int32, _ b: UInt8) -> Int32? {
            var lo = Int(edgeStart[Int(s)]), hi = Int(edgeStart[Int(s) + 1])
            while lo < hi {
                let mid = (lo + hi) >> 1
                let m = edgeBytes[mid]
                if m == b { return plainTargets[mid] }
                if m < b { lo = mid + 1 } else { hi = mid }
            }
            return nil
        }
        // 3. Failure links and merged outputs in BFS order (a failure target comes earlier).
        // Latin terms may only start on a word boundary, so a failure link skips suffixes that
        // begin inside a word: the state is the longest suffix of the text that could still
        // become a term. With nothing left, the scan rests in the root (after a non-word byte)
        // or in the mid-word root, where letters and digits start nothing. Inside English words
        // the automaton then idles in one hot row instead of chasing names hidden in words
        // ("ann" in "planning"), which is most of its work on English text.
        var fail = [Int32](repeating: 0, count: states)
        var outStart = [Int32](repeating: 0, count: states + 1)
        var outputs: [Int32] = []
        func restingRoot(after b: UInt8) -> Int32 { Automaton.isWordByte(b) ? 1 : 0 }
        for pos in 0..<n {
            let s = pos == 0 ? 0 : pos + 1
            if pos > 0 {
                let p = newID[Int(parentOf[Int(order[pos])])]
                let b = byteOf[Int(order[pos])]
                var target = restingRoot(after: b)
                if p != 0 {
                    var f = fail[Int(p)]
                    while true {
                        if f <= 1 {
                            // The empty suffix: `b` starts a term only after a non-word byte or if it is one.
                            if f == 0 || !Automaton.isWordByte(b), let x = goto(0, b) { target = x }
                            break
                        }
                        if let x = goto(f, b) { target = x; break }
                        f = fail[Int(f)]
                    }
                }
                fail[s] = target
            }
            var t = ownHead[Int(order[pos])]
            while t >= 0 { outputs.append(t); t = ownNext[Int(t)] }
            if pos > 0 {
                let f = Int(fail[s])
                // Index by index: appending a slice of the array to itself would copy it whole.
                for k in Int(outStart[f])..<Int(outStart[f + 1]) { outputs.append(outputs[k]) }
            }
            outStart[s + 1] = Int32(outputs.count)
            if pos == 0 { outStart[2] = outStart[1] }      // the mid-word root has no outputs
        }
        // 4. Byte classes: each (folded) byte that occurs in a term is its own class, and every
        // other byte falls into one of two classes, word or non-word. The rules' terms use about
        // 130 distinct bytes, so rows of that length halve the dense table, whose loads are what
        // the scan waits on.
        var used = [Bool](repeating: false, count: 256)
        for b in edgeBytes { used[Int(b)] = true }
        var classOf = [UInt8](repeating: 0, count: 256)
        var representative: [UInt8] = []
        for b in 0..<256 where used[b] { classOf[b] = UInt8(representative.count); representative.append(UInt8(b)) }
        for word in [true, false] {
            var cls: Int? = nil
            for b in 0..<256 where !used[Int(Automaton.fold[b])] && Automaton.isWordByte(UInt8(b)) == word {
                if cls == nil { cls = representative.count; representative.append(UInt8(b)) }
                classOf[b] = UInt8(cls!)
            }
        }
        for b in 0..<256 where used[Int(Automaton.fold[b])] { classOf[b] = classOf[Int(Automaton.fold[b])] }
        // 5. Transition targets are addresses, not state numbers, so a step needs no multiply:
        // a dense state's row offset in `dense`, or `dense.count` plus a sparse state's record
        // offset in `sparse`. The roots are at 0 and `width`.
        let width = representative.count
        let rows = max(2, min(states, maxDenseRows))
        let denseSize = rows * width
        func address(_ t: Int32) -> Int32 { Int(t) < rows ? t * Int32(width) : Int32(denseSize + (Int(t) - rows) * 4) }
        func encode(_ t: Int32) -> Int32 {
            outStart[Int(t)] == outStart[Int(t) + 1] ? address(t) : address(t) | Automaton.outputFlag
        }
        for e in 0..<edgeTargets.count { edgeTargets[e] = encode(plainTargets[e]) }
        // Dense rows for the shallowest states; a failure target is shallower, so its row is done.
        var dense = [Int32](repeating: 0, count: denseSize)
        for s in 0..<rows {
            for (c, b) in representative.enumerated() {
                let word = Automaton.isWordByte(b)
                if s != 1, let t = goto(Int32(s), b) {
                    dense[s * width + c] = encode(t)
                } else if s == 0 {
                    dense[c] = word ? Int32(width) : 0
                } else if s == 1 {
                    dense[width + c] = word ? Int32(width) : dense[c]
                } else {
                    dense[s * width + c] = dense[Int(fail[s]) * width + c]
                }
            }
        }
        // 6. Sparse states: edges along the failure chain down to the first dense state, by class.
        var sparse = [Int32](repeating: 0, count: 4 * max(0, states - rows))
        var overflowClasses: [UInt8] = [], overflowTargets: [Int32] = []
        var seen = [Bool](repeating: false, count: 256)
        var merged: [(UInt8, Int32)] = []
        for s in rows..<max(rows, states) {
            merged.removeAll(keepingCapacity: true)
            var f = s
            while f >= rows {
                for e in Int(edgeStart[f])..<Int(edgeStart[f + 1]) where !seen[Int(edgeBytes[e])] {
                    seen[Int(edgeBytes[e])] = true
                    merged.append((classOf[Int(edgeBytes[e])], edgeTargets[e]))
                }
                f = Int(fail[f])
            }
            merged.sort { $0.0 < $1.0 }
            for (c, _) in merged { seen[Int(representative[Int(c)])] = false }
            let r = 4 * (s - rows)
            sparse[r] = Int32(f * width)
            sparse[r + 1] = Int32(merged.count) << 16
            if merged.count <= 2 {
                for (j, (b, t)) in merged.enumerated() {
                    sparse[r + 1] |= Int32(b) << (8 * j)
                    sparse[r + 2 + j] = t
                }
            } else {
                sparse[r + 2] = Int32(overflowClasses.count)
                for (b, t) in merged { overflowClasses.append(b); overflowTargets.append(t) }
            }
        }
        self.stateCount = states
        self.denseRows = rows
        self.rootStays = (0..<512).map { k in
            dense[(k >> 8) * width + Int(classOf[k & 0xFF])] == Int32((k >> 8) * width)
        }
        self.classOf = classOf
        self.width = width
        self.dense = dense
        self.sparse = sparse
        self.overflowClasses = overflowClasses
        self.overflowTargets = overflowTargets
        self.outStart = outStart
        self.outputs = outputs
        self.termLengths = termLengths
        self.boundaryStart = boundaryStart
        self.boundaryEnd = boundaryEnd
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// Reports every occurrence of every term in `text[from..<to]` (overlaps included), in order
    /// of end offset. Latin terms only count on word boundaries.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, from: Int = 0, to: Int? = nil, _ body: (Hit) -> Void) {
        let end = to ?? text.count
        guard from < end else { return }
        dense.withUnsafeBufferPointer { dense in
        sparse.withUnsafeBufferPointer { sparse in
        overflowClasses.withUnsafeBufferPointer { overflowClasses in
        overflowTargets.withUnsafeBufferPointer { overflowTargets in
        classOf.withUnsafeBufferPointer { classOf in
        rootStays.withUnsafeBufferPointer { rootStays in
            let walker = Walker(denseSize: Int32(dense.count), width: Int32(width), dense: dense, sparse: sparse,
                                overflowClasses: overflowClasses, overflowTargets: overflowTargets, classOf: classOf,
                                restAtRoot: UnsafeBufferPointer(rebasing: rootStays[0..<256]),
                                restMidWord: UnsafeBufferPointer(rebasing: rootStays[256..<512]))
            var s = walker.initialState(text, from), i = from
            while i < end { if walker.step(&s, &i, end, text) { report(state(at: Int(s)), i, text, body) } }
        }}}}}}
    }

    /// The transition tables, borrowed for one scan. (Walking two halves of the text in lockstep
    /// to overlap their load chains was measured slower, 0.29 s against 0.21 s on 30 MB: the
    /// sparse path's branches keep the two chains from overlapping.)
    private struct Walker {
        let denseSize: Int32
        let width: Int32
        let dense: UnsafeBufferPointer<Int32>
        let sparse: UnsafeBufferPointer<Int32>
        let overflowClasses: UnsafeBufferPointer<UInt8>
        let overflowTargets: UnsafeBufferPointer<Int32>
        let classOf: UnsafeBufferPointer<UInt8>
        let restAtRoot: UnsafeBufferPointer<Bool>
        let restMidWord: UnsafeBufferPointer<Bool>

        /// The mid-word root when the range begins inside a word.
        @inline(__always) func initialState(_ text: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int32 {
            from > 0 && Automaton.isWordByte(text[from - 1]) ? width : 0
        }

        /// Consumes one byte (after skipping bytes that keep a root) and returns whether the
        /// new state has outputs; false also when `i` reached `end` (then `s` is unchanged).
        @inline(__always) func step(_ s: inout Int32, _ i: inout Int, _ end: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if s <= width {
                // In a root, bytes that lead back to the same root need no table walk: this
                // loop has no load chain, so it runs through prose at memory speed.
                let stays = s == 0 ? restAtRoot : restMidWord
                while i < end && stays[Int(text[i])] { i += 1 }
            }
            guard i < end else { return false }
            let c = Int(classOf[Int(text[i])])
            var v: Int32
            if s < denseSize {
                v = dense[Int(s) + c]
            } else {
                let r = Int(s - denseSize)
                let head = sparse[r + 1]
                let n = head >> 16
                let fc = Int32(c)
                if n <= 2 {
                    if n >= 1 && head & 0xFF == fc { v = sparse[r + 2] }
                    else if n == 2 && (head >> 8) & 0xFF == fc { v = sparse[r + 3] }
                    else { v = dense[Int(sparse[r]) + c] }
                } else {
                    var lo = Int(sparse[r + 2]), hi = lo + Int(n)
                    var found: Int32? = nil
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        let m = Int32(overflowClasses[mid])
                        if m == fc { found = overflowTargets[mid]; break }
                        if m < fc { lo = mid + 1 } else { hi = mid }
                    }
                    v = found ?? dense[Int(sparse[r]) + c]
                }
            }
            i += 1
            s = v & Int32.max
            return v < 0
        }
    }

    /// The state number of a transition address.
    @inline(__always) private func state(at address: Int) -> Int {
        address < dense.count ? address / width : denseRows + (address - dense.count) / 4
    }

    private func report(_ s: Int, _ i: Int, _ text: UnsafeBufferPointer<UInt8>, _ body: (Hit) -> Void) {
        for k in Int(outStart[s])..<Int(outStart[s + 1]) {
            let id = Int(outputs[k])
            let start = i - Int(termLengths[id])
            if boundaryStart[id] && start > 0 && Automaton.isWordByte(text[start - 1]) { continue }
            if boundaryEnd[id] && i < text.count && Automaton.isWordByte(text[i]) { continue }
            body(Hit(term: Int32(id), start: start, end: i))
        }
    }
}
