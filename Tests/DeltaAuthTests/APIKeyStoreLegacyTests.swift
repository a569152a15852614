import DeltaAuth
import DeltaCore
import DeltaCrypto
import Foundation
import Testing

@Suite("API keys imported from the original")
struct APIKeyStoreLegacyTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString)").path
    var path: String { directory + "/_auth/keys.json" }

    func originalKey(_ id: String, _ permissions: [Permission], expiresAt: String? = nil, enabled: Bool = true) throws -> (String, APIKeyRecord) {
        let secret = "dk_" + Hex.encode(SecureRandom.bytes(count: 32))
        let record = try APIKeyRecord.imported(
            id: id, name: id, sha256Hex: Hex.encode(SHA256.hash(Array(secret.utf8))), permissions: permissions,
            createdAt: "2025-01-01T00:00:00Z", expiresAt: expiresAt, enabled: enabled)
        return (secret, record)
    }

    @Test("an unsalted SHA-256 record verifies its secret once, then is upgraded to a salted hash")
    func upgradesOnFirstUse() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let (secret, record) = try originalKey("0011223344556677", [.read, .write])
        let (otherSecret, other) = try originalKey("8899aabbccddeeff", [.read])
        #expect(try await store.addImported([record, other]) == (["0011223344556677", "8899aabbccddeeff"], []))
        let principal = try #require(try await store.verify(secret: secret))
        #expect(principal.clientID == "0011223344556677" && principal.permissions == [.read, .write])
        let upgraded = try #require(try await store.list().first { $0.id == record.id })
        #expect(upgraded.legacy == .salted && !upgraded.salt.isEmpty && upgraded.hash != record.hash)
        #expect(try await store.verify(secret: secret)?.clientID == record.id)
        #expect(try await store.verify(secret: otherSecret)?.clientID == other.id)
        #expect(try await store.verify(secret: "dk_" + String(repeating: "0", count: 64)) == nil)
        #expect(try await store.verify(secret: String(secret.dropLast()) + "x") == nil)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(secret))
    }

    @Test("disabled and expired imported keys are refused and not upgraded")
    func refused() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let (disabledSecret, disabled) = try originalKey("00000000000000d1", [.admin], enabled: false)
        let (expiredSecret, expired) = try originalKey("00000000000000e1", [.read], expiresAt: "2020-01-01T00:00:00Z")
        _ = try await store.addImported([disabled, expired])
        #expect(try await store.verify(secret: disabledSecret) == nil)
        #expect(try await store.verify(secret: expiredSecret) == nil)
        #expect(try await store.list().allSatisfy { $0.legacy == .sha256 })
    }

    @Test("importing the same ids again changes nothing")
    func idempotent() async throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try APIKeyStore(path: path)
        let (secret, record) = try originalKey("0011223344556677", [.read])
        _ = try await store.addImported([record])
        _ = try await store.verify(secret: secret)
        #expect(try await store.addImported([record]) == ([], ["0011223344556677"]))
        let listed = try await store.list()
        #expect(listed.count == 1 && listed[0].legacy == .salted)
    }

    @Test("an admin key may also read and write, within its databases")
    func adminImpliesReadWrite() throws {
        let admin = Principal(clientID: "k", permissions: [.admin], databases: ["a"])
        try admin.require(.read, database: "a")
        try admin.require(.write, database: "a")
        #expect(throws: DeltaError.self) { try admin.require(.read, database: "b") }
        let reader = Principal(clientID: "r", permissions: [.read])
        #expect(throws: DeltaError.self) { try reader.require(.write, database: nil) }
    }
}
