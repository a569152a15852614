import DeltaCore

/// An in-memory `EntityStore`: the reference semantics every other store must match,
/// and the store tests use when they do not care about files.
///
/// An actor, so each operation — including the caller's `build`/`check` closure —
/// runs alone; that is the per-entity lock (stricter than needed, which is fine for
/// tests). It has no durability, no cross-process locking and no size limits.
public actor MemoryEntityStore: EntityStore {
    private var entities: [EntityID: StoredEntity] = [:]

    /// Creates an empty store.
    public init() {}

    /// The stored entity (see `EntityStore.read`).
    public func read(_ id: EntityID) throws(DeltaError) -> StoredEntity? {
        entities[id]
    }

    /// The stored metadata (see `EntityStore.readMetadata`).
    public func readMetadata(_ id: EntityID) throws(DeltaError) -> EntityMetadata? {
        entities[id]?.metadata
    }

    /// Runs `build` and stores its result atomically (see `EntityStore.write`).
    public func write(
        _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) throws(DeltaError) -> EntityMetadata {
        let current = entities[id]?.metadata
        let next = try build(current)
        try EntityStoreRules.validateCommit(next, for: id, current: current)
        entities[id] = next
        return next.metadata
    }

    /// Runs `check` and removes the entity (see `EntityStore.delete`).
    public func delete(
        _ id: EntityID,
        _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) throws(DeltaError) -> Bool {
        let current = entities[id]?.metadata
        try check(current)
        return entities.removeValue(forKey: id) != nil
    }

    /// Databases with at least one entity, sorted bytewise.
    public func listDatabases() throws(DeltaError) -> [String] {
        var names: [String] = []
        var seen = Set<[UInt8]>()
        for id in entities.keys where seen.insert(Array(id.database.utf8)).inserted {
            names.append(id.database)
        }
        return names.sorted(by: EntityStoreRules.bytewiseLess)
    }

    /// One page of keys (see `EntityStore.listEntities`).
    public func listEntities(
        database: String, prefix: String, after: String?, limit: Int
    ) throws(DeltaError) -> EntityPage {
        try EntityStoreRules.validateListing(database: database, limit: limit)
        let rows = entities.filter { $0.key.database.utf8.elementsEqual(database.utf8) }
        let keys = rows.keys.map(\.key).sorted(by: EntityStoreRules.bytewiseLess)
        return try EntityStoreRules.page(sortedKeys: keys, prefix: prefix, after: after, limit: limit) { key throws(DeltaError) in
            let id = try EntityID(database: database, key: key)
            return rows[id].map { EntityListing(key: key, version: $0.metadata.version, updatedAt: $0.metadata.updatedAt) }
        }
    }
}
