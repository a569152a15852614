import CodeRendering
import DeltaJSON

/// The languages `SchemaExporter` writes.
public enum SchemaExportLanguage: String, CaseIterable, Sendable {
    /// One Python module of Pydantic v2 models (`BaseModel` classes, strict).
    case pydantic
    /// TypeScript `interface`s and `type` aliases (no runtime code).
    case typescript
}

/// Turns a JSON Schema (draft-07) into Pydantic v2 models or TypeScript types,
/// so clients can type the documents they store in DeltaDatabase.
///
/// The output mirrors the schema as closely as the target allows:
/// - `required` members are required; others are `Optional[X] = None` / `name?: X`.
/// - `enum` and `const` (scalar values) become `Literal[...]` / literal unions.
/// - Objects with `properties` become named types: the root is named from the
///   schema id (`chat.v1` → `ChatV1`), nested ones from their path
///   (`ChatV1MessagesItem`), `definitions`/`$defs` members from their name.
/// - `items` → `List[X]` / `X[]`; `oneOf`/`anyOf` → `Union[...]` / `A | B`;
///   `type` lists → unions (`["string", "null"]` → `Optional[str]` / `string | null`).
/// - `allOf` of plain object schemas is merged into one type; any other `allOf`
///   is an intersection in TypeScript and `Any` in Python (documented on the type).
/// - `$ref` to `#`, `#/definitions/NAME` or `#/$defs/NAME` names the declared
///   type; recursion works (Pydantic classes are rebuilt at the end of the module).
/// - `additionalProperties: false` → `extra="forbid"` / no index signature;
///   absent or `true` → `extra="allow"` / `[key: string]: unknown`; a schema →
///   typed extras. An object with no `properties` → `Dict[str, X]` / `Record<string, X>`.
/// - Limits become `Field(min_length=, max_length=, pattern=, ge=, le=, gt=, lt=,
///   multiple_of=)` in Python (arrays: `min_length`/`max_length`); in TypeScript
///   they are listed in doc comments.
/// - `title`/`description` become docstrings / `/** */`; every type names the
///   JSON pointer it comes from.
/// - The schema `true` → `Any` / `unknown`; `false` → a validator that rejects
///   every value (`NoValue`) / `never`.
///
/// What it cannot express (the server's validator still checks these; the
/// generated code names them in the affected docstrings / doc comments):
/// `not`, `if`/`then`/`else`, `dependencies`, `patternProperties`,
/// `propertyNames`, `contains`, `uniqueItems`, `minProperties`/`maxProperties`,
/// `additionalItems` and tuple `items`, `enum`/`const` with array or object
/// values, `format` (kept as a plain `str` / `string`), the exclusivity of
/// `oneOf` (checked as `anyOf`), `$ref`s to anything but `#` and the schema's
/// own definitions (accept any value), and limits in TypeScript. Pydantic's
/// `pattern` uses Rust regex syntax (no look-around), and strict Pydantic
/// rejects `1.0` for an `integer`, which JSON Schema accepts. An optional member
/// is `Optional[X] = None` in Python, so an explicit `null` passes there even
/// when the schema does not allow it.
///
/// It reads only the text it is given (no network, no files) and is
/// deterministic: the same input always gives the same output.
public enum SchemaExporter {
    /// Renders `schemaJSON` (UTF-8 JSON text) as code for `language`.
    ///
    /// - Parameters:
    ///   - schemaJSON: The schema, as JSON text.
    ///   - schemaID: Names the root type and appears in the header line
    ///     (`# Generated from JSON Schema 'chat.v1' by deltadb-codegen. DO NOT EDIT.`).
    ///   - language: What to write.
    /// - Returns: The whole file, ending in one newline.
    /// - Throws: `CodegenError` when the text is not JSON, the root is neither
    ///   an object nor a boolean, or a keyword has the wrong JSON type
    ///   (e.g. `properties` that is not an object); the message names where.
    public static func export(schemaJSON: [UInt8], schemaID: String, language: SchemaExportLanguage) throws -> String {
        let root = try JSONSchemaNode(Self.parse(schemaJSON), pointer: "#")
        let model = SchemaExportBuilder.build(root: root, schemaID: schemaID)
        let source = "JSON Schema '\(schemaID)'"
        let file: CodeFile
        switch language {
        case .pydantic:
            file = CodeFile(path: "", language: .python, source: source, nodes: PydanticModelsTranslator(model: model).nodes())
        case .typescript:
            file = CodeFile(path: "", language: .typeScript, source: source, nodes: TypeScriptTypesTranslator(model: model).nodes())
        }
        return TextRenderer.render(file).contents
    }

    /// `export(schemaJSON:schemaID:language:)` for JSON text in a `String`.
    public static func export(schemaJSON: String, schemaID: String, language: SchemaExportLanguage) throws -> String {
        try export(schemaJSON: Array(schemaJSON.utf8), schemaID: schemaID, language: language)
    }

    /// The schema's `$id` (with any `#` fragment and trailing `#` removed), or nil when it has none.
    ///
    /// - Throws: `CodegenError` when the text is not JSON.
    public static func declaredID(schemaJSON: [UInt8]) throws -> String? {
        guard let id = try Self.parse(schemaJSON)["$id"]?.stringValue else { return nil }
        let trimmed = id.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? id
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension SchemaExporter {
    /// Parses schema text with DeltaJSON's parser (member order and number
    /// literals kept, so generated fields and limits follow the schema as written).
    ///
    /// - Throws: `CodegenError` naming the parse failure.
    static func parse(_ schemaJSON: [UInt8]) throws -> JSONValue {
        do {
            return try JSONParser.parse(schemaJSON)
        } catch {
            throw CodegenError("the schema is not valid JSON: \(error)")
        }
    }
}

extension JSONValue {
    /// Whether this is a string, number, boolean or null.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
