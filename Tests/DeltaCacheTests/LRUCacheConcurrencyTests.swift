import Testing
@testable import DeltaCache

@Suite("LRUCache under concurrent use")
struct LRUCacheConcurrencyTests {
    @Test("many tasks reading and writing keep counters and bounds consistent")
    func concurrentAccess() async {
        let cache = LRUCache<Int, [UInt8]>(maxEntries: 64, maxBytes: 4_096)
        let tasks = 16
        let operationsPerTask = 2_000
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for step in 0..<operationsPerTask {
                        let key = (task * 31 + step * 7) % 200
                        if step % 3 == 0 {
                            cache.put(key, [UInt8](repeating: UInt8(key % 256), count: key % 100), cost: key % 100)
                        } else if let value = cache.get(key) {
                            // A hit must return the value written for this key.
                            precondition(value.allSatisfy { $0 == UInt8(key % 256) })
                        }
                        if step % 97 == 0 { cache.remove(key) }
                    }
                }
            }
        }
        let stats = cache.stats
        let gets = tasks * (operationsPerTask - (operationsPerTask + 2) / 3)
        #expect(stats.hits + stats.misses == gets)
        #expect(stats.count <= 64)
        #expect(stats.bytes <= 4_096)
        #expect(stats.count == cache.debugEntryCount)
        #expect(stats.bytes == cache.debugByteSum)
    }
}
