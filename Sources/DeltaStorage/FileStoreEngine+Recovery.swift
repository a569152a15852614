import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `FileEntityStore.recover()` cleaned up.
public struct RecoveryReport: Sendable, Equatable {
    /// Temp files of interrupted writes that were removed.
    public var removedTempFiles: Int
    /// Blobs no sidecar names (interrupted writes or deletes) that were removed.
    public var removedOrphanBlobs: Int
    /// Entities skipped because another writer held their lock (it cleans up itself).
    public var skippedBusyEntities: Int

    /// Creates a report.
    public init(removedTempFiles: Int = 0, removedOrphanBlobs: Int = 0, skippedBusyEntities: Int = 0) {
        self.removedTempFiles = removedTempFiles
        self.removedOrphanBlobs = removedOrphanBlobs
        self.skippedBusyEntities = skippedBusyEntities
    }
}

extension FileStoreEngine {
    /// Removes what interrupted writes and deletes left behind: temp files, and blobs
    /// whose version is not the one their sidecar names (or that have no sidecar).
    ///
    /// Safe while other processes use the same directory: each entity is cleaned only
    /// under its `flock` (taken without waiting; a busy entity is skipped), and the
    /// sidecar is re-read under that lock before anything is removed. An entity
    /// with one blob, a sidecar and no temp file is not even opened, so a clean
    /// directory costs one streamed scan of its names.
    func recover() throws(DeltaError) -> RecoveryReport {
        var report = RecoveryReport()
        do {
            try walkDatabaseLevel(layout.filesDirectory, encodedPrefix: "") { database, directory in
                try recoverDirectory(directory, database: database, encodedPrefix: "", &report)
            }
        } catch {
            throw DeltaError.storage("could not recover the data directory", error)
        }
        return report
    }

    /// What one directory scan saw of an entity's files.
    private struct Leftovers {
        var temps: [String] = []
        /// The first blob version seen, inline: a one-element array would be one
        /// heap allocation per entity, a million of them for a large directory.
        var firstBlob: UInt64?
        var otherBlobs: [UInt64] = []
        var hasSidecar = false

        var blobs: [UInt64] { (firstBlob.map { [$0] } ?? []) + otherBlobs }

        mutating func addBlob(_ version: UInt64) {
            if firstBlob == nil { firstBlob = version } else { otherBlobs.append(version) }
        }

        /// One blob next to a sidecar and no temp file: what every entity looks
        /// like unless a write or delete was interrupted. Such an entity is left
        /// alone without reading its sidecar: a commit makes the new blob durable
        /// before the sidecar names it and removes the old blob only after, so a
        /// lone blob is the one the sidecar names (if a damaged directory says
        /// otherwise, reads report it and recovery must not delete anything).
        var isClean: Bool { temps.isEmpty && firstBlob != nil && otherBlobs.isEmpty && hasSidecar }
    }

    private func recoverDirectory(
        _ directory: String, database: String, encodedPrefix: String, _ report: inout RecoveryReport
    ) throws {
        var byStem: [String: Leftovers] = [:]
        var subdirectories: [String] = []
        // Streamed: a directory of a million entities is never listed into memory.
        try fileSystem.forEachEntry(in: directory) { entry in
            if entry.isDirectory {
                if StorageName.isEncodedPiece(entry.name) { subdirectories.append(entry.name) }
                return
            }
            switch FileName.parse(entry.name) {
            case .temp(let stem): byStem[stem, default: Leftovers()].temps.append(entry.name)
            case .blob(let stem, let version): byStem[stem, default: Leftovers()].addBlob(version)
            case .sidecar(let stem): byStem[stem, default: Leftovers()].hasSidecar = true
            default: return
            }
        }
        for (stem, leftovers) in byStem where !leftovers.isClean {
            guard let key = StorageName.decode(encodedPrefix + stem),
                  let id = try? EntityID(database: database, key: key)
            else { continue }
            let paths = layout.paths(for: id)
            guard paths.directory == directory else { continue }
            if leftovers.temps.isEmpty, let committed = try? readSidecar(id, paths),
               leftovers.blobs == [committed.version] {
                continue  // nothing to clean (the scan raced a commit), so do not take the lock
            }
            try recoverEntity(id, paths, leftovers.temps, leftovers.blobs, &report)
        }
        byStem = [:]
        for name in subdirectories {
            try recoverDirectory(directory + "/" + name, database: database, encodedPrefix: encodedPrefix + name, &report)
        }
    }

    private func recoverEntity(
        _ id: EntityID, _ paths: EntityPaths, _ temps: [String], _ blobs: [UInt64], _ report: inout RecoveryReport
    ) throws {
        guard let fd = try acquireLock(paths, blocking: false) else {
            report.skippedBusyEntities += 1
            return
        }
        let exists: Bool
        do {
            exists = try removeLeftovers(id, paths, temps, blobs, &report)
        } catch {
            releaseLock(fd, paths, entityExists: true)
            throw error
        }
        releaseLock(fd, paths, entityExists: exists)
    }

    /// Removes stale files of one entity whose lock the caller holds; returns whether
    /// the entity exists (has a readable or unreadable sidecar).
    private func removeLeftovers(
        _ id: EntityID, _ paths: EntityPaths, _ temps: [String], _ blobs: [UInt64], _ report: inout RecoveryReport
    ) throws -> Bool {
        // Under the lock nobody writes this entity, so every temp file is stale and the
        // sidecar we read now is the truth.
        for name in temps {
            try fileSystem.unlinkIfPresent(paths.directory + "/" + name)
            report.removedTempFiles += 1
        }
        let committed: EntityMetadata?
        do {
            committed = try readSidecar(id, paths)
        } catch {
            guard error.code == .integrityFailure else { throw error }
            return true  // never delete blobs next to metadata we cannot interpret
        }
        for version in blobs where version != committed?.version {
            try fileSystem.unlinkIfPresent(paths.blob(version))
            report.removedOrphanBlobs += 1
        }
        try fileSystem.syncDirectory(paths.directory)
        return committed != nil
    }
}
