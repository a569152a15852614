import DeltaCore

/// The rules every `EntityStore` implementation enforces identically, kept in one
/// place so the memory and file stores cannot drift apart.
enum EntityStoreRules {
    /// Checks that `next` is a legal successor of `current` for `id`.
    ///
    /// - Throws: `.internal`, because breaking these rules is a bug in the caller's
    ///   `build` closure, not something a client did.
    static func validateCommit(_ next: StoredEntity, for id: EntityID, current: EntityMetadata?) throws(DeltaError) {
        let expected = (current?.version ?? 0) + 1
        let metadata = next.metadata
        guard metadata.version == expected else {
            throw DeltaError(.internal, "write of \(id) built version \(metadata.version); expected \(expected)")
        }
        guard metadata.database.utf8.elementsEqual(id.database.utf8),
              metadata.entityKey.utf8.elementsEqual(id.key.utf8)
        else {
            throw DeltaError(.internal, "write of \(id) built metadata for another entity")
        }
        guard metadata.size == next.ciphertext.count else {
            throw DeltaError(
                .internal, "write of \(id) declared size \(metadata.size) but has \(next.ciphertext.count) bytes")
        }
    }

    /// Validates listing arguments.
    static func validateListing(database: String, limit: Int) throws(DeltaError) {
        try NameRules.validate(database, as: .database)
        guard limit >= 1 else {
            throw DeltaError(.badRequest, "limit must be at least 1 (got \(limit))")
        }
    }

    /// Selects one page from keys already sorted bytewise: those with `prefix`, after
    /// `after`, at most `limit`. `lookup` supplies each key's row and may return nil
    /// for a key that vanished meanwhile; such keys are skipped.
    static func page(
        sortedKeys: [String], prefix: String, after: String?, limit: Int,
        lookup: (String) throws(DeltaError) -> EntityListing?
    ) throws(DeltaError) -> EntityPage {
        let prefixBytes = Array(prefix.utf8)
        let afterBytes = after.map { Array($0.utf8) }
        var rows: [EntityListing] = []
        for key in sortedKeys {
            let bytes = Array(key.utf8)
            guard bytes.starts(with: prefixBytes) else { continue }
            if let afterBytes, !afterBytes.lexicographicallyPrecedes(bytes) { continue }
            if rows.count == limit { return EntityPage(entities: rows, nextCursor: rows.last?.key) }
            if let row = try lookup(key) { rows.append(row) }
        }
        return EntityPage(entities: rows, nextCursor: nil)
    }

    /// Bytewise ordering of names, independent of Unicode normalisation.
    static func bytewiseLess(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
