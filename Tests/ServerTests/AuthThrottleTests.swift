import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 21, item 9: failed authentications are throttled, valid credentials never are.
@Suite("Authentication throttle")
struct AuthThrottleTests {
    private func server(burst: Int) -> TestServer {
        var server = TestServer()
        server.configuration.authFailureBurst = burst
        return server
    }

    @Test("a client that sent bad tokens can still use the good admin key at once")
    func validCredentialAlwaysPasses() async throws {
        let server = server(burst: 5)
        defer { server.removeDirectory() }
        try await server.run { client in
            for attempt in 0..<8 {
                _ = try await client.execute(
                    uri: "/api/me", method: .get, headers: [.authorization: "Bearer wrong-\(attempt)"]
                ) { $0.status }
            }
            try await client.execute(uri: "/api/me", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"\#(TestServer.adminKey)"}"#)
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the login path with a trailing slash is throttled like /api/login", arguments: ["/api/login/", "/api/login//"])
    func trailingSlash(path: String) async throws {
        let server = server(burst: 3)
        defer { server.removeDirectory() }
        try await server.run { client in
            // Sent together, so the bucket cannot refill between them on a slow machine.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<12 {
                    group.addTask {
                        try await client.execute(
                            uri: path, method: .post, body: ByteBuffer(#"{"key":"guess-\#(attempt)"}"#)
                        ) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(!statuses.contains(.ok))
            if statuses.contains(.unauthorized) {
                #expect(statuses.contains(.tooManyRequests), "\(statuses)")
            }
        }
    }

    @Test("concurrent guesses cannot all be answered before their failures count")
    func concurrentGuesses() async throws {
        let server = server(burst: 5)
        defer { server.removeDirectory() }
        try await server.run { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<40 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"guess-\#(attempt)"}"#)
                        ) { $0.status }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 35)
        }
    }
}
