/// Helpers shared by the fuzz targets (`Sources/Fuzz*`, `scripts/fuzz.sh`).
///
/// Each fuzz target is an executable with two builds: under libFuzzer
/// (`-sanitize=fuzzer -D DELTA_FUZZ`) libFuzzer's `main` drives its
/// `LLVMFuzzerTestOneInput`; in an ordinary build its `main` replays files
/// (a corpus, or a crash libFuzzer saved) through the same function, so a
/// finding can be reproduced without the fuzzing toolchain.
public enum FuzzInput {
    /// The bytes libFuzzer hands over.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Splits `bytes` at the first NUL: the two inputs of a two-part target
    /// (schema and document, pattern and subject). Without a NUL, the second
    /// part is empty.
    public static func split(_ bytes: [UInt8]) -> ([UInt8], [UInt8]) {
        guard let separator = bytes.firstIndex(of: 0) else { return (bytes, []) }
        return (Array(bytes[..<separator]), Array(bytes[(separator + 1)...]))
    }

    /// Fails the run the way libFuzzer notices (a trap), with a message.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant violated: \(message())") }
    }
}
