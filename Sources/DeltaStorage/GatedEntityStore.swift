import DeltaCore

/// An `EntityStore` whose writes and deletes pass a `WriteGate`, so a backup can
/// pause them and copy a point-in-time state while reads go on.
///
/// The all-in-one server (the directory's only writer) wraps its store in one;
/// everything else is forwarded unchanged to `base`.
public struct GatedEntityStore: EntityStore {
    /// The store that does the work.
    public let base: any EntityStore
    /// The gate writes pass; `gate.pausingWrites` holds them back.
    public let gate: WriteGate

    /// Wraps `base` behind a new, open gate.
    public init(_ base: any EntityStore, gate: WriteGate = WriteGate()) {
        self.base = base
        self.gate = gate
    }

    public func read(_ id: EntityID) async throws(DeltaError) -> StoredEntity? {
        try await base.read(id)
    }

    public func readMetadata(_ id: EntityID) async throws(DeltaError) -> EntityMetadata? {
        try await base.readMetadata(id)
    }

    public func write(
        _ id: EntityID, _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata {
        await gate.enter()
        defer { gate.leave() }
        return try await base.write(id, build)
    }

    public func delete(
        _ id: EntityID, _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool {
        await gate.enter()
        defer { gate.leave() }
        return try await base.delete(id, check)
    }

    public func listDatabases() async throws(DeltaError) -> [String] {
        try await base.listDatabases()
    }

    public func listEntities(database: String, prefix: String, after: String?, limit: Int) async throws(DeltaError) -> EntityPage {
        try await base.listEntities(database: database, prefix: prefix, after: after, limit: limit)
    }

    public func close() async throws(DeltaError) {
        try await base.close()
    }
}
