import DeltaCore
import DeltaJSON
import DeltaSchema
import FuzzSupport

/// The JSON Schema compiler and validator. The input is a schema and a
/// document separated by a NUL byte. A schema either is rejected with a
/// `DeltaError` or compiles; a compiled schema validates any document within
/// its budget, and `isValid`, `validate` and `errors(in:)` agree.
enum FuzzSchema {
    /// Small limits keep each run fast; the budget's correctness does not depend on its size.
    static let limits = ValidationLimits(maxSteps: 200_000, maxErrors: 20, maxReportBytes: 16 * 1024)

    static func run(_ bytes: [UInt8]) {
        let (schemaBytes, documentBytes) = FuzzInput.split(bytes)
        guard let schema = try? JSONParser.parse(schemaBytes),
              let compiled = try? SchemaRegistry().add(id: "fuzz.v1", schema: schema)
        else { return }
        let document = (try? JSONParser.parse(documentBytes)) ?? .string(String(decoding: documentBytes, as: UTF8.self))
        let valid = compiled.isValid(document, limits: limits)
        let errors = compiled.validate(document, limits: limits)
        FuzzInput.check(errors.count <= limits.maxErrors + 1, "too many errors reported: \(errors.count)")
        do {
            let checked = try compiled.errors(in: document, limits: limits)
            FuzzInput.check(valid == checked.isEmpty, "isValid says \(valid), errors(in:) found \(checked.count)")
            FuzzInput.check(valid == errors.isEmpty, "isValid says \(valid), validate found \(errors.count)")
        } catch {
            FuzzInput.check(error.code == .validationBudgetExceeded, "unexpected error \(error)")
            FuzzInput.check(!valid, "a document that exhausted the budget was called valid")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzSchema.run(FuzzInput.bytes(data, size))
    return 0
}

#if DELTA_FUZZ
/// The entry point SwiftPM links as `main`: libFuzzer drives the input function.
@_cdecl("FuzzSchema_main")
public func fuzzSchemaMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv) { fuzzSchemaInput($0, $1) }
}
#else
@main struct FuzzSchemaReplay {
    static func main() { FuzzReplay.main(FuzzSchema.run) }
}
#endif
