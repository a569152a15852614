internal import COpenSSL

/// Compares two byte strings without revealing, through timing, where they
/// differ or how long the secret one is; for checking MACs, keys and tokens.
///
/// Both values are first reduced to HMAC-SHA-256 tags under a key drawn at
/// random once per process, and the two 32-byte tags are compared with
/// `CRYPTO_memcmp`. So a caller comparing a guess with a secret learns
/// nothing from the time taken about the secret's length (a length check up
/// front would answer at once for every guess of the wrong length), and
/// nothing about which bytes matched. Equal tags mean equal inputs (a
/// collision would break HMAC-SHA-256). Two empty inputs are equal.
///
/// Hashing costs time linear in each input; the secret's share is the same
/// on every call. Where a secret is compared often, `SecretDigest` keeps its
/// tag so only the guess is hashed.
public func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    fixedLengthEquals(ComparisonKey.tag(lhs), ComparisonKey.tag(rhs))
}

/// `CRYPTO_memcmp` of two values of equal, public length.
func fixedLengthEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    precondition(lhs.count == rhs.count, "fixedLengthEquals compares values of one public length")
    guard !lhs.isEmpty else { return true }
    return lhs.withUnsafeBytes { a in
        rhs.withUnsafeBytes { b in
            CRYPTO_memcmp(a.baseAddress, b.baseAddress, a.count) == 0
        }
    }
}

/// The per-process key that comparison tags are computed under; random, so
/// tags cannot be precomputed and mean nothing outside this process.
enum ComparisonKey {
    static let key = SecureRandom.bytes(count: 32)

    static func tag(_ value: [UInt8]) -> [UInt8] {
        HMACSHA256.authenticate(value, key: key)
    }
}

/// A secret kept as its comparison tag, for checking guesses against it in
/// time that depends only on the guess (see `constantTimeEquals`).
///
/// Holds no copy of the secret, only an HMAC of it under a per-process key.
public struct SecretDigest: Sendable {
    private let tag: [UInt8]

    /// Keeps the tag of `secret`.
    public init(_ secret: [UInt8]) {
        tag = ComparisonKey.tag(secret)
    }

    /// Whether `candidate` equals the secret.
    public func matches(_ candidate: [UInt8]) -> Bool {
        fixedLengthEquals(ComparisonKey.tag(candidate), tag)
    }
}
