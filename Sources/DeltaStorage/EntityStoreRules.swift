import DeltaCore
import Foundation

/// The rules every `EntityStore` implementation enforces identically, kept in one
/// place so the memory, file and S3 stores cannot drift apart.
package enum EntityStoreRules {
    /// Checks that `next` is a legal successor of `current` for `id`.
    ///
    /// - Throws: `.internal`, because breaking these rules is a bug in the caller's
    ///   `build` closure, not something a client did.
    package static func validateCommit(_ next: StoredEntity, for id: EntityID, current: EntityMetadata?) throws(DeltaError) {
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

    /// Decodes a stored sidecar and checks that it describes `id`.
    ///
    /// - Throws: `.integrityFailure` if the bytes are not valid metadata for `id`.
    package static func decodeMetadata(_ bytes: [UInt8], for id: EntityID) throws(DeltaError) -> EntityMetadata {
        let metadata: EntityMetadata
        do {
            metadata = try JSONDecoder().decode(EntityMetadata.self, from: Data(bytes))
        } catch {
            throw DeltaError(.integrityFailure, "the stored metadata of \(id) is not valid", cause: error)
        }
        guard metadata.database.utf8.elementsEqual(id.database.utf8),
              metadata.entityKey.utf8.elementsEqual(id.key.utf8)
        else {
            throw DeltaError(.integrityFailure, "the stored metadata of \(id) belongs to another entity")
        }
        return metadata
    }

    /// Validates listing arguments.
    package static func validateListing(database: String, limit: Int) throws(DeltaError) {
        try NameRules.validate(database, as: .database)
        guard limit >= 1 else {
            throw DeltaError(.badRequest, "limit must be at least 1 (got \(limit))")
        }
    }

    /// Selects one page from keys already sorted bytewise: those with `prefix`, after
    /// `after`, at most `limit`. `lookup` supplies each key's row and may return nil
    /// for a key that vanished meanwhile; such keys are skipped.
    package static func page(
        sortedKeys: [String], prefix: String, after: String?, limit: Int,
        lookup: (String) throws(DeltaError) -> EntityListing?
    ) throws(DeltaError) -> EntityPage {
        var builder = PageBuilder(sortedKeys: sortedKeys, prefix: prefix, after: after, limit: limit)
        while let key = builder.nextCandidate() {
            if let row = try lookup(key) { builder.add(row) }
        }
        return builder.page
    }

    /// The paging walk of `page`, for stores whose lookups are asynchronous: ask for
    /// the next candidate key, look it up, `add` its row if it still exists, repeat
    /// until `nextCandidate` returns nil, then take `page`.
    package struct PageBuilder {
        private let sortedKeys: [String]
        private let prefix: [UInt8]
        private let after: [UInt8]?
        private let limit: Int
        private var index = 0
        private var rows: [EntityListing] = []
        private var full = false

        package init(sortedKeys: [String], prefix: String, after: String?, limit: Int) {
            self.sortedKeys = sortedKeys
            self.prefix = Array(prefix.utf8)
            self.after = after.map { Array($0.utf8) }
            self.limit = limit
        }

        /// The next key to look up, or nil when the page is complete.
        package mutating func nextCandidate() -> String? {
            while index < sortedKeys.count {
                let key = sortedKeys[index]
                index += 1
                let bytes = Array(key.utf8)
                guard bytes.starts(with: prefix) else { continue }
                if let after, !after.lexicographicallyPrecedes(bytes) { continue }
                // A further match exists: the page is full and has a next page.
                if rows.count == limit { full = true; return nil }
                return key
            }
            return nil
        }

        package mutating func add(_ row: EntityListing) { rows.append(row) }

        /// The page; its cursor is set only if more matching keys follow.
        package var page: EntityPage { EntityPage(entities: rows, nextCursor: full ? rows.last?.key : nil) }
    }

    /// Bytewise ordering of names, independent of Unicode normalisation.
    package static func bytewiseLess(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
