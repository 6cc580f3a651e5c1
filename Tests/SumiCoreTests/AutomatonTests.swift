import XCTest
@testable import SumiCore

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
    /// both the dense rows and the sparse states are exercised.
    func testMatchesBruteForce() throws {
        var rng = SystemRandomNumberGenerator()
        // No ASCII letters: Latin terms only match on word boundaries, which brute force ignores.
        let alphabet: [String] = ["-", ".", "/", "あ", "い"]
        var terms = Set<String>()
        while terms.count < 2500 {
            let len = Int.random(in: 1...7, using: &rng)
            terms.insert((0..<len).map { _ in alphabet.randomElement(using: &rng)! }.joined())
        }
        let list = Array(terms)
        let text = (0..<1500).map { _ in alphabet.randomElement(using: &rng)! }.joined()
        let a = Automaton(terms: list.map { Array($0.utf8) })
        let bytes = Array(text.utf8)
        var got = Set<String>()
        bytes.withUnsafeBufferPointer { b in a.scan(b) { h in got.insert("\(h.term):\(h.start)") } }
        var want = Set<String>()
        for (id, t) in list.enumerated() {
            let tb = Array(t.utf8)
            var i = 0
            while i + tb.count <= bytes.count {
                if Array(bytes[i..<(i + tb.count)]) == tb { want.insert("\(id):\(i)") }
                i += 1
            }
        }
        XCTAssertEqual(got, want)
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
