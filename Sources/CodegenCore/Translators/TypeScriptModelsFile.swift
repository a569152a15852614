/// Builds `models.ts`: an interface for every object schema and a type alias
/// for every other schema, in model order.
///
/// Interfaces keep the JSON member names; optional members are `?`, nullable
/// ones `| null`.
struct TypeScriptModelsFile {
    let model: APIModel
    let types = TypeScriptTypes()

    /// The file's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        CodeNode.separated(model.schemas.map(declaration))
    }

    private func declaration(_ schema: NamedSchema) -> [CodeNode] {
        let name = Naming.typeScriptTypeName(schema.name)
        let documentation = TypeScriptSyntax.docComment([
            schema.description.map { [$0] } ?? [],
            ["Generated from `\(schema.pointer)`."],
        ])
        guard case .object(let object) = schema.type else {
            return documentation + [.line("export type \(name) = \(types.annotation(schema.type));")]
        }
        let members: [CodeNode] = object.properties.flatMap { property -> [CodeNode] in
            let key = Naming.typeScriptPropertyKey(property.name) + (property.required ? "" : "?")
            let type = types.annotation(property.type) + (property.nullable ? " | null" : "")
            return TypeScriptSyntax.docComment([property.description.map { [$0] } ?? []]) + [.line("\(key): \(type);")]
        }
        return documentation + [.braces("export interface \(name)", members)]
    }
}
