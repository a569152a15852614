/// A compiled ECMA-262 regular expression, as JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` require, evaluated by a small
/// backtracking engine (no Foundation, no ICU).
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
/// Each match is limited to `stepLimit` machine steps so a pathological
/// pattern cannot hang a request; `matches` returns nil when that happens.
public struct ECMARegex: Sendable {
    /// The source pattern.
    public let pattern: String
    private let programs: [[RegexInstruction]]
    private let sets: [RegexCharSet]
    private let registerCount: Int
    private let anchoredAtStart: Bool

    /// The most machine steps one `matches` call may take.
    public static let stepLimit = 2_000_000

    /// Compiles `pattern`.
    ///
    /// - Throws: `ECMARegexError` naming the syntax problem.
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
    }

    /// Whether the pattern matches anywhere in `string`; nil if the step
    /// limit was exceeded.
    public func matches(_ string: String) -> Bool? {
        let input = string.unicodeScalars.map(\.value)
        var registers = [Int](repeating: -1, count: registerCount)
        var steps = Self.stepLimit
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

    private static func isLineTerminator(_ scalar: UInt32) -> Bool {
        scalar == 0x0A || scalar == 0x0D || scalar == 0x2028 || scalar == 0x2029
    }
}

/// A pattern that is not valid ECMA-262 syntax (or uses an unsupported feature).
public struct ECMARegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern that failed to compile.
    public var pattern: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid regular expression '\(pattern)': \(reason)" }
}
