import DeltaCore
import Foundation

/// Runs blocking work (system calls, `flock` waits, `fsync`) off the Swift
/// concurrency pool and bridges the result back with a continuation.
///
/// The cooperative pool has one thread per core; a blocked `fsync` or `flock` there
/// would stall unrelated tasks. A concurrent dispatch queue is no better on Linux:
/// libdispatch does not add threads when work items block in the kernel, so at most
/// one `fsync` per core would be in flight and concurrent writers could never share
/// a flush (see `DirectorySyncGroup`). So the work runs on a fixed pool of
/// dedicated threads (`threadCount`, started lazily, parked when idle). Per-entity
/// serialisation happens above this type.
final class BlockingIO: @unchecked Sendable {
    // @unchecked: `queue` and `started` are guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [() -> Void] = []
    private var head = 0
    private var started = 0
    private let label: String
    private let threadCount: Int

    /// Threads enough for many writers to wait on disk at once (each flush they
    /// share costs one thread's wait, not one per writer).
    static let defaultThreadCount = 64

    /// The pool every file store of the process shares (threads start on demand
    /// and are never more than `defaultThreadCount`).
    static let shared = BlockingIO(label: "deltadb.storage.io")

    init(label: String, threadCount: Int = BlockingIO.defaultThreadCount) {
        self.label = label
        self.threadCount = max(1, threadCount)
    }

    /// Runs `body` on an I/O thread and returns its result.
    func run<Result: Sendable>(
        _ body: @escaping @Sendable () throws(DeltaError) -> Result
    ) async throws(DeltaError) -> Result {
        let outcome: Swift.Result<Result, DeltaError> = await withCheckedContinuation { continuation in
            submit {
                continuation.resume(returning: Swift.Result { () throws(DeltaError) -> Result in try body() })
            }
        }
        return try outcome.get()
    }

    private func submit(_ work: @escaping () -> Void) {
        condition.lock()
        queue.append(work)
        // Start another thread while every started one may be busy.
        let pending = queue.count - head
        if started < threadCount, pending > 0, idle < pending {
            started += 1
            let thread = Thread { [self] in loop() }
            thread.name = "\(label)-\(started)"
            thread.start()
        }
        condition.signal()
        condition.unlock()
    }

    private var idle = 0

    private func loop() {
        condition.lock()
        while true {
            while head == queue.count {
                idle += 1
                condition.wait()
                idle -= 1
            }
            let work = queue[head]
            head += 1
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            work()
            condition.lock()
        }
    }
}
