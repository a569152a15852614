import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// If-Match / If-None-Match on PUT and DELETE.
@Suite("Conditional requests")
struct ConditionalRequestTests {
    static let ifMatch = HTTPField.Name("If-Match")!
    static let ifNoneMatch = HTTPField.Name("If-None-Match")!

    static func headers(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var fields = HTTPFields.admin
        fields[name] = value
        return fields
    }

    static func currentVersion(_ response: TestResponse) -> Int? {
        (try? JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])?["current_version"] as? Int
    }

    @Test("PUT with a matching If-Match writes; a stale one gets 412 with current_version and changes nothing")
    func putIfMatch() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":{"n":1}}"#)) { _ in }
            try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, "\"1\""), body: ByteBuffer(#"{"k":{"n":2}}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, "\"1\""), body: ByteBuffer(#"{"k":{"n":3}}"#)) { response in
                #expect(response.status == .preconditionFailed)
                #expect(response.errorCode == "precondition_failed")
                #expect(Self.currentVersion(response) == 2)
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"n":2}"#)
                #expect(response.headers[.eTag] == "\"2\"")
            }
            // A list of tags and weak tags match too; * matches any existing version.
            for value in [#""7", "2""#, #"W/"3""#, "*"] {
                try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, value), body: ByteBuffer(#"{"k":{"n":0}}"#)) { response in
                    #expect(response.status == .ok, "\(value)")
                }
            }
            // If-Match on a missing entity fails without a current_version.
            try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, "*"), body: ByteBuffer(#"{"new":1}"#)) { response in
                #expect(response.status == .preconditionFailed)
                #expect(Self.currentVersion(response) == nil)
            }
        }
    }

    @Test("If-None-Match: * creates only; a conditional PUT with several entities or a bad tag is 400")
    func createOnlyAndBadInput() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let createOnly = Self.headers(Self.ifNoneMatch, "*")
            try await client.execute(uri: "/entity/db", method: .put, headers: createOnly, body: ByteBuffer(#"{"k":"first"}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db", method: .put, headers: createOnly, body: ByteBuffer(#"{"k":"second"}"#)) { response in
                #expect(response.status == .preconditionFailed)
                #expect(Self.currentVersion(response) == 1)
            }
            try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, "\"1\""), body: ByteBuffer(#"{"k":"x","j":"y"}"#)) { response in
                #expect(response.status == .badRequest)
            }
            for bad in ["1", "\"abc\"", "\"0\"", "\"1", ""] {
                try await client.execute(uri: "/entity/db", method: .put, headers: Self.headers(Self.ifMatch, bad), body: ByteBuffer(#"{"k":"x"}"#)) { response in
                    #expect(response.status == .badRequest, "If-Match: \(bad)")
                }
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.text == #""first""#)
                #expect(response.headers[.eTag] == "\"1\"")
            }
        }
    }

    @Test("DELETE honours If-Match; a missing entity stays 404")
    func deleteIfMatch() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":1}"#)) { _ in }
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":2}"#)) { _ in }
            try await client.execute(uri: "/entity/db?key=k", method: .delete, headers: Self.headers(Self.ifMatch, "\"1\"")) { response in
                #expect(response.status == .preconditionFailed)
                #expect(Self.currentVersion(response) == 2)
            }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db?key=k", method: .delete, headers: Self.headers(Self.ifMatch, "\"2\"")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/entity/db?key=k", method: .delete, headers: Self.headers(Self.ifMatch, "\"2\"")) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
