import DeltaJSON
import FuzzSupport

/// JSON Patch and JSON Merge Patch: the input is a document and a patch separated
/// by a NUL byte. Applying either kind never crashes, never builds more than the
/// limits allow (the copy bomb), and a JSON Patch result serialises within them.
enum FuzzPatch {
    static let limits = JSONLimits(maxBytes: 64 * 1024, maxDepth: 64)

    static func run(_ bytes: [UInt8]) {
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2,
              let document = try? JSONParser.parse(Array(parts[0])),
              let patch = try? JSONParser.parse(Array(parts[1]))
        else { return }
        guard document.measure(upTo: limits.maxBytes) != nil else { return }
        if let operations = try? JSONPatch(patch), let result = try? operations.apply(to: document, limits: limits) {
            let size = result.measure(upTo: limits.maxBytes)
            FuzzInput.check(size != nil, "a JSON Patch result passed the byte limit")
            FuzzInput.check(size.map { $0.bytes == result.serialized().count } ?? true, "measure disagrees with serialized()")
        }
        let merged = JSONMergePatch.apply(patch, to: document)
        FuzzInput.check((try? JSONParser.parse(merged.serialized(), maxDepth: 256)) != nil, "a merge result does not parse back")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPatchInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzPatch.run(FuzzInput.bytes(data, size))
    return 0
}

#if DELTA_FUZZ
/// The entry point SwiftPM links as `main`: libFuzzer drives the input function.
@_cdecl("FuzzPatch_main")
public func fuzzPatchMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzPatchInput($0, $1) }
}
#else
@main struct FuzzPatchReplay {
    static func main() { FuzzReplay.main(FuzzPatch.run) }
}
#endif
