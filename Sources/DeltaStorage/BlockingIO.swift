import DeltaCore
import Dispatch

/// Runs blocking work (system calls, `flock` waits, `fsync`) off the Swift
/// concurrency pool and bridges the result back with a continuation.
///
/// The cooperative pool has one thread per core; a blocked `fsync` or `flock` there
/// would stall unrelated tasks. A private concurrent dispatch queue gets its own
/// threads (libdispatch adds threads for blocked work items), so independent entities
/// still proceed in parallel. Per-entity serialisation happens above this type.
struct BlockingIO: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    /// Runs `body` on the I/O queue and returns its result.
    func run<Result: Sendable>(
        _ body: @escaping @Sendable () throws(DeltaError) -> Result
    ) async throws(DeltaError) -> Result {
        let outcome: Swift.Result<Result, DeltaError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Swift.Result { () throws(DeltaError) -> Result in try body() })
            }
        }
        return try outcome.get()
    }
}
