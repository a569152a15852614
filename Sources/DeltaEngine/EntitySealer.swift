import DeltaSchema
import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation

/// Encrypts documents into `StoredEntity` values and decrypts them back.
///
/// The AES-GCM additional authenticated data binds each blob to the database
/// and key it was *requested* under (not the ones its sidecar claims), its
/// version and its key id, so a blob and sidecar copied onto another entity, or
/// an edited sidecar, fail to decrypt instead of returning the wrong document.
/// It does no I/O and no caching.
public struct EntitySealer: Sendable {
    public let keyring: KeyringHolder
    public let writerID: String

    /// A sealer using `keyring`'s active key, recording `writerID` in metadata.
    public init(keyring: KeyringHolder, writerID: String) {
        self.keyring = keyring
        self.writerID = writerID
    }

    /// Seals `plaintext` as the next version after `current`, with the active key.
    public func seal(
        _ plaintext: [UInt8], for id: EntityID, after current: EntityMetadata?, now: String,
        schema: SchemaStamp? = nil
    ) throws(DeltaError) -> StoredEntity {
        let version = (current?.version ?? 0) + 1
        let keyring = try keyring.current()
        let keyID = keyring.activeKeyID
        let key = keyring.activeKey
        let aad = EntityAAD.bytes(database: id.database, entityKey: id.key, version: version, keyID: keyID)
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        let metadata = EntityMetadata(
            keyID: keyID,
            alg: "AES-GCM",
            iv: Data(box.nonce).base64EncodedString(),
            tag: Data(box.tag).base64EncodedString(),
            schemaID: schema?.id,
            schemaVersion: schema?.version,
            version: version,
            writerID: writerID,
            createdAt: current?.createdAt ?? now,
            updatedAt: now,
            database: id.database,
            entityKey: id.key,
            size: box.ciphertext.count
        )
        return StoredEntity(metadata: metadata, ciphertext: box.ciphertext)
    }

    /// Decrypts a stored entity read for `id`.
    ///
    /// - Throws: `.integrityFailure` if the sidecar belongs to another entity or
    ///   authentication fails; `.keyUnavailable` if its key is not in the keyring.
    public func open(_ stored: StoredEntity, for id: EntityID) throws(DeltaError) -> [UInt8] {
        let metadata = stored.metadata
        guard DatabaseName.same(metadata.database, id.database), DatabaseName.same(metadata.entityKey, id.key) else {
            throw DeltaError(
                .integrityFailure,
                "stored metadata for \(id) names another entity; the files were moved or edited — restore them from a backup"
            )
        }
        guard metadata.alg == "AES-GCM",
              let nonce = Data(base64Encoded: metadata.iv), let tag = Data(base64Encoded: metadata.tag)
        else {
            throw DeltaError(.integrityFailure, "stored metadata for \(id) is malformed (alg, iv or tag)")
        }
        let key = try keyring.current().key(for: metadata.keyID)
        let aad = EntityAAD.bytes(
            database: id.database, entityKey: id.key, version: metadata.version, keyID: metadata.keyID
        )
        let box = SealedBox(nonce: Array(nonce), ciphertext: stored.ciphertext, tag: Array(tag))
        return try AESGCM.open(box, key: key, aad: aad)
    }
}

/// The schema a document was validated against, recorded in its metadata.
public struct SchemaStamp: Sendable, Hashable {
    public var id: String
    public var version: String?

    public init(id: String, version: String?) {
        self.id = id
        self.version = version
    }
}

extension SchemaStamp {
    /// The stamp of the schema a write was validated against, or nil for none.
    public init?(_ schema: (id: String, schema: CompiledSchema, bound: Bool)?) {
        guard let schema else { return nil }
        self.init(id: schema.id, version: SchemaCatalog.version(of: schema.schema))
    }
}
