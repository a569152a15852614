import DeltaCore
import Synchronization

/// Lets writes run concurrently until someone pauses them: a pause waits for the
/// writes in progress to finish, holds new ones back while its body runs, and
/// then lets them go on in the order they arrived.
///
/// It is what makes an online backup point-in-time: while the backup copies, no
/// write commits, so the copy is the state after the last write acknowledged
/// before the pause. Reads are never held back. One pause at a time; a second
/// is refused rather than queued, so two backups never stall writers twice as long.
public final class WriteGate: Sendable {
    private struct State {
        var active = 0
        var paused = false
        var held: [CheckedContinuation<Void, Never>] = []
        var drained: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// An open gate.
    public init() {}

    /// Waits while the gate is paused, then counts the caller as a write in progress.
    /// Every `enter` must be followed by one `leave`.
    public func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let goes = state.withLock { state in
                guard !state.paused else {
                    state.held.append(continuation)
                    return false
                }
                state.active += 1
                return true
            }
            if goes { continuation.resume() }
        }
    }

    /// Ends a write begun with `enter`.
    public func leave() {
        let drained = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.active -= 1
            guard state.active == 0, state.paused else { return nil }
            defer { state.drained = nil }
            return state.drained
        }
        drained?.resume()
    }

    /// Runs `body` with no write in progress and none starting: waits for the
    /// writes in progress, holds back new ones until `body` returns or throws.
    ///
    /// - Throws: `.unavailable` if another pause is running (try again once it is
    ///   done); otherwise what `body` throws.
    public func pausingWrites<Result>(_ body: () async throws -> Result) async throws -> Result {
        let alreadyPaused = state.withLock { state -> Bool in
            if state.paused { return true }
            state.paused = true
            return false
        }
        if alreadyPaused {
            throw DeltaError(.unavailable, "a backup is already running on this server; wait for it to finish and try again")
        }
        defer { reopen() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let drained = state.withLock { state -> Bool in
                if state.active == 0 { return true }
                state.drained = continuation
                return false
            }
            if drained { continuation.resume() }
        }
        return try await body()
    }

    private func reopen() {
        let held = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.paused = false
            state.active += state.held.count
            defer { state.held = [] }
            return state.held
        }
        for writer in held { writer.resume() }
    }
}
