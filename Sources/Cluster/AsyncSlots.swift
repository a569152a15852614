import Synchronization

/// A counting semaphore for async code: `acquire` waits while every slot is
/// taken, `release` frees one (waking the oldest waiter).
///
/// It does not observe task cancellation: a waiter waits until a slot frees,
/// which every holder does when its work ends.
final class AsyncSlots: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
    }

    private let state: Mutex<State>

    /// `count` slots (at least one).
    init(_ count: Int) {
        state = Mutex(State(available: max(1, count)))
    }

    /// Takes a slot, waiting for one if none is free.
    func acquire() async {
        if state.withLock({ state in
            guard state.available > 0 else { return false }
            state.available -= 1
            return true
        }) { return }
        await withCheckedContinuation { continuation in
            let granted = state.withLock { state in
                // A slot may have been freed between the check above and now.
                if state.available > 0 {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
                return false
            }
            if granted { continuation.resume() }
        }
    }

    /// Frees a slot: hands it to the oldest waiter, if any.
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiters.count else {
                state.available += 1
                return nil
            }
            let next = state.waiters[state.head]
            state.head += 1
            if state.head == state.waiters.count {
                state.waiters.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return next
        }
        next?.resume()
    }
}
