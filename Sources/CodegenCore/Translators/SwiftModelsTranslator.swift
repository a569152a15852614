/// Builds the model declarations (structs, enums, aliases) for component schemas.
///
/// Shared by the server and the client: schemas with declared properties become
/// `Codable` structs with camelCase properties and `CodingKeys` naming the JSON
/// members; string enums become `String` enums; everything else a `typealias`.
struct SwiftModelsTranslator {
    let mapper: SwiftTypeMapper

    /// One declaration per schema, separated by blank lines.
    func declarations() -> [CodeNode] {
        CodeNode.separated(mapper.model.schemas.map(declaration))
    }

    func declaration(_ schema: NamedSchema) -> [CodeNode] {
        let typeName = Naming.swiftTypeName(schema.name)
        let description = SwiftSupport.docLines(schema.description)
        switch schema.type {
        case .object(let object):
            return [doc(description, remark: "Generated from `\(schema.pointer)`."), structDeclaration(typeName, object)]
        case .stringEnum(let values):
            return [doc(description, remark: "Generated from `\(schema.pointer)`."), enumDeclaration(typeName, values)]
        default:
            let remark = mapper.isFreeFormAlias(schema) && mapper.flavor == .server
                ? "Generated from `\(schema.pointer)`; free-form JSON travels as raw bytes."
                : "Generated from `\(schema.pointer)`."
            return [
                doc(description, remark: remark),
                .line("public typealias \(typeName) = \(mapper.aliasTarget(schema))"),
            ]
        }
    }

    private func doc(_ description: [String], remark: String) -> CodeNode {
        .docComment(description + (description.isEmpty ? [] : [""]) + ["- Remark: \(remark)"])
    }

    private func structDeclaration(_ typeName: String, _ object: ObjectSchema) -> CodeNode {
        let fields = object.properties.map { property in
            SwiftField(
                doc: SwiftSupport.docLines(property.description),
                name: Naming.swiftIdentifier(property.name),
                type: mapper.propertyType(property.type),
                optional: !property.required || property.nullable
            )
        }
        var body = SwiftField.membersAndInit(fields, initDoc: "Creates a value with every property.")
        if !object.properties.isEmpty {
            let keys = object.properties.map { property in
                CodeNode.line("case \(Naming.swiftIdentifier(property.name)) = \(SwiftSupport.stringLiteral(property.name))")
            }
            body += [.blank, .braces("enum CodingKeys: String, CodingKey", keys)]
        }
        if needsExplicitCoding(object.properties) {
            body += [.blank] + explicitCoding(object.properties)
        }
        return .braces("public struct \(typeName): Codable, Hashable, Sendable", body)
    }

    /// Synthesized `Codable` reads a missing member and `null` alike and omits nil
    /// members. That is wrong for a required nullable member (always present, `null`
    /// when it has no value) and, on the server, for an optional non-nullable one
    /// (a request that sends `null` must get a 400, not be read as "absent").
    private func needsExplicitCoding(_ properties: [SchemaProperty]) -> Bool {
        properties.contains { property in
            (property.required && property.nullable)
                || (mapper.flavor == .server && !property.required && !property.nullable)
        }
    }

    /// `init(from:)` and `encode(to:)` that follow the schema's required and nullable flags.
    private func explicitCoding(_ properties: [SchemaProperty]) -> [CodeNode] {
        var decodes: [CodeNode] = [.line("let container = try decoder.container(keyedBy: CodingKeys.self)")]
        var encodes: [CodeNode] = [.line("var container = encoder.container(keyedBy: CodingKeys.self)")]
        for property in properties {
            let name = Naming.swiftIdentifier(property.name)
            let type = mapper.propertyType(property.type)
            let key = ".\(name.unescaped)"
            switch (property.required, property.nullable) {
            case (true, false):
                decodes.append(.line("self.\(name.unescaped) = try container.decode(\(type).self, forKey: \(key))"))
                encodes.append(.line("try container.encode(\(name), forKey: \(key))"))
            case (true, true):
                decodes.append(.line("self.\(name.unescaped) = try container.decode(\(type)?.self, forKey: \(key))"))
                encodes.append(.line("try container.encode(\(name), forKey: \(key))"))
            case (false, false) where mapper.flavor == .server:
                decodes.append(.line("self.\(name.unescaped) = try container.decodeIfPresentNonNull(\(type).self, forKey: \(key))"))
                encodes.append(.line("try container.encodeIfPresent(\(name), forKey: \(key))"))
            case (false, _):
                decodes.append(.line("self.\(name.unescaped) = try container.decodeIfPresent(\(type).self, forKey: \(key))"))
                encodes.append(.line("try container.encodeIfPresent(\(name), forKey: \(key))"))
            }
        }
        return [
            .docComment(["Decodes the value: required members must be present, and only nullable ones may be null."]),
            .braces("public init(from decoder: any Decoder) throws", decodes),
            .blank,
            .docComment(["Encodes the value, writing required members that are nil as null."]),
            .braces("public func encode(to encoder: any Encoder) throws", encodes),
        ]
    }

    private func enumDeclaration(_ typeName: String, _ values: [String]) -> CodeNode {
        let cases = values.map { value in
            CodeNode.line("case \(Naming.swiftIdentifier(value)) = \(SwiftSupport.stringLiteral(value))")
        }
        return .braces("public enum \(typeName): String, Codable, Hashable, Sendable, CaseIterable", cases)
    }
}
