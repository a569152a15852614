import DeltaAuth
import DeltaCore
import DeltaEngine
import DeltaS3
import Foundation
import Testing

/// What several servers on one bucket see of each other's keys, schemas and
/// bindings (needs an S3 server: moto or SeaweedFS via DELTADB_S3_ENDPOINT).
@Suite("S3 documents across machines")
struct S3DocumentsTests {
    /// Two started stores on one fresh bucket, refreshing every `interval`.
    func machines(refresh interval: Duration = .seconds(60)) async throws -> (S3Documents, S3Documents)? {
        guard S3TestServer.endpoint != nil || S3TestServer.onCI else { return nil }
        let client = try await S3TestServer.freshClient()
        let a = S3Documents(client: client, refreshInterval: interval)
        let b = S3Documents(client: S3Client(configuration: client.configuration), refreshInterval: interval)
        try await a.start()
        try await b.start()
        return (a, b)
    }

    @Test("the local copy follows the bucket within the refresh interval; current sees a change at once")
    func refresh() async throws {
        guard let (a, b) = try await machines(refresh: .milliseconds(100)) else { return }
        try await a.update("_meta/databases.json") { _ in Array(#"{"db":"s"}"#.utf8) }
        #expect(try await b.current("_meta/databases.json")?.bytes == Array(#"{"db":"s"}"#.utf8))
        try await a.update("templates/s.json") { _ in Array("true".utf8) }
        var seen = false
        for _ in 0..<50 where !seen {
            try await Task.sleep(for: .milliseconds(50))
            seen = try b.cached("templates/s.json") != nil
        }
        #expect(seen, "the background refresh picks up a new document")
        try await a.update("templates/s.json") { _ in nil }
        var gone = false
        for _ in 0..<50 where !gone {
            try await Task.sleep(for: .milliseconds(50))
            gone = try b.cached("templates/s.json") == nil
        }
        #expect(gone, "and drops a deleted one")
    }

    @Test("a key created through one server works on another at once; its deletion reaches the other's next refresh")
    func keysAcrossMachines() async throws {
        guard let (a, b) = try await machines() else { return }
        let keysA = try APIKeyStore(documents: a)
        let keysB = try APIKeyStore(documents: b)
        let issued = try await keysA.create(name: "app", permissions: [.read], databases: nil, expiresIn: nil)
        // B's copy is a minute old at most here, but an unknown key id is looked up in the bucket.
        #expect(try await keysB.verify(secret: issued.secret)?.clientID == issued.record.id)
        #expect(try await keysB.delete(id: issued.record.id))
        #expect(try await keysA.list().isEmpty)
        try await a.refresh()
        #expect(try await keysA.verify(secret: issued.secret) == nil)
    }

    @Test("a schema and a binding made through one server validate the next write on another")
    func schemasAcrossMachines() async throws {
        guard let (a, b) = try await machines() else { return }
        try await SchemaCatalog(documents: a).put("orders", bytes: Array(#"{"type":"object","required":["n"]}"#.utf8))
        try await DatabaseBindings(documents: a).bind("shop", to: "orders")
        let schemasB = SchemaCatalog(documents: b)
        #expect(try await DatabaseBindings(documents: b).binding(of: "shop") == "orders")
        let compiled = try #require(try await schemasB.compiled("orders"))
        try await SchemaCatalog(documents: a).put("orders", bytes: Array(#"{"type":"object","required":["m"]}"#.utf8))
        let changed = try #require(try await schemasB.compiled("orders"))
        #expect(compiled.fingerprint != changed.fingerprint, "a changed schema is recompiled on its next use")
        #expect(try await schemasB.ids() == ["orders"])
    }
}
