import DeltaCore
import Foundation
import Synchronization

/// Throttles failed authentications, never valid ones: a token bucket per
/// client address that failures drain, plus one global bucket that all
/// failures drain.
///
/// The server checks the credential first; a valid credential always passes,
/// whatever this limiter says (one client's bad guesses must not lock out a
/// colleague behind the same proxy, nor the client itself once it sends the
/// right key). Only a failure consults the limiter, through `recordFailure`,
/// which decides and records in one atomic step, so concurrent guesses cannot
/// all be answered before any of them is counted: within its bucket a failure
/// is answered 401, beyond it 429. Credentials are high-entropy random values,
/// which is what makes online guessing infeasible; the limiter keeps failing
/// clients cheap and their log lines few.
///
/// Sources are bucketed by IPv4 address or IPv6 /64 (`ClientAddress`). The
/// table holds at most `maxClients` sources and evicts the one that failed
/// least recently; the global bucket (by default 100 times a source's burst,
/// refilling 10 times as fast) stops an attacker who rotates through many
/// sources from getting more answers than that by evicting its own bucket.
/// It never sees or stores the credential itself.
public final class FailureLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private struct State {
        var sources: RecencyTable<String, Bucket>
        var global: Bucket?
    }

    private let burst: Double
    private let refillPerSecond: Double
    private let globalBurst: Double
    private let globalRefillPerSecond: Double
    private let state: Mutex<State>

    /// Creates a limiter.
    ///
    /// - Parameters:
    ///   - burst: failures a source may have in a row before it is throttled.
    ///   - refillPerSecond: how fast a source's allowance comes back.
    ///   - maxClients: sources tracked at most (least recently failed evicted).
    ///   - globalBurst: failures all sources together may have in a row
    ///     (default `100 × burst`).
    ///   - globalRefillPerSecond: how fast that comes back (default `10 × refillPerSecond`).
    public init(
        burst: Int = 10, refillPerSecond: Double = 1, maxClients: Int = 10_000,
        globalBurst: Int? = nil, globalRefillPerSecond: Double? = nil
    ) {
        self.burst = Double(max(1, burst))
        self.refillPerSecond = refillPerSecond
        self.globalBurst = Double(globalBurst ?? max(1, burst) * 100)
        self.globalRefillPerSecond = globalRefillPerSecond ?? refillPerSecond * 10
        self.state = Mutex(State(sources: RecencyTable(capacity: maxClients)))
    }

    /// Throws `.tooManyRequests` if a failure by `client` now would be throttled.
    /// Records nothing; `recordFailure` is the atomic decision.
    public func check(_ client: String, now: Date = Date()) throws(DeltaError) {
        let key = ClientAddress.bucket(client)
        let throttled = state.withLock { state in
            refreshed(state.sources.peek(key), burst, refillPerSecond, now).tokens < 1
                || refreshed(state.global, globalBurst, globalRefillPerSecond, now).tokens < 1
        }
        if throttled { throw Self.throttled }
    }

    /// Records one failed attempt by `client` and returns whether it is within
    /// the allowance (answer 401) or beyond it (answer 429). Deciding and
    /// recording happen under one lock.
    @discardableResult
    public func recordFailure(_ client: String, now: Date = Date()) -> Bool {
        let key = ClientAddress.bucket(client)
        return state.withLock { state in
            var source = refreshed(state.sources.peek(key), burst, refillPerSecond, now)
            var global = refreshed(state.global, globalBurst, globalRefillPerSecond, now)
            let allowed = source.tokens >= 1 && global.tokens >= 1
            if allowed {
                source.tokens -= 1
                global.tokens -= 1
            }
            state.sources.set(key, source)
            state.global = global
            return allowed
        }
    }

    /// The error for a throttled failure.
    public static let throttled = DeltaError(
        .tooManyRequests, "too many failed authentication attempts; wait a few seconds and retry with a valid credential"
    )

    private func refreshed(_ bucket: Bucket?, _ burst: Double, _ refill: Double, _ now: Date) -> Bucket {
        guard var bucket else { return Bucket(tokens: burst, updated: now) }
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(burst, bucket.tokens + elapsed * refill)
        bucket.updated = now
        return bucket
    }
}
