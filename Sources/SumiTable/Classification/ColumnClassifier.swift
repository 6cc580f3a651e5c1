import Foundation
import SumiCore

/// Thresholds of the column classifier. The defaults are tuned on `corpora/tables/dev`.
public struct ColumnClassifierOptions: Sendable {
    /// Scanner threshold for value evidence. Lower than the usual report threshold because a
    /// lone value has no context words (a bare 糖尿病 scores 0.45).
    public var valueMinScore = 0.4
    /// Findings of labels that are not special-care must reach this score to count as value evidence.
    public var valueIdentifierScore = 0.5
    /// A finding counts for a cell when it covers this fraction of the cell (so `123-4567` inside
    /// `(555) 123-4567` is not evidence for a postal code column).
    public var cellCoverage = 0.6
    /// Without a usable header, a label needs this share of the values.
    public var valueOnlyShare = 0.5
    /// Values override a header that names another label only with this share and validated
    /// evidence (or when the header matched by keyword only).
    public var overrideShare = 0.8
    /// Long values (median code points above this, or this many words on average) are free text
    /// unless a label dominates.
    public var freeTextMedianLength = 40
    public var freeTextMeanWords = 8.0
    public var dominantShare = 0.6
    /// A FREE_TEXT column is `sensitive` / `identifier` / `quasi_identifier` when at least this
    /// many cells, and this share of the cells, have findings of that role.
    public var freeTextMinCells = 2
    public var freeTextSensitiveShare = 0.03
    public var freeTextIdentifierShare = 0.05
    /// Reference year for telling birth dates from other dates by value (adults born ≥ 15 years ago).
    public var referenceYear = Calendar(identifier: .gregorian).component(.year, from: Date())

    public init() {}
}

/// Labels each column of a table from its header and a sample of its values.
///
/// Header evidence comes from the header dictionary (`rules/tables/headers.yaml`); value evidence
/// from scanning every sampled value as its own document, plus value shapes for labels the
/// scanner has no rule for (AGE, SEX, REGION ...). How they combine:
/// - no usable header (missing, `col3`, unknown): the values decide (a label needs
///   `valueOnlyShare`);
/// - header and values agree, or the values are silent: the header's label;
/// - they disagree: the values win only with `overrideShare` of validated evidence (e-mail,
///   phone, My Number, card, IBAN, IP, SSN: formats that do not happen by accident), or when the
///   header matched by keyword only; otherwise the header wins with lowered confidence;
/// - long free text gets FREE_TEXT unless one label dominates; its role follows from what the
///   scanner found in the cells, and those findings are returned cell by cell.
public final class ColumnClassifier: @unchecked Sendable {
    public let dictionary: HeaderDictionary
    public let scanner: RuleScanner
    public let options: ColumnClassifierOptions
    private let valueScanner: RuleScanner
    private let shapes: ValueShapeChecker

    /// Labels whose value formats are validated (check digits, syntax), so a high share of them
    /// is strong enough to overrule a header.
    static let validatedLabels: Set<String> = [
        "EMAIL_ADDRESS", "PHONE_NUMBER", "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "CREDIT_CARD", "IBAN_CODE",
        "IP_ADDRESS", "US_SSN",
    ]

    public init(dictionary: HeaderDictionary, scanner: RuleScanner, options: ColumnClassifierOptions = ColumnClassifierOptions()) {
        self.dictionary = dictionary
        self.scanner = scanner
        self.options = options
        var valueOptions = scanner.options
        valueOptions.minScore = min(options.valueMinScore, scanner.options.minScore)
        valueOptions.trace = false
        valueScanner = RuleScanner(pack: scanner.pack, options: valueOptions)
        shapes = ValueShapeChecker(vocabulary: dictionary.valueVocabulary)
    }

