#if DELTA_FUZZ
/// libFuzzer's entry for programs that have their own `main`
/// (`int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Starts libFuzzer from a fuzz target's entry point.
///
/// SwiftPM links every executable with `main` aliased to `<Module>_main`, so
/// libFuzzer's own `main` cannot be used; each target defines `<Module>_main`
/// (with `@_cdecl`) and hands its input function to libFuzzer here.
public enum FuzzDriver {
    /// Runs libFuzzer with the process arguments; returns its exit status.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var argc = argc
        var argv = argv
        return runDriver(&argc, &argv, callback)
    }
}
#endif
