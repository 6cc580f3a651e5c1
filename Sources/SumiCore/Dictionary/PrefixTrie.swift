/// A byte trie walked from a fixed position: "which terms start exactly here?".
///
/// Used for the second part of sequence rules (a given name right after a surname). Those terms
/// only matter at a few positions, so keeping them out of the document-wide automaton makes that
/// automaton smaller and its scan faster.
public final class PrefixTrie: @unchecked Sendable {
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]
    private let terminal: [Bool]

    public init(terms: [[UInt8]]) {
        var children: [[(UInt8, Int32)]] = [[]]
        var terminal: [Bool] = [false]
        for raw in terms where !raw.isEmpty {
            var s = 0
            for b0 in raw {
                let b = Automaton.fold[Int(b0)]
                if let next = children[s].first(where: { $0.0 == b })?.1 {
                    s = Int(next)
                } else {
                    children.append([])
                    terminal.append(false)
                    children[s].append((b, Int32(children.count - 1)))
                    s = children.count - 1
                }
            }
            terminal[s] = true
        }
        var edgeStart = [Int32](repeating: 0, count: children.count + 1)
        var edgeBytes: [UInt8] = [], edgeTargets: [Int32] = []
        for s in children.indices {
            let sorted = children[s].sorted { $0.0 < $1.0 }
            edgeStart[s + 1] = edgeStart[s] + Int32(sorted.count)
            for (b, t) in sorted { edgeBytes.append(b); edgeTargets.append(t) }
        }
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
        self.terminal = terminal
    }

    /// End offset of the longest term starting at `start` (ASCII case-folded; Latin terms must
    /// end on a word boundary), or nil.
    public func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var s = 0
        var i = start
        var best: Int? = nil
        while i < text.count {
            let b = Automaton.fold[Int(text[i])]
            var lo = Int(edgeStart[s]), hi = Int(edgeStart[s + 1])
            var next = -1
            while lo < hi {
                let mid = (lo + hi) >> 1
                let m = edgeBytes[mid]
                if m == b { next = Int(edgeTargets[mid]); break }
                if m < b { lo = mid + 1 } else { hi = mid }
            }
            if next < 0 { break }
            s = next
            i += 1
            if terminal[s] {
                let wordEnd = i >= text.count || !Automaton.isWordByte(text[i]) || !Automaton.isWordByte(text[i - 1])
                if wordEnd { best = i }
            }
        }
        return best
    }
}
