import CodeRendering
import DeltaJSON

/// A language-neutral description of the types a JSON Schema needs: what the
/// schema exporter's translators render.
///
/// Built once by `SchemaExportBuilder`; both translators read the same model,
/// so Pydantic and TypeScript output always declare the same names.
struct SchemaExportModel: Sendable, Hashable {
    /// The schema's id as given (e.g. `chat.v1`).
    var schemaID: String
    /// The name of the type for the whole document (e.g. `ChatV1`).
    var rootName: String
    /// Every declaration, the root's first, then in the order the schema mentions them.
    var declarations: [SchemaExportDeclaration]
}

/// One named type to declare.
enum SchemaExportDeclaration: Sendable, Hashable {
    /// A JSON object with known members: a Pydantic model / a TypeScript interface.
    case object(SchemaExportObject)
    /// Any other schema: a type alias.
    case alias(SchemaExportAlias)

    var name: String {
        switch self {
        case .object(let object): object.name
        case .alias(let alias): alias.name
        }
    }
}

/// A type as the schema describes it, before any language spells it.
indirect enum SchemaExportType: Sendable, Hashable {
    /// The schema `true` or `{}`: any JSON value.
    case any
    /// The schema `false`: no JSON value.
    case never
    case null
    case string
    case integer
    case number
    case boolean
    /// One of these JSON values (`enum`, `const`); only scalars.
    case literal([JSONValue])
    case array(SchemaExportType)
    /// A JSON object whose member names are free: `Dict[str, X]`.
    case map(SchemaExportType)
    /// A declared type, by its generated name.
    case named(String)
    /// Any of these (`oneOf`, `anyOf`, `type` lists); members are distinct.
    case union([SchemaExportType])
    /// All of these (`allOf` that cannot be merged into one object).
    case intersection([SchemaExportType])
    /// A type with the length, range or size limits that apply to it.
    case constrained(SchemaExportType, SchemaConstraints)

    /// The type without its constraints.
    var unconstrained: SchemaExportType {
        if case .constrained(let inner, _) = self { return inner }
        return self
    }

    /// The named types this type mentions, in order.
    var referencedNames: [String] {
        switch self {
        case .named(let name): [name]
        case .array(let inner), .map(let inner), .constrained(let inner, _): inner.referencedNames
        case .union(let members), .intersection(let members): members.flatMap(\.referencedNames)
        default: []
        }
    }
}

/// What an object does with members its schema does not name.
enum SchemaExportExtraMembers: Sendable, Hashable {
    /// `additionalProperties: false`.
    case forbidden
    /// `additionalProperties` absent or `true`.
    case allowed
    /// `additionalProperties` is a schema: extra members must have this type.
    case typed(SchemaExportType)
}

/// A JSON object type with named members.
struct SchemaExportObject: Sendable, Hashable {
    var name: String
    /// Where it comes from in the schema (`#/properties/messages/items`).
    var pointer: String
    var title: String?
    var description: String?
    var properties: [SchemaExportProperty]
    var extraMembers: SchemaExportExtraMembers
    /// What the target cannot check about this object, one sentence each.
    var notes: [String]
}

/// One member of an object.
struct SchemaExportProperty: Sendable, Hashable {
    /// The member name in JSON.
    var jsonName: String
    var type: SchemaExportType
    /// Listed in `required`.
    var required: Bool
    var description: String?
    /// What the target cannot check about this member, one sentence each.
    var notes: [String]
}

/// A named non-object type.
struct SchemaExportAlias: Sendable, Hashable {
    var name: String
    var pointer: String
    var title: String?
    var description: String?
    var type: SchemaExportType
    var notes: [String]
}
