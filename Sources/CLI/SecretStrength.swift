import DeltaCore
import Foundation

/// Refuses hand-made secrets too weak to resist online guessing (admin keys,
/// worker secrets). Generated secrets (24 random bytes in hex) always pass.
///
/// The estimate is deliberately simple and documented: length × log2 of the
/// alphabet the characters come from (lower case 26, upper case 26, digits 10,
/// anything else 33), at least 80 bits, with at least 10 distinct characters.
/// `mysecretkey` (about 52 bits) is refused; `openssl rand -hex 16` (about 165) passes.
public enum SecretStrength {
    /// The fewest estimated bits a secret may have.
    public static let minimumBits = 80.0

    /// The estimated strength of `secret` in bits.
    public static func estimatedBits(_ secret: String) -> Double {
        var alphabet = 0
        let characters = Array(secret.unicodeScalars)
        if characters.contains(where: { ("a"..."z").contains($0) }) { alphabet += 26 }
        if characters.contains(where: { ("A"..."Z").contains($0) }) { alphabet += 26 }
        if characters.contains(where: { ("0"..."9").contains($0) }) { alphabet += 10 }
        if characters.contains(where: { !(("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)) }) {
            alphabet += 33
        }
        guard alphabet > 1 else { return 0 }
        return Double(characters.count) * log2(Double(alphabet))
    }

    /// Throws unless `secret` is strong enough.
    ///
    /// - Throws: `.badRequest` naming the secret (never echoing it) and how to make a good one.
    public static func require(_ secret: String, name: String, flag: String) throws(DeltaError) {
        guard estimatedBits(secret) >= minimumBits, Set(secret).count >= 10 else {
            throw DeltaError(
                .badRequest,
                "\(name) (\(flag)) is too weak to resist guessing: use at least 20 random characters, "
                    + "e.g. the output of `openssl rand -hex 24`, or omit it to have one generated"
            )
        }
    }
}
