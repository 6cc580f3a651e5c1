import Foundation
import SumiText

/// A labeled span in a corpus document (code-point offsets, end exclusive).
public struct GoldSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var label: String
    public var text: String?
}

/// One document of a labeled corpus (`gold.jsonl` line).
public struct GoldDocument: Sendable {
    public var file: String
    public var encoding: String?
    public var spans: [GoldSpan]
}

/// Precision/recall counts for one label or rule, under one matching.
public struct MatchCounts: Sendable, Equatable {
    public var tp = 0
    public var gold = 0
    public var predicted = 0
    public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(tp) / Double(predicted) }
    public var recall: Double { gold == 0 ? (predicted == 0 ? 1 : 0) : Double(min(tp, gold)) / Double(gold) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

/// A false positive or false negative, for the user to look at.
public struct EvaluationError: Sendable {
    public var file: String
    public var label: String
    public var rule: String?
    public var start: Int
    public var end: Int
    public var text: String
    public var context: String
}

public struct CorpusEvaluation: Sendable {
    public var labels: [String: (exact: MatchCounts, overlap: MatchCounts)] = [:]
    public var rules: [String: (exact: MatchCounts, overlap: MatchCounts)] = [:]
    public var falsePositives: [EvaluationError] = []
    public var falseNegatives: [EvaluationError] = []
    public var documents = 0
    public var skipped: [String] = []
    public var failed: [String] = []

    /// Micro average over `labels` (all labels when nil).
    public func micro(_ which: Set<String>? = nil, overlap: Bool = true) -> MatchCounts {
        var c = MatchCounts()
        for (l, v) in labels where which?.contains(l) ?? true {
            let m = overlap ? v.overlap : v.exact
            c.tp += m.tp; c.gold += m.gold; c.predicted += m.predicted
        }
        return c
    }

    /// Macro average (mean precision, recall and F1 over labels).
    public func macro(overlap: Bool = true) -> (precision: Double, recall: Double, f1: Double) {
        let ms = labels.values.map { overlap ? $0.overlap : $0.exact }
        guard !ms.isEmpty else { return (0, 0, 0) }
        let n = Double(ms.count)
        return (ms.map(\.precision).reduce(0, +) / n, ms.map(\.recall).reduce(0, +) / n, ms.map(\.f1).reduce(0, +) / n)
    }
}

public enum CorpusError: Error, CustomStringConvertible {
    case missingGold(String)
    case badLine(file: String, line: Int, reason: String)
    public var description: String {
        switch self {
        case .missingGold(let p): return "\(p): no gold.jsonl in the corpus folder"
        case .badLine(let f, let l, let r): return "\(f):\(l): \(r)"
        }
    }
}

/// Scores a scanner against a labeled corpus (`gold.jsonl` plus documents).
public enum CorpusEvaluator {
    public static func loadGold(corpus: URL) throws -> [GoldDocument] {
        let goldURL = corpus.appendingPathComponent("gold.jsonl")
        guard let text = try? String(contentsOf: goldURL, encoding: .utf8) else {
            throw CorpusError.missingGold(corpus.path)
        }
        var docs: [GoldDocument] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { continue }
            guard let obj = try? JSONSerialization.jsonObject(with: Data(t.utf8)) as? [String: Any],
                  let file = obj["file"] as? String else {
                throw CorpusError.badLine(file: goldURL.path, line: i + 1, reason: "not a JSON object with \"file\"")
            }
            var spans: [GoldSpan] = []
            if let arr = obj["spans"] as? [[String: Any]] {
                for s in arr {
                    guard let st = s["start"] as? Int, let en = s["end"] as? Int, let lb = s["label"] as? String, st <= en else {
                        throw CorpusError.badLine(file: goldURL.path, line: i + 1, reason: "span needs integer start <= end and a label")
                    }
                    spans.append(GoldSpan(start: st, end: en, label: lb, text: s["text"] as? String))
                }
            } else if obj["columns"] != nil {
                // Table column gold: scored by the tables feature.
                docs.append(GoldDocument(file: file, encoding: nil, spans: []))
                docs[docs.count - 1].encoding = "__columns__"
                continue
            }
            docs.append(GoldDocument(file: file, encoding: obj["encoding"] as? String, spans: spans))
        }
        return docs
    }

    public static func evaluate(corpus: URL, scanner: RuleScanner, labels only: Set<String>? = nil) throws -> CorpusEvaluation {
        let docs = try loadGold(corpus: corpus)
        var ev = CorpusEvaluation()
        let session = scanner.makeSession()
        var ruleLabel: [String: String] = [:]
        for r in scanner.pack.rules { ruleLabel[r.rule.id] = r.rule.label }
        for doc in docs {
            if doc.encoding == "__columns__" { ev.skipped.append(doc.file); continue }
            let path = corpus.appendingPathComponent(doc.file).path
            let forced = doc.encoding.flatMap { TextEncoding(userName: $0) }
            let result = scanner.scanFile(atPath: path, encoding: forced, session: session)
            guard result.status == .scanned else { ev.failed.append("\(doc.file): \(result.status)"); continue }
            ev.documents += 1
            let gold = doc.spans.filter { only?.contains($0.label) ?? true }
            let preds = result.findings.filter { only?.contains($0.label) ?? true }
            var text: [Character]? = nil
            func snippet(_ s: Int, _ e: Int) -> (String, String) {
                if text == nil {
                    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) } ?? []
                    let decoded = (try? TextDecoder.decode(bytes, forced: forced))?.utf8 ?? []
                    text = Array(String(decoding: decoded, as: UTF8.self).unicodeScalars.map(Character.init))
                }
                let t = text!
                let a = max(0, min(s, t.count)), b = max(a, min(e, t.count))
                let ctxA = max(0, a - 15), ctxB = min(t.count, b + 15)
                let before = String(t[ctxA..<a]), value = String(t[a..<b]), after = String(t[b..<ctxB])
                return (value, (before + "[" + "\u{1}" + "]" + after).replacingOccurrences(of: "\n", with: " "))
            }
            // Exact matching.
            var goldExact = Set(gold.map { "\($0.start):\($0.end):\($0.label)" })
            var exactHit = [Bool](repeating: false, count: preds.count)
            for (i, p) in preds.enumerated() {
                let k = "\(p.start):\(p.end):\(p.label)"
                if goldExact.remove(k) != nil { exactHit[i] = true }
            }
            // Overlap matching: same label, greedy by largest overlap, each side at most once.
            var pairs: [(ov: Int, g: Int, p: Int)] = []
            for (gi, g) in gold.enumerated() {
                for (pi, p) in preds.enumerated() where p.label == g.label {
                    let ov = min(g.end, p.end) - max(g.start, p.start)
                    if ov > 0 { pairs.append((ov, gi, pi)) }
                }
            }
            pairs.sort { $0.ov != $1.ov ? $0.ov > $1.ov : ($0.g != $1.g ? $0.g < $1.g : $0.p < $1.p) }
            var gUsed = [Bool](repeating: false, count: gold.count)
            var pUsed = [Bool](repeating: false, count: preds.count)
            for pr in pairs where !gUsed[pr.g] && !pUsed[pr.p] { gUsed[pr.g] = true; pUsed[pr.p] = true }
            for g in gold {
                ev.labels[g.label, default: (MatchCounts(), MatchCounts())].exact.gold += 1
                ev.labels[g.label, default: (MatchCounts(), MatchCounts())].overlap.gold += 1
            }
            for (i, p) in preds.enumerated() {
                var l = ev.labels[p.label, default: (MatchCounts(), MatchCounts())]
                l.exact.predicted += 1; l.overlap.predicted += 1
                if exactHit[i] { l.exact.tp += 1 }
                if pUsed[i] { l.overlap.tp += 1 }
                ev.labels[p.label] = l
                var r = ev.rules[p.ruleID, default: (MatchCounts(), MatchCounts())]
                r.exact.predicted += 1; r.overlap.predicted += 1
                if exactHit[i] { r.exact.tp += 1 }
                if pUsed[i] { r.overlap.tp += 1 }
                ev.rules[p.ruleID] = r
                if !pUsed[i] {
                    let (v, c) = snippet(p.start, p.end)
                    ev.falsePositives.append(EvaluationError(file: doc.file, label: p.label, rule: p.ruleID, start: p.start, end: p.end, text: v, context: c))
                }
            }
            for (gi, g) in gold.enumerated() where !gUsed[gi] {
                let (v, c) = snippet(g.start, g.end)
                ev.falseNegatives.append(EvaluationError(file: doc.file, label: g.label, rule: nil, start: g.start, end: g.end, text: v, context: c))
            }
        }
        // A rule's gold is its label's gold: recall says how much of the label the rule finds.
        for (id, var r) in ev.rules {
            if let l = ruleLabel[id], let lg = ev.labels[l] { r.exact.gold = lg.exact.gold; r.overlap.gold = lg.overlap.gold }
            ev.rules[id] = r
        }
        ev.falsePositives.sort { ($0.rule ?? "", $0.file, $0.start) < ($1.rule ?? "", $1.file, $1.start) }
        ev.falseNegatives.sort { ($0.label, $0.file, $0.start) < ($1.label, $1.file, $1.start) }
        return ev
    }
}
