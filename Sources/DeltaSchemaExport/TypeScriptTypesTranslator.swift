import CodeRendering
import DeltaJSON

/// Renders a `SchemaExportModel` as TypeScript type declarations.
///
/// Objects become `export interface`s keeping the JSON member names (quoted
/// when they are not identifiers); members not `required` are `?`. An object
/// that allows extra members gets an index signature. Everything else is an
/// `export type` alias. Limits (`minLength`, `pattern`, …) cannot be typed and
/// are listed in the member's doc comment.
struct TypeScriptTypesTranslator {
    let model: SchemaExportModel

    /// The file's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        let intro = TypeScriptSyntax.docComment([
            ["TypeScript types for the JSON Schema '\(model.schemaID)'; the root type is `\(model.rootName)`."],
            [
                "Types cannot check limits (lengths, ranges, patterns), formats or `oneOf` exclusivity;",
                "those are named in the doc comments and checked by the server's validator.",
            ],
        ])
        return CodeNode.separated([intro] + model.declarations.map(declaration))
    }

    private func declaration(_ declaration: SchemaExportDeclaration) -> [CodeNode] {
        switch declaration {
        case .object(let object):
            let docs = TypeScriptSyntax.docComment(documentation(object.title, object.description, object.pointer, object.notes))
            return docs + [.braces("export interface \(object.name)", object.properties.flatMap(member) + indexSignature(object))]
        case .alias(let alias):
            let docs = TypeScriptSyntax.docComment(documentation(alias.title, alias.description, alias.pointer, alias.notes))
            return docs + [.line("export type \(alias.name) = \(render(alias.type));")]
        }
    }

    private func documentation(_ title: String?, _ description: String?, _ pointer: String, _ notes: [String]) -> [[String]] {
        [title.map { [$0] } ?? [], description.map { [$0] } ?? [], notes, ["Generated from JSON Schema `\(pointer)`."]]
    }

    private func member(_ property: SchemaExportProperty) -> [CodeNode] {
        let key = Self.propertyKey(property.jsonName) + (property.required ? "" : "?")
        let limits = Self.constraints(of: property.type).map { constraints in
            "Limits (checked by the server only): "
                + constraints.keywords.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "."
        }
        let docs = TypeScriptSyntax.docComment([property.description.map { [$0] } ?? [], property.notes + (limits.map { [$0] } ?? [])])
        return docs + [.line("\(key): \(render(property.type));")]
    }

    /// `[key: string]: …` when extra members are allowed; its type must admit every declared member.
    private func indexSignature(_ object: SchemaExportObject) -> [CodeNode] {
        switch object.extraMembers {
        case .forbidden:
            // No members at all: `{}` would accept any non-null value.
            return object.properties.isEmpty ? [.line("[key: string]: never;")] : []
        case .allowed:
            return [.line("[key: string]: unknown;")]
        case .typed(let type):
            var members = [render(type)]
            for property in object.properties {
                let rendered = render(property.type)
                if !members.contains(rendered) { members.append(rendered) }
            }
            if object.properties.contains(where: { !$0.required }) { members.append("undefined") }
            return [.line("[key: string]: \(members.joined(separator: " | "));")]
        }
    }

    /// The limits on `type` or on the non-null member of a nullable type.
    private static func constraints(of type: SchemaExportType) -> SchemaConstraints? {
        switch type {
        case .constrained(_, let constraints): return constraints
        case .union(let members):
            let limits = members.compactMap { constraints(of: $0) }
            return limits.count == 1 ? limits[0] : nil
        default: return nil
        }
    }

    /// A member key: the JSON name, quoted unless it is a plain identifier.
    static func propertyKey(_ name: String) -> String {
        let isPlain = name.first.map { $0.isASCII && ($0.isLetter || $0 == "_" || $0 == "$") } ?? false
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        return isPlain ? name : TypeScriptSyntax.string(name)
    }

    // MARK: Types

    private func render(_ type: SchemaExportType) -> String {
        switch type {
        case .any: "unknown"
        case .never: "never"
        case .null: "null"
        case .string: "string"
        case .integer, .number: "number"
        case .boolean: "boolean"
        case .literal(let values): values.map(Self.literal).joined(separator: " | ")
        case .array(let item): (needsParentheses(item) ? "(\(render(item)))" : render(item)) + "[]"
        case .map(let value): "Record<string, \(render(value))>"
        case .named(let name): name
        case .union(let members): members.map(render).joined(separator: " | ")
        case .intersection(let members):
            members.map { needsParentheses($0) ? "(\(render($0)))" : render($0) }.joined(separator: " & ")
        case .constrained(let inner, _): render(inner)
        }
    }

    private func needsParentheses(_ type: SchemaExportType) -> Bool {
        switch type.unconstrained {
        case .union, .intersection: true
        case .literal(let values): values.count > 1
        default: false
        }
    }

    private static func literal(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): TypeScriptSyntax.string(text)
        case .array, .object: "unknown"
        }
    }
}
