import DeltaCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking half of `FileEntityStore`: every method runs system calls through
/// `FileSystemOps` and must only be called on the store's I/O queue.
///
/// Kept separate from the async API so the on-disk protocol (locking, commit point,
/// recovery) reads top to bottom without continuations in the way.
struct FileStoreEngine: Sendable {
    let fileSystem: any FileSystemOps
    let layout: FileLayout
    /// A short, file-name-safe form of the writer id, put into temp-file names so an
    /// operator can tell which process left one behind.
    let writerTag: String
    /// Shares directory fsyncs between concurrent writers (group commit).
    let directorySyncs = DirectorySyncGroup()

    init(fileSystem: any FileSystemOps, layout: FileLayout, writerID: String) {
        self.fileSystem = fileSystem
        self.layout = layout
        let encoded = StorageName.chunks(StorageName.encode(writerID.isEmpty ? "writer" : writerID), maxChunkBytes: 24)
        self.writerTag = encoded[0]
    }

    // MARK: Locking

    /// Takes the entity's cross-process lock: `flock(LOCK_EX)` on `<key>.lock`.
    ///
    /// Lock files are removed when their entity is deleted, so after `flock` returns we
    /// check that the file we locked is still the one at the path; if a deleter
    /// unlinked it meanwhile, our lock guards nothing and we start again. Returns nil
    /// only when `blocking` is false and another holder has the lock.
    func acquireLock(_ paths: EntityPaths, blocking: Bool) throws(DeltaError) -> Int32? {
        do {
            for _ in 0..<1_000 {
                guard try fileSystem.makeDirectories(base: paths.base, paths.directoryComponents) else { continue }
                let fd: Int32
                do {
                    fd = try fileSystem.open(paths.lock, flags: O_RDWR | O_CREAT | O_CLOEXEC, mode: 0o600)
                } catch let error as SystemCallError where error.errno == ENOENT {
                    continue  // a cleanup removed the (empty) directory: create it again
                }
                // From here on every exit must close `fd`: a leaked descriptor would hold
                // the flock, and every later writer of this entity would wait forever.
                let isCurrent: Bool
                do {
                    try fileSystem.flock(fd, blocking ? LOCK_EX : LOCK_EX | LOCK_NB)
                    let locked = try fileSystem.status(fd)
                    let current = try fileSystem.status(paths.lock)
                    isCurrent = current?.device == locked.device && current?.inode == locked.inode
                } catch let error as SystemCallError where !blocking && error.errno == EWOULDBLOCK {
                    fileSystem.close(fd)
                    return nil
                } catch {
                    fileSystem.close(fd)
                    throw error
                }
                if isCurrent { return fd }
                fileSystem.close(fd)  // also releases the stale lock
            }
        } catch {
            throw DeltaError.storage("could not lock the entity", error)
        }
        throw DeltaError(.storageFailure, "could not lock the entity: its lock file kept changing")
    }

    /// Releases the entity lock. When the entity does not exist (never created, or just
    /// deleted), its lock file and any directories left empty are removed too — while
    /// the lock is still held, so no other writer can be using that file.
    func releaseLock(_ fd: Int32, _ paths: EntityPaths, entityExists: Bool) {
        if !entityExists {
            try? fileSystem.unlinkIfPresent(paths.lock)
        }
        fileSystem.close(fd)
        if !entityExists {
            fileSystem.removeEmptyDirectories(paths.directoriesDeepestFirst)
        }
    }

    // MARK: Reading

    /// An entity's committed metadata and which layout holds it.
    struct Committed: Sendable, Equatable {
        var metadata: EntityMetadata
        /// Held by the two-file layout (`<key>.meta.json` + blob), not `<key>.entity`.
        var legacy: Bool
    }

