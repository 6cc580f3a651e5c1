import Foundation
import XCTest
@testable import SumiCore

/// How special-care findings are shaped: fragments of one phrase joined (`merge`), `\G`
/// continuations only after a match, weak exclusion words.
final class SpecialCareSpanTests: XCTestCase {
    // MARK: joining fragments

    static let fragmentsYAML = """
    rules:
      - id: record-terms
        label: CRIMINAL_RECORD
        score: 0.6
        merge: {gap: 12}
        dictionary: {words: [懲役, 実刑判決を受け, 服役した, 前科, misdemeanor conviction, DUI, felonies]}
      - id: record-strong
        label: CRIMINAL_RECORD
        score: 0.9
        merge: {gap: 12}
        dictionary: {words: [逮捕歴]}
      - id: medical-terms
        label: MEDICAL
        score: 0.6
        merge: {gap: 12}
        dictionary: {words: [心不全, パーキンソン病, dementia, schizophrenia, 糖尿病]}
      - id: code-no-merge
        label: CODE
        score: 0.9
        patterns: ['\\bC\\d{3}\\b']
    """

    func scan(_ text: String) throws -> [Finding] {
        RuleScanner(pack: try Fixtures.pack(yaml: Self.fragmentsYAML)).scan(text)
    }

    func testFragmentsOfOnePhraseBecomeOneFinding() throws {
        let f = try scan("相談者は窃盗罪で懲役1年6月の実刑判決を受け服役した。")
        XCTAssertEqual(f.map(\.value), ["懲役1年6月の実刑判決を受け服役した"])
        XCTAssertEqual(f.first?.label, "CRIMINAL_RECORD")
        // Offsets of the joined finding are those of the whole phrase.
        let text = "He has one misdemeanor conviction for DUI (2016)."
        let g = try scan(text)
        XCTAssertEqual(g.map(\.value), ["misdemeanor conviction for DUI"])
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[g[0].start..<g[0].end])), "misdemeanor conviction for DUI")
    }

    func testJoinedFindingKeepsTheHigherScore() throws {
        let f = try scan("前科と無関係に逮捕歴あり")   // と is a list conjunction: stays apart
        XCTAssertEqual(f.map(\.value), ["前科", "逮捕歴"])
        let g = try scan("前科のほか逮捕歴あり")
        XCTAssertEqual(g.map(\.value), ["前科のほか逮捕歴"])
        XCTAssertEqual(g.first?.score ?? 0, 0.9, accuracy: 1e-9)
    }

    func testListsSentencesAndLongGapsStayApart() throws {
        XCTAssertEqual(try scan("既往：心不全、パーキンソン病").map(\.value), ["心不全", "パーキンソン病"])
        XCTAssertEqual(try scan("心不全とパーキンソン病").map(\.value), ["心不全", "パーキンソン病"])
        XCTAssertEqual(try scan("dementia and schizophrenia").map(\.value), ["dementia", "schizophrenia"])
        XCTAssertEqual(try scan("dementia, schizophrenia").map(\.value), ["dementia", "schizophrenia"])
        XCTAssertEqual(try scan("懲役に処する。服役した").map(\.value), ["懲役", "服役した"])
        XCTAssertEqual(try scan("懲役\n服役した").map(\.value), ["懲役", "服役した"])
        XCTAssertEqual(try scan("懲役（2年）服役した").map(\.value), ["懲役", "服役した"])
        // 13 characters between them: one more than the gap allows.
        XCTAssertEqual(try scan("懲役あいうえおかきくけこさしす服役した").map(\.value), ["懲役", "服役した"])
        XCTAssertEqual(try scan("懲役あいうえおかきくけこさし服役した").count, 1)
    }

    func testOnlyOptedInRulesOfTheSameLabelAreJoined() throws {
        // Different labels next to each other.
        XCTAssertEqual(try scan("糖尿病の懲役").map(\.label), ["MEDICAL", "CRIMINAL_RECORD"])
        // Identifier-like rules without `merge` keep their findings apart.
        XCTAssertEqual(try scan("C123 C456").map(\.value), ["C123", "C456"])
        // A finding of another label in between stops the join.
        XCTAssertEqual(try scan("懲役 C123 服役した").map(\.value), ["懲役", "C123", "服役した"])
    }

    func testJoinedFindingsAreTheSameWhenScannedInChunks() throws {
        var text = ""
        for i in 0..<300 { text += "第\(i)件 相談者は懲役1年6月の実刑判決を受け服役した。既往：心不全、パーキンソン病\n" }
        let pack = try Fixtures.pack(yaml: Self.fragmentsYAML)
        let whole = RuleScanner(pack: pack).scan(text)
        var options = ScanOptions()
        options.chunkSize = 700
        options.overlap = 150
        XCTAssertEqual(RuleScanner(pack: pack, options: options).scan(text), whole)
        XCTAssertEqual(whole.count, 900)
    }

    func testExplainShowsTheJoinedPart() throws {
        var options = ScanOptions()
        options.trace = true
        let scanner = RuleScanner(pack: try Fixtures.pack(yaml: Self.fragmentsYAML), options: options)
        let session = scanner.makeSession()
        _ = scanner.scan("懲役1年6月の実刑判決を受け", session: session)
        let outcomes = session.drain().candidates.map(\.outcome)
        XCTAssertTrue(outcomes.contains(.reported))
        XCTAssertTrue(outcomes.contains(.joinedTo(ruleID: "record-terms")))
    }

    func testPhraseGap() {
        func gap(_ s: String, _ max: Int = 12, stop: [String] = MergeSpec.defaultStopWords) -> Bool {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer {
                RuleScanner.isPhraseGap($0, 0..<bytes.count, maxChars: max, stopWords: stop.map { Array($0.utf8) })
            }
        }
        XCTAssertTrue(gap(""))
        XCTAssertTrue(gap("1年6月の"))
        XCTAssertTrue(gap(" for "))
        XCTAssertFalse(gap("、"))
        XCTAssertFalse(gap("。"))
        XCTAssertFalse(gap(" (left ear "))
        XCTAssertFalse(gap(" and "))
        XCTAssertFalse(gap(" AND "))
        XCTAssertTrue(gap(" android "))            // "and" only as a word
        XCTAssertFalse(gap("や"))
        XCTAssertFalse(gap("abcd", 3))
        XCTAssertTrue(gap("abc", 3))
    }

    func testMergeKeyIsValidated() {
        XCTAssertThrowsError(try Fixtures.pack(yaml: """
        rules:
          - id: x
            label: MEDICAL
            merge: {gap: 12, distance: 3}
            patterns: ['x']
        """))
    }

    // MARK: \G continues only after a match

    func testContinuationAnchorDoesNotHoldAtTheStartOfASearch() throws {
        let re = try PCRE2Regex(#"(?:item:|\G,)(?<value>\w+)"#)
        let scratch = RegexScratch()
        let text = Array("age,32 item:a,b,c".utf8)
        func values(from: Int) throws -> [String] {
            var out: [String] = []
            try text.withUnsafeBufferPointer { t in
                try re.forEachMatch(in: t, from: from, scratch: scratch) { _, v in
                    out.append(String(decoding: t[v], as: UTF8.self)); return true
                }
            }
            return out
        }
        // Starting right at ",32": no previous match, so no continuation.
        XCTAssertEqual(try values(from: 3), ["a", "b", "c"])
        XCTAssertEqual(try values(from: 0), ["a", "b", "c"])
        // Anchored attempts have no previous match either.
        try text.withUnsafeBufferPointer { t in
            XCTAssertNil(try re.matchAnchored(in: t, at: 3, scratch: scratch))
            XCTAssertNotNil(try re.matchAnchored(in: t, at: 7, scratch: scratch))
        }
    }

    /// Keyword-anchored rules compile anchored forms (JIT ignores PCRE2_ANCHORED at match time), and
    /// a `\G` list continues from where the previous anchored match ended.
    func testAnchoredFormsMatchOnlyAtTheOffsetAndContinueLists() throws {
        let scratch = RegexScratch()
        let text = Array("age,32 item:a,b,c".utf8)
        for anchored in [false, true] {
            let re = try PCRE2Regex(#"(?:item:|\G,)(?<value>\w+)"#, anchored: anchored)
            XCTAssertTrue(re.continuesMatches)
            try text.withUnsafeBufferPointer { t in
                XCTAssertNil(try re.matchAnchored(in: t, at: 6, scratch: scratch), "no match starts at the space")
                XCTAssertNil(try re.matchAnchored(in: t, at: 3, scratch: scratch), "nothing to continue")
                var values: [String] = []
                var at = 7, continuing = false
                while let (m, v) = try re.matchAnchored(in: t, at: at, continuing: continuing, scratch: scratch) {
                    values.append(String(decoding: t[v], as: UTF8.self))
                    at = m.upperBound
                    continuing = true
                }
                XCTAssertEqual(values, ["a", "b", "c"], "anchored forms: \(anchored)")
            }
        }
        XCTAssertFalse(try PCRE2Regex("item:").continuesMatches)
    }

    /// Whole-value tests (exclusions, allowlists) give the same answers with the compiled anchored
    /// form as with match-time anchoring.
    func testWholeValueFormAgreesWithMatchTimeAnchoring() throws {
        let scratch = RegexScratch()
        let pattern = #".*\b(?:INC|LLC)\.?"#
        let plain = try PCRE2Regex(pattern, caseInsensitive: true)
        let whole = try PCRE2Regex(pattern, caseInsensitive: true, whole: true)
        for value in ["Acme LLC", "Acme Inc.", "Acme Incorporated", "LLC Holdings", "Lincoln", ""] {
            let bytes = Array(value.utf8)
            try bytes.withUnsafeBufferPointer { b in
                XCTAssertEqual(try whole.matches(b, scratch: scratch, anchoredWhole: true),
                               try plain.matches(b, scratch: scratch, anchoredWhole: true), value)
            }
        }
        XCTAssertTrue(try whole.matches("acme llc", scratch: scratch, anchoredWhole: true))
        XCTAssertFalse(try whole.matches("LLC Holdings", scratch: scratch, anchoredWhole: true))
    }

    func testContinuationRewriteSkipsEscapes() {
        XCTAssertNil(PCRE2Regex.withoutContinuation(#"a\\Gb"#))        // an escaped backslash, then G
        XCTAssertNil(PCRE2Regex.withoutContinuation(#"\Q\G\Ex"#))       // literal text
        XCTAssertEqual(PCRE2Regex.withoutContinuation(#"(?:k:|\G,)v"#), #"(?:k:|(*FAIL),)v"#)
    }

    func testFieldListDoesNotContinueFromAWindowStart() throws {
        // The keyword window (5 characters back from 病名) starts exactly at the "、" before 32歳.
        let pack = try Fixtures.pack(yaml: #"""
        rules:
          - id: field
            label: MEDICAL
            score: 0.8
            keywords: {words: [病名], window: 5}
            patterns: ['(?:病名[:：]|\G[、,])(?<value>[^、,\n]{2,10}?)(?=[、,\n]|$)']
        """#)
        let f = RuleScanner(pack: pack).scan("カミラ、32歳、病名：喘息")
        XCTAssertEqual(f.map(\.value), ["喘息"])
    }

    func testDefaultMedicalFieldSkipsAgeBeforeIt() throws {
        // 病名 is 90 characters (medical-field's keyword window) after the "、" before 32歳.
        let filler = "\n" + String(repeating: "テスト文", count: 21)
        let text = "相談者：シルバ カミラ、32歳　" + filler + "病名：喘息"
        let f = try Fixtures.defaultScanner().scan(text).filter { $0.label == "MEDICAL" }
        XCTAssertFalse(f.contains { $0.value.contains("32歳") })
        XCTAssertTrue(f.contains { $0.value == "喘息" })
    }

    // MARK: weak exclusion words

    func testWeakExclusionNeedsNoPersonalContext() throws {
        let pack = try Fixtures.pack(yaml: """
        rules:
          - id: disability
            label: DISABILITY
            score: 0.6
            dictionary: {words: [車いす]}
            context: {words: [使用, 本人], before: 10, after: 10, boost: 0.35}
            exclude: {words: [研究], weak_words: [スロープ], before: 20, after: 15}
        """)
        let s = RuleScanner(pack: pack)
        // A personal statement followed by a facility word: reported.
        XCTAssertEqual(s.scan("備考：車いす使用のため、玄関スロープ設置済").map(\.value), ["車いす"])
        // A facility notice: the facility word vetoes.
        XCTAssertTrue(s.scan("会館の入口にスロープを設置しました。車いすでも通れます").isEmpty)
        // Strong exclusion words still veto with context.
        XCTAssertTrue(s.scan("車いす使用者の研究").isEmpty)
    }

    func testWeakExclusionWaitsForContextLabels() throws {
        let pack = try Fixtures.pack(yaml: """
        rules:
          - id: name
            label: PERSON
            score: 0.9
            patterns: ['山田花子']
          - id: disability
            label: DISABILITY
            score: 0.6
            dictionary: {words: [車いす]}
            context: {labels: [PERSON], label_window: 30, boost: 0.35}
            exclude: {weak_words: [スロープ], before: 20, after: 15}
        """)
        let s = RuleScanner(pack: pack)
        XCTAssertEqual(s.scan("山田花子 車いすのためスロープ設置").filter { $0.label == "DISABILITY" }.count, 1)
        XCTAssertTrue(s.scan("入口に車いす用のスロープ設置").filter { $0.label == "DISABILITY" }.isEmpty)
    }

    // MARK: list items share context

    static let listYAML = """
    rules:
      - id: medical
        label: MEDICAL
        score: 0.45
        dictionary: {words: [hypertension, hyperlipidemia, GERD, 高血圧症, 脂質異常症, 痛風]}
        context: {words: [medical history, 既往歴], before: 25, after: 10, boost: 0.35, list: true}
    """

    func testListItemsShareContext() throws {
        let s = RuleScanner(pack: try Fixtures.pack(yaml: Self.listYAML))
        XCTAssertEqual(s.scan("Past medical history: hypertension, hyperlipidemia and GERD.").map(\.value),
                       ["hypertension", "hyperlipidemia", "GERD"])
        XCTAssertEqual(s.scan("既往歴は高血圧症、脂質異常症・痛風").map(\.value), ["高血圧症", "脂質異常症", "痛風"])
        // Without a separator, or past a sentence end, nothing is shared.
        XCTAssertEqual(s.scan("Past medical history: hypertension. Research on hyperlipidemia").map(\.value), ["hypertension"])
        // No item with context: the list stays below the threshold.
        XCTAssertTrue(s.scan("Grants for hypertension, hyperlipidemia and GERD").isEmpty)
    }

    func testListContextIsOptIn() throws {
        let yaml = Self.listYAML.replacingOccurrences(of: ", list: true", with: "")
        let s = RuleScanner(pack: try Fixtures.pack(yaml: yaml))
        XCTAssertEqual(s.scan("Past medical history: hypertension, hyperlipidemia and GERD.").map(\.value), ["hypertension"])
    }
}
