/// The small type model every translator maps to its own language.
///
/// It covers the JSON Schema subset the spec uses: scalars, arrays, maps
/// (`additionalProperties` without `properties`), objects with declared
/// properties, string enums, references to component schemas, and free-form
/// "any JSON". Inline objects and enums inside other schemas are hoisted by the
/// parser into named schemas, so `.object` and `.stringEnum` appear only as the
/// top-level type of a `NamedSchema` (or inline in a body, where translators may
/// still meet them).
public indirect enum SchemaType: Sendable, Hashable {
    /// A string; `format` as written (e.g. `date-time`), if any.
    case string(format: String? = nil)
    /// An integer of the given width.
    case integer(IntegerFormat)
    /// A floating-point number (`format: float` or `double` are not distinguished).
    case number
    /// `true` or `false`.
    case boolean
    /// An array of `items`.
    case array(SchemaType)
    /// An object whose members are all of one type (`additionalProperties`).
    case map(SchemaType)
    /// An object with declared properties.
    case object(ObjectSchema)
    /// A string restricted to `values`.
    case stringEnum([String])
    /// A reference to the component schema with this name.
    case reference(String)
    /// Free-form JSON: any value (no `type`, or an object with no properties and
    /// `additionalProperties: true` / absent).
    case anyJSON

    /// The widths an integer can have.
    public enum IntegerFormat: String, Sendable, Hashable {
        /// `format: int32`.
        case int32
        /// `format: int64`.
        case int64
        /// No format given.
        case unspecified
    }

    /// The referenced schema name, if this is a reference.
    public var referenceName: String? {
        if case .reference(let name) = self { return name }
        return nil
    }
}

/// An object schema with declared properties.
public struct ObjectSchema: Sendable, Hashable {
    /// The declared properties, in spec order.
    public var properties: [SchemaProperty]
    /// The type of members not declared (`additionalProperties`); nil when
    /// `additionalProperties` is absent or `false`. Translators may ignore it.
    public var additionalProperties: SchemaType?

    /// Creates an object schema.
    public init(properties: [SchemaProperty], additionalProperties: SchemaType? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
    }
}

/// One declared property of an object schema.
public struct SchemaProperty: Sendable, Hashable {
    /// The JSON member name, e.g. `schema_pointer`.
    public var name: String
    /// `description`, if any.
    public var description: String?
    /// Its type.
    public var type: SchemaType
    /// Whether the member is listed in `required`.
    public var required: Bool
    /// Whether the value may be `null` (`type: [T, "null"]`).
    public var nullable: Bool

    /// Creates a property.
    public init(name: String, description: String? = nil, type: SchemaType, required: Bool, nullable: Bool = false) {
        self.name = name
        self.description = description
        self.type = type
        self.required = required
        self.nullable = nullable
    }
}

/// A component schema (or a schema hoisted from an inline definition).
public struct NamedSchema: Sendable, Hashable {
    /// The schema's name, e.g. `ErrorResponse`.
    public var name: String
    /// `description`, if any.
    public var description: String?
    /// What it is.
    public var type: SchemaType
    /// The JSON pointer it came from, e.g. `#/components/schemas/ErrorResponse`.
    public var pointer: String

    /// Creates a named schema.
    public init(name: String, description: String? = nil, type: SchemaType, pointer: String) {
        self.name = name
        self.description = description
        self.type = type
        self.pointer = pointer
    }

    /// Whether values of this schema are free-form JSON (any value or a map):
    /// the Swift server carries them as raw bytes.
    public var isFreeForm: Bool {
        switch type {
        case .anyJSON, .map: true
        default: false
        }
    }
}
