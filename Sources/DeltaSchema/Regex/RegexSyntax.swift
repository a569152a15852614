/// The syntax tree of an ECMA-262 regular expression, as `RegexParser` builds it.
indirect enum RegexNode: Sendable {
    case empty
    case scalar(UInt32)
    /// `.`: any code point except line terminators.
    case any
    case set(RegexCharSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// A group; `capture` is its 1-based number when it captures.
    case group(RegexNode, capture: Int?)
    case quantified(RegexNode, min: Int, max: Int?, greedy: Bool)
    case lineStart
    case lineEnd
    case wordBoundary(negated: Bool)
    case lookaround(RegexNode, ahead: Bool, negated: Bool)
    case backreference(Int)
}

/// A character class: ranges of code points plus built-in classes, possibly negated.
struct RegexCharSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var classes: [RegexBuiltinClass] = []
    var negated = false

    /// The same set with ranges sorted and merged, and each built-in class
    /// once, so `contains` is a binary search: a class of 20,000 members
    /// costs a few comparisons per input character, not 20,000.
    func normalized() -> RegexCharSet {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        var unique: [RegexBuiltinClass] = []
        for builtin in classes where !unique.contains(where: { $0.isSame(as: builtin) }) { unique.append(builtin) }
        return RegexCharSet(ranges: merged, classes: unique, negated: negated)
    }

    /// Whether `scalar` is in the set; `ranges` must be sorted and disjoint
    /// (see `normalized`).
    func contains(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar {
                low = middle + 1
            } else {
                high = middle
            }
        }
        var found = low < ranges.count && ranges[low].contains(scalar)
        if !found {
            for builtin in classes where builtin.contains(scalar) {
                found = true
                break
            }
        }
        return found != negated
    }
}

/// `\d \w \s` (ECMA-262 definitions: ASCII digits, ASCII word characters,
/// the ECMA white space and line terminator set) and `\p{…}` properties.
enum RegexBuiltinClass: Sendable {
    case digit(negated: Bool)
    case word(negated: Bool)
    case space(negated: Bool)
    case property(RegexUnicodeProperty, negated: Bool)

    func contains(_ scalar: UInt32) -> Bool {
        switch self {
        case .digit(let negated): return (scalar >= 0x30 && scalar <= 0x39) != negated
        case .word(let negated): return Self.isWord(scalar) != negated
        case .space(let negated): return Self.isSpace(scalar) != negated
        case .property(let property, let negated): return property.contains(scalar) != negated
        }
    }

    /// Whether both are the same class (used to drop repeats like `[\\d\\d]`).
    func isSame(as other: RegexBuiltinClass) -> Bool {
        switch (self, other) {
        case (.digit(let a), .digit(let b)), (.word(let a), .word(let b)), (.space(let a), .space(let b)): a == b
        case (.property(let a, let x), .property(let b, let y)): a.name == b.name && x == y
        default: false
        }
    }

    static func isWord(_ scalar: UInt32) -> Bool {
        (scalar >= 0x61 && scalar <= 0x7A) || (scalar >= 0x41 && scalar <= 0x5A)
            || (scalar >= 0x30 && scalar <= 0x39) || scalar == 0x5F
    }

    static func isSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

/// The `\p{…}` properties supported: general categories (short or long
/// names, optionally as `gc=`/`General_Category=`) and a few binary
/// properties. Scripts are not supported.
struct RegexUnicodeProperty: Sendable {
    private enum Test: Sendable {
        case categories(Set<String>)
        case any, ascii, alphabetic, whiteSpace, uppercase, lowercase
    }
    private let test: Test
    /// The name as written (after any `gc=` prefix), to recognise repeats.
    let name: String

    private static let categoryCodes: [Unicode.GeneralCategory: String] = [
        .uppercaseLetter: "Lu", .lowercaseLetter: "Ll", .titlecaseLetter: "Lt", .modifierLetter: "Lm",
        .otherLetter: "Lo", .nonspacingMark: "Mn", .spacingMark: "Mc", .enclosingMark: "Me",
        .decimalNumber: "Nd", .letterNumber: "Nl", .otherNumber: "No", .connectorPunctuation: "Pc",
        .dashPunctuation: "Pd", .openPunctuation: "Ps", .closePunctuation: "Pe", .initialPunctuation: "Pi",
        .finalPunctuation: "Pf", .otherPunctuation: "Po", .mathSymbol: "Sm", .currencySymbol: "Sc",
        .modifierSymbol: "Sk", .otherSymbol: "So", .spaceSeparator: "Zs", .lineSeparator: "Zl",
        .paragraphSeparator: "Zp", .control: "Cc", .format: "Cf", .surrogate: "Cs", .privateUse: "Co",
        .unassigned: "Cn",
    ]

    private static let longNames: [String: String] = [
        "Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll",
        "Titlecase_Letter": "Lt", "Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M",
        "Nonspacing_Mark": "Mn", "Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N",
        "Decimal_Number": "Nd", "digit": "Nd", "Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P",
        "punct": "P", "Connector_Punctuation": "Pc", "Dash_Punctuation": "Pd", "Open_Punctuation": "Ps",
        "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi", "Final_Punctuation": "Pf",
        "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
        "Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs",
        "Line_Separator": "Zl", "Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc",
        "Format": "Cf", "Surrogate": "Cs", "Private_Use": "Co", "Unassigned": "Cn",
    ]

    /// Nil for an unknown or unsupported property name.
    init?(name rawName: String) {
        var name = rawName
        for prefix in ["General_Category=", "gc="] where name.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        self.name = name
        switch name {
        case "Any": test = .any
        case "ASCII": test = .ascii
        case "Alphabetic", "Alpha": test = .alphabetic
        case "White_Space", "space": test = .whiteSpace
        case "Uppercase", "Upper": test = .uppercase
        case "Lowercase", "Lower": test = .lowercase
        default:
            let code = Self.longNames[name] ?? name
            let all = Set(Self.categoryCodes.values)
            let matching: Set<String> =
                code == "LC" ? ["Lu", "Ll", "Lt"] : (code.count == 1 ? all.filter { $0.hasPrefix(code) } : all.intersection([code]))
            guard !matching.isEmpty else { return nil }
            test = .categories(matching)
        }
    }

    func contains(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else {
            if case .categories(let set) = test { return set.contains("Cs") }
            return false
        }
        switch test {
        case .any: return true
        case .ascii: return value < 0x80
        case .alphabetic: return scalar.properties.isAlphabetic
        case .whiteSpace: return scalar.properties.isWhitespace
        case .uppercase: return scalar.properties.isUppercase
        case .lowercase: return scalar.properties.isLowercase
        case .categories(let set):
            return set.contains(Self.categoryCodes[scalar.properties.generalCategory] ?? "Cn")
        }
    }
}
