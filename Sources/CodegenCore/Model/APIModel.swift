/// The whole REST API as the generators see it: one value every translator reads.
///
/// Built by `OpenAPIParser` from `spec/openapi.yaml`; every `$ref` is already
/// resolved, every name is still the spec's own (translators derive identifiers
/// through `Naming`). Operations and schemas keep spec order so output is stable.
/// It holds no behaviour and knows nothing about any output language.
public struct APIModel: Sendable, Hashable {
    /// The spec file this model was read from, relative to the repository root,
    /// e.g. `spec/openapi.yaml`. Generated headers name it.
    public var source: String
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// `info.description`, if any.
    public var description: String?
    /// Every operation, in the order the spec lists paths and then methods.
    public var operations: [APIOperation]
    /// Every component schema, in spec order, plus schemas hoisted from inline
    /// object or enum definitions (named `<Parent><Property>`), each after its parent.
    public var schemas: [NamedSchema]

    /// Creates a model.
    public init(
        source: String, title: String, version: String, description: String? = nil,
        operations: [APIOperation], schemas: [NamedSchema]
    ) {
        self.source = source
        self.title = title
        self.version = version
        self.description = description
        self.operations = operations
        self.schemas = schemas
    }

    /// The schema named `name`, if the model has one.
    public func schema(named name: String) -> NamedSchema? {
        schemas.first { $0.name == name }
    }

    /// Follows references until it reaches a schema that is not a plain reference.
    ///
    /// Returns `type` itself when it is not a reference or the name is unknown
    /// (the parser already reported unknown names as diagnostics).
    public func resolve(_ type: SchemaType) -> SchemaType {
        var current = type
        var seen: Set<String> = []
        while case .reference(let name) = current, !seen.contains(name), let schema = schema(named: name) {
            seen.insert(name)
            current = schema.type
        }
        return current
    }
}
