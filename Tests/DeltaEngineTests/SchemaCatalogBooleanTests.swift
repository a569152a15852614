import DeltaCore
import DeltaEngine
import DeltaJSON
import Foundation
import Testing

/// `true` and `false` are complete draft-07 schemas, and the original stored them.
@Suite("Boolean schemas in the catalog")
struct SchemaCatalogBooleanTests {
    @Test("true accepts every document, false rejects every one; both are stored as written")
    func booleanSchemas() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bool-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try SchemaCatalog(directory: directory)
        try await catalog.put("anything", bytes: Array("true".utf8))
        try await catalog.put("nothing", bytes: Array(" false ".utf8))
        #expect(try await catalog.ids() == ["anything", "nothing"])
        #expect(try await catalog.document("anything") == Array("true".utf8))
        let document = try JSONParser.parse(#"{"a": [1, 2]}"#)
        #expect(try #require(try await catalog.compiled("anything")).validate(document).isEmpty)
        #expect(try !#require(try await catalog.compiled("nothing")).validate(document).isEmpty)
        let error = await #expect(throws: DeltaError.self) { try await catalog.put("number", bytes: Array("1".utf8)) }
        #expect(error?.message.contains("true or false") == true)
    }
}
