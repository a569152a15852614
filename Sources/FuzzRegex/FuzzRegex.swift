@_spi(Fuzzing) import DeltaSchema
import FuzzSupport

/// The ECMA-262 regex parser and matchers. The input is a pattern and a
/// subject separated by a NUL byte. A pattern either is rejected with
/// `ECMARegexError` or compiles; a compiled pattern answers within its step
/// limit, and where both matchers can decide, the linear-time automaton and
/// the backtracking machine give the same answer.
enum FuzzRegex {
    static func run(_ bytes: [UInt8]) {
        let (patternBytes, subjectBytes) = FuzzInput.split(bytes)
        let pattern = String(decoding: patternBytes, as: UTF8.self)
        let subject = String(decoding: subjectBytes, as: UTF8.self)
        guard let regex = try? ECMARegex(pattern) else { return }
        let answer = regex.matches(subject)
        if regex.runsOnAutomaton {
            FuzzInput.check(answer != nil, "the automaton ran out of steps on a \(subject.unicodeScalars.count)-character subject")
            if let reference = regex.matchesByBacktracking(subject, steps: 100_000) {
                FuzzInput.check(reference == answer, "automaton says \(String(describing: answer)), backtracking says \(reference)")
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
