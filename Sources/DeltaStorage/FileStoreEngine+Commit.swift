import DeltaCore
import Foundation

extension FileStoreEngine {
    /// Durably commits `next` over `current`. The caller holds the entity lock and
    /// has validated `next`.
    ///
    /// The commit point is the rename of the new sidecar over the old one:
    /// 1. blob → temp file, `fdatasync`, rename to `<key>.<version>.json.enc`, fsync dir
    ///    (so the blob's name is durable before any sidecar can point at it);
    /// 2. sidecar → temp file, `fdatasync`, rename over `<key>.meta.json` (COMMIT),
    ///    fsync dir (the write is now durable and is acknowledged);
    /// 3. unlink the previous version's blob (an orphan if we crash first; recovery
    ///    removes it).
    /// A crash before the commit leaves the old sidecar naming the old, untouched blob;
    /// after it, the new sidecar names a blob that is already durable.
    ///
    /// - Throws: `.storageFailure`. Before the commit point nothing changed and this
    ///   write's files are removed again. If only the directory fsync after the commit
    ///   fails, the new version is already visible but may not survive a power loss;
    ///   the caller gets the error, as for any unacknowledged write.
    func commit(_ next: StoredEntity, over current: EntityMetadata?, _ id: EntityID, _ paths: EntityPaths) throws(DeltaError) {
        let version = next.metadata.version
        let tag = "\(writerTag)-\(String(UInt64.random(in: .min ... .max), radix: 16))"
        let blobTemp = paths.temp(tag + "b")
        let sidecarTemp = paths.temp(tag + "m")
        let sidecarBytes: [UInt8]
        do {
            sidecarBytes = Array(try Self.sidecarEncoder.encode(next.metadata))
        } catch {
            throw DeltaError(.internal, "could not encode the metadata of \(id)", cause: error)
        }
        var committed = false
        do {
            try fileSystem.writeNewFileDurably(blobTemp, next.ciphertext)
            try fileSystem.rename(blobTemp, paths.blob(version))
            try syncEntries(of: paths)
            try fileSystem.writeNewFileDurably(sidecarTemp, sidecarBytes)
            try fileSystem.rename(sidecarTemp, paths.sidecar)
            committed = true
            try syncEntries(of: paths)
        } catch {
            if !committed {
                // Undo what this write created; the old version was never touched.
                try? fileSystem.unlinkIfPresent(blobTemp)
                try? fileSystem.unlinkIfPresent(sidecarTemp)
                try? fileSystem.unlinkIfPresent(paths.blob(version))
            }
            throw DeltaError.storage("could not write \(id)", error)
        }
        if let current, current.version != version {
            // Committed and durable: failing to remove the old blob only leaves an
            // orphan that nobody reads and recovery removes, so it is not an error.
            try? fileSystem.unlinkIfPresent(paths.blob(current.version))
        }
    }

    /// Durably deletes the entity whose committed metadata is `current`. The caller
    /// holds the entity lock.
    ///
    /// The commit point is the unlink of the sidecar, made durable by a directory fsync;
    /// only then is the blob removed (a crash in between leaves an orphan blob that no
    /// sidecar names, which recovery removes).
    func delete(_ current: EntityMetadata, _ id: EntityID, _ paths: EntityPaths) throws(DeltaError) {
        do {
            try fileSystem.unlink(paths.sidecar)
            try syncEntries(of: paths)
        } catch {
            throw DeltaError.storage("could not delete \(id)", error)
        }
        try? fileSystem.unlinkIfPresent(paths.blob(current.version))
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
