/// Builds `models.py`: a dataclass for every object schema, a type alias for
/// every other schema, in model order.
///
/// Dataclass fields list required properties first (Python requires fields
/// with defaults last); optional ones default to `None`. `from_dict` ignores
/// unknown members so older clients read newer servers; `to_dict` leaves out
/// optional members that are `None`.
struct PythonModelsFile {
    let model: APIModel
    let types: PythonTypes

    init(model: APIModel) {
        self.model = model
        self.types = PythonTypes(model: model)
    }

    /// The file's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        var nodes: [CodeNode] = PythonSyntax.docstring([["Types for the component schemas of the \(model.title)."]])
        nodes += [.blank, .line("from __future__ import annotations"), .blank]
        if model.schemas.contains(where: { types.isClass($0.name) }) {
            nodes.append(.line("from dataclasses import dataclass"))
        }
        nodes.append(PythonSyntax.fromImport("typing", typingNames()))
        nodes += [.blank, PythonSyntax.stringList("__all__", model.schemas.map { Naming.pythonTypeName($0.name) })]
        var previousWasClass = true
        for (index, schema) in model.schemas.enumerated() {
            let isClass = types.isClass(schema.name)
            nodes += Array(repeating: .blank, count: isClass || previousWasClass ? 2 : 1)
            if case .object(let object) = schema.type {
                nodes += dataclass(schema, object)
            } else {
                let later = Set(model.schemas[index...].map(\.name))
                nodes += alias(schema, forward: later)
            }
            previousWasClass = isClass
        }
        return nodes
    }

    /// The `typing` names the module uses, sorted.
    private func typingNames() -> [String] {
        var names: Set<String> = []
        for schema in model.schemas {
            switch schema.type {
            case .object(let object):
                names.formUnion(["Any", "Mapping"])
                if object.properties.contains(where: { !$0.required || $0.nullable }) { names.insert("Optional") }
            case .stringEnum:
                names.insert("Literal")
            default:
                if types.usesAny(schema.type) { names.insert("Any") }
            }
        }
        return names.sorted()
    }

    private func documentation(_ schema: NamedSchema) -> [[String]] {
        [schema.description.map { [$0] } ?? [], ["Generated from ``\(schema.pointer)``."]]
    }

    private func alias(_ schema: NamedSchema, forward: Set<String>) -> [CodeNode] {
        let value: String
        if case .stringEnum(let cases) = schema.type {
            value = "Literal[\(cases.map(PythonSyntax.string).joined(separator: ", "))]"
        } else {
            value = types.annotation(schema.type, forward: forward)
        }
        return [.line("\(Naming.pythonTypeName(schema.name)) = \(value)")] + PythonSyntax.docstring(documentation(schema))
    }

    private func dataclass(_ schema: NamedSchema, _ object: ObjectSchema) -> [CodeNode] {
        let name = Naming.pythonTypeName(schema.name)
        let properties = object.properties.filter(\.required) + object.properties.filter { !$0.required }
        var body = PythonSyntax.docstring(documentation(schema))
        if !properties.isEmpty { body.append(.blank) }
        for property in properties {
            body.append(.line(field(property)))
            body += PythonSyntax.docstring([property.description.map { [$0] } ?? []])
        }
        body += [.blank, .line("@classmethod")]
        body.append(.block(
            open: "def from_dict(cls, data: Mapping[str, Any]) -> \(name):",
            body: PythonSyntax.docstring([["Builds a value from its JSON object; unknown members are ignored."]])
                + [fromDictReturn(properties)],
            close: nil
        ))
        body.append(.blank)
        body.append(.block(
            open: "def to_dict(self) -> dict[str, Any]:",
            body: PythonSyntax.docstring([["The JSON object for this value; unset optional members are left out."]])
                + [.line("result: dict[str, Any] = {}")] + properties.map(toDictEntry) + [.line("return result")],
            close: nil
        ))
        return [.line("@dataclass"), .block(open: "class \(name):", body: body, close: nil)]
    }

    private func field(_ property: SchemaProperty) -> String {
        let identifier = Naming.pythonIdentifier(property.name)
        let annotation = types.annotation(property.type)
        if !property.required { return "\(identifier): Optional[\(annotation)] = None" }
        return property.nullable ? "\(identifier): Optional[\(annotation)]" : "\(identifier): \(annotation)"
    }

    private func fromDictReturn(_ properties: [SchemaProperty]) -> CodeNode {
        guard !properties.isEmpty else { return .line("return cls()") }
        let arguments: [CodeNode] = properties.map { property in
            let key = PythonSyntax.string(property.name)
            let value: String
            if !types.needsConversion(property.type) {
                value = property.required ? "data[\(key)]" : "data.get(\(key))"
            } else if property.required && !property.nullable {
                value = types.decode(property.type, "data[\(key)]")
            } else {
                let lookup = property.required ? "data[\(key)]" : "data.get(\(key))"
                value = "None if \(lookup) is None else \(types.decode(property.type, "data[\(key)]"))"
            }
            return .line("\(Naming.pythonIdentifier(property.name))=\(value),")
        }
        return .block(open: "return cls(", body: arguments, close: ")")
    }

    private func toDictEntry(_ property: SchemaProperty) -> CodeNode {
        let attribute = "self." + Naming.pythonIdentifier(property.name)
        let target = "result[\(PythonSyntax.string(property.name))]"
        let encoded = types.encode(property.type, attribute)
        if !property.required {
            return .block(open: "if \(attribute) is not None:", body: [.line("\(target) = \(encoded)")], close: nil)
        }
        if property.nullable && types.needsConversion(property.type) {
            return .line("\(target) = None if \(attribute) is None else \(encoded)")
        }
        return .line("\(target) = \(encoded)")
    }
}
