import DeltaCore
import Foundation

/// The Go original's metadata sidecar (`files/<id>.meta.json`), as it wrote it.
///
/// `database` and `entity_key` are present in the documented version; a later
/// version wrote the namespace as `schema` instead of `database`. Every field is
/// optional here so that a sidecar of either version (or an older one) parses; the
/// importer decides what is missing.
public struct OriginalSidecar: Decodable, Sendable, Equatable {
    public var keyID: String?
    public var alg: String?
    /// Base64 of the 12-byte GCM nonce.
    public var iv: String?
    /// Base64 of the 16-byte GCM tag (the original keeps it out of the blob).
    public var tag: String?
    /// The schema the document was validated against; empty for none.
    public var schemaID: String?
    public var version: UInt64?
    public var writerID: String?
    /// RFC 3339 time of the write.
    public var timestamp: String?
    public var database: String?
    public var entityKey: String?
    /// The later version's name for the namespace (instead of `database`).
    public var schema: String?

    /// A sidecar with the given fields (the importer's tests build them).
    public init(
        keyID: String? = nil, alg: String? = nil, iv: String? = nil, tag: String? = nil, schemaID: String? = nil,
        version: UInt64? = nil, writerID: String? = nil, timestamp: String? = nil, database: String? = nil,
        entityKey: String? = nil, schema: String? = nil
    ) {
        self.keyID = keyID
        self.alg = alg
        self.iv = iv
        self.tag = tag
        self.schemaID = schemaID
        self.version = version
        self.writerID = writerID
        self.timestamp = timestamp
        self.database = database
        self.entityKey = entityKey
        self.schema = schema
    }

    enum CodingKeys: String, CodingKey {
        case keyID = "key_id", alg, iv, tag, schemaID = "schema_id", version, writerID = "writer_id"
        case timestamp, database, entityKey = "entity_key", schema
    }

    /// Parses a sidecar.
    ///
    /// - Throws: `.badRequest` if it is not a JSON object of the expected fields.
    public static func parse(_ bytes: [UInt8]) throws(DeltaError) -> OriginalSidecar {
        do {
            return try JSONDecoder().decode(OriginalSidecar.self, from: Data(bytes))
        } catch {
            throw DeltaError(.badRequest, "the sidecar is not the original's metadata JSON (\(Self.describe(error)))")
        }
    }

    /// The schema id, or nil when empty.
    public var boundSchema: String? {
        guard let schemaID, !schemaID.isEmpty else { return nil }
        return schemaID
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not a JSON object" : "field '\(path)' has the wrong type"
        default:
            return "unreadable"
        }
    }
}
