@_spi(Fuzzing) import DeltaSchema
import FuzzSupport

/// The ECMA-262 regex parser and matchers. The input is a pattern and a
/// subject separated by a NUL byte. A pattern either is rejected with
/// `ECMARegexError` or compiles; matching terminates (within the step limit),
/// and where both matchers decide, the linear-time automaton and the
/// backtracking machine give the same answer.
enum FuzzRegex {
    static func run(_ bytes: [UInt8]) {
        let (patternBytes, subjectBytes) = FuzzInput.split(bytes)
        let pattern = String(decoding: patternBytes, as: UTF8.self)
        let subject = String(decoding: subjectBytes, as: UTF8.self)
        guard let regex = try? ECMARegex(pattern) else { return }
        let answer = regex.matches(subject)
        // The automaton may run out of steps too (input × program can exceed the
        // limit for a 200,000-instruction program), so only decided answers are compared.
        if regex.runsOnAutomaton, let answer {
            if let reference = regex.matchesByBacktracking(subject, steps: 100_000) {
                FuzzInput.check(reference == answer, "automaton says \(answer), backtracking says \(reference)")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegexInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzRegex.run(FuzzInput.bytes(data, size))
    return 0
}

#if DELTA_FUZZ
/// The entry point SwiftPM links as `main`: libFuzzer drives the input function.
@_cdecl("FuzzRegex_main")
public func fuzzRegexMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzRegexInput($0, $1) }
}
#else
@main struct FuzzRegexReplay {
    static func main() { FuzzReplay.main(FuzzRegex.run) }
}
#endif
