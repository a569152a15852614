import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Authentication API")
struct AuthAPITests {
    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    private func createKey(_ client: any TestClientProtocol, _ body: String) async throws -> (id: String, secret: String) {
        try await client.execute(uri: "/api/keys", method: .post, headers: .admin, body: ByteBuffer(body)) { response in
            #expect(response.status == .created)
            let json = try self.json(response)
            return (try #require(json["id"] as? String), try #require(json["secret"] as? String))
        }
    }

    @Test("a key with a short expires_in works, then gets 401 once it expires")
    func expiringKey() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let created = ContinuousClock.now
            let key = try await self.createKey(client, #"{"name":"short","permissions":["read"],"expires_in":"5s"}"#)
            let headers: HTTPFields = [.authorization: "Bearer \(key.secret)"]
            try await client.execute(uri: "/api/me", method: .get, headers: headers) { response in
                // Only a machine too loaded to answer within 4 s may see the key expire first.
                guard ContinuousClock.now - created < .seconds(4) else { return }
                #expect(response.status == .ok)
                let json = try self.json(response)
                #expect(json["client_id"] as? String == key.id)
            }
            try await Task.sleep(until: created + .milliseconds(5300))
            try await client.execute(uri: "/api/me", method: .get, headers: headers) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("deleting a key revokes it at once on every server sharing the store, sessions included")
    func revocationAcrossServers() async throws {
        let first = TestServer(sharesDirectory: true)
        defer { first.removeDirectory() }
        let second = TestServer(directory: first.directory, sharesDirectory: true)
        try await first.run { clientA in
            let key = try await self.createKey(clientA, #"{"name":"shared","permissions":["read","write"]}"#)
            try await second.run { clientB in
                let headers: HTTPFields = [.authorization: "Bearer \(key.secret)"]
                let token = try await clientB.execute(uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"\#(key.secret)"}"#)) { response in
                    #expect(response.status == .ok)
                    let json = try self.json(response)
                    #expect(json["client_id"] as? String == key.id)
                    #expect(json["permissions"] as? [String] == ["read", "write"])
                    #expect(json["expires_at"] as? String != nil)
                    return try #require(json["token"] as? String)
                }
                try await clientB.execute(uri: "/entity/db?key=x", method: .get, headers: headers) { response in
                    #expect(response.status == .notFound)
                }
                try await clientA.execute(uri: "/api/keys/\(key.id)", method: .delete, headers: .admin) { response in
                    #expect(response.status == .ok)
                }
                try await clientB.execute(uri: "/entity/db?key=x", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                }
                try await clientB.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(token)"]) { response in
                    #expect(response.status == .unauthorized, "a session dies with its key")
                }
            }
        }
    }

    @Test("the key list never shows secrets; bad requests are 400; unknown ids 404")
    func keyManagement() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let key = try await self.createKey(client, #"{"name":"ci","permissions":["read"],"databases":["chatdb"]}"#)
            try await client.execute(uri: "/api/keys", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains(key.id))
                #expect(!response.text.contains(key.secret))
                #expect(!response.text.contains("secret"))
            }
            for body in [#"{"name":"x","permissions":["read"],"expires_in":"soon"}"#,
                         #"{"name":"x","permissions":["superuser"]}"#,
                         #"{"name":"","permissions":["read"]}"#,
                         #"{"name":"x","permissions":[]}"#] {
                try await client.execute(uri: "/api/keys", method: .post, headers: .admin, body: ByteBuffer(body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                }
            }
            try await client.execute(uri: "/api/keys/ffffffff", method: .delete, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/me", method: .get, headers: .admin) { response in
                let json = try self.json(response)
                #expect(json["is_admin"] as? Bool == true)
                #expect(json["permissions"] as? [String] == ["read", "write", "admin"])
            }
        }
        let text = try String(contentsOfFile: server.directory + "/_auth/keys.json", encoding: .utf8)
        #expect(!text.contains("dk_"))
    }

    @Test("repeated bad credentials from one client are slowed with 429")
    func bruteForce() async throws {
        var server = TestServer()
        server.configuration.authFailureBurst = 5
        defer { server.removeDirectory() }
        try await server.run { client in
            // Sent together, so the bucket's refill (one per second) cannot keep up however
            // slow the machine is: the first five failures are answered 401, the rest 429.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<12 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"guess-\#(attempt)"}"#)
                        ) { $0.status }
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count >= 5)
            #expect(statuses.contains(.tooManyRequests))
            #expect(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests })
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
