/// One detection rule as written in a rule file. Compiled into `CompiledRule` by `RulePack`.
public struct Rule: Sendable {
    public var id: String
    public var label: String
    public var description: String = ""
    public var languages: [String] = []
    /// Base score in 0...1 before context.
    public var score: Double = 0.5
    /// PCRE2 patterns; a named group `value` marks the value inside the match.
    public var patterns: [String] = []
    public var caseInsensitive = false
    public var validator: ValidatorSpec?
    /// Run the patterns only near these words (a prefilter, like gitleaks' keywords).
    public var keywords: WordSet?
    public var keywordWindow = 64
    /// Characters after a keyword, when not `keywordWindow` (`window: {before: 12, after: 2}` for
    /// patterns that end with their keyword, like a name before 様).
    public var keywordWindowAfter: Int? = nil
    /// Try the patterns only starting exactly where a keyword starts (label-style rules whose
    /// pattern begins with the keyword): one anchored attempt per keyword instead of a window scan.
    public var keywordsAnchored = false
    /// Every match contains an ASCII digit (after normalization): the patterns then run only near
    /// digits, which skips most prose.
    public var requiresDigit = false
    /// With `requiresDigit`: the most characters a match can start ahead of its first digit
    /// (`requires_digit: {before: 2}` for `〒 123-4567` or `AB1234567`). Nil: 128 bytes.
    /// Patterns whose match must begin with a digit search from the digit whatever this says.
    public var digitBefore: Int? = nil
    /// With `requiresDigit`: the fewest digits a match holds (`requires_digit: {digits: 12}` for My
    /// Number). Digit windows with fewer digits in all are not searched: most hold a date or an amount.
    public var minDigits = 1
    /// A cheap pattern that matches near every match of the rule (`prefilter: {pattern: ' ', window: 8}`):
    /// the rule's patterns run only within `window` characters of its matches. For rules with no
    /// keyword, whose pattern would otherwise be tried at every position of the text.
    public var prefilter: String? = nil
    public var prefilterWindow = 16
    /// `prefilter.bytes: true`: the prefilter is a byte pattern (no UTF mode), such as
    /// `\xe3[\x82\x83][\x80-\xbf]\x20\xe3` for a space between katakana. PCRE2's JIT then looks for
    /// its fixed bytes with SIMD: ten times faster than a UTF pattern that stops at every space.
    public var prefilterBytes = false
    public var context: ContextSpec?
    public var exclude: ExcludeSpec?
    public var dictionary: DictionarySpec?
    public var mentions: MentionSpec?
    /// Join this rule's findings with nearby findings of the same label into one (see `MergeSpec`).
    public var merge: MergeSpec?
    public var limits: MatchLimits = .default
    public var examples = Examples()
    /// Where the rule was defined, for error messages.
    public var file: String = ""
    public var line: Int = 0

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// Inline words plus word files (resolved against the pack's `dictionaries/` folder).
public struct WordSet: Sendable {
    public var words: [String] = []
    public var files: [String] = []
    public init(words: [String] = [], files: [String] = []) {
        self.words = words
        self.files = files
    }
    public var isEmpty: Bool { words.isEmpty && files.isEmpty }
}

public struct ValidatorSpec: Sendable {
    public var name: String
    /// Named parameters, e.g. dictionary files for the name validators.
    public var parameters: [String: String] = [:]
}

public struct ContextSpec: Sendable {
    /// Words that show the match is what the rule thinks it is.
    public var words = WordSet()
    /// Labels of other findings that count as context (a PERSON near a disease name).
    public var labels: [String] = []
    /// Characters searched for those labels, before and after (default: `before`/`after`).
    public var labelWindow: Int? = nil
    /// Characters searched before and after the value.
    public var before = 30
    public var after = 30
    /// Added to the score when context is found (capped at 1).
    public var boost = 0.35
    /// Without context the candidate is dropped.
    public var required = false
    /// List items share context: a candidate next to a candidate of the same label that has context,
    /// separated only by a list separator (、 , ・ ; / and or および), gets the boost too
    /// (`Past medical history: hypertension, hyperlipidemia and GERD`).
    public var list = false
}

public struct ExcludeSpec: Sendable {
    /// Words near the value that veto it (a research or statistics sentence, a version string...).
    public var words = WordSet()
    public var before = 30
    public var after = 30
    /// Values that are never findings (compared after normalization, case-insensitively).
    public var values: [String] = []
    /// Patterns that veto a value they match (whole value).
    public var patterns: [String] = []
    /// Weak exclusion words: they veto only when the rule's context (words or labels) is not found.
    /// Facility and equipment words (スロープ, elevator) describe a building in a notice, but also
    /// follow a personal statement: 車いす使用のため、玄関スロープ設置済.
    public var weak = WordSet()
    /// Exclusion words count only in the value's own phrase: none of the boundaries `merge` stops
    /// at (line breaks, 、。,;:/() …) between. A company word after a name glued to it (松本運|輸株式会社)
    /// vetoes the name; one after a list comma (丸山 大輔、株式会社ニシムラ) does not.
    public var samePhrase = false
}

/// Annotators mark a special-care phrase as a whole (窃盗罪で懲役1年6月の実刑判決を受け;
/// one misdemeanor conviction for DUI), where the dictionary finds several fragments. Two findings
/// are joined into one spanning both, with the higher score, when both rules opt in, they have the
/// same label and the text between them is at most `gap` characters with no sentence, clause or
/// list boundary in it: no line break or boundary punctuation (。、,;:/() …) and none of
/// `stopWords`. Lists stay separate (高血圧、糖尿病 / 高血圧と糖尿病 are two findings).
public struct MergeSpec: Sendable {
    public var gap = 12
    /// Conjunctions that join separate items; Latin words match on word boundaries, any case.
    public var stopWords = MergeSpec.defaultStopWords
    public static let defaultStopWords = [
        "と", "や", "及び", "および", "並びに", "ならびに", "又は", "または", "もしくは", "かつ",
        "and", "or", "nor", "plus", "as well as",
    ]
    public init() {}
}

/// Later mentions of values found by other rules in the same text: a person named in full once
/// is often called by the surname or given name alone afterwards.
public struct MentionSpec: Sendable {
    /// Labels whose findings seed mentions.
    public var of: [String] = ["PERSON"]
    /// Also look for the parts of a name (surname, given name), not only the whole.
    public var parts = true
    /// Shortest part, in characters, worth looking for (one-kanji surnames are ordinary words).
    public var minLength = 2
    /// Words never treated as a mention (name stop words).
    public var stopwords = WordSet()
}

public struct DictionarySpec: Sendable {
    public var terms = WordSet()
    /// Terms that must directly follow (after an optional space), e.g. given names after surnames.
    public var then: WordSet?
    /// Whether the `then` part is optional (a surname alone is still a candidate).
    public var thenOptional = false
    /// Terms never reported even when listed (names that are common words).
    public var stopwords = WordSet()
    /// Latin terms must start with an upper-case letter in the text.
    public var capitalized = false
}

public struct Examples: Sendable {
    public struct Match: Sendable {
        public var text: String
        /// The expected value, when the example pins it down.
        public var value: String?
    }
    public var match: [Match] = []
    public var noMatch: [String] = []
}
