import DeltaCore
import DeltaJSON
import DeltaStorage
import DeltaSchema
import Foundation

/// A parsed PATCH body.
public enum EntityPatch: Sendable {
    /// RFC 7396 JSON Merge Patch (`application/merge-patch+json`).
    case merge(JSONValue)
    /// RFC 6902 JSON Patch (`application/json-patch+json`).
    case json(JSONPatch)

    /// The media types PATCH accepts.
    public static let mergeMediaType = "application/merge-patch+json"
    public static let jsonPatchMediaType = "application/json-patch+json"

    /// Parses `body` according to its `Content-Type`.
    ///
    /// - Throws: `.unsupportedMediaType` for any other content type,
    ///   `.invalidJSON` for a malformed body, `.badRequest` for a malformed JSON Patch.
    public init(contentType: String?, body: [UInt8]) throws(DeltaError) {
        let mediaType = contentType?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard mediaType == Self.mergeMediaType || mediaType == Self.jsonPatchMediaType else {
            throw DeltaError(
                .unsupportedMediaType,
                "PATCH needs Content-Type \(Self.mergeMediaType) (RFC 7396) or \(Self.jsonPatchMediaType) (RFC 6902)"
                    + (mediaType.isEmpty ? "" : ", not \(mediaType)")
            )
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(body, maxDepth: EntityService.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the patch is not valid JSON: \(error)")
        }
        if mediaType == Self.mergeMediaType {
            self = .merge(document)
            return
        }
        do {
            self = .json(try JSONPatch(document))
        } catch {
            throw error.deltaError
        }
    }

    /// `document` with this patch applied.
    public func apply(to document: JSONValue, limits: JSONLimits) throws(DeltaError) -> JSONValue {
        switch self {
        case .merge(let patch):
            // The result holds at most the document's and the patch's values, once each:
            // its size is checked after serialising.
            return JSONMergePatch.apply(patch, to: document)
        case .json(let patch):
            do {
                return try patch.apply(to: document, limits: limits)
            } catch {
                throw error.deltaError
            }
        }
    }
}

extension JSONPatch.Failure {
    /// A 400 whose detail points at the failing operation in the patch array.
    public var deltaError: DeltaError {
        DeltaError(
            isLimitExceeded ? .payloadTooLarge : .badRequest,
            "the JSON Patch was not applied, nothing was changed: \(message)",
            details: [DeltaError.Detail(pointer: index.map { "/\($0)" } ?? "", message: message)]
        )
    }
}

extension EntityService {
    /// Applies `patch` to the entity's current version and stores the result as
    /// the next version; returns the new document and version.
    ///
    /// Runs under the entity's lock: read, decrypt, patch, validate against the
    /// database's schema, then a storage write that commits only if the entity is
    /// still at the version that was patched (another process may share the
    /// directory; then it re-reads and patches again). Concurrent patches to one
    /// entity therefore never lose each other's changes.
    ///
    /// - Throws: `.notFound` if the entity does not exist, `.badRequest` for a
    ///   patch that does not apply, `.schemaViolation` if the result breaks the
    ///   schema, `.preconditionFailed` if `condition` does not hold.
    public func patch(
        database: String, key: String, patch: EntityPatch, condition: EntityPrecondition?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        let id = try EntityID(database: database, key: key)
        let schema = try await self.schema(for: database)
        let stamp = SchemaStamp(schema)
        let sealer = self.sealer
        return try await entityLocks.withLock(id) { () async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) in
            for _ in 0..<Self.maxPatchAttempts {
                guard let stored = try await store.read(id) else {
                    cache.remove(id)
                    throw notFound(id)
                }
                forgetIfStale(id, stored.metadata)
                try condition?.check(stored.metadata, for: id)
                let base = stored.metadata.version
                let document: JSONValue
                do {
                    document = try JSONParser.parse(try sealer.open(stored, for: id), maxDepth: Self.maxDepth)
                } catch {
                    throw DeltaError(.integrityFailure, "entity '\(id.key)' does not hold valid JSON; restore it from a backup")
                }
                let patched = try patch.apply(to: document, limits: limits)
                let bytes = try checked(patched, key: key, schema: schema)
                let now = Timestamp.now()
                do throws(DeltaError) {
                    let committed = try await store.write(id) { (current) throws(DeltaError) in
                        guard let current else { throw notFound(id) }
                        guard current.version == base else {
                            throw DeltaError(.concurrentWrite, "entity '\(id.key)' changed while the patch was applied")
                        }
                        return try sealer.seal(bytes, for: id, after: current, now: now, schema: stamp)
                    }
                    cache.put(id, CachedDocument(bytes: bytes, committed), cost: bytes.count)
                    return (bytes, committed.version)
                } catch where error.code == .concurrentWrite {
                    // Another process wrote meanwhile: patch its version instead.
                }
            }
            throw DeltaError(.unavailable, "entity '\(id.key)' changed concurrently too often while patching; retry the PATCH")
        }
    }

    /// How often a patch is re-applied when another process commits first.
    public static let maxPatchAttempts = 16

    /// The patched document's bytes, after the depth limit and the schema check.
    private func checked(
        _ document: JSONValue, key: String, schema: (id: String, schema: CompiledSchema, bound: Bool)?
    ) throws(DeltaError) -> [UInt8] {
        guard !document.nests(deeperThan: Self.maxDepth) else {
            throw DeltaError(.badRequest, "the patched document nests deeper than \(Self.maxDepth) levels; nothing was changed")
        }
        let bytes = document.serialized()
        guard bytes.count <= limits.maxBytes else {
            throw DeltaError(
                .payloadTooLarge,
                "the patched document would take \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit for a stored document; nothing was changed"
            )
        }
        if let schema {
            let errors = schema.schema.validate(document)
            guard errors.isEmpty else {
                throw DeltaError(
                    .schemaViolation,
                    "the patched entity '\(key)' does not match schema '\(schema.id)' (\(errors.count) error(s)); nothing was changed",
                    details: errors.map {
                        DeltaError.Detail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: $0.message)
                    }
                )
            }
        }
        return bytes
    }
}
