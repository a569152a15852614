import CodeRendering
import DeltaJSON

/// One draft-07 schema, with the keywords the exporter understands typed.
///
/// Built by `JSONSchemaNode.parse`; keywords that no target language can
/// express are kept by name in `unexpressed` so translators can document them.
/// Unknown keywords (annotations, vendor extensions) are ignored, as draft-07 says.
final class JSONSchemaNode: Sendable {
    /// Where this schema is, as a JSON pointer fragment (`#/properties/a`).
    let pointer: String
    /// `true` or `false` for a boolean schema; nil for an object schema.
    let boolean: Bool?
    /// The `type` keyword as a list (`"string"` → [string]); empty when absent.
    let types: [String]
    let enumValues: [JSONValue]?
    let constValue: JSONValue?
    let properties: [(name: String, schema: JSONSchemaNode)]
    let required: [String]
    let additionalProperties: JSONSchemaNode?
    /// `items` as one schema.
    let items: JSONSchemaNode?
    /// `items` as an array (tuple validation), which the exporter cannot express.
    let hasTupleItems: Bool
    let oneOf: [JSONSchemaNode]
    let anyOf: [JSONSchemaNode]
    let allOf: [JSONSchemaNode]
    let ref: String?
    let title: String?
    let description: String?
    let format: String?
    let constraints: SchemaConstraints
    /// `definitions` (and `$defs`) members, in order.
    let definitions: [(name: String, schema: JSONSchemaNode)]
    /// Validation keywords present here that no target can express, sorted.
    let unexpressed: [String]

    /// The keywords the exporter cannot express; only the server's validator checks them.
    static let unexpressedKeywords: Set<String> = [
        "not", "if", "then", "else", "dependencies", "patternProperties", "propertyNames", "contains",
        "uniqueItems", "minProperties", "maxProperties", "additionalItems",
    ]

    /// Whether this is the boolean schema `true` or an empty object schema.
    var acceptsAnything: Bool { boolean == true }

    /// Parses `value` at `pointer`.
    ///
    /// - Throws: `CodegenError` when `value` is not an object or boolean, or a
    ///   keyword the exporter relies on has the wrong JSON type.
    init(_ value: JSONValue, pointer: String) throws {
        self.pointer = pointer
        if case .bool(let flag) = value {
            boolean = flag
            types = []; enumValues = nil; constValue = nil; properties = []; required = []
            additionalProperties = nil; items = nil; hasTupleItems = false; oneOf = []; anyOf = []; allOf = []
            ref = nil; title = nil; description = nil; format = nil; constraints = SchemaConstraints()
            definitions = []; unexpressed = []
            return
        }
        guard case .object(let members) = value else {
            throw CodegenError("\(pointer): a schema must be a JSON object or a boolean")
        }
        boolean = nil
        func child(_ key: String) throws -> JSONSchemaNode? {
            guard let value = value[key] else { return nil }
            return try JSONSchemaNode(value, pointer: Self.append(pointer, key))
        }
        func list(_ key: String) throws -> [JSONSchemaNode] {
            guard let value = value[key] else { return [] }
            guard case .array(let elements) = value else { throw CodegenError("\(pointer): `\(key)` must be an array of schemas") }
            let base = Self.append(pointer, key)
            return try elements.enumerated().map { try JSONSchemaNode($1, pointer: "\(base)/\($0)") }
        }
        func named(_ key: String) throws -> [(name: String, schema: JSONSchemaNode)] {
            guard let value = value[key] else { return [] }
            guard case .object(let entries) = value else { throw CodegenError("\(pointer): `\(key)` must be an object") }
            let base = Self.append(pointer, key)
            return try entries.members.map { (name: $0.key, schema: try JSONSchemaNode($0.value, pointer: Self.append(base, $0.key))) }
        }
        func text(_ key: String) throws -> String? {
            guard let value = value[key] else { return nil }
            guard let string = value.stringValue else { throw CodegenError("\(pointer): `\(key)` must be a string") }
            return string
        }

        switch value["type"] {
        case nil: types = []
        case .string(let name)?: types = [name]
        case .array(let names)?:
            types = try names.map {
                guard let name = $0.stringValue else { throw CodegenError("\(pointer): `type` must list strings") }
                return name
            }
        default: throw CodegenError("\(pointer): `type` must be a string or an array of strings")
        }
        if let known = types.first(where: { !Self.typeNames.contains($0) }) {
            throw CodegenError("\(pointer): unknown type `\(known)`")
        }
        switch value["enum"] {
        case nil: enumValues = nil
        case .array(let values)?: enumValues = values
        default: throw CodegenError("\(pointer): `enum` must be an array")
        }
        constValue = value["const"]
        properties = try named("properties")
        switch value["required"] {
        case nil: required = []
        case .array(let names)?:
            required = try names.map {
                guard let name = $0.stringValue else { throw CodegenError("\(pointer): `required` must list strings") }
                return name
            }
        default: throw CodegenError("\(pointer): `required` must be an array of strings")
        }
        additionalProperties = try child("additionalProperties")
        if case .array = value["items"] {
            items = nil
            hasTupleItems = true
        } else {
            items = try child("items")
            hasTupleItems = false
        }
        oneOf = try list("oneOf")
        anyOf = try list("anyOf")
        allOf = try list("allOf")
        ref = try text("$ref")
        title = try text("title")
        description = try text("description")
        format = try text("format")
        constraints = SchemaConstraints(value)
        definitions = try named("definitions") + named("$defs")
        var unexpressed = members.keys.filter(Self.unexpressedKeywords.contains)
        if hasTupleItems { unexpressed.append("items (as an array)") }
        self.unexpressed = unexpressed.sorted()
    }

