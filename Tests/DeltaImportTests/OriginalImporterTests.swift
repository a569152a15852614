import DeltaAuth
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaImport
import DeltaStorage
import Foundation
import Testing

@Suite("Importing the original's data directory")
struct OriginalImporterTests {
    /// A target directory of ours with its stores, and the key it is sealed with.
    struct Target {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString)").path
        let keyring = KeyringHolder(Keyring(activeKeyID: "ours-v1", activeKey: SymmetricKey.generate()))

        func open() throws -> ImportTarget {
            ImportTarget(
                store: try FileEntityStore(root: root, writerID: "import-test"),
                schemas: try SchemaCatalog(directory: root + "/templates"),
                bindings: try DatabaseBindings(root: root),
                keys: try APIKeyStore(path: root + "/_auth/keys.json"),
                sealer: EntitySealer(keyring: keyring, writerID: "import-original")
            )
        }

        func document(_ database: String, _ key: String) async throws -> String? {
            let target = try open()
            let id = try EntityID(database: database, key: key)
            guard let stored = try await target.store!.read(id) else { return nil }
            return String(decoding: try target.sealer.open(stored, for: id), as: UTF8.self)
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: root)
        }
    }

    func makeFixture() throws -> OriginalFixture {
        let fixture = try OriginalFixture()
        try fixture.template("chat.v1", #"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "required": ["messages"]}"#)
        try fixture.entity("chatdb", "session_001", #"{"messages": [{"role": "user", "content": "Hi"}]}"#, schemaID: "chat.v1")
        try fixture.entity("chatdb", "session_002", #"{"messages": []}"#, schemaID: "chat.v1")
        try fixture.entity("users", "alice", #"{"name": "Alice", "n": 1.50}"#)
        try fixture.entity("old", "a_b", #"{"guess": true}"#, sidecarNames: false)
        try fixture.entity("later", "k", #"[1, 2]"#, namespaceField: "schema")
        return fixture
    }

    func importer(_ fixture: OriginalFixture, _ target: ImportTarget, dryRun: Bool = false, key: String? = nil) throws -> OriginalImporter {
        OriginalImporter(
            source: try OriginalDirectory(root: fixture.root), cipher: try OriginalCipher(hex: key ?? fixture.keyHex),
            target: target, options: .init(dryRun: dryRun, concurrency: 4))
    }

    @Test("every entity is imported, re-encrypted under our key, with its schema binding and time")
    func imports() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        let report = try await importer(fixture, try target.open()).run()
        #expect(report.entities == .init(imported: 5, skipped: 0, failed: 0), "\(report.failed)")
        #expect(report.schemas.imported == 1 && report.bindings.imported == 1)
        #expect(try await target.document("chatdb", "session_001") == #"{"messages":[{"role":"user","content":"Hi"}]}"#)
        #expect(try await target.document("users", "alice") == #"{"name":"Alice","n":1.50}"#)
        #expect(try await target.document("old", "a_b") == #"{"guess":true}"#)
        #expect(try await target.document("later", "k") == "[1,2]")
        #expect(report.guessedSplits.map(\.name) == ["old_a_b"])
        let opened = try target.open()
        #expect(try await opened.bindings?.binding(of: "chatdb") == "chat.v1")
        #expect(try await opened.bindings?.binding(of: "users") == nil)
        let metadata = try #require(try await opened.store?.readMetadata(EntityID(database: "chatdb", key: "session_001")))
        #expect(metadata.keyID == "ours-v1" && metadata.version == 1 && metadata.schemaID == "chat.v1")
        #expect(metadata.updatedAt == "2025-06-01T08:20:30.123Z" && metadata.createdAt == metadata.updatedAt)
    }

    @Test("a second run (as after a crash) imports nothing again and changes nothing")
    func idempotent() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        _ = try await importer(fixture, try target.open()).run()
        let id = try EntityID(database: "chatdb", key: "session_002")
        let before = try await target.open().store?.read(id)
        let again = try await importer(fixture, try target.open()).run()
        #expect(again.entities == .init(imported: 0, skipped: 5, failed: 0))
        #expect(again.skipped.filter { $0.kind == .entity }.allSatisfy { $0.reason.hasPrefix("already imported") })
        #expect(again.schemas.skipped == 1 && again.bindings.skipped == 1)
        #expect(try await target.open().store?.read(id) == before)
        // A document changed in the target after the import is left alone and reported.
        let opened = try target.open()
        _ = try await opened.store!.write(id) { current throws(DeltaError) in
            try opened.sealer.seal(Array(#"{"messages":["changed"]}"#.utf8), for: id, after: current, now: "2026-01-01T00:00:00.000Z")
        }
        let third = try await importer(fixture, try target.open()).run()
        #expect(third.skipped.contains { $0.name == "chatdb_session_002" && $0.reason.contains("different document") })
        #expect(try await target.document("chatdb", "session_002") == #"{"messages":["changed"]}"#)
    }

    @Test("a wrong original key stops the run on the first entity, before anything is written")
    func wrongKey() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        let error = await #expect(throws: DeltaError.self) {
            try await importer(fixture, try target.open(), key: SymmetricKey.generate().hexString).run()
        }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("not the key the original ran with") == true)
        #expect(try await target.open().store?.listDatabases() == [])
        #expect(try await target.open().schemas?.ids() == [])
    }

    @Test("a tampered blob is reported and not imported; the key check looks past it")
    func tampered() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        try fixture.tamper("chatdb_session_001")  // the first file in order
        let report = try await importer(fixture, try target.open()).run()
        #expect(report.entities == .init(imported: 4, skipped: 0, failed: 1))
        #expect(report.failed.first?.name == "chatdb_session_001")
        #expect(report.failed.first?.reason.contains("decryption failed") == true)
        #expect(try await target.document("chatdb", "session_001") == nil)
    }

    @Test("a dry run reports the same counts and writes nothing")
    func dryRun() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        let sealer = EntitySealer(keyring: target.keyring, writerID: "x")
        let dry = ImportTarget(store: nil, schemas: nil, bindings: nil, keys: nil, sealer: sealer)
        let report = try await importer(fixture, dry, dryRun: true).run()
        #expect(report.dryRun && report.entities.imported == 5 && report.schemas.imported == 1 && report.bindings.imported == 1)
        #expect(!FileManager.default.fileExists(atPath: target.root))
    }

    @Test("databases whose entities name different schemas are reported, not bound")
    func bindingConflict() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        try fixture.template("other.v1", #"{"type": "object"}"#)
        try fixture.entity("chatdb", "session_003", #"{"x": 1}"#, schemaID: "other.v1")
        let report = try await importer(fixture, try target.open()).run()
        #expect(report.bindings.failed == 1)
        #expect(report.failed.contains { $0.kind == .binding && $0.name == "chatdb" && $0.reason.contains("chat.v1, other.v1") })
        #expect(try await target.open().bindings?.binding(of: "chatdb") == nil)
    }

    @Test("API keys keep working with the same secrets; disabled and expired ones stay refused")
    func keys() async throws {
        let fixture = try makeFixture()
        let target = Target()
        defer { fixture.remove(); target.remove() }
        let reader = OriginalFixture.originalKey(id: "00000000000000a1", permissions: ["read"])
        let admin = OriginalFixture.originalKey(id: "00000000000000a2", permissions: ["admin"], expiresAt: "2999-01-01T00:00:00Z")
        let expired = OriginalFixture.originalKey(id: "00000000000000a3", permissions: ["read"], expiresAt: "2020-01-01T00:00:00Z")
        let disabled = OriginalFixture.originalKey(id: "00000000000000a4", permissions: ["write"], enabled: false)
        try fixture.keys([reader.record, admin.record, expired.record, disabled.record])
        let report = try await importer(fixture, try target.open()).run()
        #expect(report.keys.imported == 4)
        let keys = try #require(try target.open().keys)
        #expect(try await keys.verify(secret: reader.secret)?.permissions == [.read])
        #expect(try await keys.verify(secret: admin.secret)?.permissions == [.admin])
        #expect(try await keys.verify(secret: expired.secret) == nil)
        #expect(try await keys.verify(secret: disabled.secret) == nil)
        // The used keys were upgraded to salted hashes; the refused ones were not.
        let records = await Dictionary(uniqueKeysWithValues: try keys.list().map { ($0.id, $0) })
        #expect(records["00000000000000a1"]?.legacy == .salted && records["00000000000000a1"]?.salt.isEmpty == false)
        #expect(records["00000000000000a3"]?.legacy == .sha256 && records["00000000000000a4"]?.legacy == .sha256)
        #expect(try await keys.verify(secret: reader.secret)?.clientID == "00000000000000a1")
        let again = try await importer(fixture, try target.open()).run()
        #expect(again.keys == .init(imported: 0, skipped: 4, failed: 0))
        #expect(try await target.open().keys?.list().count == 4)
    }
}
