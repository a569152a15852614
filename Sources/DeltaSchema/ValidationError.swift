/// One way an instance fails its schema.
///
/// `instancePointer` is the JSON pointer of the offending value (`""` is the
/// whole document; for a missing required property it is the object that
/// lacks it). `schemaPointer` is the keyword that rejected it, as a JSON
/// pointer into the schema (`/properties/messages/items/required`), prefixed
/// with the schema id and `#` when the keyword lives in another registered
/// schema. `message` never quotes values from the instance.
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// JSON pointer into the instance.
    public var instancePointer: String
    /// JSON pointer (keyword location) into the schema.
    public var schemaPointer: String
    /// The keyword that failed (`required`, `type`, …); empty for a `false` schema.
    public var keyword: String
    /// A readable explanation, e.g. "required property 'content' is missing".
    public var message: String

    public init(instancePointer: String, schemaPointer: String, keyword: String, message: String) {
        self.instancePointer = instancePointer
        self.schemaPointer = schemaPointer
        self.keyword = keyword
        self.message = message
    }

    /// `/messages/0: required property 'content' is missing`.
    public var description: String {
        "\(instancePointer.isEmpty ? "(document)" : instancePointer): \(message)"
    }
}
