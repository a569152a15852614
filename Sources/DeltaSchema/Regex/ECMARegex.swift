/// A compiled ECMA-262 regular expression, as JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` require (no Foundation, no ICU).
///
/// Supported: alternation, groups (capturing, non-capturing, named),
/// lookahead and lookbehind, greedy and lazy quantifiers including `{n,m}`,
/// classes with ranges, `\d \w \s \D \W \S \b \B`, `\p{…}`/`\P{…}` for general
/// categories and a few binary properties, `\xHH \uHHHH \u{…} \cX \0`,
/// back-references (numbered and `\k<name>`), `^ $ .`.
///
/// Semantics are ECMA-262 without flags, on code points (like the `u` flag):
/// `\d`, `\w` and `\b` are ASCII-only, `.` excludes `\n \r \u2028 \u2029`, `$`
/// matches only at the very end. Matching is a search (unanchored), as JSON
/// Schema specifies. Not supported: flags, Unicode scripts in `\p{…}`, and
/// captures made inside lookarounds (they are not visible to back-references).
///
/// Cost is bounded so a hostile pattern or input cannot hang a request:
/// patterns are at most `maxPatternLength` code points with groups nested at
/// most `maxNestingDepth` deep; patterns without lookarounds and
/// back-references run on `RegexNFA`, in time linear in the input; the others
/// run on a backtracking machine whose steps are counted against a budget
/// (`stepLimit` per `matches` call, or the caller's shared budget).
public struct ECMARegex: Sendable {
    /// The source pattern.
    public let pattern: String
    private let programs: [[RegexInstruction]]
    private let sets: [RegexCharSet]
    private let registerCount: Int
    private let anchoredAtStart: Bool
    /// Nil when the pattern needs backtracking (lookarounds, back-references).
    private let automaton: RegexNFA?

    /// The most machine steps one `matches` call may take.
    public static let stepLimit = 2_000_000
    /// The longest pattern accepted, in code points.
    public static let maxPatternLength = 32_768
    /// The deepest nesting of groups (and lookarounds) accepted; it bounds the
    /// recursion of parsing and compiling.
    public static let maxNestingDepth = 250

    /// Compiles `pattern`.
    ///
    /// - Throws: `ECMARegexError` naming the syntax problem, or saying the
    ///   pattern is longer, more deeply nested or larger than the limits.
    public init(_ pattern: String) throws(ECMARegexError) {
        self.pattern = pattern
        do {
            let (node, groups) = try RegexParser.parse(pattern)
            let compiled = try RegexCompiler.compile(node, groups: groups)
            programs = compiled.programs
            sets = compiled.sets
            registerCount = compiled.registerCount
        } catch {
            throw ECMARegexError(pattern: pattern, reason: error.message)
        }
        if case .lineStart = programs[0].first { anchoredAtStart = true } else { anchoredAtStart = false }
        automaton = programs.count == 1 && RegexNFA.canRun(programs[0])
            ? RegexNFA(code: programs[0], sets: sets, anchoredAtStart: anchoredAtStart) : nil
    }

    /// Whether the pattern matches anywhere in `string`; nil if it could not
    /// be decided within `stepLimit` steps.
    public func matches(_ string: String) -> Bool? {
        var budget = Self.stepLimit
        return matches(string, budget: &budget)
    }

    /// Whether the pattern matches anywhere in `string`, spending steps from
    /// `budget` (shared by every match of one validation); nil once it runs out.
    func matches(_ string: String, budget: inout Int) -> Bool? {
        let input = string.unicodeScalars.map(\.value)
        budget -= input.count
        if budget < 0 { return nil }
        if let automaton { return automaton.matches(input, budget: &budget) }
        return backtrack(input, budget: &budget)
    }

    /// Whether matching runs on the linear-time automaton (no lookarounds or
    /// back-references); for the regex fuzz target.
    @_spi(Fuzzing) public var runsOnAutomaton: Bool { automaton != nil }

    /// The backtracking machine's answer, whatever the pattern, within
    /// `steps`; the fuzz target compares it with the automaton's.
    @_spi(Fuzzing) public func matchesByBacktracking(_ string: String, steps: Int) -> Bool? {
        var budget = steps
        return backtrack(string.unicodeScalars.map(\.value), budget: &budget)
    }

