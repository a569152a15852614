import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `EntityStore` on a POSIX directory that several processes may share
/// (`<root>/files/`; layout in `FileLayout`).
///
/// Guarantees: a write or delete is durable when it returns (temp file, `fdatasync`,
/// atomic rename, directory fsync); a crash at any instant leaves each entity readable
/// at its old or its new version, never torn and never with a blob that does not
/// match its metadata (the commit point is the sidecar rename, see
/// `FileStoreEngine.commit`); writers of one entity are serialised within the process
/// by an async lock and across processes by `flock` on `<key>.lock`.
///
/// All blocking calls run on a private dispatch queue, never on the Swift concurrency
/// pool; the caller's `build`/`check` closures run on the calling task, between two
/// I/O steps, while the entity lock is held. Reads take no lock.
///
/// It does not encrypt, does not cache, and does not clean up after a crash on its
/// own: call `recover()` once at startup. It assumes a local or POSIX-faithful file
/// system (atomic `rename`, working `flock` and `fsync`).
public final class FileEntityStore: EntityStore {
    /// The root directory this store was opened on.
    public let root: String
    /// The writer id given at creation. The store records it in temp-file names only;
    /// the `writer_id` in metadata is whatever `build` returns.
    public let writerID: String
    /// The claim on `root` this store keeps for its lifetime, if one was given.
    public let claim: DirectoryClaim?

    private let engine: FileStoreEngine
    private let io: BlockingIO
    private let locks = KeyedAsyncLock<EntityID>()

    /// Opens (creating if needed) the store under `root`, keeping `claim` (a server's
    /// claim on the directory) until the store is released.
    ///
    /// Creates `<root>/files` but performs no recovery; call `recover()` at startup.
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created.
    public init(
        root: String, writerID: String, claim: DirectoryClaim? = nil, fileSystem: some FileSystemOps = RealFileSystem()
    ) throws(DeltaError) {
        self.root = root
        self.writerID = writerID
        self.claim = claim
        let layout = FileLayout(root: root)
        self.engine = FileStoreEngine(fileSystem: fileSystem, layout: layout, writerID: writerID)
        self.io = BlockingIO.shared
        do {
            try Self.createDirectoryPath(layout.filesDirectory, fileSystem)
        } catch {
            throw DeltaError.storage("could not create the data directory", error)
        }
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
    /// priority, so requests served meanwhile keep their latency.
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

    /// Reads the sidecar, then the blob it names, without taking a lock (see `EntityStore.read`).
    public func read(_ id: EntityID) async throws(DeltaError) -> StoredEntity? {
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.readEntity(id, engine.layout.paths(for: id)) }
    }

    /// Reads only the sidecar, without taking a lock.
    public func readMetadata(_ id: EntityID) async throws(DeltaError) -> EntityMetadata? {
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.readSidecar(id, engine.layout.paths(for: id)) }
    }

    /// Read-modify-write under the in-process lock and `flock`; `build` runs on the calling
    /// task between the read and the durable commit (see `EntityStore.write`).
    public func write(
        _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata {
        try await locked(id) { (current, engine, paths) throws(DeltaError) in
            let next = try build(current)
            try EntityStoreRules.validateCommit(next, for: id, current: current)
            try await self.io.run { () throws(DeltaError) in try engine.commit(next, over: current, id, paths) }
            return (next.metadata, true)
        }
    }

    /// Deletes under the in-process lock and `flock`; the sidecar unlink is the commit point
    /// (see `EntityStore.delete`).
    public func delete(
        _ id: EntityID,
        _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool {
        try await locked(id) { (current, engine, paths) throws(DeltaError) in
            try check(current)
            guard let current else { return (false, false) }
            try await self.io.run { () throws(DeltaError) in try engine.delete(current, id, paths) }
            return (true, false)
        }
    }

    /// Walks `files/` for database directories that hold at least one sidecar.
    public func listDatabases() async throws(DeltaError) -> [String] {
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.listDatabases() }
    }

    /// Reads the database directory tree (O(entities) per call), keeps only the bytewise-
    /// smallest matching keys a page can need, and reads the sidecars of those only.
    ///
    /// A key deleted between the directory read and its sidecar read is skipped; if that
    /// leaves the page short while more keys exist, the tree is read again after the last
    /// key examined. So a page holds exactly what a full sort would have given.
    public func listEntities(
        database: String, prefix: String, after: String?, limit: Int
    ) async throws(DeltaError) -> EntityPage {
        try EntityStoreRules.validateListing(database: database, limit: limit)
        let engine = engine
        return try await io.run { () throws(DeltaError) in
            var rows: [EntityListing] = []
            var cursor = after
            while true {
                // One key more than the page still needs tells whether a next page exists.
                let needed = limit - rows.count
                let (keys, more) = try engine.selectKeys(
                    database, prefix: prefix, after: cursor, count: needed == Int.max ? needed : needed + 1)
                var examined = 0
                for key in keys where rows.count < limit {
                    examined += 1
                    let id = try EntityID(database: database, key: key)
                    if let metadata = try engine.readSidecar(id, engine.layout.paths(for: id)) {
                        rows.append(EntityListing(key: key, version: metadata.version, updatedAt: metadata.updatedAt))
                    }
                }
                // A matching key after the last row (unread, or beyond the selection) means a next page.
                let moreAfterRows = examined < keys.count || more
                if rows.count == limit || !moreAfterRows {
                    return EntityPage(entities: rows, nextCursor: moreAfterRows ? rows.last?.key : nil)
                }
                cursor = keys.last
            }
        }
    }

    /// Runs `body` holding the entity's in-process lock and its `flock`, with the
    /// committed metadata read under both. `body` returns its result and whether the
    /// entity exists afterwards (so an unused lock file can be removed).
    private func locked<Result: Sendable>(
        _ id: EntityID,
        _ body: (EntityMetadata?, FileStoreEngine, EntityPaths) async throws(DeltaError) -> (Result, Bool)
    ) async throws(DeltaError) -> Result {
        let engine = engine
        let paths = engine.layout.paths(for: id)
        return try await locks.withLock(id) { () async throws(DeltaError) -> Result in
            let (fd, current) = try await io.run { () throws(DeltaError) -> (Int32, EntityMetadata?) in
                guard let fd = try engine.acquireLock(paths, blocking: true) else {
                    throw DeltaError(.internal, "blocking lock returned without the lock")
                }
                do throws(DeltaError) {
                    return (fd, try engine.readSidecar(id, paths))
                } catch {
                    engine.releaseLock(fd, paths, entityExists: true)
                    throw error
                }
            }
            let result: Result
            let exists: Bool
            do throws(DeltaError) {
                (result, exists) = try await body(current, engine, paths)
            } catch {
                await releaseLock(fd, paths, entityExists: current != nil)
                throw error
            }
            await releaseLock(fd, paths, entityExists: exists)
            return result
        }
    }

    private func releaseLock(_ fd: Int32, _ paths: EntityPaths, entityExists: Bool) async {
        let engine = engine
        _ = try? await io.run { () throws(DeltaError) in engine.releaseLock(fd, paths, entityExists: entityExists) }
    }
}
