import Foundation

/// Group commit for directory fsyncs: concurrent writers in one directory share
/// one `fsync` of it instead of each issuing their own.
///
/// A caller needs a sync that *began after* its rename or unlink; such a sync
/// covers every entry change made before it started. So a caller arriving while a
/// sync is running waits for it to finish, then the next sync (started once,
/// for everybody who arrived meanwhile) covers them all. Each caller gets the
/// result of exactly that covering sync: if it failed, every caller it covered
/// gets the error and acknowledges nothing. Blocking: call it on I/O threads only.
final class DirectorySyncGroup: @unchecked Sendable {
    // @unchecked: all state is guarded by `condition`.
    private let condition = NSCondition()
    private var directories: [String: DirectoryState] = [:]

    private struct DirectoryState {
        /// Generations of syncs started and finished (a generation covers changes made before it started).
        var started: UInt64 = 0
        var finished: UInt64 = 0
        var running = false
        /// Errors of recent failed generations.
        var failures: [UInt64: any Error] = [:]
    }

    private var syncCount = 0

    /// How many directory syncs ran (for tests and statistics).
    var syncs: Int {
        condition.lock()
        defer { condition.unlock() }
        return syncCount
    }

    init() {}

    /// Returns once a sync of `path`, run by `body`, that started after this call
    /// has completed; rethrows that sync's error.
    func sync(_ path: String, _ body: () throws -> Void) throws {
        condition.lock()
        // The first generation that starts from now on covers our change.
        let needed = directories[path, default: DirectoryState()].started + 1
        while true {
            let state = directories[path, default: DirectoryState()]
            if state.finished >= needed {
                let failure = state.failures[needed]
                condition.unlock()
                if let failure { throw failure }
                return
            }
            if state.running {
                condition.wait()
                continue
            }
            directories[path, default: DirectoryState()].running = true
            directories[path, default: DirectoryState()].started += 1
            let generation = directories[path, default: DirectoryState()].started
            syncCount += 1
            condition.unlock()
            var failure: (any Error)?
            do {
                try body()
            } catch {
                failure = error
            }
            condition.lock()
            directories[path, default: DirectoryState()].running = false
            directories[path, default: DirectoryState()].finished = generation
            if let failure {
                directories[path, default: DirectoryState()].failures[generation] = failure
                directories[path, default: DirectoryState()].failures = directories[path, default: DirectoryState()]
                    .failures.filter { $0.key + 64 > generation }
            }
            condition.broadcast()
        }
    }
}
