import DeltaCore
import DeltaJSON

/// Reads the assertion keywords of one schema object (the keywords that do
/// not contain subschemas) into a `SchemaNode`, rejecting malformed values.
struct KeywordReader {
    let object: JSONObject
    let location: SchemaLocation
    let rootDocument: String

    private func invalid(_ reason: String) -> DeltaError {
        SchemaCompiler.invalid(location, reason, rootDocument: rootDocument)
    }

    private func number(_ keyword: String) throws(DeltaError) -> JSONNumber? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid("'\(keyword)' must be a number") }
        return number
    }

    private func count(_ keyword: String) throws(DeltaError) -> Int? {
        guard let value = object[keyword] else { return nil }
        guard case .number(let number) = value, number.isInteger, !number.isNegative else {
            throw invalid("'\(keyword)' must be a non-negative integer")
        }
        return number.int.map { Int(clamping: $0) } ?? Int.max
    }

    func readAssertions(into node: SchemaNode) throws(DeltaError) {
        if let type = object["type"] { node.types = try types(type) }
        if let values = object["enum"] {
            guard case .array(let list) = values else { throw invalid("'enum' must be an array") }
            node.enumValues = list
        }
        node.constValue = object["const"]
        if let divisor = try number("multipleOf") {
            guard JSONNumber.compare(divisor, JSONNumber(0)) > 0 else { throw invalid("'multipleOf' must be greater than 0") }
            node.multipleOf = divisor
        }
        node.maximum = try number("maximum")
        node.exclusiveMaximum = try number("exclusiveMaximum")
        node.minimum = try number("minimum")
        node.exclusiveMinimum = try number("exclusiveMinimum")
        node.maxLength = try count("maxLength")
        node.minLength = try count("minLength")
        if let pattern = object["pattern"] {
            guard case .string(let text) = pattern else { throw invalid("'pattern' must be a string") }
            do { node.pattern = try ECMARegex(text) } catch { throw invalid(error.description) }
        }
        if case .string(let name)? = object["format"] { node.format = SchemaFormat(rawValue: name) }
        node.maxItems = try count("maxItems")
        node.minItems = try count("minItems")
        if let unique = object["uniqueItems"] {
            guard case .bool(let flag) = unique else { throw invalid("'uniqueItems' must be a boolean") }
            node.uniqueItems = flag
        }
        node.maxProperties = try count("maxProperties")
        node.minProperties = try count("minProperties")
        if let required = object["required"] {
            guard case .array(let names) = required else { throw invalid("'required' must be an array of strings") }
            for name in names {
                guard case .string(let text) = name else { throw invalid("'required' must be an array of strings") }
                node.required.append(text)
            }
        }
    }

    private func types(_ value: JSONValue) throws(DeltaError) -> SchemaTypeSet {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let list): names = list
        default: throw invalid("'type' must be a type name or an array of type names")
        }
        var set: SchemaTypeSet = []
        for name in names {
            guard case .string(let text) = name, let type = SchemaTypeSet(name: text) else {
                throw invalid("'type' has an unknown type \(name); use null, boolean, integer, number, string, array or object")
            }
            set.insert(type)
        }
        return set
    }
}
