import Synchronization

/// Whether a server process is ready to serve: what `GET /ready` answers.
///
/// Liveness (`/health`) only says the process runs; readiness says requests
/// will be served now. A server is not ready while something it needs is still
/// being set up: storage recovery that outlasted the start-up budget, or (on a
/// Main Worker) no Processing Worker holding the keyring yet. Each such thing is
/// a named *condition* with the reason an operator reads, or a *check* asked on
/// every probe (for state that comes and goes, like subscribed workers).
///
/// It does not decide anything itself and never blocks a request: the routes
/// serve regardless, and only the probe's answer changes.
public final class Readiness: Sendable {
    private let pending = Mutex<[String: String]>([:])
    private let checks = Mutex<[@Sendable () -> String?]>([])

    /// A readiness with nothing pending: ready until told otherwise.
    public init() {}

    /// Marks `condition` as not finished, with the `reason` `/ready` reports.
    public func wait(for condition: String, reason: String) {
        pending.withLock { $0[condition] = reason }
    }

    /// Marks `condition` as finished.
    public func finished(_ condition: String) {
        pending.withLock { $0[condition] = nil }
    }

    /// Adds a check run on every probe: it returns why the server is not ready, or nil.
    public func addCheck(_ check: @escaping @Sendable () -> String?) {
        checks.withLock { $0.append(check) }
    }

    /// Why the server is not ready (the pending conditions' reasons, then the
    /// checks' — sorted by condition name so the answer is stable), or nil when ready.
    public var notReadyReason: String? {
        let reasons = pending.withLock { pending in pending.sorted { $0.key < $1.key }.map(\.value) }
            + checks.withLock { $0 }.compactMap { $0() }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
