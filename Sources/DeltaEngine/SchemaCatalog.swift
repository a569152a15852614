import DeltaCore
import DeltaCrypto
import DeltaJSON
import DeltaSchema
import Foundation
import Synchronization

/// The JSON Schemas of a deployment (`templates/<schemaID>.json` in the data
/// directory, or in the bucket in S3 mode), compiled and ready to validate.
///
/// Schemas arrive through `PUT /schema/{id}` or are placed in `templates/` by
/// hand; both are picked up. Each use asks the store whether the schema changed
/// (a stat for a directory, a conditional GET for a bucket) and recompiles only
/// when it did, so a schema changed on another machine validates the very next
/// write. A schema is checked against the draft-07 metaschema before it is stored.
/// It does not know which database uses which schema (see `DatabaseBindings`).
public final class SchemaCatalog: Sendable {
    public let documents: any SharedDocumentStore
    /// The folder of schema documents in `documents` (`"templates/"`).
    public let prefix: String
    private let registry = SchemaRegistry()
    private let revisions = Mutex<[String: String]>([:])

    /// Schemas as `<prefix><id>.json` documents of `documents`.
    public init(documents: any SharedDocumentStore, prefix: String = "templates/") {
        self.documents = documents
        self.prefix = prefix
    }

    /// Schemas as `<directory>/<id>.json` files.
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created.
    public convenience init(directory: String) throws(DeltaError) {
        self.init(documents: try DirectoryDocuments(root: directory), prefix: "")
    }

    /// Every schema id, sorted.
    public func ids() async throws(DeltaError) -> [String] {
        try await documents.names(under: prefix).compactMap { name in
            let file = name.dropFirst(prefix.count)
            guard file.hasSuffix(".json"), !file.hasPrefix(".") else { return nil }
            let id = String(file.dropLast(5))
            return NameRules.problem(with: id, kind: .schemaID) == nil ? id : nil
        }.sorted()
    }

    /// The stored schema document, as stored.
    ///
    /// - Throws: `.invalidName`, or `.notFound` if there is no such schema.
    public func document(_ id: String) async throws(DeltaError) -> [UInt8] {
        try NameRules.validate(id, as: .schemaID)
        guard let document = try await documents.fresh(name(id)) else { throw notFound(id) }
        return document.bytes
    }

    /// The compiled schema `id` as stored now, or nil if no such schema exists.
    ///
    /// - Throws: `.badRequest` if the stored document is not a valid schema (someone
    ///   placed a broken file by hand) — writes bound to it fail rather than
    ///   pass unchecked.
    public func compiled(_ id: String) async throws(DeltaError) -> CompiledSchema? {
        guard let document = try await documents.fresh(name(id)) else {
            revisions.withLock { $0[id] = nil }
            _ = try? registry.remove(id: id)
            return nil
        }
        if revisions.withLock({ $0[id] }) == document.revision, let schema = registry.schema(id: id) {
            return schema
        }
        let schema = try registry.add(id: id, json: document.bytes)
        revisions.withLock { $0[id] = document.revision }
        return schema
    }

    /// Checks `bytes` as a draft-07 schema (an object, or the boolean schema `true`
    /// or `false`) and stores it as `templates/<id>.json`.
    ///
    /// - Throws: `.invalidName`, `.invalidJSON`, `.badRequest` with one detail per
    ///   metaschema violation; nothing is stored then.
    public func put(_ id: String, bytes: [UInt8]) async throws(DeltaError) {
        try NameRules.validate(id, as: .schemaID)
        let schema: JSONValue
        do {
            schema = try JSONParser.parse(bytes, maxDepth: EntityService.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the schema is not valid JSON: \(error)")
        }
        // `true` and `false` are whole draft-07 schemas (accept / reject every
        // document), and the original accepted them too.
        switch schema {
        case .object, .bool: break
        default: throw DeltaError(.badRequest, "schema '\(id)' must be a JSON object, or true or false")
        }
        // Schema ids are looked up by Swift string equality (the registry, `$ref`s), so two
        // ids that differ only in Unicode normalisation would shadow each other.
        if let twin = try await ids().first(where: { $0 == id && !$0.utf8.elementsEqual(id.utf8) }) {
            throw DeltaError(
                .badRequest,
                "schema id '\(id)' differs from the existing schema '\(twin)' only in Unicode normalisation; "
                    + "use the existing id, or a clearly different one"
            )
        }
        try registry.add(id: id, schema: schema)
        let serialized = schema.serialized()
        try await documents.update(name(id)) { _ in serialized }
        revisions.withLock { $0[id] = nil }
    }

    /// Deletes schema `id`.
    ///
    /// - Throws: `.notFound` if it does not exist; `.badRequest` if another
    ///   schema references it.
    public func delete(_ id: String) async throws(DeltaError) {
        try NameRules.validate(id, as: .schemaID)
        _ = try await compiled(id)
        _ = try registry.remove(id: id)
        var existed = false
        try await documents.update(name(id)) { document in
            existed = document != nil
            return nil
        }
        guard existed else { throw notFound(id) }
        revisions.withLock { $0[id] = nil }
    }

    /// A short, stable version of a schema's contents for entity metadata.
    public static func version(of schema: CompiledSchema) -> String {
        String(schema.fingerprint, radix: 16)
    }

    private func name(_ id: String) -> String {
        prefix + id + ".json"
    }

    private func notFound(_ id: String) -> DeltaError {
        DeltaError(.notFound, "schema '\(id)' not found; create it with PUT /schema/\(id)")
    }
}
