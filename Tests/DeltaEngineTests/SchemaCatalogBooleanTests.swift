import DeltaCore
import DeltaEngine
import DeltaJSON
import Foundation
import Testing

/// `true` and `false` are complete draft-07 schemas, and the original stored them.
@Suite("Boolean schemas in the catalog")
struct SchemaCatalogBooleanTests {
    @Test("true accepts every document, false rejects every one; both are stored as written")
    func booleanSchemas() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bool-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try SchemaCatalog(directory: directory)
        try catalog.put("anything", bytes: Array("true".utf8))
        try catalog.put("nothing", bytes: Array(" false ".utf8))
        #expect(catalog.ids() == ["anything", "nothing"])
        #expect(try catalog.document("anything") == Array("true".utf8))
        let document = try JSONParser.parse(#"{"a": [1, 2]}"#)
        #expect(try #require(try catalog.compiled("anything")).validate(document).isEmpty)
        #expect(try !#require(try catalog.compiled("nothing")).validate(document).isEmpty)
        let error = #expect(throws: DeltaError.self) { try catalog.put("number", bytes: Array("1".utf8)) }
        #expect(error?.message.contains("true or false") == true)
    }
}
