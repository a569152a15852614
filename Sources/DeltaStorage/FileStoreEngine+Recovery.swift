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

        mutating func add(_ kind: FileName.Kind, named name: String) {
            switch kind {
            case .temp: temps.append(name)
            case .blob(_, let version): blobs.append(version)
            case .sidecar: hasSidecar = true
            case .lock, .unknown: break
            }
        }
    }

    /// How many files of each kind one entity has, counted up to 3: all the first
    /// pass of a directory keeps per entity.
    private struct Tally {
        var sidecars: UInt8 = 0
        var blobs: UInt8 = 0
        var temps: UInt8 = 0

        var isClean: Bool { sidecars == 1 && blobs == 1 && temps == 0 }

        mutating func add(_ kind: FileName.Kind) {
            switch kind {
            case .temp: temps = min(temps + 1, 3)
            case .blob: blobs = min(blobs + 1, 3)
            case .sidecar: sidecars = min(sidecars + 1, 3)
            case .lock, .unknown: break
            }
        }
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
        try forEachEntityFile(in: directory, subdirectories: { subdirectories.append($0) }) { stem, kind, _ in
            tallies[stem.hashValue, default: Tally()].add(kind)
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
        try forEachEntityFile(in: directory) { stem, kind, name in
            if suspicious.contains(stem.hashValue) { byStem[stem, default: Leftovers()].add(kind, named: name) }
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

    /// Streams one directory: each temp file, blob and sidecar to `body` with its
    /// stem, kind and name, and the name of each subdirectory that continues a key
    /// to `subdirectories`.
    private func forEachEntityFile(
        in directory: String, subdirectories: (String) -> Void = { _ in },
        _ body: (_ stem: String, _ kind: FileName.Kind, _ name: String) -> Void
    ) throws {
        try fileSystem.forEachEntry(in: directory) { entry in
            if entry.isDirectory {
                if StorageName.isEncodedPiece(entry.name) { subdirectories(entry.name) }
                return
            }
            let kind = FileName.parse(entry.name)
            switch kind {
            case .temp(let stem), .blob(let stem, _), .sidecar(let stem): body(stem, kind, entry.name)
            case .lock, .unknown: return
            }
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
