import DeltaAuth
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaImport
import DeltaImportS3
import DeltaS3
import DeltaStorage
import Foundation
import Testing

/// The S3 source against moto (`DELTADB_S3_ENDPOINT`, started by
/// `scripts/start_moto.sh --env` or `scripts/test.sh`): the original's bucket layout
/// is read and imported into an S3 target bucket. Left out without moto, except on CI.
@Suite("Importing the original's S3 bucket", .serialized, .enabled(if: Moto.endpoint != nil || Moto.onCI))
struct S3OriginalSourceTests {
    func freshClient(_ name: String) async throws -> S3Client {
        let endpoint = try #require(Moto.endpoint, "DELTADB_S3_ENDPOINT is not set: eval \"$(scripts/start_moto.sh --env)\"")
        let bucket = "import-\(name)-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let client = S3Client(configuration: try S3Configuration(endpoint: endpoint, accessKey: "test", secretKey: "test", bucket: bucket))
        try await client.createBucket()
        return client
    }

    /// Puts one entity the way the original's S3 backend does.
    func putOriginal(_ client: S3Client, key: SymmetricKey, id: String, database: String, entityKey: String, json: String) async throws {
        let box = AESGCM.seal(Array(json.utf8), key: key, aad: [])
        let sidecar = """
            {
              "key_id": "main-key-v1",
              "alg": "AES-GCM",
              "iv": "\(Data(box.nonce).base64EncodedString())",
              "tag": "\(Data(box.tag).base64EncodedString())",
              "schema_id": "",
              "version": 1,
              "writer_id": "proc-1",
              "timestamp": "2025-06-01T10:20:30Z",
              "database": "\(database)",
              "entity_key": "\(entityKey)"
            }
            """
        try await client.putObject("files/\(id).json.enc", box.ciphertext)
        try await client.putObject("files/\(id).meta.json", Array(sidecar.utf8))
    }

    @Test("entities and templates in the original's bucket are listed, read and imported into our S3 layout")
    func importsBucket() async throws {
        let original = try await freshClient("orig")
        let key = SymmetricKey.generate()
        try await putOriginal(original, key: key, id: "chat_db_s_1", database: "chat_db", entityKey: "s_1", json: #"{"a": 1}"#)
        try await putOriginal(original, key: key, id: "users_bob", database: "users", entityKey: "bob", json: #"{"b": 2}"#)
        try await original.putObject("templates/chat.v1.json", Array(#"{"type": "object"}"#.utf8))
        let source = S3OriginalSource(client: original)
        #expect(try await source.names(in: "files").sorted() == [
            "chat_db_s_1.json.enc", "chat_db_s_1.meta.json", "users_bob.json.enc", "users_bob.meta.json",
        ])
        #expect(try await source.names(in: "templates") == ["chat.v1.json"])
        #expect(try await source.read("_auth/keys.json") == nil)

        let store = S3EntityStore(client: try await freshClient("ours"))
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("s3import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sealer = EntitySealer(keyring: KeyringHolder(Keyring(activeKeyID: "ours", activeKey: SymmetricKey.generate())), writerID: "t")
        let target = ImportTarget(
            store: store, schemas: try SchemaCatalog(directory: root + "/templates"), bindings: try DatabaseBindings(root: root),
            keys: try APIKeyStore(path: root + "/_auth/keys.json"), sealer: sealer)
        let report = try await OriginalImporter(source: source, cipher: OriginalCipher(key: key), target: target).run()
        #expect(report.entities == .init(imported: 2, skipped: 0, failed: 0))
        #expect(report.schemas.imported == 1)
        let id = try EntityID(database: "chat_db", key: "s_1")
        let stored = try #require(try await store.read(id))
        #expect(try sealer.open(stored, for: id) == Array(#"{"a":1}"#.utf8))
        let again = try await OriginalImporter(source: source, cipher: OriginalCipher(key: key), target: target).run()
        #expect(again.entities == .init(imported: 0, skipped: 2, failed: 0))
    }
}

/// Where moto is (`DELTADB_S3_ENDPOINT`), and whether this is CI (where S3 tests never skip).
enum Moto {
    static var endpoint: String? {
        ProcessInfo.processInfo.environment["DELTADB_S3_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var onCI: Bool {
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
    }
}
