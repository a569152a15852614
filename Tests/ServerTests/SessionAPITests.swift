import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// What /api/me says about the credential, and POST /api/logout.
@Suite("Sessions: /api/me and /api/logout")
struct SessionAPITests {
    private func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    private func login(_ client: any TestClientProtocol, _ key: String) async throws -> (token: String, expiresAt: String) {
        try await client.execute(uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"\#(key)"}"#)) { response in
            #expect(response.status == .ok)
            let json = try self.object(response)
            return (try #require(json["token"] as? String), try #require(json["expires_at"] as? String))
        }
    }

    private func me(_ client: any TestClientProtocol, _ credential: String) async throws -> (HTTPResponse.Status, [String: Any]?) {
        try await client.execute(uri: "/api/me", method: .get, headers: [.authorization: "Bearer \(credential)"]) { response in
            (response.status, response.status == .ok ? try self.object(response) : nil)
        }
    }

    @Test("/api/me names the kind of credential and when it stops working")
    func meDescribesTheCredential() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let admin = try await me(client, TestServer.adminKey)
            #expect(admin.1?["credential"] as? String == "admin_key")
            #expect(admin.1?["expires_at"] == nil, "the admin key never expires")

            let key = try await client.execute(
                uri: "/api/keys", method: .post, headers: .admin,
                body: ByteBuffer(#"{"name":"temp","permissions":["read"],"expires_in":"1h"}"#)
            ) { response in try self.object(response) }
            let secret = try #require(key["secret"] as? String)
            let apiKey = try await me(client, secret)
            #expect(apiKey.1?["credential"] as? String == "api_key")
            #expect(apiKey.1?["expires_at"] as? String == key["expires_at"] as? String)

            let session = try await login(client, secret)
            let viaSession = try await me(client, session.token)
            #expect(viaSession.1?["credential"] as? String == "session")
            #expect(viaSession.1?["expires_at"] as? String == session.expiresAt)
        }
    }

    @Test("logout ends only the session it is sent with; a raw key cannot log out")
    func logout() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let first = try await login(client, TestServer.adminKey)
            let second = try await login(client, TestServer.adminKey)
            try await client.execute(
                uri: "/api/logout", method: .post, headers: [.authorization: "Bearer \(first.token)"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            #expect(try await me(client, first.token).0 == .unauthorized)
            #expect(try await me(client, second.token).0 == .ok, "another session of the same key was ended")
            try await client.execute(
                uri: "/api/logout", method: .post, headers: [.authorization: "Bearer \(first.token)"]
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/logout", method: .post, headers: .admin) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("only a session token from POST /api/login can be logged out"))
            }
            #expect(try await me(client, TestServer.adminKey).0 == .ok)
            try await client.execute(uri: "/api/logout", method: .post) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
