import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

import DeltaCore

/// GET /api/databases, GET /api/databases/{db}/entities and GET /api/stats.
@Suite("Listing and stats")
struct ListingAPITests {
    private func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    private func keys(_ page: [String: Any]) -> [String] {
        (page["entities"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
    }

    @Test("databases come from storage, sorted; deleting the last entity removes a database")
    func databases() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/api/databases", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                #expect(response.text == "[]")
            }
            for db in ["zeta", "alpha", "mid"] {
                try await client.execute(uri: "/entity/\(db)", method: .put, headers: .admin, body: ByteBuffer(#"{"k":1}"#)) { _ in }
            }
            try await client.execute(uri: "/entity/mid?key=k", method: .delete, headers: .admin) { _ in }
            try await client.execute(uri: "/api/databases", method: .get, headers: .admin) { response in
                #expect(response.text == #"["alpha","zeta"]"#)
            }
            try await client.execute(uri: "/api/databases", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("entity pages follow next_cursor in key order, stay stable under inserts, and honour prefix")
    func entityPages() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let all = (0..<25).map { String(format: "user:%02d", $0) } + ["admin", "zz"]
            let batch = "{" + all.map { #""\#($0)":{"k":"\#($0)"}"# }.joined(separator: ",") + "}"
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(batch)) { _ in }
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"zz":2}"#)) { _ in }
            var seen: [String] = []
            var cursor: String? = nil
            var pages = 0
            repeat {
                let after = cursor.map { "&after=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? ""
                let page = try await client.execute(uri: "/api/databases/db/entities?limit=10\(after)", method: .get, headers: .admin) { response in
                    #expect(response.status == .ok)
                    return try self.object(response)
                }
                seen += keys(page)
                cursor = page["next_cursor"] as? String
                pages += 1
                if pages == 1 {
                    // A key inserted before the cursor does not shift later pages.
                    try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"aaa":1}"#)) { _ in }
                    let rows = page["entities"] as? [[String: Any]] ?? []
                    #expect(rows.first?["version"] as? Int == 1)
                    #expect((rows.first?["updated_at"] as? String)?.hasSuffix("Z") == true)
                }
            } while cursor != nil && pages < 10
            #expect(seen == all.sorted())
            #expect(pages == 3)
            let prefixed = try await client.execute(uri: "/api/databases/db/entities?prefix=user:1", method: .get, headers: .admin) { try self.object($0) }
            #expect(keys(prefixed) == (10..<20).map { "user:\($0)" })
            #expect(prefixed["next_cursor"] == nil)
            let last = try await client.execute(uri: "/api/databases/db/entities?prefix=zz", method: .get, headers: .admin) { try self.object($0) }
            #expect((last["entities"] as? [[String: Any]])?.first?["version"] as? Int == 2)
        }
    }

    @Test("limit outside 1...1000, empty or not a number is 400; stats count cache hits and misses (admin only)")
    func limitsAndStats() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            for bad in ["0", "1001", "-1", "ten", ""] {
                try await client.execute(uri: "/api/databases/db/entities?limit=\(bad)", method: .get, headers: .admin) { response in
                    #expect(response.status == .badRequest, "limit=\(bad)")
                }
            }
            try await client.execute(uri: "/api/databases/db/entities?limit=1000", method: .get, headers: .admin) { response in
                #expect(response.text == #"{"entities":[]}"#)
            }
            try await client.execute(uri: "/entity/db", method: .put, headers: .admin, body: ByteBuffer(#"{"k":1}"#)) { _ in }
            try await client.execute(uri: "/entity/db?key=k", method: .get, headers: .admin) { _ in }
            try await client.execute(uri: "/entity/db?key=nope", method: .get, headers: .admin) { _ in }
            try await client.execute(uri: "/api/stats", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
                let cache = try #require(try self.object(response)["cache"] as? [String: Int])
                #expect(cache["hits"] == 1)
                #expect(cache["misses"] == 1)  // one GET of a missing key: one miss
                #expect(cache["entries"] == 1)
                #expect(cache["bytes"] == 1)
                #expect(cache["evictions"] == 0)
                let about = try #require(try self.object(response)["server"] as? [String: String])
                #expect(about["version"] == DeltaVersion.current)
                #expect(about["role"] == "all-in-one")
                #expect(about["storage_backend"] == "shared-fs")
                let started = try #require(about["started_at"].flatMap { try? Date($0, strategy: .iso8601) })
                #expect(abs(started.timeIntervalSinceNow) < 600)
            }
        }
    }

    @Test("database pages follow the last name as after, honour prefix, and a scoped key gets full pages of its own databases")
    func databasePages() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            let names = ["a1", "a2", "a3", "b1", "b2"]
            for db in names {
                try await client.execute(uri: "/entity/\(db)", method: .put, headers: .admin, body: ByteBuffer(#"{"k":1}"#)) { _ in }
            }
            func page(_ query: String, _ headers: HTTPFields = .admin) async throws -> [String] {
                try await client.execute(uri: "/api/databases?\(query)", method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(query): \(response.text)")
                    return try JSONDecoder().decode([String].self, from: Data(response.text.utf8))
                }
            }
            var seen: [String] = []
            var after: String?
            while true {
                let next = try await page("limit=2" + (after.map { "&after=\($0)" } ?? ""))
                seen += next
                guard next.count == 2 else { break }
                after = next.last
            }
            #expect(seen == names)
            #expect(try await page("prefix=b") == ["b1", "b2"])
            #expect(try await page("prefix=a&after=a1&limit=1") == ["a2"])
            #expect(try await page("after=b2") == [])
            for bad in ["0", "1001", "x"] {
                try await client.execute(uri: "/api/databases?limit=\(bad)", method: .get, headers: .admin) { response in
                    #expect(response.status == .badRequest, "limit=\(bad)")
                }
            }
            let scoped = try await client.execute(
                uri: "/api/keys", method: .post, headers: .admin,
                body: ByteBuffer(#"{"name":"b-only","permissions":["read"],"databases":["b2","a3"]}"#)
            ) { response in
                try #require((try self.object(response))["secret"] as? String)
            }
            // Scope applies before paging: one page of one holds a visible name, not a hidden one.
            #expect(try await page("limit=1", [.authorization: "Bearer \(scoped)"]) == ["a3"])
            #expect(try await page("limit=1&after=a3", [.authorization: "Bearer \(scoped)"]) == ["b2"])
        }
    }
}
