import DeltaCore
import Foundation

extension FileStoreEngine {
    /// Durably commits `next` over `current`. The caller holds the entity lock and
    /// has validated `next`.
    ///
    /// One atomic replace: the entity file (header + ciphertext) is written to a temp
    /// file, `fdatasync`ed and renamed over `<key>.entity` — **the commit point** —
    /// then the directory is fsynced (shared with concurrent writers); the write is
    /// now durable and is acknowledged. A crash before the rename leaves the old
    /// version untouched, after it the new one, whole.
    ///
    /// An entity still in the legacy two-file layout is converted: once the entity
    /// file is durable, its sidecar and blob are removed (a crash in between leaves
    /// them behind, hidden by the entity file; recovery removes them).
    ///
    /// - Throws: `.storageFailure`. Before the commit point nothing changed and the
    ///   temp file is removed again. If only the directory fsync after the commit
    ///   fails, the new version is already visible but may not survive a power loss;
    ///   the caller gets the error, as for any unacknowledged write.
    ///
    /// Without `durably` (the write-ahead log's materialisers, whose log still
    /// holds the write) nothing is synced: the same temp file and rename, made
    /// durable later by the log's checkpoint (`syncFileSystem`) before it retires
    /// the records.
    func commit(
        _ next: StoredEntity, over current: Committed?, _ id: EntityID, _ paths: EntityPaths, durably: Bool = true
    ) throws(DeltaError) {
        let bytes = try EntityFileFormat.encode(next)
        let temp = paths.temp("\(writerTag)-\(String(UInt64.random(in: .min ... .max), radix: 16))e")
        var committed = false
        let started = ContinuousClock.now
        do {
            try fileSystem.writeNewFile(temp, bytes, durably: durably)
            try fileSystem.rename(temp, paths.entityFile)
            committed = true
            if durably {
                try syncEntries(of: paths)
                StorageEvents.committed(writes: 1, bytes: bytes.count, duration: ContinuousClock.now - started, grouped: false)
            }
        } catch {
            if !committed { try? fileSystem.unlinkIfPresent(temp) }
            throw DeltaError.storage("could not write \(id)", error)
        }
        if let current, current.legacy {
            // Committed and durable: failing to remove the old files only leaves leftovers
            // that nobody reads and recovery removes, so it is not an error.
            try? fileSystem.unlinkIfPresent(paths.sidecar)
            try? fileSystem.unlinkIfPresent(paths.blob(current.metadata.version))
        }
    }

    /// Durably deletes the entity whose committed state is `current`. The caller
    /// holds the entity lock.
    ///
    /// The commit point is the unlink of the file that holds the metadata (the
    /// entity file, or a legacy sidecar), made durable by a directory fsync; a
    /// legacy blob is removed only after (a crash in between leaves an orphan
    /// blob that no sidecar names, which recovery removes). A legacy sidecar left
    /// next to an entity file by an interrupted conversion is removed, durably,
    /// *before* the entity file, so it can never come back as the entity.
    /// Without `durably` (materialisers) the unlinks are not synced; see `commit`.
    func delete(_ current: Committed, _ id: EntityID, _ paths: EntityPaths, durably: Bool = true) throws(DeltaError) {
        do {
            if current.legacy {
                try fileSystem.unlink(paths.sidecar)
            } else {
                if try fileSystem.status(paths.sidecar) != nil {
                    try fileSystem.unlinkIfPresent(paths.sidecar)
                    if durably { try syncEntries(of: paths) }
                }
                try fileSystem.unlink(paths.entityFile)
            }
            if durably { try syncEntries(of: paths) }
        } catch {
            throw DeltaError.storage("could not delete \(id)", error)
        }
        if current.legacy { try? fileSystem.unlinkIfPresent(paths.blob(current.metadata.version)) }
    }

    /// Makes the renames and unlinks in the entity's directory durable, sharing the
    /// fsync with concurrent writers in the same directory (see `DirectorySyncGroup`).
    func syncEntries(of paths: EntityPaths) throws {
        let fileSystem = fileSystem
        try directorySyncs.sync(paths.directory) { try fileSystem.syncDirectory(paths.directory) }
    }

    /// Sidecars are written with sorted keys so identical metadata gives identical bytes.
    static var sidecarEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
