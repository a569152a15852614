import Synchronization
import Testing
@testable import DeltaCache

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let instant = Mutex(ContinuousClock.now)
    func now() -> ContinuousClock.Instant { instant.withLock { $0 } }
    func advance(by duration: Duration) { instant.withLock { $0 += duration } }
}

@Suite("LRUCache time-to-live")
struct LRUCacheTTLTests {
    @Test("an entry expires once its TTL has passed")
    func expires() {
        let clock = ManualClock()
        let cache = LRUCache<String, Int>(maxEntries: 10, ttl: .seconds(30), now: { clock.now() })
        cache.put("a", 1, cost: 1)
        clock.advance(by: .seconds(29))
        #expect(cache.get("a") == 1)
        clock.advance(by: .seconds(1))
        #expect(cache.get("a") == nil)
        #expect(cache.stats.expirations == 1)
        #expect(cache.stats.misses == 1)
        #expect(cache.stats.count == 0)
    }

    @Test("a get does not extend the lifetime; a put does")
    func putRefreshesLifetime() {
        let clock = ManualClock()
        let cache = LRUCache<String, Int>(maxEntries: 10, ttl: .seconds(10), now: { clock.now() })
        cache.put("a", 1, cost: 1)
        clock.advance(by: .seconds(8))
        #expect(cache.get("a") == 1)
        cache.put("b", 2, cost: 1)
        clock.advance(by: .seconds(5))
        #expect(cache.get("a") == nil)
        #expect(cache.get("b") == 2)
        cache.put("a", 3, cost: 1)
        clock.advance(by: .seconds(9))
        #expect(cache.get("a") == 3)
    }

    @Test("a nil or zero TTL never expires")
    func noTTL() {
        let clock = ManualClock()
        for ttl in [nil, Duration.zero] {
            let cache = LRUCache<String, Int>(maxEntries: 10, ttl: ttl, now: { clock.now() })
            cache.put("a", 1, cost: 1)
            clock.advance(by: .seconds(86_400 * 365))
            #expect(cache.get("a") == 1)
            #expect(cache.ttl == nil)
        }
    }
}
