import DeltaCore

extension FileEntityStore {
    /// Walks `files/` for database directories that hold at least one entity; in
    /// logged mode merged with the log's index (a database whose every file entity
    /// is deleted in the log is left out).
    public func listDatabases() async throws(DeltaError) -> [String] {
        let engine = engine
        let pending = log?.pendingDatabases()
        var names = try await io.run { () throws(DeltaError) in try engine.listDatabases() }
        guard let pending else { return names }
        var seen = Set(names.map { Array($0.utf8) })
        for database in pending.withPuts where seen.insert(Array(database.utf8)).inserted {
            names.append(database)
        }
        let withPuts = Set(pending.withPuts.map { Array($0.utf8) })
        for database in pending.withDeletes where !withPuts.contains(Array(database.utf8)) {
            if let position = names.firstIndex(where: { $0.utf8.elementsEqual(database.utf8) }),
               try await listEntities(database: database, prefix: "", after: nil, limit: 1).entities.isEmpty {
                names.remove(at: position)
            }
        }
        return names.sorted(by: EntityStoreRules.bytewiseLess)
    }

    /// Reads the database directory tree (O(entities) per call), keeps only the bytewise-
    /// smallest matching keys a page can need, and reads the metadata of those only. In
    /// logged mode the log's index is merged in: its puts are listed with their logged
    /// version, its deletes are left out.
    ///
    /// A key deleted between the directory read and its sidecar read is skipped; if that
    /// leaves the page short while more keys exist, the tree is read again after the last
    /// key examined. So a page holds exactly what a full sort would have given.
    public func listEntities(
        database: String, prefix: String, after: String?, limit: Int
    ) async throws(DeltaError) -> EntityPage {
        try EntityStoreRules.validateListing(database: database, limit: limit)
        let engine = engine
        // Taken before the files are read: an entity that leaves the index meanwhile is in its file.
        let logged = log?.pendingRows(database: database) ?? [:]
        let loggedKeys = logged.values.compactMap { $0?.key }
            .filter { $0.utf8.starts(with: prefix.utf8) }.sorted(by: EntityStoreRules.bytewiseLess)
        return try await io.run { () throws(DeltaError) in
            var rows: [EntityListing] = []
            var cursor = after
            while true {
                // One key more than the page still needs tells whether a next page exists.
                let needed = limit - rows.count
                let (fileKeys, more) = try engine.selectKeys(
                    database, prefix: prefix, after: cursor, count: needed == Int.max ? needed : needed + 1)
                let keys = Self.merge(fileKeys, more: more, loggedKeys, after: cursor)
                var liveKeyFollows = false
                for key in keys {
                    let state = logged[Array(key.utf8)]
                    if case .some(nil) = state { continue }  // deleted in the log
                    if rows.count == limit {
                        liveKeyFollows = true
                        break
                    }
                    if let state, let row = state {
                        rows.append(row)
                        continue
                    }
                    let id = try EntityID(database: database, key: key)
                    if let metadata = try engine.readCommitted(id, engine.layout.paths(for: id))?.metadata {
                        rows.append(EntityListing(key: key, version: metadata.version, updatedAt: metadata.updatedAt))
                    }
                }
                // Keys beyond the file selection may follow, unread.
                if liveKeyFollows || (rows.count == limit && more) {
                    return EntityPage(entities: rows, nextCursor: rows.last?.key)
                }
                if rows.count == limit || !more {
                    return EntityPage(entities: rows, nextCursor: nil)
                }
                cursor = keys.last
            }
        }
    }

    /// The file keys plus the log-only keys after `after` that sort among them: all
    /// of them if the file selection is complete, else only up to its last key (the
    /// files may hold smaller keys beyond the selection). Sorted, without duplicates.
    private static func merge(_ fileKeys: [String], more: Bool, _ loggedKeys: [String], after: String?) -> [String] {
        let limitKey = more ? fileKeys.last : nil
        var keys = fileKeys
        var seen = Set(fileKeys.map { Array($0.utf8) })
        for key in loggedKeys {
            if let after, !EntityStoreRules.bytewiseLess(after, key) { continue }
            if let limitKey, EntityStoreRules.bytewiseLess(limitKey, key) { break }
            if seen.insert(Array(key.utf8)).inserted { keys.append(key) }
        }
        return keys.sorted(by: EntityStoreRules.bytewiseLess)
    }
}
