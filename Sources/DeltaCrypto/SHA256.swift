internal import COpenSSL

/// SHA-256 (FIPS 180-4) digests via OpenSSL's EVP interface.
///
/// A plain hash: it is not a MAC and not a password hash. Use `HMACSHA256` when a
/// secret key is involved, and never store a bare hash of a low-entropy secret.
public enum SHA256 {
    /// The digest length in bytes (32).
    public static let byteCount = 32

    /// Returns the 32-byte SHA-256 digest of `data`.
    ///
    /// Never throws; traps only if OpenSSL cannot compute a digest at all (for
    /// example a broken installation), which no caller could recover from.
    public static func hash(_ data: some Collection<UInt8>) -> [UInt8] {
        withContiguousBytes(data) { input in
            [UInt8](unsafeUninitializedCapacity: byteCount) { digest, initialized in
                var length: UInt32 = 0
                guard EVP_Digest(input.baseAddress, input.count, digest.baseAddress, &length, EVP_sha256(), nil) == 1,
                      Int(length) == byteCount
                else { fatalError("\(OpenSSLError.drain("EVP_Digest(SHA-256)"))") }
                initialized = byteCount
            }
        }
    }
}

/// Runs `body` over the bytes of `data`, copying only if `data` is not already
/// contiguous. The pointer may be `nil` for empty input.
func withContiguousBytes<R>(
    _ data: some Collection<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
) -> R {
    if let result = data.withContiguousStorageIfAvailable(body) { return result }
    return Array(data).withUnsafeBufferPointer(body)
}
