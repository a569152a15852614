import DeltaCore
import DeltaJSON
import DeltaStorage
import DeltaSchema
import Foundation

/// A parsed PATCH body.
enum EntityPatch: Sendable {
    /// RFC 7396 JSON Merge Patch (`application/merge-patch+json`).
    case merge(JSONValue)
    /// RFC 6902 JSON Patch (`application/json-patch+json`).
    case json(JSONPatch)

    /// The media types PATCH accepts.
    static let mergeMediaType = "application/merge-patch+json"
    static let jsonPatchMediaType = "application/json-patch+json"

    /// Parses `body` according to its `Content-Type`.
    ///
    /// - Throws: `.unsupportedMediaType` for any other content type,
    ///   `.invalidJSON` for a malformed body, `.badRequest` for a malformed JSON Patch.
    init(contentType: String?, body: [UInt8]) throws(DeltaError) {
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
    func apply(to document: JSONValue) throws(DeltaError) -> JSONValue {
        switch self {
        case .merge(let patch):
            return JSONMergePatch.apply(patch, to: document)
        case .json(let patch):
            do {
                return try patch.apply(to: document)
            } catch {
                throw error.deltaError
            }
        }
    }
}

extension JSONPatch.Failure {
    /// A 400 whose detail points at the failing operation in the patch array.
    var deltaError: DeltaError {
        DeltaError(
            .badRequest,
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
    func patch(
        database: String, key: String, patch: EntityPatch, condition: EntityPrecondition?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        let id = try EntityID(database: database, key: key)
        let schema = try self.schema(for: database)
        let stamp = schema.map { SchemaStamp(id: $0.id, version: SchemaCatalog.version(of: $0.schema)) }
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
                let patched = try patch.apply(to: document)
                let bytes = try checked(patched, key: key, schema: schema)
                let now = Timestamp.now()
                do throws(DeltaError) {
                    let committed = try await store.write(id) { (current) throws(DeltaError) in
                        guard let current else { throw notFound(id) }
                        guard current.version == base else { throw Self.patchRaced }
                        return try sealer.seal(bytes, for: id, after: current, now: now, schema: stamp)
                    }
                    cache.put(id, CachedDocument(bytes: bytes, committed), cost: bytes.count)
                    return (bytes, committed.version)
                } catch {
                    // Another process wrote meanwhile: patch its version instead.
                    guard error.code == Self.patchRaced.code, error.message == Self.patchRaced.message else { throw error }
                }
            }
            throw DeltaError(.unavailable, "entity '\(id.key)' changed concurrently too often while patching; retry the PATCH")
        }
    }

    /// How often a patch is re-applied when another process commits first.
    static let maxPatchAttempts = 16
    private static let patchRaced = DeltaError(.unavailable, "entity changed while the patch was applied")

    /// The patched document's bytes, after the depth limit and the schema check.
    private func checked(
        _ document: JSONValue, key: String, schema: (id: String, schema: CompiledSchema, bound: Bool)?
    ) throws(DeltaError) -> [UInt8] {
        let bytes = document.serialized()
        do {
            _ = try JSONParser.parse(bytes, maxDepth: Self.maxDepth)
        } catch {
            throw DeltaError(.badRequest, "the patched document nests deeper than \(Self.maxDepth) levels; nothing was changed")
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
