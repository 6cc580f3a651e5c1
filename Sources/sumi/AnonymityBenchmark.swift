import Foundation
import SumiAnonymity
import SumiTable

/// `sumi bench --adult DIR`: the k-anonymity search on ARX's Adult benchmark (8 quasi-identifiers,
/// ARX's hierarchies) for k in 2…100 and 0 % / 5 % suppression, with an independent check of every
/// result and, when given, a comparison with ARX's optima.
enum AnonymityBenchmark {
    static let qis = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation"]

    /// One ARX optimum from `tools/arx-reference/adult-arx.json`.
    struct Reference {
        var k: Int
        var suppression: Double
        var metric: InformationLoss
        var score: Double
        var milliseconds: Double?
    }

    static let arxMetricNames: [String: InformationLoss] = [
        "Loss": .loss, "Precision": .precision, "DM": .discernibility, "DMStar": .dmStar, "AECS": .aecs,
    ]

    static func loadReference(_ path: String) throws -> [Reference] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw BenchError("\(path): expected a JSON list of ARX results")
        }
        return list.compactMap { o in
            guard let k = o["k"] as? Int, let s = o["suppression"] as? Double, let name = o["metric"] as? String,
                  let m = arxMetricNames[name], let v = o["arx_score_highest_double"] as? Double else { return nil }
            return Reference(k: k, suppression: s, metric: m, score: v, milliseconds: (o["runtime_ms"] as? NSNumber)?.doubleValue)
        }
    }

    static func run(directory: String, metrics: [InformationLoss], reference: String?) throws {
        let dir = URL(fileURLWithPath: directory)
        let loadStart = DispatchTime.now()
        let reader = try CSVReader(path: dir.appendingPathComponent("adult.csv").path)
        let header = reader.header ?? []
        var lines: [[String]] = []
        while let r = try reader.next() { lines.append(r.fields) }
        let idx = try qis.map { q -> Int in
            guard let i = header.firstIndex(of: q) else { throw BenchError("adult.csv has no column \(q)") }
            return i
        }
        let columns = try qis.map { QIColumn(name: $0, hierarchy: try Hierarchy.loadARX(path: dir.appendingPathComponent("adult_hierarchy_\($0).csv").path)) }
        let table = QITable(columns: columns)
        for (i, row) in lines.enumerated() { try table.add(idx.map { row[$0] }, line: i + 2) }
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e6
        let refs = try reference.map(loadReference) ?? []
        print(String(format: "adult: %d rows, %d distinct QI combinations, lattice %d nodes, loaded in %.0f ms",
                     table.rowCount, table.comboCount, columns.map(\.levelCount).reduce(1, *), loadMs))
        print("metric          k  supp  levels            value            ARX optimum      check  evaluated   ms  ARX ms")
        var worse = 0
        for metric in metrics {
            for supp in [0.0, 0.05] {
                for k in [2, 5, 10, 20, 50, 100] {
                    let criteria = PrivacyCriteria(k: k, suppressionLimit: supp)
                    let r = try LatticeSearch.run(table: table, criteria: criteria, metric: metric)
                    let ok = independentCheck(lines: lines, idx: idx, columns: columns, levels: r.best.levels, k: k,
                                              maxSuppressed: criteria.maxSuppressed(rows: table.rowCount))
                    let ref = refs.first { $0.k == k && abs($0.suppression - supp) < 1e-9 && $0.metric == metric }
                    var refText = "-"
                    if let v = ref?.score {
                        refText = String(format: "%.10g", v)
                        if r.value > v + 1e-9 * max(1, abs(v)) { worse += 1; refText += " WORSE" }
                    }
                    print(String(format: "%-14@ %3d  %3.0f%%  %@  %-15.10g  %-16@ %@  %6d  %6.0f  %6@",
                                 metric.rawValue as NSString, k, supp * 100,
                                 r.best.levels.map(String.init).joined(separator: ",") as NSString, r.value,
                                 refText as NSString, (ok ? "ok   " : "FAIL ") as NSString, r.statistics.evaluated, r.statistics.milliseconds,
                                 (ref?.milliseconds.map { String(format: "%.0f", $0) } ?? "-") as NSString))
                    if ProcessInfo.processInfo.environment["SUMI_DEBUG"] != nil { print(r.statistics) }
                    if !ok { throw BenchError("independent k-anonymity check failed for k=\(k) suppression=\(supp)") }
                }
            }
        }
        if worse > 0 { throw BenchError("\(worse) results worse than ARX's optimum") }
    }

    /// Generalizes every row from the raw strings with the chosen levels and counts classes,
    /// sharing nothing with the search but the hierarchy files.
    static func independentCheck(lines: [[String]], idx: [Int], columns: [QIColumn], levels: [Int], k: Int, maxSuppressed: Int) -> Bool {
        var classes: [String: Int] = [:]
        for row in lines {
            var key = ""
            for d in 0..<idx.count {
                guard let v = columns[d].hierarchy.value(row[idx[d]], level: levels[d]) else { return false }
                key += v; key += "\u{1F}"
            }
            classes[key, default: 0] += 1
        }
        let suppressed = classes.values.filter { $0 < k }.reduce(0, +)
        return suppressed <= maxSuppressed
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
