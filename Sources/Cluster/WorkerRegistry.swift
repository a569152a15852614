import DeltaCache
import DeltaCore
import DeltaCrypto
import Foundation
import Synchronization
import DeltaEngine

/// The Main Worker's view of its Processing Workers: who subscribed, their
/// session tokens, when each was last heard from, and where to route next.
///
/// A worker that misses `unavailableAfterBeats` heartbeats is no longer routed to;
/// after `removeAfterBeats` it is forgotten and must Subscribe again (a restarted
/// worker does so by itself). Routing is cache-aware, then least-loaded: the
/// worker that last served a key gets it again while it is available; otherwise
/// the available worker with the fewest calls in flight from this Main Worker.
/// Tokens are kept in memory only and never logged.
public final class WorkerRegistry: Sendable {
    /// One subscribed worker.
    public struct Worker: Sendable {
        public var id: String
        public var tags: [String: String]
        public var keyID: String
        public var lastSeen: Date
        var draining = false
        var suspect = false
        var tokens: [(value: String, expiresAt: Date)]
        var cache = CacheStats()

        /// Whether the worker runs inside the Main Worker's process.
        var isEmbedded: Bool { tags["mode"] == "embedded" }

        /// Where the worker serves `ProcessingWorker`, from its `grpc_addr` tag.
        public var address: String? { tags["grpc_addr"].flatMap { $0.isEmpty ? nil : $0 } }
    }

    /// A routing decision: the worker, its address and the token to present.
    public struct Target: Sendable, Equatable {
        var workerID: String
        var address: String
        var token: String
        /// Chosen because it served this key last (else as the least loaded).
        var byAffinity = false
    }

    public let heartbeatInterval: Duration
    public let tokenTTL: Duration
    public let unavailableAfterBeats = 3
    public let removeAfterBeats = 10
    private static let maxAffinityEntries = 100_000

    private struct State {
        var workers: [String: Worker] = [:]
        var affinity: [String: String] = [:]
        var inFlight: [String: Int] = [:]
    }

    private let state = Mutex(State())

    public init(heartbeatInterval: Duration, tokenTTL: Duration) {
        self.heartbeatInterval = heartbeatInterval
        self.tokenTTL = tokenTTL
    }

    // MARK: Membership

    /// Registers (or re-registers) `id` and returns its new session token.
    public func register(id: String, tags: [String: String], keyID: String, now: Date = Date()) -> (token: String, expiresAt: Date) {
        let token = Self.newToken()
        let expiresAt = now.addingTimeInterval(tokenTTL.seconds)
        state.withLock { state in
            state.workers[id] = Worker(id: id, tags: tags, keyID: keyID, lastSeen: now, tokens: [(token, expiresAt)])
        }
        return (token, expiresAt)
    }

    /// Records a heartbeat. Returns false if the worker is unknown or the token is
    /// not one of its unexpired tokens (the worker must Subscribe again).
    public func heartbeat(
        id: String, token: String, keyID: String, draining: Bool, cache: CacheStats, now: Date = Date()
    ) -> Bool {
        state.withLock { state in
            guard var worker = state.workers[id], Self.accepts(token, of: worker, now: now) else { return false }
            worker.lastSeen = now
            worker.keyID = keyID
            worker.draining = draining
            worker.suspect = false
            worker.cache = cache
            state.workers[id] = worker
            return true
        }
    }

    /// Issues a fresh token for a worker presenting a valid one; the old one stays
    /// valid until it expires. Nil if the worker is unknown or the token invalid.
    public func renew(id: String, token: String, now: Date = Date()) -> (token: String, expiresAt: Date)? {
        state.withLock { state in
            guard var worker = state.workers[id], Self.accepts(token, of: worker, now: now) else { return nil }
            let fresh = (Self.newToken(), now.addingTimeInterval(tokenTTL.seconds))
            worker.tokens = worker.tokens.filter { $0.expiresAt > now }.suffix(1) + [fresh]
            state.workers[id] = worker
            return fresh
        }
    }

