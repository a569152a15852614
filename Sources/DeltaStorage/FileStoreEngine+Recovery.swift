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
    /// Entities converted from the two-file layout to one entity file.
    public var convertedEntities: Int
    /// Legacy sidecars left next to an entity file by an interrupted conversion, removed.
    public var removedStaleSidecars: Int

    /// Creates a report.
    public init(
        removedTempFiles: Int = 0, removedOrphanBlobs: Int = 0, skippedBusyEntities: Int = 0,
        convertedEntities: Int = 0, removedStaleSidecars: Int = 0
    ) {
        self.removedTempFiles = removedTempFiles
        self.removedOrphanBlobs = removedOrphanBlobs
        self.skippedBusyEntities = skippedBusyEntities
        self.convertedEntities = convertedEntities
        self.removedStaleSidecars = removedStaleSidecars
    }
}

extension FileStoreEngine {
    /// Removes what interrupted writes and deletes left behind (temp files, blobs no
    /// sidecar names, legacy files next to an entity file) and converts entities in
    /// the two-file layout to one entity file.
    ///
    /// Safe while other processes use the same directory: each entity is handled only
    /// under its `flock` (taken without waiting; a busy entity is skipped), and its
    /// metadata is re-read under that lock before anything is removed. An entity
    /// with one entity file and nothing else is not even opened, so a clean
    /// directory costs one streamed scan of its names and a few bytes per entity.
    func recover() throws(DeltaError) -> RecoveryReport {
        var report = RecoveryReport()
        StorageEvents.recoveryRunning(true)
        defer { StorageEvents.recoveryRunning(false) }
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
        var hasEntityFile = false

        /// One entity file and nothing else: what every entity looks like unless a
        /// write or delete was interrupted or it is still in the two-file layout.
        var isClean: Bool { temps.isEmpty && blobs.isEmpty && !hasSidecar && hasEntityFile }

        mutating func add(_ kind: FileName.Kind, named name: String) {
            switch kind {
            case .temp: temps.append(name)
            case .blob(_, let version): blobs.append(version)
            case .sidecar: hasSidecar = true
            case .entity: hasEntityFile = true
            case .lock, .unknown: break
            }
        }
    }

    /// How many files of each kind one entity has, counted up to 3: all the first
    /// pass of a directory keeps per entity (two bytes).
    private struct Tally {
        var entityFiles: UInt8 = 0
        /// Sidecars, blobs and temp files: any of them means there is work.
        var others: UInt8 = 0

        var isClean: Bool { entityFiles == 1 && others == 0 }

        mutating func add(_ kind: FileName.Kind) {
            switch kind {
            case .entity: entityFiles = min(entityFiles + 1, 3)
            case .temp, .blob, .sidecar: others = min(others + 1, 3)
            case .lock, .unknown: break
            }
        }
    }

    /// Recovers one directory in two streamed passes. The first keeps a two-byte
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
        var scanned = 0
        try forEachEntityFile(in: directory, subdirectories: { subdirectories.append($0) }) { stem, kind, _ in
            tallies[stem.hashValue, default: Tally()].add(kind)
            scanned += 1
        }
        StorageEvents.recoveryScanned(scanned)
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
            case .temp(let stem), .blob(let stem, _), .sidecar(let stem), .entity(let stem): body(stem, kind, entry.name)
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

    /// Cleans up one entity whose lock the caller holds; returns whether the entity
    /// exists (has readable or unreadable metadata).
    private func removeLeftovers(
        _ id: EntityID, _ paths: EntityPaths, _ temps: [String], _ blobs: [UInt64], _ report: inout RecoveryReport
    ) throws -> Bool {
        // Under the lock nobody writes this entity, so every temp file is stale and the
        // metadata we read now is the truth.
        for name in temps {
            try fileSystem.unlinkIfPresent(paths.directory + "/" + name)
            report.removedTempFiles += 1
        }
        let committed: Committed?
        do {
            committed = try readCommitted(id, paths)
        } catch {
            guard error.code == .integrityFailure else { throw error }
            return true  // never delete files next to metadata we cannot interpret
        }
        var kept: UInt64?
        if let committed, committed.legacy {
            // Convert: the entity file is committed (durably) before the old files go.
            guard let entity = try? readEntity(id, paths), entity.metadata == committed.metadata else {
                return true  // a legacy entity that does not read back whole is left for an operator
            }
            try commit(entity, over: committed, id, paths)
            report.convertedEntities += 1
            kept = committed.metadata.version  // removed by the commit already
        } else if committed != nil, try fileSystem.status(paths.sidecar) != nil {
            try fileSystem.unlinkIfPresent(paths.sidecar)
            report.removedStaleSidecars += 1
        }
        for version in blobs where version != kept {
            try fileSystem.unlinkIfPresent(paths.blob(version))
            report.removedOrphanBlobs += 1
        }
        try fileSystem.syncDirectory(paths.directory)
        return committed != nil
    }
}
