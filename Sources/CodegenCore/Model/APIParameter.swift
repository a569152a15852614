/// One path, query or header parameter of an operation.
///
/// Cookie parameters are not supported (the parser reports them).
public struct APIParameter: Sendable, Hashable {
    /// Where a parameter travels.
    public enum Location: String, Sendable, Hashable, CaseIterable {
        case path, query, header
    }

    /// The wire name, e.g. `database`, `key`, `If-Match`.
    public var name: String
    /// Where it travels.
    public var location: Location
    /// Whether the request must carry it (always true for path parameters).
    public var required: Bool
    /// `description`, if any.
    public var description: String?
    /// Its type: a string, integer, number, boolean or string enum in practice.
    public var type: SchemaType

    /// Creates a parameter.
    public init(name: String, location: Location, required: Bool, description: String? = nil, type: SchemaType) {
        self.name = name
        self.location = location
        self.required = required
        self.description = description
        self.type = type
    }
}
