import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

@Suite("FileEntityStore listing")
struct FileEntityStoreListingTests {
    @Test("pages of every size return every key once, in bytewise order, with and without a prefix")
    func pagesThroughManyKeys() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        // More keys than two small pages, so the selection cuts its buffer back many times.
        let keys = (0..<70).map { i in i % 3 == 0 ? "user:\(i)" : "item-\(i * 7919 % 1000)" } + ["Z", "é", "a b"]
        for key in keys.shuffled() { try await put(store, entityID("db", key), key) }
        let sorted = keys.sorted(by: EntityStoreRules.bytewiseLess)
        for pageSize in [1, 2, 7, 72, 73, 74, 1_000] {
            #expect(try await allKeys(store, "db", pageSize: pageSize) == sorted, "page size \(pageSize)")
        }
        let users = sorted.filter { $0.hasPrefix("user:") }
        #expect(try await allKeys(store, "db", prefix: "user:", pageSize: 4) == users)
        let page = try await store.listEntities(database: "db", prefix: "", after: sorted[9], limit: 5)
        #expect(page.entities.map(\.key) == Array(sorted[10..<15]))
        #expect(page.nextCursor == sorted[14])
        let last = try await store.listEntities(database: "db", prefix: "", after: sorted[sorted.count - 3], limit: 2)
        #expect(last.entities.map(\.key) == Array(sorted.suffix(2)))
        #expect(last.nextCursor == nil)
    }

    @Test("keys that vanish before their metadata is read are skipped and the page is still filled")
    func vanishedKeysDoNotShortenPages() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        var live: [String] = []
        for i in stride(from: 0, to: 40, by: 4) {
            let key = String(format: "k%02d", i)
            try await put(store, entityID("db", key), key)
            live.append(key)
        }
        // A dangling symlink is listed like a sidecar but reads as absent: exactly what a key
        // deleted between the directory read and the sidecar read looks like.
        for i in 0..<40 where i % 4 != 0 {
            try FileManager.default.createSymbolicLink(
                atPath: directory.path + "/files/db.db/" + String(format: "k%02d", i) + ".meta.json",
                withDestinationPath: directory.path + "/nowhere")
        }
        let first = try await store.listEntities(database: "db", prefix: "", after: nil, limit: 3)
        #expect(first.entities.map(\.key) == ["k00", "k04", "k08"])
        #expect(first.nextCursor == "k08")
        #expect(try await allKeys(store, "db", pageSize: 3) == live)
        #expect(try await allKeys(store, "db", pageSize: 1) == live)
        // Nothing but vanished keys after the last live one: the last page says so.
        let tail = try await store.listEntities(database: "db", prefix: "", after: "k36", limit: 3)
        #expect(tail.entities.isEmpty)
        #expect(tail.nextCursor == nil)
    }
}
