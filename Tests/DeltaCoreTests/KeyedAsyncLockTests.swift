import Synchronization
import Testing
import DeltaCore

@Suite("KeyedAsyncLock")
struct KeyedAsyncLockTests {
    @Test("holders of one key never overlap")
    func excludes() async {
        let lock = KeyedAsyncLock<String>()
        let counters = Counters()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    await lock.withLock("k") {
                        counters.enter()
                        await Task.yield()
                        counters.leave()
                    }
                }
            }
        }
        #expect(counters.maxInside == 1)
        #expect(counters.entries == 50)
    }

    @Test("different keys do not wait for each other")
    func independentKeys() async {
        let lock = KeyedAsyncLock<String>()
        await lock.lock("a")
        // If "b" waited for "a", this would never return (and the test would hang).
        await lock.withLock("b") {}
        lock.unlock("a")
        await lock.withLock("a") {}
    }
}

/// Counts how many tasks are inside a critical section at once.
private final class Counters: Sendable {
    private let state = Mutex((inside: 0, maxInside: 0, entries: 0))
    func enter() { state.withLock { $0.inside += 1; $0.entries += 1; $0.maxInside = max($0.maxInside, $0.inside) } }
    func leave() { state.withLock { $0.inside -= 1 } }
    var maxInside: Int { state.withLock { $0.maxInside } }
    var entries: Int { state.withLock { $0.entries } }
}
