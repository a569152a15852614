import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What the server creates in its data directory is private to its user,
/// whatever the umask: directories 0700 (files 0600 are checked by the storage
/// and key-store tests).
@Suite("Data directory modes")
struct DataDirectoryModesTests {
    @Test("the data directory, templates/ and _meta/ are owner-only directories")
    func privateDirectories() async throws {
        let server = TestServer(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("deltadb-modes-\(UUID().uuidString)/data").path)
        defer { try? FileManager.default.removeItem(atPath: (server.directory as NSString).deletingLastPathComponent) }
        try await server.run { client in
            try await client.execute(uri: "/schema/s1", method: .put, headers: .admin, body: ByteBuffer(#"{"type":"object"}"#)) { _ in }
            try await client.execute(uri: "/api/databases/db", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"s1"}"#)) { _ in }
        }
        for path in [server.directory, server.directory + "/templates", server.directory + "/_meta"] {
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
            #expect(mode == 0o700, "\(path) has mode \(String(mode, radix: 8))")
        }
    }
}
