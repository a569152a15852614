import DeltaJSON

/// One compiled (sub)schema: its keywords in a form that is cheap to check.
/// Child schemas are indexes into the owning `CompiledSchema`'s node table,
/// which is what lets recursive `$ref`s form cycles.
///
/// Written only while `SchemaCompiler` builds it; immutable afterwards.
final class SchemaNode: @unchecked Sendable {
    /// Where this schema is, as shown in errors: `/properties/a` in the root
    /// document, `other.v1#/definitions/x` elsewhere.
    var location: String

    /// `true`/`false` boolean schema (or `{}`); nil for ordinary schemas.
    var constant: Bool?
    /// A `$ref`: all sibling keywords are ignored (draft-07).
    var ref: Int?

    var types: SchemaTypeSet?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var multipleOf: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMaximum: JSONNumber?
    var minimum: JSONNumber?
    var exclusiveMinimum: JSONNumber?

    var maxLength: Int?
    var minLength: Int?
    var pattern: ECMARegex?
    var format: SchemaFormat?

    var items: Int?
    var tupleItems: [Int]?
    var additionalItems: Int?
    var maxItems: Int?
    var minItems: Int?
    var uniqueItems = false
    var contains: Int?

    var maxProperties: Int?
    var minProperties: Int?
    var required: [String] = []
    var properties: [(name: String, node: Int)] = []
    var propertyNames: Set<String> = []
    var patternProperties: [(regex: ECMARegex, node: Int)] = []
    var additionalProperties: Int?
    var dependencies: [(name: String, requires: [String], schema: Int?)] = []
    var propertyNameSchema: Int?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    /// Which instance kinds have keywords here, to skip whole groups quickly.
    var hasNumberKeywords = false
    var hasStringKeywords = false
    var hasArrayKeywords = false
    var hasObjectKeywords = false
    var hasApplicators = false

    init(location: String) {
        self.location = location
    }

    /// Sets the summary flags once all keywords are in place.
    func finish() {
        hasNumberKeywords = multipleOf != nil || maximum != nil || exclusiveMaximum != nil || minimum != nil
            || exclusiveMinimum != nil
        hasStringKeywords = maxLength != nil || minLength != nil || pattern != nil || format != nil
        hasArrayKeywords = items != nil || tupleItems != nil || maxItems != nil || minItems != nil || uniqueItems
            || contains != nil
        hasObjectKeywords = maxProperties != nil || minProperties != nil || !required.isEmpty || !properties.isEmpty
            || !patternProperties.isEmpty || additionalProperties != nil || !dependencies.isEmpty
            || propertyNameSchema != nil
        hasApplicators = !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil || ifSchema != nil
        propertyNames = Set(properties.map(\.name))
    }
}

/// The `type` keyword as a bit set.
struct SchemaTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = SchemaTypeSet(rawValue: 1)
    static let boolean = SchemaTypeSet(rawValue: 2)
    static let integer = SchemaTypeSet(rawValue: 4)
    static let number = SchemaTypeSet(rawValue: 8)
    static let string = SchemaTypeSet(rawValue: 16)
    static let array = SchemaTypeSet(rawValue: 32)
    static let object = SchemaTypeSet(rawValue: 64)

    static let names: [(String, SchemaTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("integer", .integer), ("number", .number),
        ("string", .string), ("array", .array), ("object", .object),
    ]

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        guard let entry = Self.names.first(where: { $0.0 == name }) else { return nil }
        self = entry.1
    }

    /// Whether `value` has one of these types (`1.0` is an integer).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .number(let number): contains(.number) || (contains(.integer) && number.isInteger)
        case .string: contains(.string)
        case .array: contains(.array)
        case .object: contains(.object)
        }
    }

    /// "string" or "one of [string, null]".
    var listing: String {
        let chosen = Self.names.filter { contains($0.1) }.map(\.0)
        return chosen.count == 1 ? chosen[0] : "one of [\(chosen.joined(separator: ", "))]"
    }
}
