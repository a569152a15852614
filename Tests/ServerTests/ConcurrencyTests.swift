import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Many clients appending to one entity at once lose nothing: with JSON Patch
/// (the server applies each append to the current version under the entity's
/// lock) and with GET + If-Match retry loops (optimistic concurrency).
@Suite("Concurrent writers to one entity")
struct ConcurrencyTests {
    static let clients = 16
    static let appendsPerClient = 20

    /// Checks that `document` holds exactly clients × appends messages and that
    /// each client's sequence numbers appear once each, in order.
    static func checkMessages(_ text: String) throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let messages = try #require(document["messages"] as? [[String: Int]])
        #expect(messages.count == clients * appendsPerClient)
        var sequences = [Int: [Int]]()
        for message in messages {
            sequences[message["c", default: -1], default: []].append(message["n", default: -1])
        }
        for client in 0..<clients {
            #expect(sequences[client] == Array(0..<appendsPerClient), "client \(client)")
        }
        #expect(sequences.count == clients)
    }

    @Test("16 clients × 20 JSON Patch appends to /messages/- leave exactly 320 messages")
    func jsonPatchAppends() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/chat", method: .put, headers: .admin, body: ByteBuffer(#"{"s":{"messages":[]}}"#)) { _ in }
            let headers: HTTPFields = {
                var headers = HTTPFields.admin
                headers[.contentType] = "application/json-patch+json"
                return headers
            }()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<Self.clients {
                    group.addTask {
                        for n in 0..<Self.appendsPerClient {
                            let patch = #"[{"op":"add","path":"/messages/-","value":{"c":\#(writer),"n":\#(n)}}]"#
                            try await client.execute(uri: "/entity/chat?key=s", method: .patch, headers: headers, body: ByteBuffer(patch)) { response in
                                #expect(response.status == .ok)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try await client.execute(uri: "/entity/chat?key=s", method: .get, headers: .admin) { response in
                #expect(response.headers[.eTag] == "\"\(Self.clients * Self.appendsPerClient + 1)\"")
                try Self.checkMessages(response.text)
            }
        }
    }

    @Test("16 clients × 20 GET + If-Match retry loops leave exactly 320 messages")
    func ifMatchRetryLoops() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/entity/chat", method: .put, headers: .admin, body: ByteBuffer(#"{"s":{"messages":[]}}"#)) { _ in }
            let conflicts = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<Self.clients {
                    group.addTask {
                        var conflicts = 0
                        for n in 0..<Self.appendsPerClient {
                            var stored = false
                            for _ in 0..<2_000 where !stored {
                                let (text, etag) = try await client.execute(uri: "/entity/chat?key=s", method: .get, headers: .admin) { response in
                                    (response.text, response.headers[.eTag] ?? "")
                                }
                                var document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                                var messages = document["messages"] as? [Any] ?? []
                                messages.append(["c": writer, "n": n])
                                document["messages"] = messages
                                let body = try JSONSerialization.data(withJSONObject: ["s": document])
                                var headers = HTTPFields.admin
                                headers[HTTPField.Name("If-Match")!] = etag
                                let status = try await client.execute(uri: "/entity/chat", method: .put, headers: headers, body: ByteBuffer(bytes: body)) { $0.status }
                                if status == .ok {
                                    stored = true
                                } else {
                                    #expect(status == .preconditionFailed)
                                    conflicts += 1
                                }
                            }
                            #expect(stored, "client \(writer) gave up on message \(n)")
                        }
                        return conflicts
                    }
                }
                return try await group.reduce(0, +)
            }
            try await client.execute(uri: "/entity/chat?key=s", method: .get, headers: .admin) { response in
                #expect(response.headers[.eTag] == "\"\(Self.clients * Self.appendsPerClient + 1)\"")
                try Self.checkMessages(response.text)
            }
            // Not a timing assertion: with 16 racing writers some conditional PUTs must have lost.
            #expect(conflicts > 0)
        }
    }
}
