/// One step of a compiled regular expression for the backtracking machine.
enum RegexInstruction: Sendable {
    case scalar(UInt32)
    case any
    case set(Int)
    /// Try the first target; on failure, backtrack to the second.
    case split(Int, Int)
    case jump(Int)
    /// Record the position in a register (capture bounds and loop marks).
    case save(Int)
    case lineStart
    case lineEnd
    case wordBoundary(negated: Bool)
    case look(program: Int, ahead: Bool, negated: Bool)
    case backreference(Int)
    /// Fail if the position equals the register (an empty loop iteration).
    case progress(Int)
    case match
}

/// Compiles a `RegexNode` tree into instruction lists: program 0 is the
/// pattern, further programs are lookaround bodies.
struct RegexCompiler {
    private(set) var programs: [[RegexInstruction]] = [[]]
    private(set) var sets: [RegexCharSet] = []
    private(set) var registerCount: Int
    private var size = 0
    /// Nodes visited while emitting; counts repetitions that emit nothing
    /// (`(?:){1000000}` nested three deep would otherwise loop 10^18 times).
    private var work = 0

    static let maxInstructions = 200_000
    static let maxWork = 1_000_000

    init(groups: Int) {
        registerCount = 2 * (groups + 1)
    }

    static func compile(_ node: RegexNode, groups: Int) throws(RegexParser.SyntaxError) -> RegexCompiler {
        var compiler = RegexCompiler(groups: groups)
        var main: [RegexInstruction] = []
        try compiler.emit(node, into: &main)
        main.append(.match)
        compiler.programs[0] = main
        return compiler
    }

    private mutating func append(_ instruction: RegexInstruction, _ code: inout [RegexInstruction]) throws(RegexParser.SyntaxError) {
        size += 1
        if size > Self.maxInstructions { throw RegexParser.SyntaxError(message: "pattern is too large") }
        code.append(instruction)
    }

    private mutating func emit(_ node: RegexNode, into code: inout [RegexInstruction]) throws(RegexParser.SyntaxError) {
        work += 1
        if work > Self.maxWork { throw RegexParser.SyntaxError(message: "pattern is too large") }
        switch node {
        case .empty:
            break
        case .scalar(let value):
            try append(.scalar(value), &code)
        case .any:
            try append(.any, &code)
        case .set(let set):
            sets.append(set.normalized())
            try append(.set(sets.count - 1), &code)
        case .sequence(let nodes):
            for child in nodes { try emit(child, into: &code) }
        case .alternation(let alternatives):
            var jumpsToEnd: [Int] = []
            for (index, alternative) in alternatives.enumerated() {
                if index < alternatives.count - 1 {
                    let split = code.count
                    try append(.split(split + 1, -1), &code)
                    try emit(alternative, into: &code)
                    jumpsToEnd.append(code.count)
                    try append(.jump(-1), &code)
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(alternative, into: &code)
                }
            }
            for jump in jumpsToEnd { code[jump] = .jump(code.count) }
        case .group(let body, let capture):
            if let capture { try append(.save(2 * capture), &code) }
            try emit(body, into: &code)
            if let capture { try append(.save(2 * capture + 1), &code) }
        case .quantified(let body, let min, let max, let greedy):
            try emitQuantified(body, min: min, max: max, greedy: greedy, into: &code)
        case .lineStart:
            try append(.lineStart, &code)
        case .lineEnd:
            try append(.lineEnd, &code)
        case .wordBoundary(let negated):
            try append(.wordBoundary(negated: negated), &code)
        case .lookaround(let body, let ahead, let negated):
            var sub: [RegexInstruction] = []
            try emit(body, into: &sub)
            sub.append(.match)
            programs.append(sub)
            try append(.look(program: programs.count - 1, ahead: ahead, negated: negated), &code)
        case .backreference(let group):
            try append(.backreference(group), &code)
        }
    }

    private mutating func emitQuantified(
        _ body: RegexNode, min: Int, max: Int?, greedy: Bool, into code: inout [RegexInstruction]
    ) throws(RegexParser.SyntaxError) {
        for _ in 0..<min { try emit(body, into: &code) }
        guard let max else {
            let mark = registerCount
            registerCount += 1
            let loop = code.count
            try append(.split(-1, -1), &code)
            try append(.save(mark), &code)
            try emit(body, into: &code)
            try append(.progress(mark), &code)
            try append(.jump(loop), &code)
            code[loop] = greedy ? .split(loop + 1, code.count) : .split(code.count, loop + 1)
            return
        }
        var splits: [Int] = []
        for _ in min..<Swift.max(min, max) {
            splits.append(code.count)
            try append(.split(-1, -1), &code)
            try emit(body, into: &code)
        }
        for split in splits {
            code[split] = greedy ? .split(split + 1, code.count) : .split(code.count, split + 1)
        }
    }
}
