import Foundation
import Synchronization
import Testing

@testable import DeltaStorage

/// Group commit of directory fsyncs: fewer syncs, and never an acknowledgement
/// before a sync that began after the caller's change.
@Suite("DirectorySyncGroup")
struct DirectorySyncGroupTests {
    struct Failed: Error {}

    /// Runs `body` on `count` dedicated threads at once (the cooperative pool and
    /// `concurrentPerform` have only one thread per core) and waits for all.
    static func onThreads(_ count: Int, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            Thread {
                body()
                done.leave()
            }.start()
        }
        done.wait()
    }

    @Test("one caller, one sync")
    func single() throws {
        let group = DirectorySyncGroup()
        var runs = 0
        try group.sync("/d") { runs += 1 }
        try group.sync("/d") { runs += 1 }
        #expect(runs == 2 && group.syncs == 2)
    }

    @Test("32 concurrent callers share few syncs, and each returns only after a sync that started after its change")
    func coalesces() throws {
        let group = DirectorySyncGroup()
        let changes = Atomic<Int>(0)
        let durable = Atomic<Int>(0)  // every change up to this number is covered by a finished sync
        let violations = Atomic<Int>(0)
        Self.onThreads(32) {
            let mine = changes.add(1, ordering: .sequentiallyConsistent).newValue
            try? group.sync("/db") {
                let covered = changes.load(ordering: .sequentiallyConsistent)
                Thread.sleep(forTimeInterval: 0.02)
                durable.max(covered, ordering: .sequentiallyConsistent)
            }
            if durable.load(ordering: .sequentiallyConsistent) < mine { violations.add(1, ordering: .relaxed) }
        }
        #expect(violations.load(ordering: .relaxed) == 0)
        #expect(group.syncs < 32, "no coalescing: \(group.syncs) syncs")
    }

    @Test("a failed sync fails every caller it covered; the next one can succeed; directories are independent")
    func failures() throws {
        let group = DirectorySyncGroup()
        #expect(throws: Failed.self) { try group.sync("/a") { throw Failed() } }
        try group.sync("/a") {}
        try group.sync("/b") {}
        let failedCallers = Atomic<Int>(0)
        Self.onThreads(8) {
            do {
                try group.sync("/c") {
                    Thread.sleep(forTimeInterval: 0.01)  // let others queue behind this sync
                    throw Failed()
                }
            } catch {
                failedCallers.add(1, ordering: .relaxed)
            }
        }
        #expect(failedCallers.load(ordering: .relaxed) == 8)
    }
}