    /// The committed metadata of `id`: the entity file's header, else the legacy
    /// sidecar, else nil. Reads only the start of an entity file.
    ///
    /// A writer converting a legacy entity creates its entity file before removing
    /// the sidecar, so a sidecar that is gone is checked against the entity file again.
    ///
    /// - Throws: `.integrityFailure` if the file found is not valid metadata for `id`.
    func readCommitted(_ id: EntityID, _ paths: EntityPaths) throws(DeltaError) -> Committed? {
        for _ in 0..<2 {
            if let metadata = try readEntityHeader(id, paths) { return Committed(metadata: metadata, legacy: false) }
            if let metadata = try readSidecar(id, paths) { return Committed(metadata: metadata, legacy: true) }
        }
        return nil
    }

    /// The metadata in the header of `<key>.entity`, or nil if there is no such file.
    private func readEntityHeader(_ id: EntityID, _ paths: EntityPaths) throws(DeltaError) -> EntityMetadata? {
        do {
            guard var bytes = try fileSystem.readPrefix(paths.entityFile, 4096) else { return nil }
            if let length = EntityFileFormat.headerLength(bytes), bytes.count < EntityFileFormat.prefixBytes + length {
                guard let longer = try fileSystem.readPrefix(paths.entityFile, EntityFileFormat.prefixBytes + length) else { return nil }
                bytes = longer
            }
            return try EntityFileFormat.decodeMetadata(bytes, for: id)
        } catch let error as DeltaError {
            throw error
        } catch {
            throw DeltaError.storage("could not read the metadata of \(id)", error)
        }
    }

    /// The metadata in the legacy sidecar `<key>.meta.json`, or nil if it has none.
    ///
    /// - Throws: `.integrityFailure` if the sidecar is not valid metadata for `id`.
    func readSidecar(_ id: EntityID, _ paths: EntityPaths) throws(DeltaError) -> EntityMetadata? {
        let bytes: [UInt8]?
        do {
            bytes = try fileSystem.readFile(paths.sidecar)
        } catch {
            throw DeltaError.storage("could not read the metadata of \(id)", error)
        }
        guard let bytes else { return nil }
        return try EntityStoreRules.decodeMetadata(bytes, for: id)
    }

    /// The committed entity: its entity file (one read, so always one whole version),
    /// else the legacy sidecar and the blob it names.
    ///
    /// No lock is taken. A legacy entity may be replaced meanwhile (its blob removed
    /// by a newer commit, or the entity converted to an entity file); then we simply
    /// read again. A blob that is missing while its sidecar stays the same is an
    /// integrity failure.
    func readEntity(_ id: EntityID, _ paths: EntityPaths) throws(DeltaError) -> StoredEntity? {
        for _ in 0..<8 {
            let file: [UInt8]?
            do {
                file = try fileSystem.readFile(paths.entityFile)
            } catch {
                throw DeltaError.storage("could not read \(id)", error)
            }
            if let file { return try EntityFileFormat.decode(file, for: id) }
            guard let metadata = try readSidecar(id, paths) else {
                // Converted between our two reads? Then the entity file exists now.
                if try readEntityHeader(id, paths) != nil { continue }
                return nil
            }
            let blob: [UInt8]?
            do {
                blob = try fileSystem.readFile(paths.blob(metadata.version))
            } catch {
                throw DeltaError.storage("could not read \(id)", error)
            }
            guard let blob else {
                if try readEntityHeader(id, paths) != nil { continue }  // converted meanwhile
                if let again = try readSidecar(id, paths), again.version != metadata.version { continue }
                if try readSidecar(id, paths) == nil { return nil }  // deleted meanwhile
                throw DeltaError(.integrityFailure, "the stored data of \(id) version \(metadata.version) is missing")
            }
            guard blob.count == metadata.size else {
                throw DeltaError(
                    .integrityFailure,
                    "the stored data of \(id) version \(metadata.version) has \(blob.count) bytes; its metadata says \(metadata.size)")
            }
            return StoredEntity(metadata: metadata, ciphertext: blob)
        }
        throw DeltaError(.storageFailure, "\(id) changed too often while being read; try again")
    }
}
