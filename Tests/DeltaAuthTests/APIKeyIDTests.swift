@testable import DeltaAuth
import DeltaCore
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 21, item 12: a new key never reuses the id of an existing one.
@Suite("API key ids")
struct APIKeyIDTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyids-\(UUID().uuidString)").path
    var path: String { directory + "/_auth/keys.json" }

    @Test("a drawn id that is already taken is drawn again")
    func collisionIsRedrawn() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let draws = Mutex(["0000000a", "0000000a", "0000000a", "0000000b"])
        let store = try APIKeyStore(path: path, makeID: { draws.withLock { $0.removeFirst() } })
        let first = try await store.create(name: "one", permissions: [.read], databases: nil, expiresIn: nil)
        let second = try await store.create(name: "two", permissions: [.read], databases: nil, expiresIn: nil)
        #expect(first.record.id == "0000000a")
        #expect(second.record.id == "0000000b")
        #expect(try await store.verify(secret: first.secret)?.clientID == "0000000a")
        #expect(try await store.verify(secret: second.secret)?.clientID == "0000000b")
    }

    @Test("a random source that keeps colliding is an error, not a duplicate")
    func brokenRandomSource() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path, makeID: { "0000000a" })
        _ = try await store.create(name: "one", permissions: [.read], databases: nil, expiresIn: nil)
        await #expect(throws: DeltaError.self) { try await store.create(name: "two", permissions: [.read], databases: nil, expiresIn: nil) }
        #expect(try await store.list().count == 1)
    }

    @Test("the key store directory is 0700 even with umask 0")
    func privateDirectory() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let previous = umask(0)
        defer { umask(previous) }
        _ = try APIKeyStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/_auth")[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }
}
