internal import COpenSSL

/// HMAC-SHA-256 (RFC 2104) message authentication codes.
///
/// Produces the full 32-byte tag; it does not verify. To verify, recompute and
/// compare with `constantTimeEquals`, never with `==`.
public enum HMACSHA256 {
    /// The tag length in bytes (32).
    public static let byteCount = 32

    /// Returns the 32-byte HMAC-SHA-256 of `message` under `key`.
    ///
    /// Any key length is accepted, including empty (keys longer than 64 bytes are
    /// hashed first, as RFC 2104 specifies). Never throws; traps only if OpenSSL
    /// cannot compute a MAC at all.
    public static func authenticate(_ message: some Collection<UInt8>, key: [UInt8]) -> [UInt8] {
        // OpenSSL 3 rejects a NULL key pointer even with length 0, so an empty key
        // is passed as a valid pointer to zero bytes.
        let keyBytes = key.isEmpty ? [0] : key
        return withContiguousBytes(message) { input in
            keyBytes.withUnsafeBufferPointer { keyPointer in
                [UInt8](unsafeUninitializedCapacity: byteCount) { mac, initialized in
                    var length: UInt32 = 0
                    let result = HMAC(
                        EVP_sha256(), keyPointer.baseAddress, Int32(key.count),
                        input.baseAddress, input.count, mac.baseAddress, &length
                    )
                    guard result != nil, Int(length) == byteCount else {
                        fatalError("\(OpenSSLError.drain("HMAC(SHA-256)"))")
                    }
                    initialized = byteCount
                }
            }
        }
    }
}
