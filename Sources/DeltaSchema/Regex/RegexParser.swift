/// Parses ECMA-262 pattern syntax into a `RegexNode` tree.
///
/// Follows the ECMA-262 grammar with code-point semantics (as with the `u`
/// flag) and a few Annex B leniencies that Python's `re` shares: `{`, `}` and
/// `]` are literals where they cannot be quantifiers or class ends. Escapes of
/// ASCII letters that mean nothing (`\a`, `\z`, `\e`) are errors, as in `u` mode.
struct RegexParser {
    let scalars: [UInt32]
    var position = 0
    private var groupCount = 0
    /// Groups open around the current position; bounded by
    /// `ECMARegex.maxNestingDepth` so parsing (and later compiling and
    /// freeing the tree, which also recurse) cannot exhaust the stack.
    private var depth = 0
    let totalGroups: Int
    var groupNames: [String: Int] = [:]

    struct SyntaxError: Error {
        var message: String
    }

    static func parse(_ pattern: String) throws(SyntaxError) -> (RegexNode, groups: Int) {
        guard pattern.unicodeScalars.count <= ECMARegex.maxPatternLength else {
            throw SyntaxError(message: "the pattern is longer than \(ECMARegex.maxPatternLength) characters")
        }
        var parser = RegexParser(pattern)
        let node = try parser.parseDisjunction()
        if parser.position < parser.scalars.count {
            throw SyntaxError(message: "unmatched ')'")
        }
        return (node, parser.groupCount)
    }

