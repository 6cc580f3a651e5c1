import XCTest
@testable import SumiCore
import SumiText

final class AutomatonTests: XCTestCase {
    func hits(_ terms: [String], _ text: String) -> [String] {
        let a = Automaton(terms: terms.map { Array($0.utf8) })
        let bytes = Array(text.utf8)
        var out: [String] = []
        bytes.withUnsafeBufferPointer { b in
            a.scan(b) { h in out.append("\(terms[Int(h.term)])@\(h.start)") }
        }
        return out
    }

    func testOverlappingAndNestedTerms() throws {
        XCTAssertEqual(hits(["へ", "しへ", "ひす", "へる"], "うしへる"), ["しへ@3", "へ@6", "へる@6"])
        XCTAssertEqual(hits(["he", "she", "his", "hers"], "ushers she"), ["she@7"], "he inside she is no word")
        XCTAssertEqual(hits(["糖尿病", "2型糖尿病", "病"], "2型糖尿病"), ["2型糖尿病@0", "糖尿病@4", "病@10"])
    }

    func testCaseFoldingAndWordBoundaries() throws {
        XCTAssertEqual(hits(["gay", "ann"], "GAY Anna ann"), ["gay@0", "ann@9"])
        XCTAssertEqual(hits(["@"], "a@b"), ["@@1"])
        // Japanese terms need no boundaries.
        XCTAssertEqual(hits(["山田"], "担当山田様"), ["山田@6"])
    }

    /// Against a brute-force search on random text over a small alphabet, with many terms so that
    /// both the dense rows and the sparse states are exercised. Letters and digits are in the
    /// alphabet, so the word-boundary failure links are checked too.
    func testMatchesBruteForce() throws {
        var rng = SplitMix64(seed: 20261130)
        let alphabet: [String] = ["-", ".", " ", "あ", "い", "a", "B", "1"]
        func isWord(_ b: UInt8) -> Bool { Automaton.isWordByte(b) }
        func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        for round in 0..<4 {
            var terms = Set<String>()
            let count = round == 0 ? 40 : 2500
            while terms.count < count {
                let len = Int.random(in: 1...7, using: &rng)
                terms.insert((0..<len).map { _ in alphabet.randomElement(using: &rng)! }.joined())
            }
            let list = Array(terms)
            let text = (0..<1500).map { _ in alphabet.randomElement(using: &rng)! }.joined()
            let bytes = Array(text.utf8)
            let from = round == 3 ? 7 : 0
            // The default layout, and layouts where almost every state is sparse (merged
            // failure-chain edges) or only the two roots are dense.
            var results: [Set<String>] = []
            for rows in [Automaton.maxDenseRows, 16, 2] {
                let a = Automaton(terms: list.map { Array($0.utf8) }, maxDenseRows: rows)
                var got = Set<String>()
                bytes.withUnsafeBufferPointer { b in a.scan(b, from: from) { h in got.insert("\(h.term):\(h.start)") } }
                results.append(got)
            }
            var want = Set<String>()
            let folded = bytes.map(fold)
            for (id, t) in list.enumerated() {
                let tb = Array(t.utf8).map(fold)
                var i = from
                while i + tb.count <= bytes.count {
                    let e = i + tb.count
                    if folded[i..<e].elementsEqual(tb),
                       !(isWord(tb[0]) && i > 0 && isWord(bytes[i - 1])),
                       !(isWord(tb[tb.count - 1]) && e < bytes.count && isWord(bytes[e])) {
                        want.insert("\(id):\(i)")
                    }
                    i += 1
                }
            }
            for (k, got) in results.enumerated() { XCTAssertEqual(got, want, "round \(round), layout \(k)") }
        }
    }

    func testLatinTermsDoNotStartInsideWords() throws {
        // "ann" inside "planning" and "joann" is no hit; after a hyphen or a Japanese character it is.
        XCTAssertEqual(hits(["ann", "anna", "-ann"], "planning joann ann-anna 山田ann"), ["ann@15", "anna@19", "ann@30"])
        let a = Automaton(terms: [Array("ann".utf8)])
        let bytes = Array("xann ann".utf8)
        var got: [Int] = []
        bytes.withUnsafeBufferPointer { b in a.scan(b, from: 1) { got.append($0.start) } }
        XCTAssertEqual(got, [5], "a range that starts inside a word starts mid-word")
    }

    func testPrefixTrieLongestMatch() throws {
        let trie = PrefixTrie(terms: ["太", "太郎", "Ann", "Anna"].map { Array($0.utf8) })
        let text = Array("山田太郎様 Annabel".utf8)
        text.withUnsafeBufferPointer { b in
            XCTAssertEqual(trie.longestMatch(in: b, at: 6), 12)
            XCTAssertNil(trie.longestMatch(in: b, at: 0))
            XCTAssertNil(trie.longestMatch(in: b, at: 16), "Latin terms end on a word boundary")
        }
    }
}
