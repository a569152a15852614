/// How model types are spelled in the generated Python, and the expressions
/// that move values between JSON (dicts, lists, scalars) and generated classes.
///
/// Object schemas become dataclasses with `from_dict`/`to_dict`; every other
/// schema is a type alias, and values of it travel unchanged.
struct PythonTypes {
    /// The model whose references are resolved.
    let model: APIModel

    /// Whether the component schema `name` is generated as a dataclass.
    func isClass(_ name: String) -> Bool {
        if case .object = model.schema(named: name)?.type { return true }
        return false
    }

    /// The annotation for `type`; references to names in `forward` (defined
    /// later in the module) are quoted so a type alias can use them.
    func annotation(_ type: SchemaType, forward: Set<String> = []) -> String {
        switch type {
        case .string, .stringEnum: "str"
        case .integer: "int"
        case .number: "float"
        case .boolean: "bool"
        case .anyJSON: "Any"
        case .object: "dict[str, Any]"
        case .array(let items): "list[\(annotation(items, forward: forward))]"
        case .map(let values): "dict[str, \(annotation(values, forward: forward))]"
        case .reference(let name):
            forward.contains(name) ? PythonSyntax.string(Naming.pythonTypeName(name)) : Naming.pythonTypeName(name)
        }
    }

    /// Whether `annotation(type)` mentions `typing.Any`.
    func usesAny(_ type: SchemaType) -> Bool {
        switch type {
        case .anyJSON, .object: true
        case .array(let inner), .map(let inner): usesAny(inner)
        default: false
        }
    }

    /// The component schema names `type` mentions, in order of appearance.
    func referencedNames(_ type: SchemaType) -> [String] {
        switch type {
        case .reference(let name): [name]
        case .array(let inner), .map(let inner): referencedNames(inner)
        default: []
        }
    }

    /// The expression turning the JSON value `value` into a value of `type`.
    func decode(_ type: SchemaType, _ value: String) -> String {
        convert(type, value, depth: 0, seen: []) { name, value in "\(Naming.pythonTypeName(name)).from_dict(\(value))" }
            ?? value
    }

    /// The expression turning `value`, of `type`, into its JSON value.
    func encode(_ type: SchemaType, _ value: String) -> String {
        convert(type, value, depth: 0, seen: []) { _, value in "\(value).to_dict()" } ?? value
    }

    /// Whether `decode`/`encode` change values of `type` (false: JSON travels as is).
    func needsConversion(_ type: SchemaType) -> Bool {
        convert(type, "value", depth: 0, seen: []) { _, value in value } != nil
    }

    /// The dataclasses that `decode`/`encode` of `type` name, in order of appearance.
    func convertedClassNames(_ type: SchemaType) -> [String] {
        var names: [String] = []
        _ = convert(type, "value", depth: 0, seen: []) { name, value in
            names.append(name)
            return value
        }
        return names
    }

    /// The converting expression, or nil when values of `type` are used as they are.
    private func convert(
        _ type: SchemaType, _ value: String, depth: Int, seen: Set<String>,
        _ convertObject: (String, String) -> String
    ) -> String? {
        switch type {
        case .reference(let name):
            guard !seen.contains(name), let schema = model.schema(named: name) else { return nil }
            if case .object = schema.type { return convertObject(name, value) }
            return convert(schema.type, value, depth: depth, seen: seen.union([name]), convertObject)
        case .array(let items):
            let item = depth == 0 ? "item" : "item\(depth)"
            guard let inner = convert(items, item, depth: depth + 1, seen: seen, convertObject) else { return nil }
            return "[\(inner) for \(item) in \(value)]"
        case .map(let values):
            let key = depth == 0 ? "key" : "key\(depth)"
            let member = depth == 0 ? "member" : "member\(depth)"
            guard let inner = convert(values, member, depth: depth + 1, seen: seen, convertObject) else { return nil }
            return "{\(key): \(inner) for \(key), \(member) in \(value).items()}"
        default:
            return nil
        }
    }
}
