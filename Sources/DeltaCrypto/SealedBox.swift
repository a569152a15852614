/// The output of `AESGCM.seal`: nonce, ciphertext and authentication tag, kept
/// as separate fields because storage keeps them in separate places (the nonce
/// and tag in the metadata sidecar, the ciphertext in the blob).
///
/// A box is only data: constructing one checks nothing. `AESGCM.open` checks the
/// field lengths and the tag, and is the only way to get plaintext back. The
/// additional authenticated data is not part of the box; the reader rebuilds it
/// from what it expects (see `EntityAAD`).
public struct SealedBox: Sendable, Hashable {
    /// The 12-byte GCM nonce, fresh and random for every seal.
    public var nonce: [UInt8]
    /// The encrypted bytes; exactly as long as the plaintext.
    public var ciphertext: [UInt8]
    /// The 16-byte GCM authentication tag over ciphertext and AAD.
    public var tag: [UInt8]

    /// Creates a box from stored parts, e.g. when reading an entity back.
    public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) {
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }
}
