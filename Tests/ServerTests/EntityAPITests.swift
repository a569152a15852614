import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Entity REST API")
struct EntityAPITests {
    @Test("health answers {\"status\":\"ok\"} without a credential")
    func health() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("the seed's quick start: store, retrieve, delete, then 404")
    func quickStart() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let body = #"{"session_001": {"messages": [{"role":"user","content":"Hello!"}]}}"#
            try await client.execute(uri: "/entity/chatdb", method: .put, headers: .admin, body: ByteBuffer(body)) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/entity/chatdb?key=session_001", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"messages":[{"role":"user","content":"Hello!"}]}"#)
                #expect(response.headers[.eTag] == "\"1\"")
                #expect(response.headers[.contentType] == "application/json")
            }
            try await client.execute(uri: "/entity/chatdb?key=session_001", method: .delete, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
            try await client.execute(uri: "/entity/chatdb?key=session_001", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
            try await client.execute(uri: "/entity/chatdb?key=session_001", method: .delete, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("several entities in one PUT; every rewrite raises the version in the ETag")
    func batchAndVersions() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let body = #"{"a": {"n": 1}, "b": [1, 2], "user:1": "text"}"#
            try await client.execute(uri: "/entity/db1", method: .put, headers: .admin, body: ByteBuffer(body)) { response in
                #expect(response.status == .ok)
            }
            for (key, expected) in [("a", #"{"n":1}"#), ("b", "[1,2]"), ("user:1", #""text""#)] {
                try await client.execute(uri: "/entity/db1?key=\(key)", method: .get, headers: .admin) { response in
                    #expect(response.text == expected)
                }
            }
            for round in 2...4 {
                try await client.execute(uri: "/entity/db1", method: .put, headers: .admin, body: ByteBuffer(#"{"a": {"n": \#(round)}}"#)) { _ in }
                try await client.execute(uri: "/entity/db1?key=a", method: .get, headers: .admin) { response in
                    #expect(response.headers[.eTag] == "\"\(round)\"")
                    #expect(response.text == #"{"n":\#(round)}"#)
                }
            }
        }
    }

    @Test("no credential or a wrong one gets 401 with WWW-Authenticate and a JSON error")
    func unauthorized() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let cases: [HTTPFields] = [[:], [.authorization: "Bearer wrong"], [.authorization: "Basic abc"], [.authorization: "Bearer"]]
            for headers in cases {
                try await client.execute(uri: "/entity/chatdb?key=k", method: .get, headers: headers) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                    #expect(response.errorCode == "unauthorized")
                }
                try await client.execute(uri: "/entity/chatdb", method: .put, headers: headers, body: ByteBuffer(#"{"k":1}"#)) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/entity/chatdb?key=k", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound, "the unauthorized PUTs must not have stored anything")
            }
        }
    }

    @Test("bad requests get a clear 400 and store nothing", arguments: [
        ("/entity/db", #"{"k": {"a": 1}"#, "invalid_json"),
        ("/entity/db", #"[1, 2]"#, "invalid_json"),
        ("/entity/db", #"{}"#, "bad_request"),
        ("/entity/db", #"{"ok": 1, "a/b": 2}"#, "invalid_name"),
        ("/entity/db", #"{"ok": 1, "..": 2}"#, "invalid_name"),
        ("/entity/a%2Fb", #"{"ok": 1}"#, "invalid_name"),
        ("/entity/..", #"{"ok": 1}"#, "invalid_name"),
        ("/entity/db", "{\"ok\": \"\u{FFFD}\", \"x\": tru}", "invalid_json"),
    ])
    func badPuts(path: String, body: String, code: String) async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: path, method: .put, headers: .admin, body: ByteBuffer(body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == code)
            }
            try await client.execute(uri: "/entity/db?key=ok", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(server.allFiles().filter { $0.path.hasPrefix("files/") && !$0.path.hasSuffix(".lock") }.isEmpty)
    }

    @Test("invalid UTF-8 in the body is a 400")
    func invalidUTF8() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            var buffer = ByteBuffer(string: #"{"k": ""#)
            buffer.writeBytes([0xC0, 0xAF])
            buffer.writeString(#""}"#)
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: buffer) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "invalid_json")
            }
        }
    }

    @Test("GET and DELETE without ?key= or with it twice are 400")
    func missingKey() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            for method in [HTTPRequest.Method.get, .delete] {
                for uri in ["/entity/db", "/entity/db?key=", "/entity/db?key=a&key=b"] {
                    try await client.execute(uri: uri, method: method, headers: .admin) { response in
                        #expect(response.status == .badRequest)
                        #expect(response.errorCode == "bad_request")
                    }
                }
            }
        }
    }

    @Test("bodies over -rest-max-body-size get 413 and store nothing")
    func tooLarge() async throws {
        let server = TestServer(maxBodyBytes: 1024)
        defer { server.removeDirectory() }
        try await server.run { client in
            let big = #"{"k": ""# + String(repeating: "x", count: 2000) + #""}"#
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.errorCode == "payload_too_large")
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("deep nesting is rejected with 400, not a crash")
    func deepNesting() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let deep = #"{"k": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(deep)) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("unknown endpoints answer 404 with the JSON error shape")
    func unknownRoute() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
        }
    }
}
