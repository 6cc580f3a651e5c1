/// One piece of sensitive data found in a text.
///
/// Offsets refer to the decoded text (UTF-8, BOM removed): `byteStart..<byteEnd` in UTF-8 bytes,
/// `start..<end` in Unicode code points. `line` and `column` are 1-based; the column counts code points.
public struct Finding: Sendable, Equatable, Hashable {
    public var label: String
    public var ruleID: String
    public var score: Double
    public var byteStart: Int
    public var byteEnd: Int
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    /// The matched value as it appears in the text. Printers show it only when asked.
    public var value: String
    /// The table cell the value is in, when the file was scanned as a table.
    public var cell: TableCell? = nil

    public init(label: String, ruleID: String, score: Double, byteStart: Int, byteEnd: Int,
                start: Int, end: Int, line: Int, column: Int, value: String) {
        self.label = label
        self.ruleID = ruleID
        self.score = score
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.value = value
    }
}

/// Masks a value for display: keeps separators and the first character of longer values,
/// stars the rest, so a report shows the shape of what was found but not the value.
public func maskedValue(_ value: String) -> String {
    var out = ""
    let chars = Array(value)
    for (i, c) in chars.enumerated() {
        if c == "-" || c == " " || c == "@" || c == "." || c == "/" || c == ":" || c == "\n" {
            out.append(c)
        } else if i == 0 && chars.count > 6 {
            out.append(c)
        } else {
            out.append(c.isASCII ? "*" : "＊")
        }
    }
    return out
}