    private init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
        var count = 0
        var previous: UInt32 = 0
        var inClass = false
        for (index, scalar) in scalars.enumerated() {
            defer { previous = (previous == 0x5C && scalar == 0x5C) ? 0 : scalar }
            if previous == 0x5C { continue }
            if scalar == 0x5B { inClass = true }
            if scalar == 0x5D { inClass = false }
            if !inClass, scalar == 0x28,
                index + 1 >= scalars.count || scalars[index + 1] != 0x3F
                    || (index + 2 < scalars.count && scalars[index + 2] == 0x3C
                        && index + 3 < scalars.count && scalars[index + 3] != 0x3D && scalars[index + 3] != 0x21)
            {
                count += 1
            }
        }
        totalGroups = count
    }

    var current: UInt32? { position < scalars.count ? scalars[position] : nil }

    mutating func eat(_ scalar: Character) -> Bool {
        guard current == scalar.unicodeScalars.first!.value else { return false }
        position += 1
        return true
    }

    private mutating func parseDisjunction() throws(SyntaxError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while eat("|") { alternatives.append(try parseAlternative()) }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func parseAlternative() throws(SyntaxError) -> RegexNode {
        var terms: [RegexNode] = []
        while let scalar = current, scalar != 0x7C, scalar != 0x29 {
            terms.append(try parseTerm())
        }
        return terms.count == 1 ? terms[0] : (terms.isEmpty ? .empty : .sequence(terms))
    }

    private mutating func parseTerm() throws(SyntaxError) -> RegexNode {
        let scalar = current!
        var quantifiable = true
        let atom: RegexNode
        switch scalar {
        case 0x5E: position += 1; return .lineStart
        case 0x24: position += 1; return .lineEnd
        case 0x2A, 0x2B, 0x3F: throw SyntaxError(message: "nothing to repeat")
        case 0x7B:
            if peekQuantifierBraces() != nil { throw SyntaxError(message: "nothing to repeat") }
            position += 1
            atom = .scalar(scalar)
        case 0x2E: position += 1; atom = .any
        case 0x5B: atom = .set(try parseClass())
        case 0x28: (atom, quantifiable) = try parseGroup()
        case 0x5C:
            if position + 1 < scalars.count, scalars[position + 1] | 0x20 == 0x62 {
                let negated = scalars[position + 1] == 0x42
                position += 2
                return .wordBoundary(negated: negated)
            }
            atom = try parseAtomEscape()
        default:
            position += 1
            atom = .scalar(scalar)
        }
        return try parseQuantifier(atom, quantifiable: quantifiable)
    }

    private mutating func parseQuantifier(_ atom: RegexNode, quantifiable: Bool) throws(SyntaxError) -> RegexNode {
        var bounds: (Int, Int?)
        switch current {
        case 0x2A: bounds = (0, nil); position += 1
        case 0x2B: bounds = (1, nil); position += 1
        case 0x3F: bounds = (0, 1); position += 1
        case 0x7B:
            guard let (min, max, length) = peekQuantifierBraces() else { return atom }
            if let max, max < min { throw SyntaxError(message: "numbers out of order in {} quantifier") }
            bounds = (min, max)
            position += length
        default:
            return atom
        }
        guard quantifiable else { throw SyntaxError(message: "a lookbehind cannot be quantified") }
        let greedy = !eat("?")
        if let next = current, next == 0x2A || next == 0x2B || next == 0x3F || (next == 0x7B && peekQuantifierBraces() != nil) {
            throw SyntaxError(message: "nothing to repeat")
        }
        return .quantified(atom, min: bounds.0, max: bounds.1, greedy: greedy)
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position: (min, max, length).
    private func peekQuantifierBraces() -> (Int, Int?, Int)? {
        var index = position + 1
        func number() -> Int? {
            let start = index
            var value = 0
            while index < scalars.count, scalars[index] >= 0x30, scalars[index] <= 0x39 {
                value = min(value * 10 + Int(scalars[index] - 0x30), 1_000_000)
                index += 1
            }
            return index > start ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if index < scalars.count, scalars[index] == 0x2C {
            index += 1
            high = number()
        }
        guard index < scalars.count, scalars[index] == 0x7D else { return nil }
        return (low, high, index + 1 - position)
    }

    private mutating func parseGroup() throws(SyntaxError) -> (RegexNode, Bool) {
        position += 1
        depth += 1
        defer { depth -= 1 }
        guard depth <= ECMARegex.maxNestingDepth else {
            throw SyntaxError(message: "groups nest deeper than \(ECMARegex.maxNestingDepth) levels")
        }
        var capture: Int?
        var look: (ahead: Bool, negated: Bool)?
        if eat("?") {
            if eat(":") {
            } else if eat("=") {
                look = (true, false)
            } else if eat("!") {
                look = (true, true)
            } else if eat("<") {
                if eat("=") {
                    look = (false, false)
                } else if eat("!") {
                    look = (false, true)
                } else {
                    groupCount += 1
                    capture = groupCount
                    let name = try parseGroupName()
                    guard groupNames[name] == nil else { throw SyntaxError(message: "duplicate group name '\(name)'") }
                    groupNames[name] = groupCount
                }
            } else {
                throw SyntaxError(message: "invalid group")
            }
        } else {
            groupCount += 1
            capture = groupCount
        }
        let body = try parseDisjunction()
        guard eat(")") else { throw SyntaxError(message: "missing ')'") }
        if let look { return (.lookaround(body, ahead: look.ahead, negated: look.negated), look.ahead) }
        return (.group(body, capture: capture), true)
    }

    mutating func parseGroupName() throws(SyntaxError) -> String {
        var name = ""
        while let scalar = current, scalar != 0x3E {
            guard let character = Unicode.Scalar(scalar),
                character.properties.isIDContinue || scalar == 0x24 || scalar == 0x5F
            else { throw SyntaxError(message: "invalid group name") }
            name.unicodeScalars.append(character)
            position += 1
        }
        guard eat(">"), let first = name.unicodeScalars.first,
            first.properties.isIDStart || first == "$" || first == "_"
        else {
            throw SyntaxError(message: "invalid group name")
        }
        return name
    }

    private mutating func parseClass() throws(SyntaxError) -> RegexCharSet {
        position += 1
        var set = RegexCharSet()
        set.negated = eat("^")
        while true {
            guard let scalar = current else { throw SyntaxError(message: "missing ']'") }
            if scalar == 0x5D {
                position += 1
                return set
            }
            let low = try parseClassAtom()
            if current == 0x2D, position + 1 < scalars.count, scalars[position + 1] != 0x5D {
                position += 1
                let high = try parseClassAtom()
                guard case .scalar(let from) = low, case .scalar(let to) = high else {
                    throw SyntaxError(message: "a class escape cannot bound a range")
                }
                guard from <= to else { throw SyntaxError(message: "range out of order in character class") }
                set.ranges.append(from...to)
                continue
            }
            switch low {
            case .scalar(let value): set.ranges.append(value...value)
            case .builtin(let builtin): set.classes.append(builtin)
            }
        }
    }

    private mutating func parseClassAtom() throws(SyntaxError) -> Escaped {
        let scalar = current!
        position += 1
        guard scalar == 0x5C else { return .scalar(scalar) }
        return try parseCharacterEscape(inClass: true)
    }
}
