import DeltaCore
import Foundation
import Synchronization

/// Slows down brute force: a token bucket per client address that failed
/// authentication attempts drain.
///
/// Each client may fail `burst` times in a row; after that it must wait for the
/// bucket to refill at `refillPerSecond`. Successful requests cost nothing. The
/// table is bounded (oldest entries dropped) so a flood of addresses cannot
/// exhaust memory. It never sees or stores the credential itself.
public final class FailureLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let burst: Double
    private let refillPerSecond: Double
    private let maxClients: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Creates a limiter.
    public init(burst: Int = 10, refillPerSecond: Double = 1, maxClients: Int = 10_000) {
        self.burst = Double(burst)
        self.refillPerSecond = refillPerSecond
        self.maxClients = maxClients
    }

    /// Throws `.tooManyRequests` if `client` has used up its failures.
    public func check(_ client: String, now: Date = Date()) throws(DeltaError) {
        let tokens = buckets.withLock { refreshed($0[client], now: now).tokens }
        if tokens < 1 {
            throw DeltaError(.tooManyRequests, "too many failed authentication attempts; wait a few seconds and retry")
        }
    }

    /// Records one failed attempt by `client`.
    public func recordFailure(_ client: String, now: Date = Date()) {
        buckets.withLock { map in
            var bucket = refreshed(map[client], now: now)
            bucket.tokens = max(0, bucket.tokens - 1)
            if map.count >= maxClients, map[client] == nil {
                map = map.filter { $0.value.tokens < burst }
                if map.count >= maxClients { map.removeAll(keepingCapacity: true) }
            }
            map[client] = bucket
        }
    }

    private func refreshed(_ bucket: Bucket?, now: Date) -> Bucket {
        guard var bucket else { return Bucket(tokens: burst, updated: now) }
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        bucket.tokens = min(burst, bucket.tokens + elapsed * refillPerSecond)
        bucket.updated = now
        return bucket
    }
}
