import Testing

import CodeRendering
import DeltaJSON
@testable import DeltaSchemaExport

/// Snippet tests: a small JSON Schema → the exact TypeScript declarations
/// (everything after the module preamble, which `fullFile` checks once).
@Suite("Schema export: TypeScript")
struct SchemaExportTypeScriptTests {
    @Test("required members are plain, optional ones default to None / are `?`; primitive types map")
    func required() throws {
        let schema = #"""
            {"type":"object","required":["name","count"],"properties":{"name":{"type":"string"},"count":{"type":"integer"},"ratio":{"type":"number"},"on":{"type":"boolean"},"nothing":{"type":"null"}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              name: string;
              count: number;
              ratio?: number;
              on?: boolean;
              nothing?: null;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("enum and const become Literal / literal unions; enum of objects is documented")
    func enums() throws {
        let schema = #"""
            {"type":"object","required":["kind"],"properties":{"kind":{"const":"note"},"level":{"enum":[1,2,"max",null]},"shape":{"enum":[{"a":1}]}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              kind: "note";
              level?: 1 | 2 | "max" | null;
              /** `enum` with array or object values is not checked. */
              shape?: unknown;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("nested objects are named from their path; arrays become List / []")
    func nested() throws {
        let schema = #"""
            {"type":"object","properties":{"messages":{"type":"array","minItems":1,"items":{"type":"object","required":["text"],"properties":{"text":{"type":"string"},"meta":{"type":"object","properties":{"lang":{"type":"string"}},"additionalProperties":false}}}},"grid":{"type":"array","items":{"type":"array","items":{"type":"integer"}}}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              /** Limits (checked by the server only): minItems 1. */
              messages?: TV1MessagesItem[];
              grid?: number[][];
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/messages/items`. */
            export interface TV1MessagesItem {
              text: string;
              meta?: TV1MessagesItemMeta;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/messages/items/properties/meta`. */
            export interface TV1MessagesItemMeta {
              lang?: string;
            }

            """#)
    }

    @Test("oneOf/anyOf become unions; type lists with null become Optional / | null")
    func unions() throws {
        let schema = #"""
            {"type":"object","properties":{"id":{"oneOf":[{"type":"string"},{"type":"integer"}]},"shape":{"anyOf":[{"type":"object","required":["r"],"properties":{"r":{"type":"number"}}},{"type":"null"}]},"nick":{"type":["string","null"]},"mixed":{"type":["string","integer","null"]}},"required":["nick"]}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              /** `oneOf` is checked as `anyOf`: a value matching several options is not rejected. */
              id?: string | number;
              shape?: TV1ShapeOption1 | null;
              nick: string | null;
              mixed?: string | number | null;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/shape/anyOf/0`. */
            export interface TV1ShapeOption1 {
              r: number;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("allOf of objects is merged; other allOf is documented (Any / intersection)")
    func allof() throws {
        let schema = #"""
            {"definitions":{"base":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}},"type":"object","properties":{"item":{"allOf":[{"$ref":"#/definitions/base"},{"properties":{"name":{"type":"string"}}}]},"odd":{"allOf":[{"type":"string"},{"minLength":2}]}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              item?: TV1Item;
              /** `allOf` is not merged (not every member is a plain object): TypeScript intersects the members; Pydantic accepts any value. */
              odd?: string & unknown;
              [key: string]: unknown;
            }

            /**
             * Declared as one object: the members of its `allOf` merged.
             *
             * Generated from JSON Schema `#/properties/item`.
             */
            export interface TV1Item {
              id: number;
              name?: string;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/definitions/base`. */
            export interface Base {
              id: number;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("$ref to definitions and # names types; recursion; aliases in dependency order; remote refs documented")
    func ref() throws {
        let schema = #"""
            {"type":"object","required":["root"],"properties":{"root":{"$ref":"#/definitions/tree_node"},"parent":{"$ref":"#"},"remote":{"$ref":"other.json#/x"}},"definitions":{"tree_node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/definitions/tree_node"}}}},"id_list":{"type":"array","items":{"$ref":"#/definitions/id"}},"id":{"type":"string"}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              root: TreeNode;
              parent?: TV1;
              /** `$ref` `other.json#/x` is not resolved (only `#/definitions/...` and `#/$defs/...` are); any value is accepted. */
              remote?: unknown;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/definitions/tree_node`. */
            export interface TreeNode {
              children?: TreeNode[];
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/definitions/id_list`. */
            export type IdList = Id[];

            /** Generated from JSON Schema `#/definitions/id`. */
            export type Id = string;

            """#)
    }

    @Test("additionalProperties: false / true / schema / map-only objects")
    func extra() throws {
        let schema = #"""
            {"type":"object","properties":{"closed":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false},"open":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":true},"typed":{"type":"object","required":["a"],"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}},"counts":{"type":"object","additionalProperties":{"type":"integer"}},"free":{"type":"object"},"empty":{"type":"object","additionalProperties":false}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              closed?: TV1Closed;
              open?: TV1Open;
              typed?: TV1Typed;
              counts?: Record<string, number>;
              free?: Record<string, unknown>;
              empty?: TV1Empty;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/closed`. */
            export interface TV1Closed {
              a?: string;
            }

            /** Generated from JSON Schema `#/properties/open`. */
            export interface TV1Open {
              a?: string;
              [key: string]: unknown;
            }

            /** Generated from JSON Schema `#/properties/typed`. */
            export interface TV1Typed {
              a: string;
              [key: string]: number | string;
            }

            /** Generated from JSON Schema `#/properties/empty`. */
            export interface TV1Empty {
              [key: string]: never;
            }

            """#)
    }

    @Test("limits become Field arguments / doc comments; format stays a string, with a note")
    func limits() throws {
        let schema = #"""
            {"type":"object","required":["code"],"properties":{"code":{"type":"string","minLength":2,"maxLength":8,"pattern":"^[A-Z]+\\d*$"},"score":{"type":"number","minimum":0,"maximum":1.5,"multipleOf":0.5},"rank":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":100},"tags":{"type":"array","minItems":1,"maxItems":5,"uniqueItems":true,"items":{"type":"string","maxLength":10}},"when":{"type":"string","format":"date-time"}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              /** Limits (checked by the server only): minLength 2, maxLength 8, pattern `^[A-Z]+\d*$`. */
              code: string;
              /** Limits (checked by the server only): minimum 0, maximum 1.5, multipleOf 0.5. */
              score?: number;
              /** Limits (checked by the server only): exclusiveMinimum 0, exclusiveMaximum 100. */
              rank?: number;
              /**
               * Not expressed here, checked only by the server's validator: `uniqueItems`.
               * Limits (checked by the server only): minItems 1, maxItems 5.
               */
              tags?: string[];
              /** Format `date-time` is not checked; the value is kept as a plain string. */
              when?: string;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("title and description become docstrings / JSDoc, escaped")
    func docs() throws {
        let schema = #"""
            {"title":"Note","description":"A note.\nSecond line with \"\"\" and */ inside.","type":"object","properties":{"body":{"type":"string","description":"The text."}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /**
             * Note
             *
             * A note.
             * Second line with """ and *\/ inside.
             *
             * Generated from JSON Schema `#`.
             */
            export interface TV1 {
              /** The text. */
              body?: string;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("member names that are not identifiers or are keywords are aliased / quoted")
    func names() throws {
        let schema = #"""
            {"type":"object","required":["class"],"properties":{"class":{"type":"string"},"display-name":{"type":"string"},"2fa":{"type":"boolean"},"json":{"type":"string"},"_private":{"type":"integer"},"model_type":{"type":"string"},"plain_name":{"type":"string"}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              class: string;
              "display-name"?: string;
              "2fa"?: boolean;
              json?: string;
              _private?: number;
              model_type?: string;
              plain_name?: string;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("boolean schemas: true is Any / unknown, false rejects every value / never")
    func booleans() throws {
        let schema = #"""
            {"type":"object","required":["any"],"properties":{"any":true,"gone":false,"blank":{}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export interface TV1 {
              any: unknown;
              gone?: never;
              blank?: unknown;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("keywords that cannot be expressed are named in the docs")
    func unexpressed() throws {
        let schema = #"""
            {"type":"object","minProperties":1,"patternProperties":{"^x-":{"type":"string"}},"properties":{"n":{"type":"integer","not":{"const":3}},"list":{"type":"array","contains":{"type":"string"},"items":true},"pair":{"type":"array","items":[{"type":"string"},{"type":"integer"}]},"cond":{"if":{"type":"string"},"then":{"minLength":1},"else":{"type":"integer"}}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /**
             * Not expressed here, checked only by the server's validator: `minProperties`, `patternProperties`.
             *
             * Generated from JSON Schema `#`.
             */
            export interface TV1 {
              /** Not expressed here, checked only by the server's validator: `not`. */
              n?: number;
              /** Not expressed here, checked only by the server's validator: `contains`. */
              list?: unknown[];
              /** Not expressed here, checked only by the server's validator: `items (as an array)`. */
              pair?: unknown[];
              /** Not expressed here, checked only by the server's validator: `else`, `if`, `then`. */
              cond?: unknown;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("a non-object root becomes a type alias")
    func rootarray() throws {
        let schema = #"""
            {"type":"array","items":{"type":"object","properties":{"v":{"type":"integer"}}}}
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export type TV1 = TV1Item[];

            /** Generated from JSON Schema `#/items`. */
            export interface TV1Item {
              v?: number;
              [key: string]: unknown;
            }

            """#)
    }

    @Test("the schema false at the root")
    func falseroot() throws {
        let schema = #"""
            false
            """#
        #expect(try SchemaExportFixtures.typescript(schema) == #"""
            /** Generated from JSON Schema `#`. */
            export type TV1 = never;

            """#)
    }
}