    private func backtrack(_ input: [UInt32], budget steps: inout Int) -> Bool? {
        var registers = [Int](repeating: -1, count: registerCount)
        var stack: [Backtrack] = []
        let lastStart = anchoredAtStart ? 0 : input.count
        let firstScalar: UInt32? = if case .scalar(let value) = programs[0].first { value } else { nil }
        for start in 0...lastStart {
            if let firstScalar, start < input.count, input[start] != firstScalar { continue }
            for index in registers.indices { registers[index] = -1 }
            guard let found = run(0, input, start, nil, &registers, &steps, &stack) else { return nil }
            if found { return true }
        }
        return false
    }

    private struct Backtrack {
        /// A register to restore, or -1 for a branch to resume.
        var register: Int
        var value: Int
        var pc: Int
    }

    private func run(
        _ program: Int, _ input: [UInt32], _ start: Int, _ endAt: Int?,
        _ registers: inout [Int], _ steps: inout Int, _ stack: inout [Backtrack]
    ) -> Bool? {
        let code = programs[program]
        let base = stack.count
        defer { stack.removeSubrange(base...) }
        var pc = 0
        var position = start
        let count = input.count
        while true {
            steps -= 1
            if steps < 0 { return nil }
            var ok = true
            switch code[pc] {
            case .scalar(let value):
                ok = position < count && input[position] == value
                if ok { position += 1; pc += 1 }
            case .any:
                ok = position < count && !Self.isLineTerminator(input[position])
                if ok { position += 1; pc += 1 }
            case .set(let index):
                ok = position < count && sets[index].contains(input[position])
                if ok { position += 1; pc += 1 }
            case .split(let first, let second):
                stack.append(Backtrack(register: -1, value: position, pc: second))
                pc = first
            case .jump(let target):
                pc = target
            case .save(let register):
                stack.append(Backtrack(register: register, value: registers[register], pc: 0))
                registers[register] = position
                pc += 1
            case .lineStart:
                ok = position == 0
                pc += 1
            case .lineEnd:
                ok = position == count
                pc += 1
            case .wordBoundary(let negated):
                let before = position > 0 && RegexBuiltinClass.isWord(input[position - 1])
                let after = position < count && RegexBuiltinClass.isWord(input[position])
                ok = (before != after) != negated
                pc += 1
            case .look(let sub, let ahead, let negated):
                var scratch = registers
                var found = false
                if ahead {
                    guard let result = run(sub, input, position, nil, &scratch, &steps, &stack) else { return nil }
                    found = result
                } else {
                    for candidate in stride(from: position, through: 0, by: -1) {
                        guard let result = run(sub, input, candidate, position, &scratch, &steps, &stack) else { return nil }
                        if result {
                            found = true
                            break
                        }
                    }
                }
                ok = found != negated
                pc += 1
            case .backreference(let group):
                let (from, to) = (registers[2 * group], registers[2 * group + 1])
                if from >= 0, to >= from {
                    let length = to - from
                    steps -= length
                    ok = position + length <= count && input[from..<to].elementsEqual(input[position..<(position + length)])
                    if ok { position += length }
                }
                pc += 1
            case .progress(let register):
                ok = registers[register] != position
                pc += 1
            case .match:
                if endAt == nil || endAt == position { return true }
                ok = false
            }
            if ok { continue }
            var resumed = false
            while stack.count > base {
                let entry = stack.removeLast()
                if entry.register >= 0 {
                    registers[entry.register] = entry.value
                } else {
                    pc = entry.pc
                    position = entry.value
                    resumed = true
                    break
                }
            }
            if !resumed { return false }
        }
    }

    static func isLineTerminator(_ scalar: UInt32) -> Bool {
        scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029
    }
}

/// A pattern that is not valid ECMA-262 syntax (or uses an unsupported feature).
public struct ECMARegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern that failed to compile.
    public var pattern: String
    /// What is wrong with it.
    public var reason: String

    /// Quotes at most the first 60 code points of the pattern, so a huge
    /// pattern does not make a huge message.
    public var description: String { "invalid regular expression '\(ECMARegex.excerpt(pattern))': \(reason)" }
}

extension ECMARegex {
    /// `text` cut to `limit` code points, with "…" when something was cut:
    /// messages name patterns without repeating them whole.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        var result = String.UnicodeScalarView()
        for _ in 0..<limit {
            guard let scalar = scalars.next() else { return text }
            result.append(scalar)
        }
        return scalars.next() == nil ? text : String(result) + "…"
    }
}
