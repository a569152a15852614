import DeltaCrypto
import DeltaEngine
import Logging

/// Warns in the log when the active key approaches its nonce budget.
///
/// AES-GCM with random 96-bit nonces stays safe for about 2^32 encryptions per
/// key (`Keyring.nonceBudget`, NIST SP 800-38D); past that, nonce collisions
/// become likely enough to matter. The counts are this process's own since it
/// started (a restart or another worker starts from zero), so a warning is a
/// floor, not an exact figure: rotate well before it (docs/security.md).
public enum NonceBudgetWatch {
    /// The shares of the budget at which a warning is logged, once each.
    public static let thresholds: [Double] = [0.25, 0.5, 0.75, 0.9]

    /// The thresholds `used` has reached that are above `warned`.
    public static func newlyReached(_ used: Double, after warned: Double) -> [Double] {
        thresholds.filter { $0 <= used && $0 > warned }
    }

    /// Starts checking `keys` every `interval`; the check ends with the task's
    /// cancellation or when the holder is released (the server that owned it stopped).
    @discardableResult
    public static func start(watching keys: KeyringHolder, logger: Logger, interval: Duration = .seconds(60)) -> Task<Void, Never> {
        Task.detached(priority: .background) { [weak keys] in
            await run(keys: { keys }, logger: logger, interval: interval)
        }
    }

    static func run(keys: () -> KeyringHolder?, logger: Logger, interval: Duration) async {
        var warned = 0.0
        while !Task.isCancelled, let holder = keys() {
            if let keyring = try? holder.current() {
                for threshold in newlyReached(keyring.activeKeyBudgetUsed, after: warned) {
                    warned = threshold
                    logger.warning(
                        "the active key has used \(Int(threshold * 100)) % of its nonce budget in this process; rotate it",
                        metadata: ["key_id": "\(keyring.activeKeyID)", "encryptions": "\(keyring.encryptions(of: keyring.activeKeyID) ?? 0)"]
                    )
                }
            }
            try? await Task.sleep(for: interval)
        }
    }
}
