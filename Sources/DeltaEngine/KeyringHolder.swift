import DeltaCore
import DeltaCrypto
import Synchronization

/// The keyring a process currently holds, replaceable at run time: a Processing
/// Worker gets its keyring from the Main Worker and a new one after a rotation.
///
/// Keys stay in this process's memory only. `clear()` drops them (on shutdown or
/// when the worker loses its subscription); until a keyring is installed again,
/// every read and write fails with `key_unavailable` instead of guessing.
public final class KeyringHolder: Sendable {
    private let state: Mutex<Keyring?>

    /// A holder with `keyring` installed, or empty.
    public init(_ keyring: Keyring? = nil) {
        state = Mutex(keyring)
    }

    /// The installed keyring.
    ///
    /// - Throws: `.keyUnavailable` if none is installed (a worker not yet subscribed).
    public func current() throws(DeltaError) -> Keyring {
        guard let keyring = state.withLock({ $0 }) else {
            throw DeltaError(
                .keyUnavailable,
                "this worker holds no encryption keys yet (it has not subscribed to the Main Worker); retry shortly"
            )
        }
        return keyring
    }

    /// The active key id, or nil while empty.
    public var activeKeyID: String? { state.withLock { $0?.activeKeyID } }

    /// Installs `keyring`, replacing the previous one.
    public func install(_ keyring: Keyring) {
        state.withLock { $0 = keyring }
    }

    /// Drops the keys.
    public func clear() {
        state.withLock { $0 = nil }
    }
}
