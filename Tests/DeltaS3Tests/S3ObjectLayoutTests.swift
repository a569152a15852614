import DeltaCore
import DeltaStorage
import Foundation
import Testing
@testable import DeltaS3

/// The bucket layout repeats DeltaStorage's (internal) name encoding; this keeps the
/// two identical. Needs no S3 server.
@Suite("S3 object layout")
struct S3ObjectLayoutTests {
    @Test("the layout matches the paths a FileEntityStore writes, long names included")
    func sameLayoutAsFiles() async throws {
        let root = FileManager.default.temporaryDirectory.path + "/deltadb-s3-layout-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = try FileEntityStore(root: root, writerID: "w")
        let layout = S3ObjectLayout()
        let names = [("db", "a.b"), ("DB", String(repeating: "%", count: 512)), (String(repeating: "É", count: 64), "🙂:1")]
        var expected: [String] = []
        for (database, key) in names {
            let id = testID(database, key)
            _ = try await files.write(id) { current throws(DeltaError) in successor(id, current, [1, 2]) }
            // A file holds metadata and ciphertext in one `<name>.entity`; S3 keeps the two
            // objects under the same encoded name.
            expected.append(String(layout.sidecarKey(id).dropLast(".meta.json".count)) + ".entity")
            #expect(layout.entity(fromSidecarKey: layout.sidecarKey(id)) == id)
        }
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if item.hasSuffix(".entity") || item.hasSuffix(".json") || item.hasSuffix(".enc") { found.append(item) }
        }
        #expect(found.sorted() == expected.sorted())
        #expect(layout.entity(fromSidecarKey: "files/db.db/A.meta.json") == nil)  // not canonical
        #expect(layout.entity(fromSidecarKey: "files/db.db/a.1.json.enc") == nil)
        #expect(layout.entity(fromSidecarKey: "files/db.db/%61.meta.json") == nil)  // escaped literal
        #expect(layout.database(fromObjectKey: "files/%53hop.db/x.meta.json") == "Shop")
    }

}
