import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Hostile input never crashes the server, never writes anything, and always
/// gets a clear 4xx with the JSON error shape.
@Suite("Hostile input")
struct HostileInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var method: HTTPRequest.Method
        var uri: String
        var body: [UInt8]?
        var headers: HTTPFields = .admin
        var status: HTTPResponse.Status
        var description: String { name }
    }

    static let longKey = String(repeating: "k", count: 600)
    static let deep = Array((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8)

    static let cases: [Case] = [
        Case(name: "body over the limit", method: .put, uri: "/entity/db", body: Array(("{\"k\":\"" + String(repeating: "x", count: 5000) + "\"}").utf8), status: .contentTooLarge),
        Case(name: "malformed JSON", method: .put, uri: "/entity/db", body: Array(#"{"k": {"a": }"#.utf8), status: .badRequest),
        Case(name: "trailing garbage", method: .put, uri: "/entity/db", body: Array(#"{"k": 1} {"#.utf8), status: .badRequest),
        Case(name: "invalid UTF-8", method: .put, uri: "/entity/db", body: [0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], status: .badRequest),
        Case(name: "overlong UTF-8 slash", method: .put, uri: "/entity/db", body: [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D], status: .badRequest),
        Case(name: "nesting deeper than the limit (no stack overflow)", method: .put, uri: "/entity/db", body: Array("{\"k\":".utf8) + Array(deep.prefix(3000)) + Array("}".utf8), status: .badRequest),
        Case(name: "duplicate member names", method: .put, uri: "/entity/db", body: Array(#"{"k": 1, "k": 2}"#.utf8), status: .badRequest),
        Case(name: "key with a slash in the body", method: .put, uri: "/entity/db", body: Array(#"{"a/b": 1}"#.utf8), status: .badRequest),
        Case(name: "key with a backslash in the body", method: .put, uri: "/entity/db", body: Array(#"{"a\\b": 1}"#.utf8), status: .badRequest),
        Case(name: "key .. in the body", method: .put, uri: "/entity/db", body: Array(#"{"..": 1}"#.utf8), status: .badRequest),
        Case(name: "key with NUL in the body", method: .put, uri: "/entity/db", body: Array(#"{"a\u0000b": 1}"#.utf8), status: .badRequest),
        Case(name: "key with percent-encoded slash in the body", method: .put, uri: "/entity/db", body: Array(#"{"a%2Fb": 1}"#.utf8), status: .badRequest),
        Case(name: "oversized key in the body", method: .put, uri: "/entity/db", body: Array("{\"\(longKey)\": 1}".utf8), status: .badRequest),
        Case(name: "database with encoded slash", method: .put, uri: "/entity/a%2Fb", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "database with double-encoded slash", method: .put, uri: "/entity/a%252Fb", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "database with encoded backslash", method: .put, uri: "/entity/a%5Cb", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "database ..", method: .put, uri: "/entity/%2E%2E", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "database with NUL", method: .put, uri: "/entity/a%00b", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "invalid percent-encoding", method: .put, uri: "/entity/a%zz", body: Array(#"{"k": 1}"#.utf8), status: .badRequest),
        Case(name: "query key with encoded slash", method: .get, uri: "/entity/db?key=..%2Fetc", status: .badRequest),
        Case(name: "query key with NUL", method: .delete, uri: "/entity/db?key=a%00b", status: .badRequest),
        Case(name: "oversized query key", method: .get, uri: "/entity/db?key=\(longKey)", status: .badRequest),
        Case(name: "key given twice", method: .delete, uri: "/entity/db?key=a&key=b", status: .badRequest),
        Case(name: "schema id with a slash", method: .put, uri: "/schema/..%2F..%2Fetc", body: Array(#"{"type":"object"}"#.utf8), status: .badRequest),
        Case(name: "schema that is not a schema", method: .put, uri: "/schema/s1", body: Array(#"{"type": 12}"#.utf8), status: .badRequest),
        Case(name: "login with a non-JSON body", method: .post, uri: "/api/login", body: Array("key=x".utf8), headers: [:], status: .badRequest),
        Case(name: "API key with null for an optional member", method: .post, uri: "/api/keys", body: Array(#"{"name":"x","permissions":["read"],"databases":null}"#.utf8), status: .badRequest),
        Case(name: "API key with a bad expiry", method: .post, uri: "/api/keys", body: Array(#"{"name":"x","permissions":["read"],"expires_in":"-1h"}"#.utf8), status: .badRequest),
    ]

    @Test("each hostile request gets its 4xx, the server stays up, and the data directory is unchanged", arguments: cases)
    func hostile(_ testCase: Case) async throws {
        // Shared mode: every acknowledged write is in its entity file at once (an exclusive
        // server's write-ahead log would write `keep` out in the background meanwhile).
        let server = TestServer(maxBodyBytes: 4096, sharesDirectory: true)
        defer { server.removeDirectory() }
        try await server.run { client in
            // Some real data first, so "unchanged" means something.
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"keep": {"v": 1}}"#)) { response in
                #expect(response.status == .ok)
            }
            let before = snapshot(server)
            try await client.execute(
                uri: testCase.uri, method: testCase.method, headers: testCase.headers,
                body: testCase.body.map { ByteBuffer(bytes: $0) }
            ) { response in
                #expect(response.status == testCase.status, "\(testCase.name): \(response.status) \(response.text.prefix(200))")
                #expect(response.errorCode != nil, "\(testCase.name): the body must be our JSON error")
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db?key=keep", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"v":1}"#)
            }
            #expect(snapshot(server) == before, "\(testCase.name) changed the data directory")
        }
    }

    /// Every file's path and contents, except lock files that reads may create.
    private func snapshot(_ server: TestServer) -> [String: Data] {
        var files: [String: Data] = [:]
        for file in server.allFiles() where !file.path.hasSuffix(".lock") {
            files[file.path] = file.bytes
        }
        return files
    }
}
