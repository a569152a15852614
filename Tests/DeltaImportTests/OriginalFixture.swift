import DeltaCrypto
import Foundation

/// A data directory written the way the Go original writes it, for the importer's
/// tests: `files/<db>_<key>.json.enc` (ciphertext without the tag, AES-256-GCM with
/// no associated data), an indented `.meta.json` sidecar with the nonce and tag in
/// base64, `templates/<id>.json`, and `_auth/keys.json` as a bare array.
struct OriginalFixture {
    let root: String
    let key: SymmetricKey
    let keyHex: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("original-\(UUID().uuidString)").path
        let key = SymmetricKey.generate()
        self.key = key
        keyHex = key.hexString
        for directory in ["files", "templates", "_auth"] {
            try FileManager.default.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes one entity; `sidecarNames: false` leaves out `database`/`entity_key`
    /// (an older original), `namespaceField` picks `database` or the later `schema`.
    func entity(
        _ database: String, _ key: String, _ json: String, schemaID: String = "", sidecarNames: Bool = true,
        namespaceField: String = "database", timestamp: String = "2025-06-01T10:20:30.123456789+02:00"
    ) throws {
        let box = AESGCM.seal(Array(json.utf8), key: self.key, aad: [])
        let id = "\(database)_\(key)"
        try Data(box.ciphertext).write(to: URL(fileURLWithPath: "\(root)/files/\(id).json.enc"))
        var sidecar: [String: Any] = [
            "key_id": "main-key-v1", "alg": "AES-GCM",
            "iv": Data(box.nonce).base64EncodedString(), "tag": Data(box.tag).base64EncodedString(),
            "schema_id": schemaID, "version": 3, "writer_id": "proc-1", "timestamp": timestamp,
        ]
        if sidecarNames {
            sidecar[namespaceField] = database
            sidecar["entity_key"] = key
        }
        let data = try JSONSerialization.data(withJSONObject: sidecar, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: URL(fileURLWithPath: "\(root)/files/\(id).meta.json"))
    }

    func template(_ id: String, _ json: String) throws {
        try Data(json.utf8).write(to: URL(fileURLWithPath: "\(root)/templates/\(id).json"))
    }

    /// Flips one byte of an entity's blob.
    func tamper(_ fileID: String) throws {
        let path = "\(root)/files/\(fileID).json.enc"
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[0] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A secret of the original's form and the record the original stores for it.
    static func originalKey(id: String, permissions: [String], expiresAt: String? = nil, enabled: Bool = true) -> (secret: String, record: [String: Any]) {
        let secret = "dk_" + Hex.encode(SecureRandom.bytes(count: 32))
        var record: [String: Any] = [
            "id": id, "name": "key \(id)", "key_hash": Hex.encode(SHA256.hash(Array(secret.utf8))),
            "permissions": permissions, "created_at": "2025-01-02T03:04:05.999999999Z", "enabled": enabled,
        ]
        if let expiresAt { record["expires_at"] = expiresAt }
        return (secret, record)
    }

    func keys(_ records: [[String: Any]]) throws {
        let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted])
        try data.write(to: URL(fileURLWithPath: "\(root)/_auth/keys.json"))
    }
}
