import DeltaCore
import DeltaCrypto
import Testing

/// Bytes from a hex literal in a test; a typo in a vector fails loudly.
func hex(_ string: String) -> [UInt8] {
    guard let bytes = Hex.decode(string) else {
        Issue.record("bad hex literal in test: \(string)")
        return []
    }
    return bytes
}

/// A fixed key for tests (never a real key).
func testKey(_ fill: UInt8 = 0x42) -> SymmetricKey {
    try! SymmetricKey(bytes: [UInt8](repeating: fill, count: 32))
}

/// Runs `body`, expecting a `DeltaError`, and returns it (or records an issue).
func expectDeltaError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> DeltaError? {
    do {
        try body()
        Issue.record("expected a DeltaError, but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as DeltaError {
        return error
    } catch {
        Issue.record("expected a DeltaError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
