internal import COpenSSL

/// Compares two byte strings in time that does not depend on where they differ
/// (`CRYPTO_memcmp`), for checking MACs, password hashes and tokens.
///
/// Only the contents are compared in constant time: different lengths return
/// `false` immediately, so the length of a secret is not protected. Compare
/// fixed-length values (digests, MACs) to avoid that leak. Two empty inputs are
/// equal.
public func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    guard !lhs.isEmpty else { return true }
    return lhs.withUnsafeBytes { a in
        rhs.withUnsafeBytes { b in
            CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0
        }
    }
}
