/// Decides whether a compiled pattern matches anywhere in an input by
/// simulating its program as a Thompson NFA (the "Pike VM" without captures):
/// every live instruction advances one input code point at a time, so the work
/// is at most (input length + 1) × program size, whatever the pattern.
///
/// It answers only "is there a match", which is all JSON Schema asks, so it
/// needs no capture registers: lazy and greedy quantifiers have the same
/// answer, and ECMA-262's "an empty iteration ends the loop" check cannot
/// change it either (an empty iteration returns to a state already visited at
/// that position). It cannot run lookarounds or back-references;
/// `ECMARegex` keeps the backtracking machine for patterns that use them.
struct RegexNFA {
    let code: [RegexInstruction]
    let sets: [RegexCharSet]
    let anchoredAtStart: Bool

    /// Whether the program has only instructions this machine runs.
    static func canRun(_ code: [RegexInstruction]) -> Bool {
        !code.contains { instruction in
            switch instruction {
            case .look, .backreference: true
            default: false
            }
        }
    }

    /// Whether the pattern matches anywhere in `input`; nil once `budget`
    /// (one unit per instruction visited) runs out.
    func matches(_ input: [UInt32], budget: inout Int) -> Bool? {
        var current: [Int] = []
        var next: [Int] = []
        var visited = [Int](repeating: -1, count: code.count)
        var stack: [Int] = []
        for position in 0...input.count {
            if !anchoredAtStart || position == 0 {
                switch addThread(0, at: position, input, &current, &visited, &stack, &budget) {
                case true?: return true
                case nil: return nil
                case false?: break
                }
            }
            if current.isEmpty {
                if anchoredAtStart { return false }
                continue
            }
            guard position < input.count else { return false }
            let scalar = input[position]
            for pc in current {
                budget -= 1
                if budget < 0 { return nil }
                let consumed: Bool
                switch code[pc] {
                case .scalar(let value): consumed = scalar == value
                case .any: consumed = !ECMARegex.isLineTerminator(scalar)
                case .set(let index): consumed = sets[index].contains(scalar)
                default: consumed = false
                }
                guard consumed else { continue }
                switch addThread(pc + 1, at: position + 1, input, &next, &visited, &stack, &budget) {
                case true?: return true
                case nil: return nil
                case false?: break
                }
            }
            swap(&current, &next)
            next.removeAll(keepingCapacity: true)
        }
        return false
    }

    /// Follows every non-consuming instruction from `start` at `position`
    /// (the epsilon closure), adding the consuming ones to `list`. True when
    /// it reaches `match`.
    private func addThread(
        _ start: Int, at position: Int, _ input: [UInt32], _ list: inout [Int], _ visited: inout [Int],
        _ stack: inout [Int], _ budget: inout Int
    ) -> Bool? {
        stack.append(start)
        defer { stack.removeAll(keepingCapacity: true) }
        while let pc = stack.popLast() {
            budget -= 1
            if budget < 0 { return nil }
            if visited[pc] == position { continue }
            visited[pc] = position
            switch code[pc] {
            case .match:
                return true
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .save, .progress:
                stack.append(pc + 1)
            case .lineStart:
                if position == 0 { stack.append(pc + 1) }
            case .lineEnd:
                if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let negated):
                let before = position > 0 && RegexBuiltinClass.isWord(input[position - 1])
                let after = position < input.count && RegexBuiltinClass.isWord(input[position])
                if (before != after) != negated { stack.append(pc + 1) }
            case .scalar, .any, .set:
                list.append(pc)
            case .look, .backreference:
                // Never compiled into a program this machine runs (see `canRun`).
                break
            }
        }
        return false
    }
}
