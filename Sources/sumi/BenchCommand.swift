import ArgumentParser
import Foundation
import SumiAnonymity
import SumiCore
import SumiTable

#if canImport(Glibc)
import Glibc
#endif

/// Release-build throughput benchmark on a generated mixed Japanese/English corpus.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure single-thread scan speed (MB/s) and peak memory on a generated corpus."
    )

    @Option(help: "Size of the generated corpus in MB.")
    var sizeMb: Int = 100

    @Option(help: "Scan this file instead of a generated corpus (your own data).")
    var input: String?

    @Option(help: "Keep the generated corpus at this path (default: a temporary file, removed after).")
    var corpus: String?

    @Flag(help: "Also print the time spent in each rule's patterns and in the dictionary automaton.")
    var perRule = false

    @Option(help: "Instead of scanning: run the k-anonymity search on ARX's Adult data in this folder (e.g. ../shared/datasets/adult).")
    var adult: String?

    @Option(help: "With --adult: the metrics to optimize, comma-separated (loss, precision, discernibility, dm-star, aecs, ncp).")
    var metrics: String = "loss,precision,discernibility,dm-star,aecs,ncp"

    @Option(help: "With --adult: ARX's optima (JSON) to compare with.")
    var arxReference: String?

    @Option(help: "Instead of scanning, write then read a generated 9-column CSV table of this many rows and print rows/s and MB/s.")
    var csvRows: Int?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        if let adult {
            let list = try metrics.split(separator: ",").map { name -> InformationLoss in
                guard let m = InformationLoss(rawValue: String(name)) else { throw ValidationError("unknown metric \(name)") }
                return m
            }
            try AnonymityBenchmark.run(directory: adult, metrics: list, reference: arxReference)
            return
        }
        if let csvRows {
            try runCSV(rows: csvRows)
            return
        }
        let pack = try ruleOptions.loadPack()
        let path = input ?? corpus ?? NSTemporaryDirectory() + "sumi-bench-\(getpid()).txt"
        let genStart = Date()
        let bytes: Int
        if input != nil {
            bytes = Int((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
        } else {
            bytes = try BenchCorpus.write(to: path, megabytes: sizeMb)
        }
        defer { if corpus == nil && input == nil { try? FileManager.default.removeItem(atPath: path) } }
        let genTime = Date().timeIntervalSince(genStart)
        var options = ScanOptions()
        options.profile = perRule
        let scanner = RuleScanner(pack: pack, options: options)
        let session = scanner.makeSession()
        let start = Date()
        var found = 0
        let result = scanner.scanFile(atPath: path, session: session) { _ in found += 1 }
        let elapsed = Date().timeIntervalSince(start)
        if case .failed(let why) = result.status { throw ValidationError("bench corpus failed: \(why)") }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024
        let mb = Double(bytes) / 1_000_000
        if let input {
            print("corpus:      \(String(format: "%.1f", mb)) MB from \(input)")
        } else {
            print("corpus:      \(String(format: "%.1f", mb)) MB mixed Japanese/English (generated in \(String(format: "%.1f", genTime)) s)")
        }
        print("rules:       \(pack.rules.count)")
        print("findings:    \(found)")
        print("time:        \(String(format: "%.2f", elapsed)) s (1 thread)")
        print("throughput:  \(String(format: "%.1f", mb / elapsed)) MB/s")
        print("peak memory: \(String(format: "%.0f", peakMB)) MB (max resident set)")
        if perRule {
            print("stages:      (\(session.candidateCount) candidates)")
            for (name, ns) in zip(ScanSession.stageNames, session.stageNanos) {
                print(String(format: "  %8.3f s  %@", Double(ns) / 1e9, name))
            }
            print("rules:")
            print(String(format: "  %8.3f s  dictionary automaton (%d hits kept)", Double(session.automatonNanos) / 1e9, session.automatonHits))
            for (l, n) in session.listHits.enumerated().sorted(by: { $0.1 > $1.1 }).prefix(8) where n > 0 {
                print(String(format: "  %19d hits  word list ", n) + pack.listNames[l])
            }
            let total = max(1, bytes)
            for (i, ns) in session.ruleNanos.enumerated().sorted(by: { $0.1 > $1.1 }) {
                // Where a rule's patterns ran: searches (windows) and the share of the text they covered.
                let searched = session.ruleSearchedBytes.isEmpty ? 0 : session.ruleSearchedBytes[i]
                let searches = session.ruleSearches.isEmpty ? 0 : session.ruleSearches[i]
                let id = pack.rules[i].rule.id
                let padded = id + String(repeating: " ", count: max(1, 36 - id.count))
                print(String(format: "  %8.3f s  ", Double(ns) / 1e9) + padded
                      + String(format: "%8d searches %6.1f%% of text", searches, 100 * Double(searched) / Double(total)))
            }
        }
    }
}

