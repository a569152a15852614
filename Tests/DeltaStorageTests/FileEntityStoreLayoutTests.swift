import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

@Suite("FileEntityStore on-disk layout")
struct FileEntityStoreLayoutTests {
    @Test("one file per entity, named by encoded database and key, replaced by each write")
    func fileNames() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let id = entityID("Shop", "user:1")
        try await put(store, id, "one")
        #expect(directory.allFiles() == ["files/%53hop.db/user%3a1.entity", "files/%53hop.db/user%3a1.lock"])
        try await put(store, id, "two")
        #expect(directory.allFiles() == ["files/%53hop.db/user%3a1.entity", "files/%53hop.db/user%3a1.lock"])
        let file = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/files/%53hop.db/user%3a1.entity"))
        #expect(file.starts(with: Array("DDE1".utf8)))
        #expect(try entityFileParts(directory.path + "/files/%53hop.db/user%3a1.entity").ciphertext == Array("two".utf8))
    }

    @Test("the entity file's header is JSON with exactly the snake_case metadata fields")
    func sidecarFields() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let id = entityID("db", "k")
        let written = try await put(store, id, "payload")
        let data = try entityFileParts(directory.path + "/files/db.db/k.entity").header
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == [
            "key_id", "alg", "iv", "tag", "schema_id", "schema_version", "version", "writer_id",
            "created_at", "updated_at", "database", "entity_key", "size",
        ])
        #expect(object["schema_id"] is NSNull)
        #expect(object["alg"] as? String == "AES-GCM")
        #expect((object["version"] as? NSNumber)?.intValue == 1)
        #expect((object["size"] as? NSNumber)?.intValue == 7)
        #expect(object["entity_key"] as? String == "k")
        #expect(try JSONDecoder().decode(EntityMetadata.self, from: data) == written)
    }

    @Test("every path component stays within 255 bytes for the longest names")
    func componentLengths() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: String(repeating: "W", count: 300))
        let database = String(repeating: "É", count: 64)  // 128 bytes, 384 encoded
        for key in [String(repeating: "Ä", count: 256), String(repeating: "%", count: 512), String(repeating: "a", count: 512), String(repeating: "a", count: 360)] {
            let id = entityID(database, key)
            try await put(store, id, "x")
            try await put(store, id, "y")
            #expect(try await payload(store, id) == "y")
        }
        let files = directory.allFiles()
        #expect(files.count == 8)
        let longest = files.flatMap { $0.split(separator: "/") }.map(\.utf8.count).max() ?? 0
        #expect(longest <= 255)
        #expect(longest > 180)  // a full 180-byte piece plus a suffix
        // The long names really were split into nested directories, not shortened:
        // files/ + 3 database pieces + 8 key directories + the file.
        let deepest = files.map { $0.split(separator: "/").count }.max() ?? 0
        #expect(deepest == 1 + 3 + 8 + 1)
        // Temp files are longer than any file above; check the worst case by construction.
        let engine = FileStoreEngine(fileSystem: RealFileSystem(), layout: FileLayout(root: "/"), writerID: String(repeating: "W", count: 300))
        let worstTemp = FileName.temp(String(repeating: "%ff", count: 60), "\(engine.writerTag)-ffffffffffffffffm")
        #expect(worstTemp.utf8.count <= 255)
        let worstBlob = FileName.blob(String(repeating: "%ff", count: 60), .max)
        #expect(worstBlob.utf8.count <= 255)
        #expect(FileName.entity(String(repeating: "%ff", count: 60)).utf8.count <= 255)
    }

    @Test("deleting the last entity removes its lock file and empty directories")
    func deleteCleansUp() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        let id = entityID(String(repeating: "É", count: 64), String(repeating: "Ä", count: 256))
        try await put(store, id, "x")
        #expect(try await store.delete(id) { _ throws(DeltaError) in })
        #expect(directory.allFiles() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/files") == [])
        // A write that never commits leaves nothing either.
        await expectDeltaError(.badRequest) {
            try await store.write(id) { _ throws(DeltaError) in throw DeltaError(.badRequest, "no") }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/files") == [])
    }

    @Test("stray files in the data directory are never listed as entities")
    func strayFiles() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try FileEntityStore(root: directory.path, writerID: "w1")
        try await put(store, entityID("db", "real"), "x")
        let databaseDirectory = directory.path + "/files/db.db"
        for name in ["README", "notes.txt", "Upper.meta.json", "%61.meta.json", ".tmp-real.zz", "real.7.json.enc", "real.meta.json.bak"] {
            FileManager.default.createFile(atPath: databaseDirectory + "/" + name, contents: Data("junk".utf8))
        }
        try FileManager.default.createDirectory(atPath: directory.path + "/files/junk", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: directory.path + "/files/junk/x.meta.json", contents: Data("{}".utf8))
        #expect(try await allKeys(store, "db") == ["real"])
        #expect(try await store.listDatabases() == ["db"])
        #expect(try await payload(store, entityID("db", "real")) == "x")
    }
}
