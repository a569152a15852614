import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `EntityStore` on a POSIX directory (`<root>/files/`; layout in `FileLayout`),
/// in one of two modes chosen by the directory claim it is given:
///
/// - **Shared** (no claim, or a `.shared` one: several processes on one directory):
///   a write or delete is durable in its entity file when it returns (temp file,
///   `fdatasync`, one atomic rename over `<key>.entity` — the commit point —,
///   directory fsync; see `FileStoreEngine.commit`). Writers of one entity are serialised
///   within the process by an async lock and across processes by `flock` on
///   `<key>.lock`.
/// - **Logged** (an `.exclusive` claim: the only server on the directory): a write
///   or delete is durable when its record is flushed to the write-ahead log in
///   `<root>/_wal/`, whose flush concurrent writers share; entity files follow in
///   the background (see `WriteAheadLog`). Reads consult the log's index of
///   entities not yet in their files first, so they see every acknowledged write.
///
/// In both modes a crash at any instant leaves each entity readable at its old or
/// its new version, never torn and never with a blob that does not match its
/// metadata. All blocking calls run on dedicated threads, never on the Swift
/// concurrency pool; the caller's `build`/`check` closures run on the calling task
/// while the entity lock is held. Reads take no lock.
///
/// It does not encrypt and does not cache. In shared mode it does not clean up after
/// a crash on its own: call `recover()` once at startup; with a `.shared` claim,
/// `init` first writes out a log an exclusive holder left behind. In logged mode the
/// log is replayed by `init` (so nothing is served before it), `recover()` only
/// reclaims space, and `close()` writes the log out when the server stops. It assumes a local or POSIX-faithful file system (atomic
/// `rename`, working `flock` and `fsync`).
public final class FileEntityStore: EntityStore {
    /// The root directory this store was opened on.
    public let root: String
    /// The writer id given at creation. The store records it in temp-file names only;
    /// the `writer_id` in metadata is whatever `build` returns.
    public let writerID: String
    /// The claim on `root` this store keeps for its lifetime, if one was given.
    public let claim: DirectoryClaim?

    let engine: FileStoreEngine
    let io: BlockingIO
    let locks = KeyedAsyncLock<EntityID>()
    /// The write-ahead log, in logged mode.
    let log: WriteAheadLog?

    /// Whether writes are acknowledged from the write-ahead log (an exclusive claim)
    /// rather than from their entity files.
    public var writesAheadToLog: Bool { log != nil }

    /// Opens (creating if needed) the store under `root`, keeping `claim` (a server's
    /// claim on the directory) until the store is released. An `.exclusive` claim
    /// selects the write-ahead log, which is replayed here, before anything is served.
    ///
    /// Creates `<root>/files` but performs no recovery of entity files; call
    /// `recover()` at startup.
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created or the log
    ///   cannot be read; `.integrityFailure` if the log is damaged before its end
    ///   (the message says what to do): serving would hide acknowledged writes.
    public convenience init(
        root: String, writerID: String, claim: DirectoryClaim? = nil, fileSystem: some FileSystemOps = RealFileSystem()
    ) throws(DeltaError) {
        try self.init(
            root: root, writerID: writerID, claim: claim, fileSystem: fileSystem,
            logOptions: claim?.mode == .exclusive ? WriteAheadLog.Options() : nil)
    }

    /// Opens the store, in logged mode exactly when `logOptions` is given (tests
    /// choose the mode and the log's limits directly).
    init(
        root: String, writerID: String, claim: DirectoryClaim?, fileSystem: some FileSystemOps,
        logOptions: WriteAheadLog.Options?
    ) throws(DeltaError) {
        self.root = root
        self.writerID = writerID
        self.claim = claim
        let layout = FileLayout(root: root)
        let engine = FileStoreEngine(fileSystem: fileSystem, layout: layout, writerID: writerID)
        self.engine = engine
        self.io = BlockingIO.shared
        do {
            try Self.createDirectoryPath(layout.filesDirectory, fileSystem)
        } catch {
            throw DeltaError.storage("could not create the data directory", error)
        }
        if let logOptions {
            log = try WriteAheadLog(root: root, fileSystem: fileSystem, options: logOptions) { id, pending throws(DeltaError) in
                try engine.materialize(id, pending)
            }
        } else {
            log = nil
            if claim?.mode == .shared {
                try WriteAheadLog.writeOutLeftover(root: root, fileSystem: fileSystem) { id, pending throws(DeltaError) in
                    try engine.materialize(id, pending)
                }
            }
        }
    }

