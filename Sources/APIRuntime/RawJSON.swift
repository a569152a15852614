/// A JSON document carried as its bytes, not decoded into Swift types.
///
/// The generated server passes free-form bodies (entity documents, maps of them)
/// as `RawJSON` so the handler parses them exactly once with its own strict
/// parser, and a cached document is written to the wire without re-serialising.
/// `RawJSON` does not check that its bytes are valid JSON; whoever builds one
/// from untrusted input must.
public struct RawJSON: Sendable, Hashable {
    /// The UTF-8 bytes of the JSON text.
    public var bytes: [UInt8]

    /// Wraps `bytes` without checking them.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}
