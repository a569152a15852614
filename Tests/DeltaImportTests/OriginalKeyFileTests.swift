import DeltaAuth
import DeltaCore
import DeltaImport
import Foundation
import Testing

@Suite("The original's keys.json")
struct OriginalKeyFileTests {
    let text = """
        [
          {
            "id": "0123456789abcdef",
            "name": "ci",
            "key_hash": "\(String(repeating: "ab", count: 32))",
            "permissions": ["read", "write"],
            "expires_at": "2030-01-02T03:04:05.123456789+01:00",
            "created_at": "2025-01-02T03:04:05Z",
            "enabled": false
          },
          {
            "id": "fedcba9876543210",
            "name": "admin",
            "key_hash": "\(String(repeating: "CD", count: 32))",
            "permissions": ["admin"],
            "created_at": "2025-01-02T03:04:05Z",
            "enabled": true
          }
        ]
        """

    @Test("a bare array becomes legacy records keeping permissions, expiry and enabled state")
    func parses() throws {
        let entries = try OriginalKeyFile.parse(Array(text.utf8))
        #expect(entries.count == 2)
        let first = try OriginalKeyFile.record(for: entries[0])
        #expect(first.id == "0123456789abcdef" && first.name == "ci")
        #expect(first.permissions == [.read, .write])
        #expect(first.expiresAt == "2030-01-02T02:04:05Z")
        #expect(first.enabled == false && !first.isEnabled)
        #expect(first.legacy == .sha256 && first.salt.isEmpty && first.hash == String(repeating: "ab", count: 32))
        let second = try OriginalKeyFile.record(for: entries[1])
        #expect(second.expiresAt == nil && second.isEnabled && second.hash == String(repeating: "cd", count: 32))
    }

    @Test("unknown permissions, bad hashes and a file that is not an array are refused")
    func refused() throws {
        #expect(throws: DeltaError.self) { try OriginalKeyFile.parse(Array(#"{"keys": []}"#.utf8)) }
        let unknown = OriginalKeyFile.Entry(id: "a1", keyHash: String(repeating: "0", count: 64), permissions: ["root"])
        let error = #expect(throws: DeltaError.self) { try OriginalKeyFile.record(for: unknown) }
        #expect(error?.message.contains("root") == true)
        let badHash = OriginalKeyFile.Entry(id: "a1", keyHash: "abc", permissions: ["read"])
        #expect(throws: DeltaError.self) { try OriginalKeyFile.record(for: badHash) }
    }
}
