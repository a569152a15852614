import DeltaCore
import Testing
@testable import DeltaStorage

/// The `EntityStore` contract, run against every implementation.
@Suite("EntityStore conformance")
struct EntityStoreConformanceTests {
    @Test("a written entity reads back exactly", arguments: StoreKind.allCases)
    func roundTrip(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let id = entityID("shop", "user:1")
            #expect(try await store.read(id) == nil)
            #expect(try await store.readMetadata(id) == nil)
            let written = try await store.write(id) { current throws(DeltaError) in
                nextEntity(id, after: current, payload: [0, 1, 2, 255], schemaID: "user.v1")
            }
            let read = try #require(try await store.read(id))
            #expect(read.metadata == written)
            #expect(read.ciphertext == [0, 1, 2, 255])
            #expect(try await store.readMetadata(id) == written)
            #expect(written.version == 1)
            #expect(written.schemaID == "user.v1")
        }
    }

    @Test("build sees the committed metadata and versions increase by one", arguments: StoreKind.allCases)
    func versionsIncrease(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let id = entityID("shop", "counter")
            for expected in UInt64(1)...5 {
                let metadata = try await store.write(id) { current throws(DeltaError) in
                    #expect(current?.version == (expected == 1 ? nil : expected - 1))
                    return nextEntity(id, after: current, payload: Array("v\(expected)".utf8))
                }
                #expect(metadata.version == expected)
            }
            #expect(try await payload(store, id) == "v5")
        }
    }

    @Test("a throwing build writes nothing and its error propagates unchanged", arguments: StoreKind.allCases)
    func buildThrows(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let fresh = entityID("shop", "never")
            let existing = entityID("shop", "kept")
            try await put(store, existing, "original")
            for id in [fresh, existing] {
                let error = await expectDeltaError(.preconditionFailed) {
                    try await store.write(id) { _ throws(DeltaError) in
                        throw DeltaError(.preconditionFailed, "version mismatch", currentVersion: 7)
                    }
                }
                #expect(error?.message == "version mismatch")
                #expect(error?.currentVersion == 7)
            }
            #expect(try await store.read(fresh) == nil)
            #expect(try await payload(store, existing) == "original")
            #expect(try await store.readMetadata(existing)?.version == 1)
            #expect(try await store.listDatabases() == ["shop"])
            #expect(try await allKeys(store, "shop") == ["kept"])
        }
    }

    @Test("a build that breaks the write contract is refused", arguments: StoreKind.allCases)
    func contractViolations(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let id = entityID("shop", "item")
            try await put(store, id, "v1")
            let broken: [@Sendable (EntityMetadata?) -> StoredEntity] = [
                { current in var e = nextEntity(id, after: current, payload: [1]); e.metadata.version += 1; return e },
                { current in var e = nextEntity(id, after: current, payload: [1]); e.metadata.version = 1; return e },
                { current in var e = nextEntity(id, after: current, payload: [1]); e.metadata.entityKey = "other"; return e },
                { current in var e = nextEntity(id, after: current, payload: [1]); e.metadata.database = "other"; return e },
                { current in var e = nextEntity(id, after: current, payload: [1]); e.metadata.size = 2; return e },
            ]
            for build in broken {
                await expectDeltaError(.internal) {
                    try await store.write(id) { current throws(DeltaError) in build(current) }
                }
            }
            #expect(try await payload(store, id) == "v1")
            #expect(try await store.readMetadata(id)?.version == 1)
        }
    }

    @Test("delete removes the entity and reports whether there was one", arguments: StoreKind.allCases)
    func deleteEntity(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let id = entityID("shop", "gone")
            try await put(store, id, "v1")
            try await put(store, id, "v2")
            let deleted = try await store.delete(id) { current throws(DeltaError) in
                #expect(current?.version == 2)
            }
            #expect(deleted)
            #expect(try await store.read(id) == nil)
            #expect(try await store.readMetadata(id) == nil)
            let seen = Observed<EntityMetadata?>()  // nil until check runs
            let deletedAgain = try await store.delete(id) { current throws(DeltaError) in seen.set(current) }
            #expect(deletedAgain == false)
            #expect(seen.value == .some(nil))
            #expect(try await store.listDatabases() == [])
            // A new entity under the same key starts again at version 1.
            #expect(try await put(store, id, "again").version == 1)
        }
    }

    @Test("a throwing check aborts the delete", arguments: StoreKind.allCases)
    func deleteCheckThrows(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let id = entityID("shop", "guarded")
            try await put(store, id, "keep me")
            await expectDeltaError(.preconditionFailed) {
                try await store.delete(id) { _ throws(DeltaError) in throw DeltaError(.preconditionFailed, "no") }
            }
            #expect(try await payload(store, id) == "keep me")
        }
    }

    @Test("listDatabases lists databases with entities, sorted bytewise", arguments: StoreKind.allCases)
    func listDatabases(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for database in ["zeta", "Alpha", "alpha", "été", "beta"] {
                try await put(store, entityID(database, "k"), "x")
            }
            #expect(try await store.listDatabases() == ["Alpha", "alpha", "beta", "zeta", "été"])
            _ = try await store.delete(entityID("beta", "k")) { _ throws(DeltaError) in }
            #expect(try await store.listDatabases() == ["Alpha", "alpha", "zeta", "été"])
        }
    }

    @Test("listEntities orders bytewise, filters by prefix and pages with a cursor", arguments: StoreKind.allCases)
    func listEntities(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let keys = ["user:2", "user:10", "User:1", "order:1", "user:1", "é", "z", "user"]
            for key in keys { try await put(store, entityID("db", key), key) }
            try await put(store, entityID("other", "user:99"), "elsewhere")
            let sorted = ["User:1", "order:1", "user", "user:1", "user:10", "user:2", "z", "é"]
            #expect(try await allKeys(store, "db") == sorted)
            #expect(try await allKeys(store, "db", pageSize: 3) == sorted)
            #expect(try await allKeys(store, "db", prefix: "user:") == ["user:1", "user:10", "user:2"])
            #expect(try await allKeys(store, "db", prefix: "user:", pageSize: 1) == ["user:1", "user:10", "user:2"])
            #expect(try await allKeys(store, "db", prefix: "nope") == [])
            #expect(try await allKeys(store, "missing") == [])

            let first = try await store.listEntities(database: "db", prefix: "", after: nil, limit: 3)
            #expect(first.entities.map(\.key) == ["User:1", "order:1", "user"])
            #expect(first.nextCursor == "user")
            #expect(first.entities.allSatisfy { $0.version == 1 && !$0.updatedAt.isEmpty })
            let last = try await store.listEntities(database: "db", prefix: "", after: "z", limit: 3)
            #expect(last.entities.map(\.key) == ["é"])
            #expect(last.nextCursor == nil)
            let exact = try await store.listEntities(database: "db", prefix: "", after: "user:10", limit: 3)
            #expect(exact.entities.map(\.key) == ["user:2", "z", "é"])
            #expect(exact.nextCursor == nil)
        }
    }

    @Test("a cursor stays valid while keys are added and removed", arguments: StoreKind.allCases)
    func cursorStability(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            for key in ["a", "c", "e", "g"] { try await put(store, entityID("db", key), key) }
            let first = try await store.listEntities(database: "db", prefix: "", after: nil, limit: 2)
            #expect(first.entities.map(\.key) == ["a", "c"])
            try await put(store, entityID("db", "b"), "b")  // before the cursor: not seen
            try await put(store, entityID("db", "f"), "f")  // after the cursor: seen
            _ = try await store.delete(entityID("db", "c")) { _ throws(DeltaError) in }  // the cursor key itself
            _ = try await store.delete(entityID("db", "e")) { _ throws(DeltaError) in }
            let second = try await store.listEntities(database: "db", prefix: "", after: first.nextCursor, limit: 2)
            #expect(second.entities.map(\.key) == ["f", "g"])
            #expect(second.nextCursor == nil)
        }
    }

    @Test("listing arguments are validated", arguments: StoreKind.allCases)
    func listingValidation(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            await expectDeltaError(.badRequest) { try await store.listEntities(database: "db", prefix: "", after: nil, limit: 0) }
            await expectDeltaError(.invalidName) { try await store.listEntities(database: "../x", prefix: "", after: nil, limit: 5) }
        }
    }

    @Test("look-alike, unicode and maximum-length names never collide", arguments: StoreKind.allCases)
    func namesDoNotCollide(kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let long = String(repeating: "k", count: 511)
            let keys = [
                "a.b", "a_b", "a-b", "a b", "a%2db", "a%2Db", "%61", "a", "A", "a:b", "user:1", "session_001",
                "\u{E9}", "e\u{301}", "日本語", "🙂", "%25", "%", "x.meta.json", "x.1.json.enc", "x.lock", ".tmp-x.y",
                long + "a", long + "b", long + "A", String(repeating: "Ä", count: 256), String(repeating: "%", count: 512),
            ]
            let databases = ["db", "DB", String(repeating: "É", count: 64), String(repeating: "d", count: 128)]
            // S3 allows object keys of 1024 bytes: the longest names are refused there, clearly, and only those.
            var stored: [String: [String]] = [:]
            for database in databases {
                for key in keys {
                    do {
                        _ = try await put(store, entityID(database, key), "\(database)|\(key)")
                        stored[database, default: []].append(key)
                    } catch let error as DeltaError where kind == .s3 && error.code == .invalidName {
                        #expect(error.message.contains("too long for S3"))
                        #expect(database.utf8.count + key.utf8.count > 256, "only very long names may be refused")
                    }
                }
            }
            for database in databases {
                let keys = stored[database] ?? []
                for key in keys {
                    #expect(try await payload(store, entityID(database, key)) == "\(database)|\(key)")
                }
                let listed = try await allKeys(store, database, pageSize: 7)
                #expect(listed == keys.sorted(by: EntityStoreRules.bytewiseLess))
            }
            #expect(try await store.listDatabases() == databases.sorted(by: EntityStoreRules.bytewiseLess))
        }
    }
}
