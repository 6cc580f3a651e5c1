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
    public init(terms: [[UInt8]]) {
        // 1. Trie in insertion numbering.
        var children: [[(UInt8, Int32)]] = [[]]
        var terminal: [[Int32]] = [[]]
        var termLengths: [Int32] = [], boundaryStart: [Bool] = [], boundaryEnd: [Bool] = []
        termLengths.reserveCapacity(terms.count)
        for (id, raw) in terms.enumerated() {
            let term = raw.map { Automaton.fold[Int($0)] }
            termLengths.append(Int32(term.count))
            boundaryStart.append(term.first.map(Automaton.isWordByte) ?? false)
            boundaryEnd.append(term.last.map(Automaton.isWordByte) ?? false)
            guard !term.isEmpty else { continue }
            var s: Int32 = 0
            for b in term {
                if let next = children[Int(s)].first(where: { $0.0 == b })?.1 {
                    s = next
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    terminal.append([])
                    children[Int(s)].append((b, next))
                    s = next
                }
            }
            terminal[Int(s)].append(Int32(id))
        }
        let n = children.count
        // 2. Breadth-first renumbering: new id = position in BFS order.
        var order: [Int32] = [0]
        order.reserveCapacity(n)
        var head = 0
        while head < order.count {
            let s = order[head]; head += 1
            children[Int(s)].sort { $0.0 < $1.0 }
            for (_, t) in children[Int(s)] { order.append(t) }
        }
        var newID = [Int32](repeating: 0, count: n)
        for (i, s) in order.enumerated() { newID[Int(s)] = Int32(i) }
        var kids = [[(UInt8, Int32)]](repeating: [], count: n)
        var outs = [[Int32]](repeating: [], count: n)
        for old in 0..<n {
            kids[Int(newID[old])] = children[old].map { ($0.0, newID[Int($0.1)]) }
            outs[Int(newID[old])] = terminal[old]
        }
        // 3. Failure links and merged outputs, in BFS (= id) order.
        func goto(_ s: Int32, _ b: UInt8) -> Int32? {
            kids[Int(s)].first(where: { $0.0 == b })?.1
        }
        var fail = [Int32](repeating: 0, count: n)
        for s in 0..<n {
            for (b, t) in kids[s] {
                var target: Int32 = 0
                if s != 0 {
                    var f = fail[s]
                    while true {
                        if let x = goto(f, b) { target = x; break }
                        if f == 0 { break }
                        f = fail[Int(f)]
                    }
                }
                fail[Int(t)] = target
                if !outs[Int(target)].isEmpty { outs[Int(t)] += outs[Int(target)] }
            }
        }
        func encode(_ t: Int32) -> Int32 { outs[Int(t)].isEmpty ? t : t | Automaton.outputFlag }
        // 4. Sparse edges for every state.
        var edgeStart = [Int32](repeating: 0, count: n + 1)
        var edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        for s in 0..<n {
            edgeStart[s + 1] = edgeStart[s] + Int32(kids[s].count)
            for (b, t) in kids[s] { edgeBytes.append(b); edgeTargets.append(encode(t)) }
        }
        // 5. Dense rows for the shallowest states; a failure target is shallower, so its row is done.
        let rows = min(n, Automaton.maxDenseRows)
        var dense = [Int32](repeating: 0, count: rows * 256)
        for s in 0..<rows {
            for b in 0..<256 {
                let fb = Automaton.fold[b]
                if let t = goto(Int32(s), fb) {
                    dense[s * 256 + b] = encode(t)
                } else if s != 0 {
                    dense[s * 256 + b] = dense[Int(fail[s]) * 256 + b]
                }
            }
        }
        var outStart = [Int32](repeating: 0, count: n + 1)
        var outputs: [Int32] = []
        for s in 0..<n {
            outStart[s + 1] = outStart[s] + Int32(outs[s].count)
            outputs += outs[s]
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
        (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
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