    deinit {
        // A store released without `close()` still writes its log out if it can.
        try? log?.close()
    }

    /// Writes every change still only in the write-ahead log to its entity file and
    /// retires the log, so a shared-mode process opening the directory next reads
    /// complete entity files; afterwards writes fail with `.storageFailure`. Call it
    /// when the server stops. Nothing to do in shared mode; a second call does nothing.
    ///
    /// - Throws: `.storageFailure` when an entity file or the checkpoint cannot be
    ///   written. Nothing is lost: the changes stay in the log for the next start.
    public func close() async throws(DeltaError) {
        guard let log else { return }
        try await io.run { () throws(DeltaError) in try log.close() }
    }

    /// `mkdir -p`, making each newly created directory durable in its parent.
    private static func createDirectoryPath(_ path: String, _ fileSystem: some FileSystemOps) throws {
        var parent = path.hasPrefix("/") ? "/" : "."
        for component in path.split(separator: "/") {
            let next = parent == "/" ? "/" + component : parent + "/" + component
            if try fileSystem.status(next) == nil {
                guard try fileSystem.makeDirectories(base: parent, [String(component)]) else {
                    throw SystemCallError(call: "mkdir", path: next, errno: ENOENT)
                }
            }
            parent = next
        }
    }

    /// Removes temp files and orphaned blobs left by interrupted writes and deletes.
    ///
    /// Safe to run while other processes use the directory (it only touches entities
    /// whose lock it can take without waiting). Reads never see leftovers, so running
    /// it late only costs disk space. It runs on a thread of its own at the lowest CPU
    /// priority, so requests served meanwhile keep their latency. It does not touch
    /// the write-ahead log (replayed by `init`).
    ///
    /// - Throws: `.storageFailure` if the directory tree cannot be read.
    @discardableResult
    public func recover() async throws(DeltaError) -> RecoveryReport {
        let engine = engine
        // At the lowest CPU priority: on a large directory this scan outlasts start-up
        // and runs next to the first requests.
        return try await BlockingIO.runInBackground("deltadb.storage.recovery") { () throws(DeltaError) in
            try engine.recover()
        }
    }

    /// The newest version: from the log's index if it is there, else the entity file
    /// (or a legacy sidecar and the blob it names), without taking a lock (see `EntityStore.read`).
    public func read(_ id: EntityID) async throws(DeltaError) -> StoredEntity? {
        if let pending = log?.lookup(id) {
            if case .put(let entity) = pending { return entity }
            return nil
        }
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.readEntity(id, engine.layout.paths(for: id)) }
    }

    /// Only the newest metadata (log index, else the entity file's header or a legacy
    /// sidecar), without taking a lock.
    public func readMetadata(_ id: EntityID) async throws(DeltaError) -> EntityMetadata? {
        if let pending = log?.lookup(id) { return pending.metadata }
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.readCommitted(id, engine.layout.paths(for: id))?.metadata }
    }

    /// Read-modify-write under the entity's lock; `build` runs on the calling task
    /// between the read and the durable commit (see `EntityStore.write`).
    public func write(
        _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata {
        if let log { return try await writeToLog(log, id, build) }
        return try await locked(id) { (current, engine, paths) throws(DeltaError) in
            let next = try build(current?.metadata)
            try EntityStoreRules.validateCommit(next, for: id, current: current?.metadata)
            try await self.io.run { () throws(DeltaError) in try engine.commit(next, over: current, id, paths) }
            return (next.metadata, true)
        }
    }

    /// Deletes under the entity's lock; the commit point is the entity file's unlink,
    /// or the flushed log record in logged mode (see `EntityStore.delete`).
    public func delete(
        _ id: EntityID,
        _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool {
        if let log { return try await deleteInLog(log, id, check) }
        return try await locked(id) { (current, engine, paths) throws(DeltaError) in
            try check(current?.metadata)
            guard let current else { return (false, false) }
            try await self.io.run { () throws(DeltaError) in try engine.delete(current, id, paths) }
            return (true, false)
        }
    }
}
