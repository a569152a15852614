import DeltaJSON
import FuzzSupport

/// The JSON parser: any bytes either fail with `JSONParseError` or parse to a
/// value whose serialisation parses back to an equal value.
enum FuzzJSON {
    static func run(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        let serialized = value.serialized()
        let reparsed = try? JSONParser.parse(serialized)
        FuzzInput.check(reparsed == value, "a parsed value does not survive serialisation")
        FuzzInput.check(reparsed?.serialized() == serialized, "serialisation is not stable")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzJSON.run(FuzzInput.bytes(data, size))
    return 0
}

#if DELTA_FUZZ
/// The entry point SwiftPM links as `main`: libFuzzer drives the input function.
@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzJSONInput($0, $1) }
}
#else
@main struct FuzzJSONReplay {
    static func main() { FuzzReplay.main(FuzzJSON.run) }
}
#endif