    /// The bundled pack and header dictionary of a rules folder.
    public convenience init(rulesDirectory: URL, scanOptions: ScanOptions = ScanOptions(),
                            options: ColumnClassifierOptions = ColumnClassifierOptions()) throws {
        let pack = try RulePack(directory: rulesDirectory)
        try self.init(dictionary: HeaderDictionary(rulesDirectory: rulesDirectory),
                      scanner: RuleScanner(pack: pack, options: scanOptions), options: options)
    }

    /// Classifies from a sample of rows (row i of `rows` is reported as row i in cell findings).
    public func classify(header: [String]?, rows: [[String]]) -> TableClassification {
        let width = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        var samples = [ColumnSample](repeating: ColumnSample(), count: width)
        for (r, row) in rows.enumerated() {
            for c in 0..<width {
                let value = c < row.count ? row[c] : ""
                if value.allSatisfy(\.isWhitespace) {
                    samples[c].emptyCount += 1
                } else {
                    samples[c].values.append(value)
                    samples[c].rows.append(r)
                    samples[c].nonEmptyCount += 1
                }
            }
        }
        return classify(header: header, samples: samples)
    }

    /// Classifies from per-column samples (from `ColumnSampler`).
    public func classify(header: [String]?, samples: [ColumnSample]) -> TableClassification {
        let width = max(header?.count ?? 0, samples.count)
        let session = valueScanner.makeSession()
        var columns: [ColumnClassification] = []
        var cellFindings: [CellFinding] = []
        for c in 0..<width {
            let name = header.flatMap { c < $0.count ? $0[c] : nil }
            let sample = c < samples.count ? samples[c] : ColumnSample()
            let (column, findings) = classifyColumn(index: c, name: name, hasHeader: header != nil, sample: sample, session: session)
            columns.append(column)
            cellFindings += findings
        }
        return TableClassification(columns: columns, cellFindings: cellFindings)
    }

    // MARK: - One column

    /// Value evidence of one column.
    private struct ValueStats {
        var shares: [String: Double] = [:]
        var medianLength = 0
        var meanWords = 0.0
        var distinctRatio = 0.0
        var letterCodeShare = 0.0
        var smallIntegerShare = 0.0
        var sexOtherShare = 0.0
        var medianSmallInteger = 0
        var distinctSmallIntegers = 0
        var years: [Int] = []
        /// Per sampled value: its findings at or above the caller's threshold.
        var findings: [[Finding]] = []
    }

