/// Reads JSON Schema nodes into `SchemaType`s, hoisting inline objects and enums.
///
/// An inline object with properties, or an inline string enum, inside a
/// property, array or body becomes a `NamedSchema` named after where it sits
/// (`ErrorResponse` + `details` → `ErrorResponseDetails`), so every language
/// gets a proper named type. Unsupported keywords (`oneOf`, `anyOf`, `not`,
/// multi-type unions) become free-form JSON with a diagnostic.
struct SchemaParser {
    /// The whole document, for `$ref` checks.
    var root: SpecNode = .mapping([])
    /// The names under `components/schemas`.
    var knownNames: Set<String> = []
    /// Problems found (the `file` is filled in by `OpenAPIParser`).
    var diagnostics: [Diagnostic] = []
    /// Schemas hoisted from parameters and bodies, in the order met.
    var hoistedFromOperations: [NamedSchema] = []
    private var hoistedNames: Set<String> = []

    /// Parses a component schema; returns it followed by the schemas hoisted from it.
    mutating func parseNamed(name: String, node: SpecNode, location: String) -> [NamedSchema] {
        var hoisted: [NamedSchema] = []
        let (type, _) = parseType(node, location: location, hoistName: name, topLevel: true, hoisted: &hoisted)
        let schema = NamedSchema(
            name: name, description: node["description"]?.string, type: type,
            pointer: "#/components/schemas/\(name)"
        )
        return [schema] + hoisted
    }

    /// Parses a schema outside `components/schemas` (parameter, body, header).
    ///
    /// `hoistName` names an inline object or enum if one must be hoisted; with
    /// nil, inline objects stay inline.
    mutating func parseInline(_ node: SpecNode, location: String, hoistName: String?) -> SchemaType {
        var hoisted: [NamedSchema] = []
        let (type, _) = parseType(node, location: location, hoistName: hoistName, topLevel: false, hoisted: &hoisted)
        hoistedFromOperations += hoisted
        return type
    }

    private mutating func report(_ severity: Diagnostic.Severity, _ location: String, _ message: String) {
        diagnostics.append(Diagnostic(severity, file: "", location: location, message))
    }

    /// Returns the type and whether `null` is allowed.
    private mutating func parseType(
        _ node: SpecNode, location: String, hoistName: String?, topLevel: Bool, hoisted: inout [NamedSchema]
    ) -> (SchemaType, Bool) {
        let firstHoisted = hoisted.count
        if let ref = node["$ref"]?.string {
            return (parseReference(ref, location: location), false)
        }
        for keyword in ["oneOf", "anyOf", "not"] where node[keyword] != nil {
            report(.warning, location, "`\(keyword)` is not supported; the value is treated as free-form JSON")
            return (.anyJSON, false)
        }
        if let allOf = node["allOf"] {
            guard allOf.elements.count == 1, let only = allOf.elements.first else {
                report(.warning, location, "`allOf` with several schemas is not supported; treated as free-form JSON")
                return (.anyJSON, false)
            }
            return parseType(only, location: "\(location).allOf[0]", hoistName: hoistName, topLevel: topLevel, hoisted: &hoisted)
        }
        var (typeName, nullable) = declaredType(node, location: location)
        if typeName == nil && node["properties"] != nil { typeName = "object" }
        if typeName == nil && node["enum"] != nil { typeName = "string" }
        let type: SchemaType
        switch typeName {
        case "string":
            if let values = node["enum"] {
                type = .stringEnum(values.elements.compactMap(\.string))
            } else {
                type = .string(format: node["format"]?.string)
            }
        case "integer":
            type = .integer(SchemaType.IntegerFormat(rawValue: node["format"]?.string ?? "") ?? .unspecified)
        case "number": type = .number
        case "boolean": type = .boolean
        case "array":
            let items = node["items"].map {
                parseType($0, location: "\(location).items", hoistName: hoistName.map { $0 + "Item" }, topLevel: false, hoisted: &hoisted).0
            }
            type = .array(items ?? .anyJSON)
        case "object": type = parseObject(node, location: location, hoistName: hoistName, hoisted: &hoisted)
        case nil: type = .anyJSON
        case let other?:
            report(.warning, location, "type '\(other)' is not supported; treated as free-form JSON")
            type = .anyJSON
        }
        guard !topLevel, let hoistName, needsHoisting(type) else { return (type, nullable) }
        // The hoisted parent goes before the schemas hoisted from inside it.
        return (hoist(type, name: hoistName, node: node, location: location, at: firstHoisted, hoisted: &hoisted), nullable)
    }

