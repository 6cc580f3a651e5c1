// Write-then-read throughput on a generated table shaped like the UCI "adult"
// census extract (9 columns), with names and addresses added: some fields need
// quotes (commas, doubled quotes) and about a third of the rows are Japanese.

import Foundation

public enum CSVBenchmark {
    static let header = ["age", "workclass", "education", "marital-status", "occupation", "sex", "name", "address", "income"]
    static let workclasses = ["Private", "Self-emp-not-inc", "Local-gov", "State-gov", "Federal-gov", "民間企業", "自営業"]
    static let educations = ["Bachelors", "HS-grad", "Some-college", "Masters", "Doctorate", "Assoc-voc", "大学卒", "高校卒"]
    static let maritals = ["Never-married", "Married-civ-spouse", "Divorced", "Separated", "Widowed", "既婚", "未婚"]
    static let occupations = ["Tech-support", "Craft-repair", "Sales", "Exec-managerial", "Prof-specialty", "Adm-clerical", "営業", "技術職"]
    static let names = ["John Smith", "Mary Johnson", "O'Brien, Patrick", "Anna \"Ann\" Lee", "佐藤花子", "鈴木一郎", "高橋 美咲", "田中, 太郎"]
    static let addresses = ["1600 Amphitheatre Pkwy, Mountain View, CA", "12 High St", "350 Fifth Ave, New York",
                            "東京都千代田区丸の内1-2-3", "大阪府大阪市北区梅田3丁目, 5階", "Main Street 7"]
    static let incomes = ["<=50K", ">50K"]

    /// Writes `rows` records to a file in `directory`, reads them back, deletes the
    /// file. Throws when the read-back count differs.
    public static func run(rows: Int, directory: String) throws -> (readRowsPerSecond: Double, writeRowsPerSecond: Double, megabytes: Double) {
        let path = (directory.hasSuffix("/") ? directory : directory + "/") + "sumi-csv-bench-\(getpid()).csv"
        defer { unlink(path) }
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func pick(_ a: [String]) -> String { a[next() % a.count] }

        let writeStart = Date()
        let writer = try CSVWriter(path: path, dialect: .comma, encoding: .utf8, bom: false, lineEnding: "\n")
        try writer.write(header)
        var fields = [String](repeating: "", count: header.count)
        for _ in 0..<rows {
            fields[0] = String(17 + next() % 74)
            fields[1] = pick(workclasses)
            fields[2] = pick(educations)
            fields[3] = pick(maritals)
            fields[4] = pick(occupations)
            fields[5] = next() % 2 == 0 ? "Male" : "Female"
            fields[6] = pick(names)
            fields[7] = pick(addresses)
            fields[8] = pick(incomes)
            try writer.write(fields)
        }
        try writer.commit()
        let writeTime = Date().timeIntervalSince(writeStart)

        var size = stat()
        let bytes = stat(path, &size) == 0 ? Double(size.st_size) : 0

        let readStart = Date()
        let reader = try CSVReader(path: path)
        var count = 0
        var fieldBytes = 0
        while let record = try reader.next() {
            count += 1
            fieldBytes &+= record.fields[6].utf8.count  // use the values so the work is not optimized away
        }
        let readTime = Date().timeIntervalSince(readStart)
        guard count == rows, fieldBytes > 0 || rows == 0 else {
            throw CSVFormatError(path: path, line: 0, reason: "benchmark read back \(count) of \(rows) rows", recoverable: false)
        }
        return (Double(rows) / max(readTime, 1e-9), Double(rows) / max(writeTime, 1e-9), bytes / 1_000_000)
    }
}
