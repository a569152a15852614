/// How model types are spelled in the generated TypeScript.
///
/// Generated types describe JSON as it is on the wire: interfaces keep the
/// JSON member names, integers and numbers are `number`, free-form JSON is
/// `unknown`. No value is converted at run time.
struct TypeScriptTypes {
    /// The type expression for `type`.
    func annotation(_ type: SchemaType) -> String {
        switch type {
        case .string: "string"
        case .stringEnum(let values): values.isEmpty ? "string" : values.map(TypeScriptSyntax.string).joined(separator: " | ")
        case .integer, .number: "number"
        case .boolean: "boolean"
        case .anyJSON: "unknown"
        case .object: "Record<string, unknown>"
        case .map(let values): "Record<string, \(annotation(values))>"
        case .reference(let name): Naming.typeScriptTypeName(name)
        case .array(let items):
            annotation(items).allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                ? "\(annotation(items))[]" : "Array<\(annotation(items))>"
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
}