    private func needsHoisting(_ type: SchemaType) -> Bool {
        switch type {
        case .object, .stringEnum: true
        default: false
        }
    }

    private mutating func hoist(
        _ type: SchemaType, name: String, node: SpecNode, location: String, at index: Int, hoisted: inout [NamedSchema]
    ) -> SchemaType {
        guard !knownNames.contains(name), !hoistedNames.contains(name) else {
            report(.error, location, "the inline schema would be named '\(name)', which is taken; move it to components/schemas")
            return .anyJSON
        }
        hoistedNames.insert(name)
        let pointer = location.hasPrefix("components.") ? "#/" + location.replacingDotsWithSlashes() : location
        hoisted.insert(NamedSchema(name: name, description: node["description"]?.string, type: type, pointer: pointer), at: index)
        return .reference(name)
    }

    private mutating func declaredType(_ node: SpecNode, location: String) -> (String?, Bool) {
        if let single = node["type"]?.string { return (single, false) }
        let types = node["type"]?.elements.compactMap(\.string) ?? []
        let nonNull = types.filter { $0 != "null" }
        if nonNull.count > 1 {
            report(.warning, location, "a union of types \(nonNull) is not supported; treated as free-form JSON")
            return (nil, false)
        }
        return (nonNull.first, types.contains("null"))
    }

    private mutating func parseReference(_ ref: String, location: String) -> SchemaType {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix) else {
            report(.error, location, "$ref '\(ref)' is not supported; refer to #/components/schemas/<Name>")
            return .anyJSON
        }
        let name = String(ref.dropFirst(prefix.count))
        guard knownNames.contains(name) else {
            report(.error, location, "unknown $ref '\(ref)'; no such schema in components/schemas")
            return .anyJSON
        }
        return .reference(name)
    }

    private mutating func parseObject(
        _ node: SpecNode, location: String, hoistName: String?, hoisted: inout [NamedSchema]
    ) -> SchemaType {
        var additional: SchemaType?
        if let extra = node["additionalProperties"], extra.bool == nil {
            additional = parseType(
                extra, location: "\(location).additionalProperties",
                hoistName: hoistName.map { $0 + "Value" }, topLevel: false, hoisted: &hoisted
            ).0
        }
        let forbidsExtra = node["additionalProperties"]?.bool == false
        guard let propertyNodes = node["properties"], !propertyNodes.pairs.isEmpty else {
            if let additional { return .map(additional) }
            return forbidsExtra ? .object(ObjectSchema(properties: [])) : .anyJSON
        }
        let required = Set(node["required"]?.elements.compactMap(\.string) ?? [])
        var properties: [SchemaProperty] = []
        var swiftNames: Set<String> = []
        for (name, propertyNode) in propertyNodes.pairs {
            let here = "\(location).properties.\(name)"
            if !swiftNames.insert(Naming.camelCase(name)).inserted {
                report(.error, here, "property '\(name)' maps to the same identifier as another property; rename one")
                continue
            }
            let (type, nullable) = parseType(
                propertyNode, location: here, hoistName: hoistName.map { $0 + Naming.pascalCase(name) },
                topLevel: false, hoisted: &hoisted
            )
            properties.append(SchemaProperty(
                name: name, description: propertyNode["description"]?.string, type: type,
                required: required.contains(name), nullable: nullable
            ))
        }
        for name in required.sorted() where !properties.contains(where: { $0.name == name }) {
            report(.warning, "\(location).required", "'\(name)' is required but not declared in `properties`")
        }
        return .object(ObjectSchema(properties: properties, additionalProperties: additional))
    }
}

extension String {
    /// `components.schemas.X.properties.y` → `components/schemas/X/properties/y`.
    func replacingDotsWithSlashes() -> String {
        split(separator: ".", omittingEmptySubsequences: false).joined(separator: "/")
    }
}
