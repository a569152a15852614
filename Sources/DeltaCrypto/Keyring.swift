import DeltaCore

/// The encryption keys a worker holds: one active key that new writes use, plus
/// older keys, by id, that stay readable after a rotation.
///
/// Read-only once built: rotating produces a new keyring (`rotated(toKeyID:key:)`).
/// Printing a keyring shows only its key ids. It does not load keys from flags,
/// files or the environment, persist them, or re-encrypt entities; those belong
/// to the server's configuration and rewrap job.
public struct Keyring: Sendable {
    /// The id of the key new writes are sealed with; stored in each entity's metadata.
    public let activeKeyID: String

    private let keys: [String: SymmetricKey]

    /// Creates a keyring.
    ///
    /// - Parameters:
    ///   - activeKeyID: the id recorded with every new write, e.g. `main-key-v2`.
    ///   - activeKey: the key for new writes.
    ///   - previousKeys: retired keys by id, still used to read entities written
    ///     with them. If one has the active id, the active key wins: an id names
    ///     exactly one key.
    public init(activeKeyID: String, activeKey: SymmetricKey, previousKeys: [String: SymmetricKey] = [:]) {
        self.activeKeyID = activeKeyID
        var keys = previousKeys
        keys[activeKeyID] = activeKey
        self.keys = keys
    }

    /// The key used for new writes.
    public var activeKey: SymmetricKey {
        keys[activeKeyID]!
    }

    /// Every key id in the keyring, sorted; no key material.
    public var keyIDs: [String] {
        keys.keys.sorted()
    }

    /// Returns the key with id `id`, active or previous.
    ///
    /// - Throws: `DeltaError(.keyUnavailable)` naming the missing key id and
    ///   saying to start with the keyring that contains it. Nothing about the
    ///   keys that are present is revealed beyond their ids.
    public func key(for id: String) throws(DeltaError) -> SymmetricKey {
        guard let key = keys[id] else {
            throw DeltaError(
                .keyUnavailable,
                "the data was encrypted with key '\(id)', which this server does not have; "
                    + "start it with the keyring that contains key '\(id)' (the active key plus older keys)"
            )
        }
        return key
    }

    /// Encryptions one key may make with random 96-bit nonces: 2^32 (NIST SP
    /// 800-38D, section 8.3), beyond which the chance of a repeated nonce, and
    /// with it the loss of confidentiality and authenticity, exceeds 2^-32.
    /// Rotate the active key well before `encryptions(of:)` approaches it.
    public static let nonceBudget: UInt64 = 1 << 32

    /// How many encryptions this process has made with key `id` (nil if the
    /// keyring has no such key). Counts survive rotation (the same key keeps
    /// its count) but not a restart, and each process counts its own.
    public func encryptions(of id: String) -> UInt64? {
        keys[id]?.encryptionCount
    }

    /// The share of the nonce budget the active key has used in this process,
    /// from 0 to 1 (or more once exceeded); for a warning long before 1.
    public var activeKeyBudgetUsed: Double {
        Double(activeKey.encryptionCount) / Double(Self.nonceBudget)
    }

    /// Returns a keyring whose active key is `key` under `newKeyID`; the current
    /// active key and all previous keys stay readable.
    public func rotated(toKeyID newKeyID: String, key: SymmetricKey) -> Keyring {
        Keyring(activeKeyID: newKeyID, activeKey: key, previousKeys: keys)
    }
}

extension Keyring: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The active key id and all key ids; never key material.
    public var description: String {
        "Keyring(active: \(activeKeyID), keys: [\(keyIDs.joined(separator: ", "))])"
    }

    /// Same as `description`: key ids only.
    public var debugDescription: String { description }

    /// A mirror showing only the key ids, so `dump` never reaches key storage.
    public var customMirror: Mirror {
        Mirror(self, children: ["activeKeyID": activeKeyID, "keyIDs": keyIDs])
    }
}
