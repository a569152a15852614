internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
///
/// Use it for keys, nonces, salts and tokens. It does not seed anything itself and
/// offers no deterministic mode: tests that need fixed bytes must supply them.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// Never throws: if the operating system's entropy source or OpenSSL's DRBG
    /// fails, continuing would hand out predictable keys and nonces, so the
    /// process stops with a fatal error instead. `count` must be in
    /// `0...Int32.max`; `0` returns an empty array.
    public static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0 && count <= Int(Int32.max), "SecureRandom.bytes: count out of range")
        guard count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard RAND_bytes(buffer.baseAddress, Int32(count)) == 1 else {
                fatalError("\(OpenSSLError.drain("RAND_bytes")): the system CSPRNG is unusable")
            }
            initialized = count
        }
    }
}
