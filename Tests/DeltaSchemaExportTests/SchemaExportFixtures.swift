import CodeRendering
import DeltaJSON
@testable import DeltaSchemaExport

/// Helpers for the schema export tests: generate, then keep only the declarations.
enum SchemaExportFixtures {
    /// The Pydantic output for `schema` (id `t.v1`), after the `__all__` list.
    static func pydantic(_ schema: String) throws -> String {
        let text = try SchemaExporter.export(schemaJSON: schema, schemaID: "t.v1", language: .pydantic)
        return declarations(text, after: "]")
    }

    /// The TypeScript output for `schema` (id `t.v1`), after the file's intro comment.
    static func typescript(_ schema: String) throws -> String {
        let text = try SchemaExporter.export(schemaJSON: schema, schemaID: "t.v1", language: .typescript)
        return declarations(text, after: " */")
    }

    private static func declarations(_ text: String, after marker: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0 == marker }) else { return text }
        return lines[(index + 1)...].drop { $0.isEmpty }.joined(separator: "\n")
    }

    static let chat = #"""
        {"$schema":"http://json-schema.org/draft-07/schema#","$id":"chat.v1","type":"object","required":["messages"],"properties":{"messages":{"type":"array","items":{"type":"object","required":["role","content"],"properties":{"role":{"type":"string","enum":["user","assistant","system"]},"content":{"type":"string"}}}}}}
        """#
}
