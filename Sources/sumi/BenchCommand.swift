import ArgumentParser
import Foundation
import SumiCore

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

    @Option(help: "Keep the generated corpus at this path (default: a temporary file, removed after).")
    var corpus: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let pack = try ruleOptions.loadPack()
        let path = corpus ?? NSTemporaryDirectory() + "sumi-bench-\(getpid()).txt"
        let genStart = Date()
        let bytes = try BenchCorpus.write(to: path, megabytes: sizeMb)
        defer { if corpus == nil { try? FileManager.default.removeItem(atPath: path) } }
        let genTime = Date().timeIntervalSince(genStart)
        let scanner = Scanner(pack: pack)
        let start = Date()
        let result = scanner.scanFile(atPath: path)
        let elapsed = Date().timeIntervalSince(start)
        if case .failed(let why) = result.status { throw ValidationError("bench corpus failed: \(why)") }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let peakMB = Double(usage.ru_maxrss) / 1024
        let mb = Double(bytes) / 1_000_000
        print("corpus:      \(String(format: "%.1f", mb)) MB mixed Japanese/English (generated in \(String(format: "%.1f", genTime)) s)")
        print("rules:       \(pack.rules.count)")
        print("findings:    \(result.findings.count)")
        print("time:        \(String(format: "%.2f", elapsed)) s (1 thread)")
        print("throughput:  \(String(format: "%.1f", mb / elapsed)) MB/s")
        print("peak memory: \(String(format: "%.0f", peakMB)) MB (max resident set)")
    }
}

/// Writes a deterministic mix of Japanese and English business text with personal data sprinkled
/// in, streamed to disk so generating it costs no memory.
enum BenchCorpus {
    static let ja = [
        "お世話になっております。株式会社サンプルの山田太郎です。先日のお打ち合わせの件でご連絡いたしました。",
        "担当：佐藤花子様　電話番号：03-1234-5678　メール：hanako.sato@example.co.jp",
        "〒100-0005 東京都千代田区丸の内1丁目2番3号 丸の内ビル5階",
        "生年月日：昭和55年3月4日　個人番号：123456789018",
        "本日の会議では、来期の予算と人員配置について議論しました。次回は来月の第二週に開催予定です。",
        "既往歴：2型糖尿病、高血圧症。現在も通院中で、服薬を継続しています。",
        "新製品の出荷は予定通り進んでおり、在庫の状況も安定しています。引き続きよろしくお願いいたします。",
        "振込先：みずほ銀行 渋谷支店 普通 口座番号 1234567",
        "ログの確認をお願いします。エラーは午前十時ごろから断続的に発生しており、原因を調査中です。",
        "携帯：０９０－１２３４－５６７８（鈴木さん）",
    ]
    static let en = [
        "Thank you for your message. We have reviewed the request and will reply within two business days.",
        "Contact: Mr. John Smith, phone +1 415 555 0123, email john.smith@example.com",
        "Shipping address: 1600 Amphitheatre Parkway, Mountain View, CA 94043",
        "Card ending 4111 1111 1111 1111 was charged on 2024-05-01 for order 88231.",
        "The quarterly report shows revenue growth in all regions, driven by strong demand for services.",
        "2024-06-01T10:22:13Z INFO login ok user=alice@example.org ip=192.168.10.24",
        "Patient was diagnosed with hypertension and type 2 diabetes in 2019.",
        "Please find attached the minutes of the meeting and the updated project timeline.",
        "SSN 536-22-8841 on file; DOB: 04/03/1980.",
        "IBAN DE89 3704 0044 0532 0130 00 for the refund.",
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
        var block = ""
        while written < target {
            block.removeAll(keepingCapacity: true)
            while block.utf8.count < 1 << 20 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let r = Int(truncatingIfNeeded: state >> 33)
                let line = (r & 1 == 0) ? ja[(r >> 1) % ja.count] : en[(r >> 1) % en.count]
                block += line
                block += "\n"
            }
            let data = Data(block.utf8)
            h.write(data)
            written += data.count
        }
        return written
    }
}
