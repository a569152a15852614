import Testing

import CodeRendering
import DeltaJSON
@testable import DeltaSchemaExport

/// `SchemaExporter` as a whole: complete files, determinism, errors, and the JSON reader.
@Suite("Schema export")
struct SchemaExportTests {
    @Test("chat.v1 gives this exact Pydantic module")
    func fullPydanticFile() throws {
        let text = try SchemaExporter.export(schemaJSON: SchemaExportFixtures.chat, schemaID: "chat.v1", language: .pydantic)
        #expect(text == #"""
            # Generated from JSON Schema 'chat.v1' by deltadb-codegen. DO NOT EDIT.

            """Pydantic v2 models for the JSON Schema 'chat.v1'; the root type is `ChatV1`.

            Validation is strict (no type coercion), as in JSON Schema. Formats are not checked,
            `oneOf` is checked as `anyOf`, and keywords Pydantic cannot express are named in the
            docstrings; the server's validator checks all of them.
            """

            from __future__ import annotations

            from typing import List, Literal

            from pydantic import BaseModel, ConfigDict

            __all__ = [
                "ChatV1",
                "ChatV1MessagesItem",
            ]


            class ChatV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                messages: List[ChatV1MessagesItem]


            class ChatV1MessagesItem(BaseModel):
                """Generated from JSON Schema ``#/properties/messages/items``."""

                model_config = ConfigDict(extra="allow", strict=True)

                role: Literal["user", "assistant", "system"]
                content: str


            ChatV1.model_rebuild()
            ChatV1MessagesItem.model_rebuild()

            """#)
    }

    @Test("chat.v1 gives this exact TypeScript file")
    func fullTypeScriptFile() throws {
        let text = try SchemaExporter.export(schemaJSON: SchemaExportFixtures.chat, schemaID: "chat.v1", language: .typescript)
        #expect(text == #"""
            // Generated from JSON Schema 'chat.v1' by deltadb-codegen. DO NOT EDIT.

            /**
             * TypeScript types for the JSON Schema 'chat.v1'; the root type is `ChatV1`.
             *
             * Types cannot check limits (lengths, ranges, patterns), formats or `oneOf` exclusivity;
             * those are named in the doc comments and checked by the server's validator.
             */

            /** Generated from JSON Schema `#`. */
            export interface ChatV1 {
              messages: ChatV1MessagesItem[];
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/messages/items`. */
            export interface ChatV1MessagesItem {
              role: "user" | "assistant" | "system";
              content: string;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("the same schema always gives the same output, in both languages", arguments: SchemaExportLanguage.allCases)
    func deterministic(language: SchemaExportLanguage) throws {
        let schema = #"""
            {"definitions":{"b":{"type":"object","properties":{"z":{"type":"string"},"a":{"$ref":"#/definitions/b"}}},"a":{"enum":["x","y"]}},"type":"object","properties":{"q":{"oneOf":[{"$ref":"#/definitions/a"},{"type":"object","properties":{"k":{"type":"integer"}}}]},"p":{"$ref":"#/definitions/b"}}}
            """#
        let first = try SchemaExporter.export(schemaJSON: schema, schemaID: "d.v1", language: language)
        for _ in 0..<5 {
            #expect(try SchemaExporter.export(schemaJSON: schema, schemaID: "d.v1", language: language) == first)
        }
        // Members keep the schema's order, not a sorted or hashed one.
        let z = try #require(first.range(of: "z"))
        let a = try #require(first.range(of: "a: ", options: [], range: z.upperBound..<first.endIndex) ?? first.range(of: "a?: ", range: z.upperBound..<first.endIndex))
        #expect(z.lowerBound < a.lowerBound)
    }

    @Test("the header names the schema id; the root type is named from it")
    func headerAndRootName() throws {
        let python = try SchemaExporter.export(schemaJSON: #"{"type":"object","properties":{"a":{"type":"string"}}}"#, schemaID: "user_credentials.v1", language: .pydantic)
        #expect(python.hasPrefix("# Generated from JSON Schema 'user_credentials.v1' by deltadb-codegen. DO NOT EDIT.\n"))
        #expect(python.contains("class UserCredentialsV1(BaseModel):"))
        let typescript = try SchemaExporter.export(schemaJSON: Array(#"true"#.utf8), schemaID: "x", language: .typescript)
        #expect(typescript.hasPrefix("// Generated from JSON Schema 'x' by deltadb-codegen. DO NOT EDIT.\n"))
        #expect(typescript.hasSuffix("export type X = unknown;\n"))
    }

    @Test("invalid JSON, a root that is not a schema, and malformed keywords throw clear errors", arguments: [
        (#"{"type": "object",}"#, "the schema is not valid JSON: unexpected '}', expected a member name at byte 18"),
        ("", "the schema is not valid JSON: unexpected end of input, expected a value at byte 0"),
        (#"{"a": 1} x"#, "the schema is not valid JSON: unexpected 'x', expected the end of input at byte 9"),
        ("[1, 2]", "#: a schema must be a JSON object or a boolean"),
        ("\"string\"", "#: a schema must be a JSON object or a boolean"),
        (#"{"properties": []}"#, "#: `properties` must be an object"),
        (#"{"properties": {"a": 3}}"#, "#/properties/a: a schema must be a JSON object or a boolean"),
        (#"{"type": "text"}"#, "#: unknown type `text`"),
        (#"{"required": "a"}"#, "#: `required` must be an array of strings"),
    ])
    func errors(schema: String, message: String) throws {
        for language in SchemaExportLanguage.allCases {
            let error = #expect(throws: CodegenError.self) {
                try SchemaExporter.export(schemaJSON: schema, schemaID: "e", language: language)
            }
            #expect(error?.message == message)
        }
    }

    @Test("the schema reader keeps member order and number text, and refuses what is not JSON")
    func jsonReader() throws {
        let value = try SchemaExporter.parse(Array(#"{"b": [1.50, -2e3, true, null], "a": "\u00e9\ud83d\ude00\n\/"}"#.utf8))
        #expect(value.objectValue?.keys == ["b", "a"])
        #expect(value["b"]?.arrayValue?.compactMap(\.numberValue).map(\.literal) == ["1.50", "-2e3"])
        #expect(value["a"] == .string("é😀\n/"))
        #expect(throws: CodegenError.self) { try SchemaExporter.parse(Array("01".utf8)) }
        #expect(throws: CodegenError.self) { try SchemaExporter.parse(Array(#""\ud83d""#.utf8)) }
        #expect(throws: CodegenError.self) { try SchemaExporter.parse(Array(String(repeating: "[", count: 600).utf8)) }
    }

    @Test("declaredID reads $id without its fragment")
    func declaredID() throws {
        #expect(try SchemaExporter.declaredID(schemaJSON: Array(#"{"$id": "chat.v1#"}"#.utf8)) == "chat.v1")
        #expect(try SchemaExporter.declaredID(schemaJSON: Array(#"{"type": "object"}"#.utf8)) == nil)
    }
}
