import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension WriteAheadLog {
    /// Writes out a log left by a server that held the directory exclusively and did
    /// not close its store (it crashed or was killed), so that a process opening the
    /// directory in shared mode, which reads entity files only, sees every write that
    /// server acknowledged.
    ///
    /// Call it only while holding a `.shared` claim: no exclusive holder (whose log
    /// this is) can run then, and every shared process calls it before its first
    /// write, so the log's records are never newer than what shared writers wrote.
    /// Processes starting together take `_wal/drain.lock` in turn; the first one
    /// writes the log out and the others find it empty. A directory without a log,
    /// or with a fully checkpointed one, costs one `stat` and one listing.
    ///
    /// - Returns: how many segments were written out and retired (0 if none).
    /// - Throws: `.integrityFailure` for a damaged log (what to do is in the
    ///   message), `.storageFailure` when an entity file or the checkpoint cannot be
    ///   written: starting anyway would serve documents older than acknowledged writes.
    @discardableResult
    static func writeOutLeftover(
        root: String, fileSystem: any FileSystemOps,
        materialize: @escaping @Sendable (EntityID, Pending) throws(DeltaError) -> Void
    ) throws(DeltaError) -> Int {
        let directory = LogDirectory(fileSystem: fileSystem, root: root)
        guard try hasSegments(directory) else { return 0 }
        let lockPath = directory.path + "/drain.lock"
        let descriptor: Int32
        do {
            descriptor = try fileSystem.open(lockPath, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o600)
        } catch {
            throw DeltaError.storage("cannot open '\(lockPath)' to write out the write-ahead log", error)
        }
        defer { fileSystem.close(descriptor) }
        do {
            try fileSystem.flock(descriptor, LOCK_EX)
        } catch {
            throw DeltaError.storage("cannot lock '\(lockPath)'", error)
        }
        // Another process may have written it out while this one waited for the lock.
        guard try hasSegments(directory) else { return 0 }
        var options = Options()
        options.materializes = false
        let log = try WriteAheadLog(root: root, fileSystem: fileSystem, options: options, materialize: materialize)
        let segments = log.condition.withLock { log.segments.count }
        try log.close()
        return segments
    }

    /// Whether `_wal/` holds any segment (a missing directory holds none).
    private static func hasSegments(_ directory: LogDirectory) throws(DeltaError) -> Bool {
        do {
            guard try directory.fileSystem.status(directory.path) != nil else { return false }
            return try directory.fileSystem.listDirectory(directory.path).contains {
                !$0.isDirectory && $0.name.hasSuffix(LogDirectory.segmentSuffix)
            }
        } catch {
            throw DeltaError.storage("cannot read the write-ahead log directory '\(directory.path)'", error)
        }
    }
}
