/// Aho-Corasick automaton over bytes, ASCII case-folded.
///
/// All dictionary terms, context words, exclusion words and keywords of a rule pack go into
/// one automaton, so a document is read once for all of them.
///
/// Layout, chosen for speed: states are numbered breadth first, and the first `denseRows` states
/// (the shallow ones, where a scan spends most steps) get full 256-entry DFA rows with failures
/// resolved and ASCII case folded in, so a step there is one load. Deeper states keep sorted
/// sparse edges and follow failure links. Every transition target carries the sign bit when the
/// target state has outputs, so the scan loop needs no extra load to learn that.
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
    private let dense: [Int32]          // denseRows × 256 encoded targets
    private let edgeStart: [Int32]      // per state, index into edge arrays (count+1 entries)
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]    // encoded targets
    private let fail: [Int32]
    private let outStart: [Int32]       // per state, index into outputs (count+1 entries)
    private let outputs: [Int32]        // term ids
    /// Byte length of each term.
    public let termLengths: [Int32]
    /// Whether each term must sit on ASCII word boundaries (it starts/ends with a letter or digit).
    private let boundaryStart: [Bool]
    private let boundaryEnd: [Bool]

    public var stateCount: Int { fail.count }

    /// Builds from terms (already normalized). Term ids are their indices in `terms`.
    /// Built with flat arrays and one hash map: packs hold ~100,000 terms and load on every run.
    public init(terms: [[UInt8]]) {
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
        // 2. Children lists (CSR), then breadth-first renumbering: new id = position in BFS order.
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
        var order = [Int32](repeating: 0, count: n)
        var newID = [Int32](repeating: 0, count: n)
        var tail = 1
        var head = 0
        while head < tail {
            let s = Int(order[head]); head += 1
            var ks = Array(kidList[Int(kidCount[s])..<Int(kidCount[s + 1])])
            ks.sort { byteOf[Int($0)] < byteOf[Int($1)] }
            for k in ks { order[tail] = k; newID[Int(k)] = Int32(tail); tail += 1 }
        }
        // Edges in new numbering: children of a state are consecutive in BFS order.
        var edgeStart = [Int32](repeating: 0, count: n + 1)
        var edgeBytes = [UInt8](repeating: 0, count: max(0, n - 1))
        var edgeTargets = [Int32](repeating: 0, count: max(0, n - 1))
        var plainTargets = [Int32](repeating: 0, count: max(0, n - 1))
        for newS in 1..<n {
            let old = Int(order[newS])
            edgeStart[Int(newID[Int(parentOf[old])]) + 1] += 1
        }
        for s in 0..<n { edgeStart[s + 1] += edgeStart[s] }
        // A child's edge index is its BFS position minus one, since BFS lists children by parent.
        for newS in 1..<n {
            edgeBytes[newS - 1] = byteOf[Int(order[newS])]
            plainTargets[newS - 1] = Int32(newS)
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
        var fail = [Int32](repeating: 0, count: n)
        var outStart = [Int32](repeating: 0, count: n + 1)
        var outputs: [Int32] = []
        for s in 0..<n {
            if s > 0 {
                let p = newID[Int(parentOf[Int(order[s])])]
                let b = byteOf[Int(order[s])]
                var target: Int32 = 0
                if p != 0 {
                    var f = fail[Int(p)]
                    while true {
                        if let x = goto(f, b) { target = x; break }
                        if f == 0 { break }
                        f = fail[Int(f)]
                    }
                }
                fail[s] = target
            }
            var t = ownHead[Int(order[s])]
            while t >= 0 { outputs.append(t); t = ownNext[Int(t)] }
            if s > 0 {
                let f = Int(fail[s])
                // Index by index: appending a slice of the array to itself would copy it whole.
                for k in Int(outStart[f])..<Int(outStart[f + 1]) { outputs.append(outputs[k]) }
            }
            outStart[s + 1] = Int32(outputs.count)
        }
        func encode(_ t: Int32) -> Int32 { outStart[Int(t)] == outStart[Int(t) + 1] ? t : t | Automaton.outputFlag }
        for e in 0..<edgeTargets.count { edgeTargets[e] = encode(plainTargets[e]) }
        // 4. Dense rows for the shallowest states; a failure target is shallower, so its row is done.
        let rows = min(n, Automaton.maxDenseRows)
        var dense = [Int32](repeating: 0, count: rows * 256)
        for s in 0..<rows {
            for b in 0..<256 {
                if let t = goto(Int32(s), Automaton.fold[b]) {
                    dense[s * 256 + b] = encode(t)
                } else if s != 0 {
                    dense[s * 256 + b] = dense[Int(fail[s]) * 256 + b]
                }
            }
        }
        self.denseRows = rows
        self.dense = dense
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.fail = fail
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
        let rows = Int32(denseRows)
        dense.withUnsafeBufferPointer { dense in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        fail.withUnsafeBufferPointer { fail in
        Automaton.fold.withUnsafeBufferPointer { fold in
            var s: Int32 = 0
            var i = from
            while i < end {
                let b = text[i]
                var v: Int32
                if s < rows {
                    v = dense[Int(s) << 8 | Int(b)]
                } else {
                    let fb = fold[Int(b)]
                    var st = s
                    while true {
                        if st < rows { v = dense[Int(st) << 8 | Int(b)]; break }
                        var lo = Int(edgeStart[Int(st)]), hi = Int(edgeStart[Int(st) + 1])
                        var found: Int32? = nil
                        if hi - lo <= 8 {
                            while lo < hi { if edgeBytes[lo] == fb { found = edgeTargets[lo]; break }; lo += 1 }
                        } else {
                            while lo < hi {
                                let mid = (lo + hi) >> 1
                                let m = edgeBytes[mid]
                                if m == fb { found = edgeTargets[mid]; break }
                                if m < fb { lo = mid + 1 } else { hi = mid }
                            }
                        }
                        if let f = found { v = f; break }
                        st = fail[Int(st)]
                    }
                }
                i += 1
                s = v & Int32.max
                if v < 0 { report(Int(s), i, text, body) }
            }
        }}}}}}
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
