/// A JSON value that keeps object members in document order.
///
/// The schema exporter reads schemas through this instead of
/// `JSONSerialization`, which loses member order (generated fields follow the
/// schema's order) and conflates `true` with `1`. Numbers keep their text so
/// they reach the generated code exactly as written.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as written in the source (e.g. `0`, `-1.5`, `1e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a duplicate key keeps its last value.
    case object([JSONMember])

    /// The member `key` of an object, or nil.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The string, or nil for other values.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Whether this is a string, number, boolean or null.
    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}

/// One member of a JSON object.
struct JSONMember: Sendable, Hashable {
    var key: String
    var value: JSONValue
}
