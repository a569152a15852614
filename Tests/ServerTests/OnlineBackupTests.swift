import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// `POST /api/backups`: an online backup of the running all-in-one server holds
/// exactly one point in time, and the endpoint refuses what it cannot do.
/// A value tasks share.
private final class Shared<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>
    init(_ value: Value) { storage = Mutex(value) }
    var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

@Suite("Online backups")
struct OnlineBackupTests {
    func server(backups: Bool = true, sharesDirectory: Bool = false) -> TestServer {
        var server = TestServer(sharesDirectory: sharesDirectory)
        if backups { server.configuration.backupDirectory = server.directory + "-backups" }
        return server
    }

    func cleanUp(_ server: TestServer) {
        server.removeDirectory()
        try? FileManager.default.removeItem(atPath: server.directory + "-backups")
        try? FileManager.default.removeItem(atPath: server.directory + "-restored")
    }

    /// The documents of the restored backup, by key, with the keyring of `TestServer`.
    func restoredCounters(_ backup: String, into target: String) async throws -> [String: Int] {
        let keys = KeyringHolder(Keyring(activeKeyID: "main-key-v1", activeKey: try SymmetricKey(hex: TestServer.masterKeyHex)))
        _ = try BackupRestorer(backup: backup, sealer: EntitySealer(keyring: keys, writerID: "t")).restore(into: target, replacing: false)
        let service = try ClusterFixtures.entityService(keys: keys, store: try FileEntityStore(root: target, writerID: "t"))
        var counters: [String: Int] = [:]
        for key in ["a", "b"] {
            let bytes = try await service.get(database: "pit", key: key).bytes
            let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            counters[key] = try #require(json["n"] as? Int)
        }
        return counters
    }

    @Test("a backup under concurrent writes holds every write acknowledged before it and one point in time", .timeLimit(.minutes(2)))
    func pointInTimeUnderWrites() async throws {
        let server = server()
        defer { cleanUp(server) }
        let backup = server.directory + "-backups/under-load"
        let ackedBefore = try await server.run { client in
            let lastAcked = Shared(0)
            let stop = Shared(false)
            // One writer: a = n, then b = n. In any single point in time b <= a <= b + 1.
            let writer = Task {
                var n = 0
                while !stop.value {
                    n += 1
                    for key in ["a", "b"] {
                        try await client.execute(uri: "/entity/pit", method: .put, headers: .admin, body: ByteBuffer(#"{"\#(key)":{"n":\#(n)}}"#)) { response in
                            #expect(response.status == .ok)
                        }
                    }
                    lastAcked.value = n
                }
            }
            while lastAcked.value < 20 { try await Task.sleep(for: .milliseconds(5)) }
            let before = lastAcked.value
            try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"under-load"}"#)) { response in
                #expect(response.status == .created, "\(response.text)")
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                #expect(json["directory"] as? String == backup && json["entities"] as? Int == 2)
            }
            while lastAcked.value < before + 20 { try await Task.sleep(for: .milliseconds(5)) }
            stop.value = true
            try await writer.value
            return before
        }
        let counters = try await restoredCounters(backup, into: server.directory + "-restored")
        let a = try #require(counters["a"]), b = try #require(counters["b"])
        #expect(b >= ackedBefore, "a write acknowledged before the backup is missing")
        #expect(b <= a && a <= b + 1, "the backup mixes points in time: a=\(a) b=\(b)")
    }

    @Test("without -backup-dir, with a bad or taken name, or on a shared directory the backup is refused with 400")
    func refusals() async throws {
        let off = server(backups: false)
        defer { cleanUp(off) }
        try await off.run { client in
            try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"x"}"#)) { response in
                #expect(response.status == .badRequest && response.text.contains("-backup-dir"))
            }
        }
        let on = server()
        defer { cleanUp(on) }
        try await on.run { client in
            for name in ["../escape", ".hidden", "", "a/b"] {
                try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"\#(name)"}"#)) { response in
                    #expect(response.status == .badRequest && response.text.contains("not allowed"), "\(name)")
                }
            }
            try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"one"}"#)) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"one"}"#)) { response in
                #expect(response.status == .badRequest && response.text.contains("exists already"))
            }
            try await client.execute(uri: "/api/backups", method: .post, body: ByteBuffer(#"{"name":"two"}"#)) { response in
                #expect(response.status == .unauthorized)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: on.directory + "-backups/two"))
        let shared = server(sharesDirectory: true)
        defer { cleanUp(shared) }
        try await shared.run { client in
            try await client.execute(uri: "/api/backups", method: .post, headers: .admin, body: ByteBuffer(#"{"name":"x"}"#)) { response in
                #expect(response.status == .badRequest && response.text.contains("holds its directory alone"))
            }
        }
    }

    @Test("an admin API key limited to some databases may not take a backup")
    func scopedAdminForbidden() async throws {
        let server = server()
        defer { cleanUp(server) }
        try await server.run { client in
            let secret = try await client.execute(
                uri: "/api/keys", method: .post, headers: .admin,
                body: ByteBuffer(#"{"name":"scoped","permissions":["admin"],"databases":["one"]}"#)
            ) { response in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                return try #require(json["secret"] as? String)
            }
            try await client.execute(
                uri: "/api/backups", method: .post, headers: [.authorization: "Bearer \(secret)"], body: ByteBuffer(#"{"name":"x"}"#)
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }
}
