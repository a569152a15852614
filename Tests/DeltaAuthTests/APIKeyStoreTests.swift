import DeltaAuth
import DeltaCore
import Foundation
import Testing

@Suite("API key store")
struct APIKeyStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)").path
    var path: String { directory + "/_auth/keys.json" }

    @Test("a created key verifies with its secret and carries its permissions and scope")
    func createAndVerify() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let issued = try await store.create(name: "ci", permissions: [.read, .write], databases: ["chatdb"], expiresIn: nil)
        #expect(issued.secret.hasPrefix("dk_\(issued.record.id)_"))
        let principal = try #require(try await store.verify(secret: issued.secret))
        #expect(principal.clientID == issued.record.id)
        #expect(principal.permissions == [.read, .write])
        #expect(principal.databases == ["chatdb"])
        #expect(!principal.isAdmin)
        #expect(try await store.verify(secret: issued.secret + "x") == nil)
        #expect(try await store.verify(secret: "dk_\(issued.record.id)_wrong") == nil)
        #expect(try await store.verify(secret: "not-a-key") == nil)
    }

    @Test("keys.json holds no secret, only salted hashes, and is mode 0600")
    func fileHasNoSecret() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let issued = try await store.create(name: "ci", permissions: [.read], databases: nil, expiresIn: nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let randomPart = String(issued.secret.split(separator: "_", maxSplits: 2)[2])
        #expect(!text.contains(issued.secret))
        #expect(!text.contains(randomPart))
        #expect(text.contains(issued.record.hash))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("keys survive a restart and a delete made by another store sharing the file revokes at once")
    func sharedFile() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try APIKeyStore(path: path)
        let issued = try await first.create(name: "shared", permissions: [.read], databases: nil, expiresIn: nil)
        let second = try APIKeyStore(path: path)
        #expect(try await second.verify(secret: issued.secret) != nil)
        #expect(try await second.list().map(\.id) == [issued.record.id])
        #expect(try await first.delete(id: issued.record.id))
        #expect(try await second.verify(secret: issued.secret) == nil)
        #expect(try await !second.delete(id: issued.record.id))
    }

    @Test("an expired key no longer verifies")
    func expiry() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let now = Date()
        let issued = try await store.create(name: "short", permissions: [.read], databases: nil, expiresIn: 5, now: now)
        #expect(try await store.verify(secret: issued.secret, now: now.addingTimeInterval(4)) != nil)
        #expect(try await store.verify(secret: issued.secret, now: now.addingTimeInterval(6)) == nil)
    }

    @Test("an expiry that cannot be read means expired, not never")
    func unreadableExpiry() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let issued = try await store.create(name: "short", permissions: [.read], databases: nil, expiresIn: 60)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: issued.record.expiresAt!, with: "next tuesday")
        #expect(edited != text)
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try await APIKeyStore(path: path).verify(secret: issued.secret) == nil)
    }

    @Test("scopes keep names that differ only in Unicode normalisation apart")
    func scopeKeepsBytes() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let issued = try await store.create(name: "s", permissions: [.read], databases: ["caf\u{E9}", "cafe\u{301}"], expiresIn: nil)
        #expect(issued.record.databases?.count == 2)
        let principal = try #require(try await store.verify(secret: issued.secret))
        #expect(throws: Never.self) { try principal.require(.read, database: "cafe\u{301}") }
        #expect(throws: Never.self) { try principal.require(.read, database: "caf\u{E9}") }
    }

    @Test("bad key requests are rejected", arguments: [("", [Permission.read]), ("ok", [])])
    func invalidCreate(name: String, permissions: [Permission]) async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        await #expect(throws: DeltaError.self) {
            try await store.create(name: name, permissions: permissions, databases: nil, expiresIn: nil)
        }
        await #expect(throws: DeltaError.self) {
            try await store.create(name: "x", permissions: [.read], databases: ["a/b"], expiresIn: nil)
        }
    }
}