    static let typeNames: Set<String> = ["string", "integer", "number", "boolean", "null", "object", "array"]

    /// Whether the `required` list names `property`.
    func requires(_ property: String) -> Bool {
        required.contains(property)
    }

    /// `pointer` extended by one reference token, escaped per RFC 6901.
    static func append(_ pointer: String, _ token: String) -> String {
        pointer + "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// The numeric and length limits of one schema, as written (numbers keep their text).
struct SchemaConstraints: Sendable, Hashable {
    var minLength: String?
    var maxLength: String?
    var pattern: String?
    var minimum: String?
    var maximum: String?
    var exclusiveMinimum: String?
    var exclusiveMaximum: String?
    var multipleOf: String?
    var minItems: String?
    var maxItems: String?

    init() {}

    init(_ value: JSONValue) {
        func number(_ key: String) -> String? {
            if case .number(let number)? = value[key] { return number.literal }
            return nil
        }
        minLength = number("minLength")
        maxLength = number("maxLength")
        pattern = value["pattern"]?.stringValue
        minimum = number("minimum")
        maximum = number("maximum")
        exclusiveMinimum = number("exclusiveMinimum")
        exclusiveMaximum = number("exclusiveMaximum")
        multipleOf = number("multipleOf")
        minItems = number("minItems")
        maxItems = number("maxItems")
    }

    /// Only the limits that apply to strings.
    var forStrings: SchemaConstraints {
        var kept = SchemaConstraints()
        kept.minLength = minLength
        kept.maxLength = maxLength
        kept.pattern = pattern
        return kept
    }

    /// Only the limits that apply to numbers.
    var forNumbers: SchemaConstraints {
        var kept = SchemaConstraints()
        kept.minimum = minimum
        kept.maximum = maximum
        kept.exclusiveMinimum = exclusiveMinimum
        kept.exclusiveMaximum = exclusiveMaximum
        kept.multipleOf = multipleOf
        return kept
    }

    /// Only the limits that apply to arrays.
    var forArrays: SchemaConstraints {
        var kept = SchemaConstraints()
        kept.minItems = minItems
        kept.maxItems = maxItems
        return kept
    }

    var isEmpty: Bool { self == SchemaConstraints() }

    /// `(keyword, value)` pairs in a fixed order, values as JSON text; for documentation.
    var keywords: [(String, String)] {
        let pairs: [(String, String?)] = [
            ("minLength", minLength), ("maxLength", maxLength), ("pattern", pattern.map { "`\($0)`" }),
            ("minimum", minimum), ("maximum", maximum), ("exclusiveMinimum", exclusiveMinimum),
            ("exclusiveMaximum", exclusiveMaximum), ("multipleOf", multipleOf),
            ("minItems", minItems), ("maxItems", maxItems),
        ]
        return pairs.compactMap { key, value in value.map { (key, $0) } }
    }
}
