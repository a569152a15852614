import Synchronization

/// What storage tells an observer about its own work, for metrics: each durable
/// commit (a write-ahead-log flush serving a group of writers, or one entity
/// file's commit) and the progress of start-up recovery.
///
/// Plain callbacks, so storage knows no metrics library: the composition root of
/// a server adds its observers once (`observe(_:)`: metrics, recovery progress);
/// with none a call costs one lock. The callbacks run on storage's threads and
/// must be quick.
public enum StorageEvents {
    /// The callbacks; each may be left as a no-op.
    public struct Observer: Sendable {
        /// One durable commit: how many writes it made durable together (1 for an
        /// entity file, the group size for a log flush), its bytes and how long the
        /// write and sync took.
        public var committed: @Sendable (_ writes: Int, _ bytes: Int, _ duration: Duration, _ grouped: Bool) -> Void
        /// Recovery scanned `files` more file names.
        public var recoveryScanned: @Sendable (_ files: Int) -> Void
        /// Recovery started (`true`) or ended (`false`).
        public var recoveryRunning: @Sendable (_ running: Bool) -> Void

        /// An observer with the given callbacks.
        public init(
            committed: @escaping @Sendable (Int, Int, Duration, Bool) -> Void = { _, _, _, _ in },
            recoveryScanned: @escaping @Sendable (Int) -> Void = { _ in },
            recoveryRunning: @escaping @Sendable (Bool) -> Void = { _ in }
        ) {
            self.committed = committed
            self.recoveryScanned = recoveryScanned
            self.recoveryRunning = recoveryRunning
        }
    }

    private static let observers = Mutex<[Observer]>([])

    /// Adds an observer for the rest of the process's life.
    public static func observe(_ observer: Observer) {
        observers.withLock { $0.append(observer) }
    }

    static func committed(writes: Int, bytes: Int, duration: Duration, grouped: Bool) {
        for observer in observers.withLock({ $0 }) { observer.committed(writes, bytes, duration, grouped) }
    }

    static func recoveryScanned(_ files: Int) {
        for observer in observers.withLock({ $0 }) { observer.recoveryScanned(files) }
    }

    static func recoveryRunning(_ running: Bool) {
        for observer in observers.withLock({ $0 }) { observer.recoveryRunning(running) }
    }
}
