import Testing
@testable import DeltaCache

@Suite("LRUCache bounds and recency")
struct LRUCacheTests {
    @Test("evicts the least recently used entry when the entry bound is reached")
    func evictsLeastRecentlyUsed() {
        let cache = LRUCache<String, Int>(maxEntries: 3)
        cache.put("a", 1, cost: 1)
        cache.put("b", 2, cost: 1)
        cache.put("c", 3, cost: 1)
        #expect(cache.get("a") == 1)  // a is now the most recent; b is the coldest
        cache.put("d", 4, cost: 1)
        #expect(cache.get("b") == nil)
        #expect(cache.get("a") == 1)
        #expect(cache.get("c") == 3)
        #expect(cache.get("d") == 4)
        #expect(cache.stats.evictions == 1)
        #expect(cache.stats.count == 3)
    }

    @Test("eviction order follows recency over many operations")
    func evictionOrder() {
        let cache = LRUCache<Int, Int>(maxEntries: 4)
        for key in 0..<4 { cache.put(key, key, cost: 0) }
        _ = cache.get(0)
        _ = cache.get(2)
        // Recency now (cold → hot): 1, 3, 0, 2.
        var evicted: [Int] = []
        var present = Set(0..<4)
        for key in 10..<14 {
            cache.put(key, key, cost: 0)
            let now = Set((0..<4).filter { peek(cache, $0) })
            evicted.append(contentsOf: present.subtracting(now))
            present = now
        }
        #expect(evicted == [1, 3, 0, 2])
    }

    @Test("the byte bound evicts until the new entry fits")
    func byteBound() {
        let cache = LRUCache<String, String>(maxEntries: 100, maxBytes: 10)
        cache.put("a", "A", cost: 4)
        cache.put("b", "B", cost: 4)
        cache.put("c", "C", cost: 4)  // 12 > 10: a goes
        #expect(cache.get("a") == nil)
        #expect(cache.stats.bytes == 8)
        cache.put("d", "D", cost: 10)  // needs everything else gone
        #expect(cache.get("b") == nil)
        #expect(cache.get("c") == nil)
        #expect(cache.get("d") == "D")
        #expect(cache.stats.bytes == 10)
        #expect(cache.stats.evictions == 3)
    }

    @Test("an entry larger than maxBytes is not cached and drops the older value")
    func oversizedEntry() {
        let cache = LRUCache<String, String>(maxEntries: 10, maxBytes: 10)
        cache.put("small", "s", cost: 2)
        cache.put("k", "old", cost: 3)
        cache.put("k", "huge", cost: 11)
        #expect(cache.get("k") == nil)
        #expect(cache.get("small") == "s")
        #expect(cache.stats.bytes == 2)
        #expect(cache.stats.evictions == 0)
    }

    @Test("replacing a key updates its value and cost without growing the count")
    func replaceUpdatesCost() {
        let cache = LRUCache<String, Int>(maxEntries: 10, maxBytes: 100)
        cache.put("k", 1, cost: 10)
        cache.put("k", 2, cost: 30)
        #expect(cache.get("k") == 2)
        #expect(cache.stats.count == 1)
        #expect(cache.stats.bytes == 30)
        cache.put("k", 3, cost: 5)
        #expect(cache.stats.bytes == 5)
    }

    @Test("hits and misses are counted")
    func counters() {
        let cache = LRUCache<String, Int>(maxEntries: 2)
        cache.put("a", 1, cost: 1)
        _ = cache.get("a")
        _ = cache.get("a")
        _ = cache.get("zzz")
        #expect(cache.stats.hits == 2)
        #expect(cache.stats.misses == 1)
    }

    @Test("remove and removeAll forget entries and free their bytes")
    func removal() {
        let cache = LRUCache<String, Int>(maxEntries: 10, maxBytes: 100)
        cache.put("a", 1, cost: 10)
        cache.put("b", 2, cost: 20)
        #expect(cache.remove("a") == 1)
        #expect(cache.remove("a") == nil)
        #expect(cache.stats.bytes == 20)
        cache.removeAll()
        #expect(cache.get("b") == nil)
        #expect(cache.stats.count == 0)
        #expect(cache.stats.bytes == 0)
        // Slots are reusable after clearing.
        cache.put("c", 3, cost: 1)
        #expect(cache.get("c") == 3)
    }

    @Test("slots freed by removal are reused and the list stays consistent")
    func slotReuse() {
        let cache = LRUCache<Int, Int>(maxEntries: 3)
        for round in 0..<50 {
            cache.put(round, round, cost: 0)
            if round % 3 == 0 { cache.remove(round - 1) }
        }
        #expect(cache.stats.count <= 3)
        #expect(cache.get(49) == 49)
        #expect(cache.get(48) == 48)
    }

    /// Checks presence without touching recency or counters (test-only helper).
    private func peek(_ cache: LRUCache<Int, Int>, _ key: Int) -> Bool {
        cache.contains(key)
    }
}
