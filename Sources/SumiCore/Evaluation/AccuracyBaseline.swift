import Foundation

/// Per-label F1 of a corpus run, saved so that a later run can be checked against it: a rule edit
/// that lowers any label's F1 by more than a tolerance is a regression.
public struct AccuracyBaseline: Equatable {
    public struct Scores: Equatable {
        public var exact: Double
        public var overlap: Double
    }
    public var labels: [String: Scores]

    public init(_ ev: CorpusEvaluation) {
        labels = ev.labels.mapValues { Scores(exact: $0.exact.f1, overlap: $0.overlap.f1) }
    }

    public init(data: Data) throws {
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let ls = obj["labels"] as? [String: [String: Double]] else {
            throw CorpusError.badLine(file: "baseline", line: 1, reason: "expected {\"labels\": {LABEL: {\"exact_f1\", \"overlap_f1\"}}}")
        }
        labels = ls.mapValues { Scores(exact: $0["exact_f1"] ?? 0, overlap: $0["overlap_f1"] ?? 0) }
    }

    public func data() -> Data {
        var out = "{\n  \"labels\": {\n"
        let rows = labels.sorted { $0.key < $1.key }.map { k, v in
            "    \"\(k)\": {\"exact_f1\": \(Self.fmt(v.exact)), \"overlap_f1\": \(Self.fmt(v.overlap))}"
        }
        out += rows.joined(separator: ",\n") + "\n  }\n}\n"
        return Data(out.utf8)
    }

    static func fmt(_ d: Double) -> String { String(format: "%.4f", d) }

    /// Labels whose F1 (either matching) fell by more than `tolerance`, described for people.
    public func drops(comparedWith now: AccuracyBaseline, tolerance: Double) -> [String] {
        var out: [String] = []
        for (label, was) in labels.sorted(by: { $0.key < $1.key }) {
            let is_ = now.labels[label] ?? Scores(exact: 0, overlap: 0)
            if was.overlap - is_.overlap > tolerance {
                out.append("\(label) overlap F1 \(Self.fmt(was.overlap)) -> \(Self.fmt(is_.overlap))")
            }
            if was.exact - is_.exact > tolerance {
                out.append("\(label) exact F1 \(Self.fmt(was.exact)) -> \(Self.fmt(is_.exact))")
            }
        }
        return out
    }
}
