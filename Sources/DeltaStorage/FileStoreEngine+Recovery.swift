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
    /// directory costs one streamed scan of its names and a few bytes per entity.
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

    /// The files the second pass found of one suspicious entity.
    private struct Leftovers {
        var temps: [String] = []
        var blobs: [UInt64] = []
        var hasSidecar = false

        /// One blob next to a sidecar and no temp file: what every entity looks
        /// like unless a write or delete was interrupted. Such an entity is left
        /// alone without reading its sidecar: a commit makes the new blob durable
        /// before the sidecar names it and removes the old blob only after, so a
        /// lone blob is the one the sidecar names (if a damaged directory says
        /// otherwise, reads report it and recovery must not delete anything).
        var isClean: Bool { temps.isEmpty && blobs.count == 1 && hasSidecar }
    }

    /// How many files of each kind one entity has, counted up to 3: all the first
    /// pass of a directory keeps per entity.
    private struct Tally {
        var sidecars: UInt8 = 0
        var blobs: UInt8 = 0
        var temps: UInt8 = 0

        var isClean: Bool { sidecars == 1 && blobs == 1 && temps == 0 }

        static func count(_ value: inout UInt8) { value = min(value + 1, 3) }
    }

    /// Recovers one directory in two streamed passes. The first keeps a three-byte
    /// tally per entity, keyed by a hash of its name, so a directory of millions of
    /// clean entities costs a few bytes each instead of their names (which would
    /// make recovery the largest allocation of the process). The second pass, run
    /// only if some tally is not clean, gathers the file names of just those
    /// entities. Two names with one hash (odds 2⁻⁶⁴ per pair, and the seed changes
    /// with every process) merge their tallies, which can at worst leave a leftover
    /// for the next start-up: recovery only reclaims space.
    private func recoverDirectory(
        _ directory: String, database: String, encodedPrefix: String, _ report: inout RecoveryReport
    ) throws {
        var tallies: [Int: Tally] = [:]
        var subdirectories: [String] = []
        try fileSystem.forEachEntry(in: directory) { entry in
            if entry.isDirectory {
                if StorageName.isEncodedPiece(entry.name) { subdirectories.append(entry.name) }
                return
            }
            switch FileName.parse(entry.name) {
            case .temp(let stem): Tally.count(&tallies[stem.hashValue, default: Tally()].temps)
            case .blob(let stem, _): Tally.count(&tallies[stem.hashValue, default: Tally()].blobs)
            case .sidecar(let stem): Tally.count(&tallies[stem.hashValue, default: Tally()].sidecars)
            default: return
            }
        }
        let suspicious = Set(tallies.lazy.filter { !$0.value.isClean }.map(\.key))
        tallies = [:]
        if !suspicious.isEmpty {
            try recoverSuspicious(suspicious, in: directory, database: database, encodedPrefix: encodedPrefix, &report)
        }
        for name in subdirectories {
            try recoverDirectory(directory + "/" + name, database: database, encodedPrefix: encodedPrefix + name, &report)
        }
    }

    /// The second pass over a directory: the files of the entities whose name hashes
    /// are in `suspicious`, then each of those entities cleaned up under its lock.
    private func recoverSuspicious(
        _ suspicious: Set<Int>, in directory: String, database: String, encodedPrefix: String,
        _ report: inout RecoveryReport
    ) throws {
        var byStem: [String: Leftovers] = [:]
        try fileSystem.forEachEntry(in: directory) { entry in
            guard !entry.isDirectory else { return }
            switch FileName.parse(entry.name) {
            case .temp(let stem) where suspicious.contains(stem.hashValue):
                byStem[stem, default: Leftovers()].temps.append(entry.name)
            case .blob(let stem, let version) where suspicious.contains(stem.hashValue):
                byStem[stem, default: Leftovers()].blobs.append(version)
            case .sidecar(let stem) where suspicious.contains(stem.hashValue):
                byStem[stem, default: Leftovers()].hasSidecar = true
            default: return
            }
        }
        // An entity a writer finished between the passes is clean now: nothing to do.
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
