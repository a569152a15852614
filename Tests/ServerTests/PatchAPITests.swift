import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// PATCH /entity/{db}?key= with JSON Merge Patch and JSON Patch.
@Suite("PATCH entities")
struct PatchAPITests {
    static func headers(_ contentType: String, ifMatch: String? = nil) -> HTTPFields {
        var fields = HTTPFields.admin
        fields[.contentType] = contentType
        if let ifMatch { fields[HTTPField.Name("If-Match")!] = ifMatch }
        return fields
    }

    static let merge = "application/merge-patch+json"
    static let jsonPatch = "application/json-patch+json"

    @Test("merge patch and JSON Patch change the stored document and return it with the new ETag")
    func patches() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{"title":"a","tags":["x"],"old":1}}"#)) { _ in }
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.merge), body: ByteBuffer(#"{"title":"b","old":null}"#)) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"title":"b","tags":["x"]}"#)
                #expect(response.headers[.eTag] == "\"2\"")
            }
            let ops = #"[{"op":"add","path":"/tags/-","value":"y"},{"op":"replace","path":"/title","value":"c"},"#
                + #"{"op":"copy","from":"/title","path":"/copy"},{"op":"test","path":"/tags/0","value":"x"}]"#
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.jsonPatch + "; charset=utf-8"), body: ByteBuffer(ops)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] == "\"3\"")
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"title":"c","tags":["x","y"],"copy":"c"}"#)
                #expect(response.headers[.eTag] == "\"3\"")
            }
        }
    }

    @Test("a bad patch, a failed test, a wrong media type or a missing entity change nothing")
    func refusals() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{"n":1}}"#)) { _ in }
            let bad: [(String, String, HTTPResponse.Status)] = [
                (Self.jsonPatch, #"[{"op":"add","path":"/m","value":1},{"op":"remove","path":"/nope"}]"#, .badRequest),
                (Self.jsonPatch, #"[{"op":"test","path":"/n","value":2},{"op":"add","path":"/m","value":1}]"#, .badRequest),
                (Self.jsonPatch, #"{"op":"add"}"#, .badRequest),
                (Self.jsonPatch, #"[{"op":"add""#, .badRequest),
                ("application/json", #"{"n":2}"#, .unsupportedMediaType),
                ("text/plain", #"{"n":2}"#, .unsupportedMediaType),
            ]
            for (type, body, status) in bad {
                try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(type), body: ByteBuffer(body)) { response in
                    #expect(response.status == status, "\(type) \(body)")
                }
            }
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.jsonPatch), body: ByteBuffer(#"[{"op":"add","path":"/m","value":1},{"op":"remove","path":"/nope"}]"#)) { response in
                let body = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
                let details = body?["details"] as? [[String: Any]]
                #expect(details?.first?["pointer"] as? String == "/1")
            }
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.merge, ifMatch: "\"9\""), body: ByteBuffer(#"{"n":5}"#)) { response in
                #expect(response.status == .preconditionFailed)
                #expect(response.text.contains(#""current_version":1"#))
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"n":1}"#)
                #expect(response.headers[.eTag] == "\"1\"")
            }
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.merge, ifMatch: "\"1\""), body: ByteBuffer(#"{"n":5}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db?key=missing", method: .patch, headers: Self.headers(Self.merge), body: ByteBuffer(#"{"n":5}"#)) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("a patch whose result breaks the database's schema is refused with 400 and changes nothing")
    func schemaViolation() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/schema/chat.v1", method: .put, headers: .admin, body: ByteBuffer(SchemaAPITests.chatSchema)) { _ in }
            try await client.execute(uri: "/api/databases/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"schema_id":"chat.v1"}"#)) { _ in }
            try await client.execute(uri: "/entity/chatdb", method: .put, headers: .admin, body: ByteBuffer(#"{"s":{"messages":[]}}"#)) { response in
                #expect(response.status == .ok)
            }
            let invalid = #"[{"op":"add","path":"/messages/-","value":{"role":"robot","content":"hi"}}]"#
            try await client.execute(uri: "/entity/chatdb?key=s", method: .patch, headers: Self.headers(Self.jsonPatch), body: ByteBuffer(invalid)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorCode == "schema_violation")
                #expect(response.text.contains("/messages/0/role"))
            }
            try await client.execute(uri: "/entity/chatdb?key=s", method: .patch, headers: Self.headers(Self.merge), body: ByteBuffer(#"{"messages":null}"#)) { response in
                #expect(response.errorCode == "schema_violation")
            }
            try await client.execute(uri: "/entity/chatdb?key=s", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"messages":[]}"#)
                #expect(response.headers[.eTag] == "\"1\"")
            }
        }
    }
}

extension PatchAPITests {
    @Test("a JSON Patch copy bomb gets 413 and leaves the document as it was", .timeLimit(.minutes(1)))
    func copyBomb() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{"n":1}}"#)) { _ in }
            let round = #"{"op":"copy","from":"","path":"/a"},{"op":"copy","from":"/a","path":"/b"}"#
            let bomb = "[" + Array(repeating: round, count: 40).joined(separator: ",") + "]"
            try await client.execute(uri: "/entity/db?key=k", method: .patch, headers: Self.headers(Self.jsonPatch), body: ByteBuffer(bomb)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.text.contains("payload_too_large"))
            }
            // Each body fits the 1 MiB limit; the merged result would not.
            let half = String(repeating: "z", count: 600_000)
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"big":{"a":"\#(half)"}}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db?key=big", method: .patch, headers: Self.headers(Self.merge), body: ByteBuffer(#"{"b":"\#(half)"}"#)) { response in
                #expect(response.status == .contentTooLarge)
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"n":1}"#)
                #expect(response.headers[.eTag] == "\"1\"")
            }
        }
    }
}