    /// Forgets workers silent for `removeAfterBeats` intervals; returns their ids.
    @discardableResult
    public func sweep(now: Date = Date()) -> [String] {
        let limit = heartbeatInterval.seconds * Double(removeAfterBeats)
        return state.withLock { state in
            let gone = state.workers.values.filter { now.timeIntervalSince($0.lastSeen) > limit }.map(\.id)
            for id in gone {
                state.workers[id] = nil
                state.inFlight[id] = nil
            }
            if !gone.isEmpty { state.affinity = state.affinity.filter { !gone.contains($0.value) } }
            return gone.sorted()
        }
    }

    // MARK: Reporting

    /// Every known worker with its status ("Available", "Unavailable", "Draining"), sorted by id.
    public func snapshot(now: Date = Date()) -> [(worker: Worker, status: String)] {
        state.withLock { state in
            state.workers.values.sorted { $0.id < $1.id }.map { ($0, status(of: $0, now: now)) }
        }
    }

    /// Requests routed to each worker and not yet answered, by worker id
    /// (`active_requests` in `GET /admin/workers`).
    public func activeRequests() -> [String: Int] {
        state.withLock { $0.inFlight }
    }

    /// The sum of the reported cache counters of the workers that `include` selects.
    public func cacheStats(of include: (Worker) -> Bool = { _ in true }) -> CacheStats {
        state.withLock { state in
            state.workers.values.filter(include).reduce(CacheStats()) { $0 + $1.cache }
        }
    }

    // MARK: Routing

    /// The worker to send an operation on `affinityKey` to, skipping `excluded`;
    /// nil if no available worker remains. Counts the call as in flight until
    /// `finished(_:affinityKey:served:)`.
    public func choose(affinityKey: String, excluding excluded: Set<String>, now: Date = Date()) -> Target? {
        state.withLock { state in
            let usable = state.workers.values.filter {
                !excluded.contains($0.id) && $0.address != nil && status(of: $0, now: now) == "Available"
            }
            let preferred = state.affinity[affinityKey].flatMap { id in usable.first { $0.id == id } }
            let chosen = preferred ?? usable.min {
                let lhs = state.inFlight[$0.id, default: 0], rhs = state.inFlight[$1.id, default: 0]
                return lhs != rhs ? lhs < rhs : $0.id < $1.id
            }
            guard let chosen, let address = chosen.address, let token = chosen.tokens.last?.value else { return nil }
            state.inFlight[chosen.id, default: 0] += 1
            return Target(workerID: chosen.id, address: address, token: token, byAffinity: preferred != nil)
        }
    }

    /// Ends a call begun by `choose`. A served call makes the worker the key's
    /// preferred worker; a failed transport marks it suspect (not routed to) until
    /// its next heartbeat.
    public func finished(_ target: Target, affinityKey: String, served: Bool) {
        state.withLock { state in
            state.inFlight[target.workerID, default: 1] -= 1
            if served {
                if state.affinity.count >= Self.maxAffinityEntries { state.affinity.removeAll(keepingCapacity: true) }
                state.affinity[affinityKey] = target.workerID
            } else {
                state.workers[target.workerID]?.suspect = true
                if state.affinity[affinityKey] == target.workerID { state.affinity[affinityKey] = nil }
            }
        }
    }

    // MARK: Helpers

    private func status(of worker: Worker, now: Date) -> String {
        if worker.suspect || now.timeIntervalSince(worker.lastSeen) > heartbeatInterval.seconds * Double(unavailableAfterBeats) {
            return "Unavailable"
        }
        return worker.draining ? "Draining" : "Available"
    }

    private static func accepts(_ token: String, of worker: Worker, now: Date) -> Bool {
        let bytes = Array(token.utf8)
        var match = false
        for candidate in worker.tokens where candidate.expiresAt > now {
            if constantTimeEquals(bytes, Array(candidate.value.utf8)) { match = true }
        }
        return match
    }

    /// 32 random bytes, hex.
    public static func newToken() -> String {
        Hex.encode(SecureRandom.bytes(count: 32))
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