extension BenchCommand {
    func runCSV(rows: Int) throws {
        guard rows > 0 else { throw ValidationError("--csv-rows must be positive") }
        let result = try CSVBenchmark.run(rows: rows, directory: NSTemporaryDirectory())
        let mb = result.megabytes
        print("table:  \(rows) rows, 9 columns, \(String(format: "%.1f", mb)) MB UTF-8 CSV")
        print("write:  \(String(format: "%.0f", result.writeRowsPerSecond)) rows/s, \(String(format: "%.1f", mb * result.writeRowsPerSecond / Double(rows))) MB/s")
        print("read:   \(String(format: "%.0f", result.readRowsPerSecond)) rows/s, \(String(format: "%.1f", mb * result.readRowsPerSecond / Double(rows))) MB/s")
    }
}

/// Writes a deterministic mix of Japanese and English business prose with personal data in about
/// one line in eight (denser than most shared drives), streamed to disk so generating it costs
/// no memory.
enum BenchCorpus {
    static let jaSubjects = ["本日の会議では", "先日のご提案について", "新製品の出荷は", "来期の予算案は", "システム更新の件で", "営業部の報告によると",
                             "品質管理の観点から", "お客様アンケートでは", "新しい勤怠システムは", "物流センターの稼働状況は", "社内研修の日程は", "サーバーの移行作業は"]
    static let jaMiddles = ["関係部署と調整しながら", "予定通り順調に", "いくつかの課題を抱えつつも", "引き続き慎重に", "前年同期と比べて大きく",
                            "担当者の尽力により", "想定よりも早く", "現場の意見を踏まえて"]
    static let jaEnds = ["進んでおります。", "検討を続けています。", "改善が見られました。", "来月には完了する見込みです。", "ご確認をお願いいたします。",
                         "次回の会議で報告します。", "問題なく完了しました。", "引き続きよろしくお願いいたします。"]
    static let enSubjects = ["The quarterly report", "Our support team", "The new billing system", "The migration plan", "Customer feedback",
                             "The project timeline", "The marketing campaign", "Warehouse throughput", "The security review", "Last week's release"]
    static let enMiddles = ["has been reviewed by the committee and", "was discussed at length during the meeting and", "continues to improve and",
                            "needs further analysis before it", "was updated with the latest figures and", "is on track and"]
    static let enEnds = ["will be shared with all stakeholders next week.", "shows steady growth in every region.", "requires no further action at this time.",
                         "should be finalized by the end of the month.", "will be presented at the next board meeting.", "met all of its targets."]
    static let pii = [
        "担当：佐藤花子様　電話番号：03-1234-5678　メール：hanako.sato@example.co.jp",
        "〒100-0005 東京都千代田区丸の内1丁目2番3号 丸の内ビル5階",
        "生年月日：昭和55年3月4日　個人番号：123456789018",
        "既往歴：2型糖尿病、高血圧症。現在も通院中で、服薬を継続しています。",
        "振込先：みずほ銀行 渋谷支店 普通 口座番号 1234567",
        "携帯：０９０－１２３４－５６７８（鈴木さん）",
        "Contact: Mr. John Smith, phone +1 415 555 0123, email john.smith@example.com",
        "Shipping address: 1600 Amphitheatre Parkway, Mountain View, CA 94043",
        "Card 4111 1111 1111 1111 was charged on 2024-05-01 for order 88231.",
        "2024-06-01T10:22:13Z INFO login ok user=alice@example.org ip=192.168.10.24",
        "Patient was diagnosed with hypertension and type 2 diabetes in 2019.",
        "SSN 536-22-8841 on file; DOB: 04/03/1980. IBAN DE89 3704 0044 0532 0130 00",
    ]

    static func write(to path: String, megabytes: Int) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let h = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write \(path)")
        }
        defer { try? h.close() }
        let target = megabytes * 1_000_000
        var written = 0
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func pick(_ a: [String]) -> String { a[next() % a.count] }
        var block = ""
        while written < target {
            block.removeAll(keepingCapacity: true)
            while block.utf8.count < 1 << 20 {
                let r = next()
                if r % 8 == 0 {
                    block += pick(pii)
                } else if r % 2 == 0 {
                    for _ in 0..<(1 + r % 3) { block += pick(jaSubjects) + "、" + pick(jaMiddles) + pick(jaEnds) }
                } else {
                    for _ in 0..<(1 + r % 3) { block += pick(enSubjects) + " " + pick(enMiddles) + " " + pick(enEnds) + " " }
                }
                block += "\n"
            }
            let data = Data(block.utf8)
            h.write(data)
            written += data.count
        }
        return written
    }
}
