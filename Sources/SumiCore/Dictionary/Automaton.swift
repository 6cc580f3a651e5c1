/// Aho-Corasick automaton over bytes, ASCII case-folded.
///
/// All dictionary terms, context words, exclusion words and keywords of a rule pack go into
/// one automaton, so a document is read once for all of them. The root has a dense 256-entry
/// table (most bytes fall back to it); other states keep sorted sparse edges, which keeps a
/// 300,000-state name dictionary in a few megabytes.
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

    // All tables are immutable after init: `let` keeps the hot loop free of exclusivity checks.
    private let root: [Int32]
    private let edgeStart: [Int32]     // per state, index into edge arrays (count+1 entries)
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let fail: [Int32]
    private let outStart: [Int32]      // per state, index into outputs (count+1 entries)
    private let outputs: [Int32]       // term ids
    /// Byte length of each term.
    public let termLengths: [Int32]
    /// Whether each term must sit on ASCII word boundaries (it starts/ends with a letter or digit).
    private let boundaryStart: [Bool]
    private let boundaryEnd: [Bool]

    public var stateCount: Int { fail.count }

    /// Builds from terms (already normalized). Term ids are their indices in `terms`.
    public init(terms: [[UInt8]]) {
        // 1. Trie, with children kept in per-state lists while building.
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
        // 2. Flatten edges.
        var edgeStart = [Int32](repeating: 0, count: n + 1)
        var edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        var root = [Int32](repeating: 0, count: 256)
        for s in 0..<n {
            children[s].sort { $0.0 < $1.0 }
            edgeStart[s + 1] = edgeStart[s] + Int32(children[s].count)
        }
        edgeBytes.reserveCapacity(Int(edgeStart[n]))
        edgeTargets.reserveCapacity(Int(edgeStart[n]))
        for s in 0..<n {
            for (b, t) in children[s] { edgeBytes.append(b); edgeTargets.append(t) }
        }
        for (b, t) in children[0] { root[Int(b)] = t }
        // 3. Failure links and merged outputs, breadth first.
        func step(_ s: Int32, _ b: UInt8) -> Int32? {
            if s == 0 { let t = root[Int(b)]; return t == 0 ? nil : t }
            for k in Int(edgeStart[Int(s)])..<Int(edgeStart[Int(s) + 1]) where edgeBytes[k] == b { return edgeTargets[k] }
            return nil
        }
        var fail = [Int32](repeating: 0, count: n)
        var merged = terminal
        var queue: [Int32] = children[0].map { $0.1 }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            for (b, t) in children[Int(s)] {
                var f = fail[Int(s)]
                var target: Int32 = 0
                while true {
                    if let x = step(f, b) { target = x; break }
                    if f == 0 { break }
                    f = fail[Int(f)]
                }
                if target == t { target = 0 }
                fail[Int(t)] = target
                if !merged[Int(target)].isEmpty { merged[Int(t)] += merged[Int(target)] }
                queue.append(t)
            }
        }
        var outStart = [Int32](repeating: 0, count: n + 1)
        var outputs: [Int32] = []
        for s in 0..<n {
            outStart[s + 1] = outStart[s] + Int32(merged[s].count)
            outputs += merged[s]
        }
        self.root = root
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
        root.withUnsafeBufferPointer { root in
        edgeStart.withUnsafeBufferPointer { edgeStart in
        edgeBytes.withUnsafeBufferPointer { edgeBytes in
        edgeTargets.withUnsafeBufferPointer { edgeTargets in
        fail.withUnsafeBufferPointer { fail in
        outStart.withUnsafeBufferPointer { outStart in
        Automaton.fold.withUnsafeBufferPointer { fold in
            var s: Int32 = 0
            var i = from
            while i < end {
                let b = fold[Int(text[i])]
                while true {
                    if s == 0 { s = root[Int(b)]; break }
                    var lo = Int(edgeStart[Int(s)]), hi = Int(edgeStart[Int(s) + 1])
                    var next: Int32 = -1
                    if hi - lo <= 8 {
                        while lo < hi { if edgeBytes[lo] == b { next = edgeTargets[lo]; break }; lo += 1 }
                    } else {
                        while lo < hi {
                            let mid = (lo + hi) >> 1
                            let m = edgeBytes[mid]
                            if m == b { next = edgeTargets[mid]; break }
                            if m < b { lo = mid + 1 } else { hi = mid }
                        }
                    }
                    if next >= 0 { s = next; break }
                    s = fail[Int(s)]
                }
                i += 1
                let o0 = Int(outStart[Int(s)]), o1 = Int(outStart[Int(s) + 1])
                if o0 == o1 { continue }
                report(o0, o1, i, text, body)
            }
        }}}}}}}
    }

    private func report(_ o0: Int, _ o1: Int, _ i: Int, _ text: UnsafeBufferPointer<UInt8>, _ body: (Hit) -> Void) {
        for k in o0..<o1 {
            let id = Int(outputs[k])
            let start = i - Int(termLengths[id])
            if boundaryStart[id] && start > 0 && Automaton.isWordByte(text[start - 1]) { continue }
            if boundaryEnd[id] && i < text.count && Automaton.isWordByte(text[i]) { continue }
            body(Hit(term: Int32(id), start: start, end: i))
        }
    }
}
