import CodegenCore
import FuzzSupport

/// The proto3 parser of the code generator: any text parses to a model and
/// diagnostics, without crashing or hanging (it recovers at `;` or `}`).
enum FuzzProto {
    static func run(_ bytes: [UInt8]) {
        let result = ProtoParser.parse(String(decoding: bytes, as: UTF8.self), source: "fuzz.proto")
        _ = result.file.messages.count + result.diagnostics.count
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtoInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzProto.run(FuzzInput.bytes(data, size))
    return 0
}

#if DELTA_FUZZ
/// The entry point SwiftPM links as `main`: libFuzzer drives the input function.
@_cdecl("FuzzProto_main")
public func fuzzProtoMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzProtoInput($0, $1) }
}
#else
@main struct FuzzProtoReplay {
    static func main() { FuzzReplay.main(FuzzProto.run) }
}
#endif