    private func classifyColumn(index: Int, name: String?, hasHeader: Bool, sample: ColumnSample,
                                session: ScanSession) -> (ColumnClassification, [CellFinding]) {
        let header = hasHeader ? dictionary.match(name) : .placeholder
        let stats = valueStats(sample, session: session)
        let n = sample.values.count
        let candidate = valueCandidate(stats, n: n)
        let isLong = n > 0 && (stats.medianLength > options.freeTextMedianLength || stats.meanWords >= options.freeTextMeanWords)
        let headerIsStrong = header.label != nil && header.method != .keyword
        let dominant = candidate.map { $0.share >= options.dominantShare } ?? false

        var label: String?
        var share = 0.0
        var confidence: Double
        var decision: ColumnDecision

        func shareFor(_ l: String) -> Double {
            var s = stats.shares[l] ?? 0
            for other in Self.supporting[l] ?? [] { s = max(s, stats.shares[other] ?? 0) }
            // Bare numbers under an age header are ages.
            if l == "AGE" { s = min(1, s + stats.smallIntegerShare) }
            return s
        }

        if header.label == "FREE_TEXT" || (isLong && !dominant && !headerIsStrong) {
            label = "FREE_TEXT"
            share = stats.shares["FREE_TEXT"] ?? 0
            confidence = header.label == "FREE_TEXT" ? max(header.confidence, share) : 0.5 + 0.4 * share
            decision = .freeText
        } else if let h = header.label {
            if let v = candidate, !supports(value: v.label, header: h) {
                let overrides = v.share >= options.overrideShare &&
                    (Self.validatedLabels.contains(v.label) || header.method == .keyword)
                if overrides {
                    label = v.label
                    share = v.share
                    confidence = v.share * v.strength * 0.9
                    decision = .valuesOverHeader
                } else {
                    label = h
                    share = shareFor(h)
                    confidence = header.confidence * (1 - 0.5 * v.share)
                    decision = .headerOverValues
                }
            } else {
                label = refine(header: h, candidate: candidate)
                share = shareFor(label!)
                confidence = 1 - (1 - header.confidence) * (1 - 0.9 * share)
                decision = share > 0 ? .agree : .headerOnly
            }
        } else if header.isNotPersonal {
            if let v = candidate, v.share >= options.overrideShare,
               Self.validatedLabels.contains(v.label) || header.method == .keyword {
                label = v.label
                share = v.share
                confidence = v.share * v.strength * 0.9
                decision = .valuesOverHeader
            } else {
                confidence = header.confidence
                decision = .nothing
            }
        } else if let v = candidate, v.share >= options.valueOnlyShare {
            label = v.label
            share = v.share
            confidence = v.share * v.strength
            decision = .valuesOnly
        } else {
            // Nothing found: as sure as the values are silent.
            let strongest = stats.shares.filter { $0.key != "FREE_TEXT" }.values.max() ?? 0
            confidence = n == 0 ? 0.3 : 0.6 * (1 - strongest)
            decision = .nothing
        }

        var role = label.map(dictionary.role(of:)) ?? .other
        var cells: [CellFinding] = []
        if label == "FREE_TEXT" {
            (role, cells) = freeTextRole(column: index, sample: sample, findings: stats.findings)
        }
        let evidence = ColumnEvidence(
            headerLabel: header.label, headerMatch: header.method, headerConfidence: header.confidence,
            headerNotPersonal: header.isNotPersonal, valueLabel: candidate?.label, valueShare: candidate?.share ?? 0,
            valueShares: stats.shares.filter { $0.value > 0 }.mapValues(Self.rounded), sampled: n,
            nonEmpty: sample.nonEmptyCount, empty: sample.emptyCount, medianLength: stats.medianLength, decision: decision)
        let column = ColumnClassification(name: name, index: index, label: label, role: role, share: Self.rounded(share),
                                          confidence: Self.rounded(min(1, max(0, confidence))), evidence: evidence)
        return (column, cells)
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// Value labels that count as support for a header label (a birth-date header over dates).
    static let supporting: [String: [String]] = [
        "DATE_OF_BIRTH": ["DATE"],
        "DATE": ["DATE_OF_BIRTH"],
        "POSTAL_CODE": ["JP_POSTAL_CODE"],
        "JP_POSTAL_CODE": ["POSTAL_CODE"],
        "RECORD_ID": ["RECORD_ID"],
    ]

    private func supports(value: String, header: String) -> Bool {
        value == header || Self.supporting[header]?.contains(value) == true
    }

    /// A header label made more specific by the values: a generic postal-code header over
    /// Japanese postal codes is JP_POSTAL_CODE.
    private func refine(header: String, candidate: (label: String, share: Double, strength: Double)?) -> String {
        if header == "POSTAL_CODE", let v = candidate, v.label == "JP_POSTAL_CODE", v.share >= options.dominantShare {
            return "JP_POSTAL_CODE"
        }
        return header
    }

    // MARK: - Value evidence

    private func valueStats(_ sample: ColumnSample, session: ScanSession) -> ValueStats {
        var stats = ValueStats()
        let n = sample.values.count
        guard n > 0 else { return stats }
        // Scan and shape each distinct value once (sex, prefecture, ... columns repeat a lot).
        var cache: [String: (labels: Set<String>, shape: ValueShape, reportable: [Finding])] = [:]
        var counts: [String: Int] = [:]
        var lengths: [Int] = []
        lengths.reserveCapacity(n)
        var words = 0
        var letterCodes = 0, smallIntegers = 0, sexOther = 0, textLike = 0
        var smallIntegerValues: [Int] = []
        stats.findings.reserveCapacity(n)
        for value in sample.values {
            let entry: (labels: Set<String>, shape: ValueShape, reportable: [Finding])
            if let hit = cache[value] {
                entry = hit
            } else {
                entry = evaluate(value, session: session)
                cache[value] = entry
            }
            for l in entry.labels { counts[l, default: 0] += 1 }
            stats.findings.append(entry.reportable)
            let length = value.unicodeScalars.count
            lengths.append(length)
            let wordCount = Self.wordCount(value)
            words += wordCount
            if length >= 20 || wordCount >= 4 { textLike += 1 }
            if entry.shape.isLetterCode { letterCodes += 1 }
            if entry.shape.isSexOther { sexOther += 1 }
            if entry.shape.isBareSmallInteger, let v = Int(value.trimmingCharacters(in: .whitespaces)) {
                smallIntegers += 1
                smallIntegerValues.append(v)
            }
            if let y = entry.shape.year { stats.years.append(y) }
        }
        for (l, k) in counts { stats.shares[l] = Double(k) / Double(n) }
        stats.shares["FREE_TEXT"] = Double(textLike) / Double(n)
        lengths.sort()
        stats.medianLength = lengths[n / 2]
        stats.meanWords = Double(words) / Double(n)
        stats.distinctRatio = Double(cache.count) / Double(n)
        stats.letterCodeShare = Double(letterCodes) / Double(n)
        stats.smallIntegerShare = Double(smallIntegers) / Double(n)
        stats.sexOtherShare = Double(sexOther) / Double(n)
        if !smallIntegerValues.isEmpty {
            smallIntegerValues.sort()
            stats.medianSmallInteger = smallIntegerValues[smallIntegerValues.count / 2]
            stats.distinctSmallIntegers = Set(smallIntegerValues).count
        }
        // Sex columns also hold その他 / unknown: count them once the column is clearly one.
        if let sex = stats.shares["SEX"], sex >= 0.5 { stats.shares["SEX"] = sex + stats.sexOtherShare }
        // Header-less record numbers: unique letter+digit codes, or unique digit codes (support only).
        if stats.distinctRatio >= 0.95 && stats.letterCodeShare >= 0.9 { stats.shares["RECORD_ID"] = stats.letterCodeShare }
        return stats
    }

    /// Labels one value supports (scanner findings covering most of it, and shapes), and the
    /// findings worth reporting for a free-text cell.
    private func evaluate(_ value: String, session: ScanSession) -> (labels: Set<String>, shape: ValueShape, reportable: [Finding]) {
        var findings = valueScanner.scan(value, session: session)
        if ColumnClassifier.isUpperCaseASCII(value) {
            // Legacy exports write names in capitals ("SMITH, SOPHIE"), which name rules built for
            // capitalized words miss; the capitalized form has the same length, so offsets hold.
            for f in valueScanner.scan(value.capitalized, session: session)
            where !findings.contains(where: { $0.label == f.label && $0.start == f.start }) {
                findings.append(f)
            }
        }
        let length = max(1, value.unicodeScalars.count)
        var covered: [String: Int] = [:]
        var labels = Set<String>()
        for f in findings {
            let isSensitive = dictionary.role(of: f.label) == .sensitive
            if isSensitive {
                // Special-care terms are short mentions inside longer values (Follow-up for hypertension).
                labels.insert(f.label)
            } else if f.score >= options.valueIdentifierScore {
                covered[f.label, default: 0] += f.end - f.start
            }
        }
        for (l, k) in covered where Double(k) / Double(length) >= options.cellCoverage { labels.insert(l) }
        let shape = shapes.shape(of: value)
        labels.formUnion(shape.labels)
        let reportable = findings.filter { $0.score >= scanner.options.minScore }
        return (labels, shape, reportable)
    }

    /// ASCII with at least two letters and no lower-case one.
    static func isUpperCaseASCII(_ value: String) -> Bool {
        var letters = 0
        for b in value.utf8 {
            if b >= 0x80 || (b >= 0x61 && b <= 0x7A) { return false }
            if b >= 0x41 && b <= 0x5A { letters += 1 }
        }
        return letters >= 2
    }

    /// Words separated by spaces (Japanese text has none: its length decides instead).
    static func wordCount(_ value: String) -> Int {
        var count = 0
        var inWord = false
        for b in value.utf8 {
            let isSpace = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
            if isSpace { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// The best label by value alone, its share, and how strong that kind of evidence is.
    private func valueCandidate(_ stats: ValueStats, n: Int) -> (label: String, share: Double, strength: Double)? {
        guard n > 0 else { return nil }
        var best: (label: String, share: Double, strength: Double, rank: Int)? = nil
        func consider(_ label: String, _ share: Double, _ strength: Double, _ rank: Int) {
            guard share > 0 else { return }
            if let b = best, (b.share, b.rank) >= (share, rank) { return }
            best = (label, share, strength, rank)
        }
        for (label, share) in stats.shares where label != "FREE_TEXT" {
            switch label {
            case "POSTAL_CODE":
                continue  // five digits alone could be anything: only supports a ZIP header
            case "DATE":
                consider(isBirthDates(stats) ? "DATE_OF_BIRTH" : "DATE", share, 0.75, 1)
            case "RECORD_ID":
                consider(label, share, 0.6, 0)
            default:
                if Self.validatedLabels.contains(label) { consider(label, share, 0.95, 3) }
                else if ValueShapeChecker.shapeLabels.contains(label) { consider(label, share, 0.75, 1) }
                else { consider(label, share, 0.85, 2) }
            }
        }
        // Small integers are ages only when they look like a population's ages.
        let ageShare = stats.smallIntegerShare + (stats.shares["AGE"] ?? 0)
        if ageShare >= 0.9, stats.distinctSmallIntegers >= 8, (15...85).contains(stats.medianSmallInteger) {
            consider("AGE", ageShare, 0.6, 0)
        }
        guard let best else { return nil }
        return (best.label, best.share, best.strength)
    }

    /// Dates of adults spread over decades are birth dates; visit or order dates cluster in recent years.
    private func isBirthDates(_ stats: ValueStats) -> Bool {
        guard stats.years.count >= 5 else { return false }
        let years = stats.years.sorted()
        let median = years[years.count / 2]
        return median <= options.referenceYear - 15 && years[years.count - 1] - years[0] >= 20
    }

    // MARK: - Free text

    private func freeTextRole(column: Int, sample: ColumnSample, findings: [[Finding]]) -> (ColumnRole, [CellFinding]) {
        var cells: [CellFinding] = []
        var sensitiveCells = 0, identifierCells = 0, quasiCells = 0
        for (i, list) in findings.enumerated() where !list.isEmpty {
            var roles = Set<ColumnRole>()
            for f in list {
                roles.insert(dictionary.role(of: f.label))
                cells.append(CellFinding(row: sample.rows[i], column: column, label: f.label, score: f.score,
                                         start: f.start, end: f.end))
            }
            if roles.contains(.sensitive) { sensitiveCells += 1 }
            if roles.contains(.identifier) { identifierCells += 1 }
            if roles.contains(.quasiIdentifier) { quasiCells += 1 }
        }
        let n = Double(max(1, findings.count))
        func enough(_ k: Int, _ share: Double) -> Bool { k >= options.freeTextMinCells && Double(k) >= share * n }
        let role: ColumnRole
        if enough(sensitiveCells, options.freeTextSensitiveShare) { role = .sensitive }
        else if enough(identifierCells, options.freeTextIdentifierShare) { role = .identifier }
        else if enough(quasiCells, options.freeTextIdentifierShare) { role = .quasiIdentifier }
        else { role = .other }
        return (role, cells)
    }
}
