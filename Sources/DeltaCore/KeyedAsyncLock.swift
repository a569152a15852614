import Synchronization

/// Mutual exclusion per key for async code: one holder per key, waiters queued in
/// arrival order, without blocking a thread while waiting.
///
/// It only serialises tasks within this process (storage adds `flock` for other
/// processes). Waiting is not cancellable, on purpose: a write that was started
/// must get its turn and finish rather than leave the lock protocol half done.
public final class KeyedAsyncLock<Key: Hashable & Sendable>: Sendable {
    private struct Queue {
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Keys present are held; their value is the queue of tasks waiting for them.
    private let state = Mutex<[Key: Queue]>([:])

    /// Creates a lock table with no key held.
    public init() {}

    /// Runs `body` while holding the lock for `key`.
    public func withLock<Result: Sendable, Failure: Error>(
        _ key: Key, _ body: () async throws(Failure) -> Result
    ) async throws(Failure) -> Result {
        await lock(key)
        defer { unlock(key) }
        return try await body()
    }

    /// Waits until `key` is free and takes it.
    public func lock(_ key: Key) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { held in
                if held[key] == nil {
                    held[key] = Queue()
                    return true
                }
                held[key]!.waiters.append(continuation)
                return false
            }
            if acquired { continuation.resume() }
        }
    }

    /// Releases `key`, handing it to the next waiter if there is one.
    public func unlock(_ key: Key) {
        let next = state.withLock { held -> CheckedContinuation<Void, Never>? in
            guard var queue = held[key] else { preconditionFailure("unlock of a key that is not locked") }
            if queue.waiters.isEmpty {
                held[key] = nil
                return nil
            }
            // Ownership passes straight to the first waiter; the key stays held.
            let first = queue.waiters.removeFirst()
            held[key] = queue
            return first
        }
        next?.resume()
    }
}
