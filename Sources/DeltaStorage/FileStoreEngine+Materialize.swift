import DeltaCore

extension FileStoreEngine {
    /// Writes the newest logged state of `id` to its entity files, under the
    /// entity's `flock`, without syncing (the log holds the write until its
    /// checkpoint has synced the file system) (so recovery and claim-less tools never see it half
    /// done). Called by the write-ahead log's materialisers.
    ///
    /// Idempotent: replay after a crash may hand over a state the files already
    /// hold, which is then left alone.
    ///
    /// - Throws: `.storageFailure`; the log keeps the record and retries.
    func materialize(_ id: EntityID, _ pending: WriteAheadLog.Pending) throws(DeltaError) {
        let paths = layout.paths(for: id)
        guard let fd = try acquireLock(paths, blocking: true) else {
            throw DeltaError(.internal, "blocking lock returned without the lock")
        }
        var exists = true
        do throws(DeltaError) {
            // Metadata we cannot read is replaced: the log holds the newer truth. Its
            // blobs are left for recovery (which never guesses next to bad metadata).
            let onDisk: Committed?
            let unreadable: Bool
            do throws(DeltaError) {
                onDisk = try readCommitted(id, paths)
                unreadable = false
            } catch where error.code == .integrityFailure {
                onDisk = nil
                unreadable = true
            }
            switch pending {
            case .put(let entity):
                if onDisk?.metadata != entity.metadata { try commit(entity, over: onDisk, id, paths, durably: false) }
            case .deleted:
                if let onDisk {
                    try delete(onDisk, id, paths, durably: false)
                } else if unreadable {
                    try removeUnreadable(id, paths)
                }
                exists = false
            }
        } catch {
            releaseLock(fd, paths, entityExists: true)
            throw error
        }
        releaseLock(fd, paths, entityExists: exists)
    }

    /// Removes an entity whose metadata cannot be read (synced by the checkpoint).
    private func removeUnreadable(_ id: EntityID, _ paths: EntityPaths) throws(DeltaError) {
        do {
            try fileSystem.unlinkIfPresent(paths.sidecar)
            try fileSystem.unlinkIfPresent(paths.entityFile)
        } catch {
            throw DeltaError.storage("could not delete \(id)", error)
        }
    }
}
