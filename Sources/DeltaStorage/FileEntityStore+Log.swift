import DeltaCore

/// Writes and deletes in logged mode: under the entity's in-process lock only (the
/// directory claim is exclusive, so no other process writes), committed by a
/// flushed log record.
extension FileEntityStore {
    /// The newest metadata, for a caller holding the entity's lock: the log's index
    /// first, else the entity file (then nothing about this entity waits in the log,
    /// and only this caller could add something).
    private func currentMetadata(_ log: WriteAheadLog, _ id: EntityID) async throws(DeltaError) -> EntityMetadata? {
        if let pending = log.lookup(id) { return pending.metadata }
        let engine = engine
        return try await io.run { () throws(DeltaError) in try engine.readCommitted(id, engine.layout.paths(for: id))?.metadata }
    }

    func writeToLog(
        _ log: WriteAheadLog, _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata {
        try await locks.withLock(id) { () async throws(DeltaError) -> EntityMetadata in
            let current = try await currentMetadata(log, id)
            let next = try build(current)
            try EntityStoreRules.validateCommit(next, for: id, current: current)
            try await log.append(.put(next))
            return next.metadata
        }
    }

    func deleteInLog(
        _ log: WriteAheadLog, _ id: EntityID, _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool {
        try await locks.withLock(id) { () async throws(DeltaError) -> Bool in
            let current = try await currentMetadata(log, id)
            try check(current)
            guard current != nil else { return false }
            try await log.append(.delete(id))
            return true
        }
    }

    /// Writes every logged change to its entity file now and retires the covered
    /// log segments (tests; the background materialisers do this on their own).
    ///
    /// - Throws: `.storageFailure` from the first entity file or checkpoint that fails.
    func checkpoint() async throws(DeltaError) {
        guard let log else { return }
        try await io.run { () throws(DeltaError) in try log.checkpointNow() }
    }
}

extension WriteAheadLog {
    /// The log-only state of every entity of `database`, by the key's UTF-8 bytes
    /// (not `String` equality, which would merge canonically equivalent keys): a
    /// listing row for a put, nil for a delete.
    func pendingRows(database: String) -> [[UInt8]: EntityListing?] {
        condition.lock()
        defer { condition.unlock() }
        var rows: [[UInt8]: EntityListing?] = [:]
        for (id, entry) in index where id.database.utf8.elementsEqual(database.utf8) {
            let row = entry.value.metadata.map { EntityListing(key: id.key, version: $0.version, updatedAt: $0.updatedAt) }
            rows.updateValue(row, forKey: Array(id.key.utf8))  // keeps nil rows, unlike `rows[key] = row`
        }
        return rows
    }

    /// Databases with a log-only put, and those with a log-only delete.
    func pendingDatabases() -> (withPuts: [String], withDeletes: [String]) {
        condition.lock()
        defer { condition.unlock() }
        var puts: [[UInt8]: String] = [:]
        var deletes: [[UInt8]: String] = [:]
        for (id, entry) in index {
            if entry.value.metadata == nil {
                deletes[Array(id.database.utf8)] = id.database
            } else {
                puts[Array(id.database.utf8)] = id.database
            }
        }
        return (Array(puts.values), Array(deletes.values))
    }
}
