import Testing

import CodeRendering
import DeltaJSON
@testable import DeltaSchemaExport

/// Snippet tests: a small JSON Schema → the exact Pydantic declarations
/// (everything after the module preamble, which `fullFile` checks once).
@Suite("Schema export: Pydantic")
struct SchemaExportPydanticTests {
    @Test("required members are plain, optional ones default to None / are `?`; primitive types map")
    func required() throws {
        let schema = #"""
            {"type":"object","required":["name","count"],"properties":{"name":{"type":"string"},"count":{"type":"integer"},"ratio":{"type":"number"},"on":{"type":"boolean"},"nothing":{"type":"null"}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                name: str
                count: int
                ratio: Optional[float] = None
                on: Optional[bool] = None
                nothing: None = None


            TV1.model_rebuild()

            """#)
    }

    @Test("enum and const become Literal / literal unions; enum of objects is documented")
    func enums() throws {
        let schema = #"""
            {"type":"object","required":["kind"],"properties":{"kind":{"const":"note"},"level":{"enum":[1,2,"max",null]},"shape":{"enum":[{"a":1}]}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                kind: Literal["note"]
                level: Literal[1, 2, "max", None] = None
                shape: Any = None
                """`enum` with array or object values is not checked."""


            TV1.model_rebuild()

            """#)
    }

    @Test("nested objects are named from their path; arrays become List / []")
    func nested() throws {
        let schema = #"""
            {"type":"object","properties":{"messages":{"type":"array","minItems":1,"items":{"type":"object","required":["text"],"properties":{"text":{"type":"string"},"meta":{"type":"object","properties":{"lang":{"type":"string"}},"additionalProperties":false}}}},"grid":{"type":"array","items":{"type":"array","items":{"type":"integer"}}}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                messages: Optional[List[TV1MessagesItem]] = Field(None, min_length=1)
                grid: Optional[List[List[int]]] = None


            class TV1MessagesItem(BaseModel):
                """Generated from JSON Schema ``#/properties/messages/items``."""

                model_config = ConfigDict(extra="allow", strict=True)

                text: str
                meta: Optional[TV1MessagesItemMeta] = None


            class TV1MessagesItemMeta(BaseModel):
                """Generated from JSON Schema ``#/properties/messages/items/properties/meta``."""

                model_config = ConfigDict(extra="forbid", strict=True)

                lang: Optional[str] = None


            TV1.model_rebuild()
            TV1MessagesItem.model_rebuild()
            TV1MessagesItemMeta.model_rebuild()

            """#)
    }

    @Test("oneOf/anyOf become unions; type lists with null become Optional / | null")
    func unions() throws {
        let schema = #"""
            {"type":"object","properties":{"id":{"oneOf":[{"type":"string"},{"type":"integer"}]},"shape":{"anyOf":[{"type":"object","required":["r"],"properties":{"r":{"type":"number"}}},{"type":"null"}]},"nick":{"type":["string","null"]},"mixed":{"type":["string","integer","null"]}},"required":["nick"]}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                id: Optional[Union[str, int]] = None
                """`oneOf` is checked as `anyOf`: a value matching several options is not rejected."""
                shape: Optional[TV1ShapeOption1] = None
                nick: Optional[str]
                mixed: Optional[Union[str, int]] = None


            class TV1ShapeOption1(BaseModel):
                """Generated from JSON Schema ``#/properties/shape/anyOf/0``."""

                model_config = ConfigDict(extra="allow", strict=True)

                r: float


            TV1.model_rebuild()
            TV1ShapeOption1.model_rebuild()

            """#)
    }

    @Test("allOf of objects is merged; other allOf is documented (Any / intersection)")
    func allof() throws {
        let schema = #"""
            {"definitions":{"base":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}},"type":"object","properties":{"item":{"allOf":[{"$ref":"#/definitions/base"},{"properties":{"name":{"type":"string"}}}]},"odd":{"allOf":[{"type":"string"},{"minLength":2}]}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                item: Optional[TV1Item] = None
                odd: Optional[Any] = None
                """`allOf` is not merged (not every member is a plain object): TypeScript intersects the members; Pydantic accepts any value."""


            class TV1Item(BaseModel):
                """Declared as one object: the members of its `allOf` merged.

                Generated from JSON Schema ``#/properties/item``.
                """

                model_config = ConfigDict(extra="allow", strict=True)

                id: int
                name: Optional[str] = None


            class Base(BaseModel):
                """Generated from JSON Schema ``#/definitions/base``."""

                model_config = ConfigDict(extra="allow", strict=True)

                id: int


            TV1.model_rebuild()
            TV1Item.model_rebuild()
            Base.model_rebuild()

            """#)
    }

    @Test("$ref to definitions and # names types; recursion; aliases in dependency order; remote refs documented")
    func ref() throws {
        let schema = #"""
            {"type":"object","required":["root"],"properties":{"root":{"$ref":"#/definitions/tree_node"},"parent":{"$ref":"#"},"remote":{"$ref":"other.json#/x"}},"definitions":{"tree_node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/definitions/tree_node"}}}},"id_list":{"type":"array","items":{"$ref":"#/definitions/id"}},"id":{"type":"string"}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                root: TreeNode
                parent: Optional[TV1] = None
                remote: Any = None
                """`$ref` `other.json#/x` is not resolved (only `#/definitions/...` and `#/$defs/...` are); any value is accepted."""


            class TreeNode(BaseModel):
                """Generated from JSON Schema ``#/definitions/tree_node``."""

                model_config = ConfigDict(extra="allow", strict=True)

                children: Optional[List[TreeNode]] = None


            Id = str
            """Generated from JSON Schema ``#/definitions/id``."""


            IdList = List[Id]
            """Generated from JSON Schema ``#/definitions/id_list``."""


            TV1.model_rebuild()
            TreeNode.model_rebuild()

            """#)
    }

    @Test("additionalProperties: false / true / schema / map-only objects")
    func extra() throws {
        let schema = #"""
            {"type":"object","properties":{"closed":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false},"open":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":true},"typed":{"type":"object","required":["a"],"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}},"counts":{"type":"object","additionalProperties":{"type":"integer"}},"free":{"type":"object"},"empty":{"type":"object","additionalProperties":false}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                closed: Optional[TV1Closed] = None
                open: Optional[TV1Open] = None
                typed: Optional[TV1Typed] = None
                counts: Optional[Dict[str, int]] = None
                free: Optional[Dict[str, Any]] = None
                empty: Optional[TV1Empty] = None


            class TV1Closed(BaseModel):
                """Generated from JSON Schema ``#/properties/closed``."""

                model_config = ConfigDict(extra="forbid", strict=True)

                a: Optional[str] = None


            class TV1Open(BaseModel):
                """Generated from JSON Schema ``#/properties/open``."""

                model_config = ConfigDict(extra="allow", strict=True)

                a: Optional[str] = None


            class TV1Typed(BaseModel):
                """Generated from JSON Schema ``#/properties/typed``."""

                model_config = ConfigDict(extra="allow", strict=True)
                __pydantic_extra__: Dict[str, int] = Field(init=False)

                a: str


            class TV1Empty(BaseModel):
                """Generated from JSON Schema ``#/properties/empty``."""

                model_config = ConfigDict(extra="forbid", strict=True)


            TV1.model_rebuild()
            TV1Closed.model_rebuild()
            TV1Open.model_rebuild()
            TV1Typed.model_rebuild()
            TV1Empty.model_rebuild()

            """#)
    }

    @Test("limits become Field arguments / doc comments; format stays a string, with a note")
    func limits() throws {
        let schema = #"""
            {"type":"object","required":["code"],"properties":{"code":{"type":"string","minLength":2,"maxLength":8,"pattern":"^[A-Z]+\\d*$"},"score":{"type":"number","minimum":0,"maximum":1.5,"multipleOf":0.5},"rank":{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":100},"tags":{"type":"array","minItems":1,"maxItems":5,"uniqueItems":true,"items":{"type":"string","maxLength":10}},"when":{"type":"string","format":"date-time"}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                code: str = Field(min_length=2, max_length=8, pattern="^[A-Z]+\\d*$")
                score: Optional[float] = Field(None, ge=0, le=1.5, multiple_of=0.5)
                rank: Optional[int] = Field(None, gt=0, lt=100)
                tags: Optional[List[Annotated[str, Field(max_length=10)]]] = Field(None, min_length=1, max_length=5)
                """Not expressed here, checked only by the server's validator: `uniqueItems`."""
                when: Optional[str] = None
                """Format `date-time` is not checked; the value is kept as a plain string."""


            TV1.model_rebuild()

            """#)
    }

    @Test("title and description become docstrings / JSDoc, escaped")
    func docs() throws {
        let schema = #"""
            {"title":"Note","description":"A note.\nSecond line with \"\"\" and */ inside.","type":"object","properties":{"body":{"type":"string","description":"The text."}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Note

                A note.
                Second line with \"\"\" and */ inside.

                Generated from JSON Schema ``#``.
                """

                model_config = ConfigDict(extra="allow", strict=True)

                body: Optional[str] = None
                """The text."""


            TV1.model_rebuild()

            """#)
    }

    @Test("member names that are not identifiers or are keywords are aliased / quoted")
    func names() throws {
        let schema = #"""
            {"type":"object","required":["class"],"properties":{"class":{"type":"string"},"display-name":{"type":"string"},"2fa":{"type":"boolean"},"json":{"type":"string"},"_private":{"type":"integer"},"model_type":{"type":"string"},"plain_name":{"type":"string"}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", populate_by_name=True, strict=True)

                class_: str = Field(alias="class")
                display_name: Optional[str] = Field(None, alias="display-name")
                field_2fa: Optional[bool] = Field(None, alias="2fa")
                json_: Optional[str] = Field(None, alias="json")
                private: Optional[int] = Field(None, alias="_private")
                field_model_type: Optional[str] = Field(None, alias="model_type")
                plain_name: Optional[str] = None


            TV1.model_rebuild()

            """#)
    }

    @Test("boolean schemas: true is Any / unknown, false rejects every value / never")
    func booleans() throws {
        let schema = #"""
            {"type":"object","required":["any"],"properties":{"any":true,"gone":false,"blank":{}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            def _reject_any_value(value: Any) -> Any:
                """Validates the JSON Schema `false`: no value is valid."""
                raise ValueError("no value is allowed here (the schema is `false`)")


            NoValue = Annotated[Any, AfterValidator(_reject_any_value)]
            """The JSON Schema `false`: every value is rejected."""


            class TV1(BaseModel):
                """Generated from JSON Schema ``#``."""

                model_config = ConfigDict(extra="allow", strict=True)

                any: Any
                gone: Optional[NoValue] = None
                blank: Any = None


            TV1.model_rebuild()

            """#)
    }

    @Test("keywords that cannot be expressed are named in the docs")
    func unexpressed() throws {
        let schema = #"""
            {"type":"object","minProperties":1,"patternProperties":{"^x-":{"type":"string"}},"properties":{"n":{"type":"integer","not":{"const":3}},"list":{"type":"array","contains":{"type":"string"},"items":true},"pair":{"type":"array","items":[{"type":"string"},{"type":"integer"}]},"cond":{"if":{"type":"string"},"then":{"minLength":1},"else":{"type":"integer"}}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1(BaseModel):
                """Not expressed here, checked only by the server's validator: `minProperties`, `patternProperties`.

                Generated from JSON Schema ``#``.
                """

                model_config = ConfigDict(extra="allow", strict=True)

                n: Optional[int] = None
                """Not expressed here, checked only by the server's validator: `not`."""
                list: Optional[List[Any]] = None
                """Not expressed here, checked only by the server's validator: `contains`."""
                pair: Optional[List[Any]] = None
                """Not expressed here, checked only by the server's validator: `items (as an array)`."""
                cond: Any = None
                """Not expressed here, checked only by the server's validator: `else`, `if`, `then`."""


            TV1.model_rebuild()

            """#)
    }

    @Test("a non-object root becomes a type alias")
    func rootarray() throws {
        let schema = #"""
            {"type":"array","items":{"type":"object","properties":{"v":{"type":"integer"}}}}
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            class TV1Item(BaseModel):
                """Generated from JSON Schema ``#/items``."""

                model_config = ConfigDict(extra="allow", strict=True)

                v: Optional[int] = None


            TV1 = List[TV1Item]
            """Generated from JSON Schema ``#``."""


            TV1Item.model_rebuild()

            """#)
    }

    @Test("the schema false at the root")
    func falseroot() throws {
        let schema = #"""
            false
            """#
        #expect(try SchemaExportFixtures.pydantic(schema) == #"""
            def _reject_any_value(value: Any) -> Any:
                """Validates the JSON Schema `false`: no value is valid."""
                raise ValueError("no value is allowed here (the schema is `false`)")


            NoValue = Annotated[Any, AfterValidator(_reject_any_value)]
            """The JSON Schema `false`: every value is rejected."""


            TV1 = NoValue
            """Generated from JSON Schema ``#``."""

            """#)
    }
}
