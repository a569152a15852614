import DeltaCore
import Foundation

extension BlockingIO {
    /// Runs `body` on a new thread of its own at the lowest CPU priority, and returns
    /// its result.
    ///
    /// For long scans that nobody waits for (recovery of a large directory after
    /// start-up): on a machine with few cores a full-speed scan of millions of names
    /// would take a core from the requests being served meanwhile and stretch their
    /// tail latency. Not for request work: the thread yields to everything else.
    static func runInBackground<Result: Sendable>(
        _ label: String, _ body: @escaping @Sendable () throws(DeltaError) -> Result
    ) async throws(DeltaError) -> Result {
        let outcome: Swift.Result<Result, DeltaError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                lowerCurrentThreadPriority()
                continuation.resume(returning: Swift.Result { () throws(DeltaError) -> Result in try body() })
            }
            thread.name = label
            thread.start()
        }
        return try outcome.get()
    }

    /// The calling thread's nice value (0 unless lowered).
    static func currentThreadNiceValue() -> Int32 {
        #if canImport(Glibc)
        guard let thread = currentThreadID() else { return 0 }
        errno = 0
        return getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread))
        #else
        return 0
        #endif
    }

    /// Sets the calling thread's nice value to 19. On Linux a nice value belongs to a
    /// thread, not to the process, so nothing else is slowed down. Best effort: where
    /// the thread id is unavailable the thread keeps its priority.
    private static func lowerCurrentThreadPriority() {
        #if canImport(Glibc)
        guard let thread = currentThreadID() else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(thread), 19)
        #endif
    }

    #if canImport(Glibc)
    /// `gettid()`, looked up at run time: the Glibc module does not declare it.
    private static func currentThreadID() -> pid_t? {
        typealias GetTID = @convention(c) () -> pid_t
        guard let symbol = CLibrary.function(named: "gettid") else { return nil }
        return unsafeBitCast(symbol, to: GetTID.self)()
    }
    #endif
}
