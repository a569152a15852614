import CodeRendering
import DeltaJSON

/// Renders a `SchemaExportModel` as one Python module of Pydantic v2 models.
///
/// Objects become `BaseModel` classes (strict: no coercion, as in JSON Schema;
/// `extra="forbid"` for `additionalProperties: false`, else `extra="allow"`),
/// other named schemas type aliases. Classes come first and are rebuilt at the
/// end (`model_rebuild()`), so recursion and forward references resolve;
/// aliases follow in dependency order (a cycle of aliases alone cannot be
/// written and becomes `Any`).
struct PydanticModelsTranslator {
    let model: SchemaExportModel

    /// The module's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        var usage = Usage()
        var declarations: [[CodeNode]] = []
        let objects = model.declarations.compactMap { declaration -> SchemaExportObject? in
            if case .object(let object) = declaration { return object }
            return nil
        }
        for object in objects { declarations.append(classNodes(object, &usage)) }
        var defined = Set(objects.map(\.name))
        for alias in orderedAliases() {
            declarations.append(aliasNodes(alias, defined: defined, &usage))
            defined.insert(alias.name)
        }

        var nodes = PythonSyntax.docstring([
            ["Pydantic v2 models for the JSON Schema '\(model.schemaID)'; the root type is `\(model.rootName)`."],
            [
                "Validation is strict (no type coercion), as in JSON Schema. Formats are not checked,",
                "`oneOf` is checked as `anyOf`, and keywords Pydantic cannot express are named in the",
                "docstrings; the server's validator checks all of them.",
            ],
        ])
        nodes += [.blank, .line("from __future__ import annotations"), .blank]
        if !usage.typing.isEmpty { nodes.append(PythonSyntax.fromImport("typing", usage.typing.sorted())) }
        if !usage.pydantic.isEmpty {
            if !usage.typing.isEmpty { nodes.append(.blank) }
            nodes.append(PythonSyntax.fromImport("pydantic", usage.pydantic.sorted()))
        }
        nodes += [.blank, PythonSyntax.stringList("__all__", model.declarations.map(\.name))]
        if usage.needsNoValue { nodes += [.blank, .blank] + noValueHelper() }
        for declaration in declarations {
            nodes += [.blank, .blank] + declaration
        }
        if !objects.isEmpty {
            nodes += [.blank, .blank] + objects.map { .line("\($0.name).model_rebuild()") }
        }
        return nodes
    }

    /// What the rendered code uses, so only those names are imported.
    struct Usage {
        var typing: Set<String> = []
        var pydantic: Set<String> = []
        var needsNoValue = false
    }

    // MARK: Declarations

    private func classNodes(_ object: SchemaExportObject, _ usage: inout Usage) -> [CodeNode] {
        usage.pydantic.formUnion(["BaseModel", "ConfigDict"])
        var body = PythonSyntax.docstring(documentation(object.title, object.description, object.pointer, object.notes))
        var fields: [CodeNode] = []
        var taken: Set<String> = []
        var aliased = false
        for property in object.properties {
            let attribute = PydanticSyntax.attribute(property.jsonName, taken: taken)
            taken.insert(attribute.name)
            aliased = aliased || attribute.aliased
            fields.append(.line(field(property, attribute: attribute, &usage)))
            fields += PythonSyntax.docstring([property.description.map { [$0] } ?? [], property.notes])
        }
        var config: [String] = []
        switch object.extraMembers {
        case .forbidden: config.append("extra=\"forbid\"")
        case .allowed, .typed: config.append("extra=\"allow\"")
        }
        if aliased { config.append("populate_by_name=True") }
        config.append("strict=True")
        if !body.isEmpty { body.append(.blank) }
        body.append(.line("model_config = ConfigDict(\(config.joined(separator: ", ")))"))
        if case .typed(let type) = object.extraMembers {
            usage.typing.insert("Dict")
            usage.pydantic.insert("Field")
            body.append(.line("__pydantic_extra__: Dict[str, \(annotation(type, &usage))] = Field(init=False)"))
        }
        if !fields.isEmpty { body += [.blank] + fields }
        return [.block(open: "class \(object.name)(BaseModel):", body: body, close: nil)]
    }

    private func aliasNodes(_ alias: SchemaExportAlias, defined: Set<String>, _ usage: inout Usage) -> [CodeNode] {
        let aliasNames = Set(model.declarations.map(\.name))
        var notes = alias.notes
        let undefined = alias.type.referencedNames.filter { aliasNames.contains($0) && !defined.contains($0) }
        if !undefined.isEmpty {
            notes.append("Refers to itself through type aliases only, which Python cannot write; those references accept any value.")
        }
        let value = annotation(alias.type, &usage, unavailable: Set(undefined))
        return [.line("\(alias.name) = \(value)")]
            + PythonSyntax.docstring(documentation(alias.title, alias.description, alias.pointer, notes))
    }

    private func documentation(_ title: String?, _ description: String?, _ pointer: String, _ notes: [String]) -> [[String]] {
        [title.map { [$0] } ?? [], description.map { [$0] } ?? [], notes, ["Generated from JSON Schema ``\(pointer)``."]]
    }

    /// Aliases in model order, each after the aliases it uses.
    private func orderedAliases() -> [SchemaExportAlias] {
        var aliases: [String: SchemaExportAlias] = [:]
        var order: [String] = []
        for case .alias(let alias) in model.declarations {
            aliases[alias.name] = alias
            order.append(alias.name)
        }
        var result: [SchemaExportAlias] = []
        var state: [String: Bool] = [:]  // false: visiting, true: done
        func visit(_ name: String) {
            guard state[name] == nil, let alias = aliases[name] else { return }
            state[name] = false
            for dependency in alias.type.referencedNames { visit(dependency) }
            state[name] = true
            result.append(alias)
        }
        for name in order { visit(name) }
        return result
    }

    private func noValueHelper() -> [CodeNode] {
        [
            .block(
                open: "def _reject_any_value(value: Any) -> Any:",
                body: PythonSyntax.docstring([["Validates the JSON Schema `false`: no value is valid."]])
                    + [.line("raise ValueError(\"no value is allowed here (the schema is `false`)\")")],
                close: nil
            ),
            .blank, .blank,
            .line("NoValue = Annotated[Any, AfterValidator(_reject_any_value)]"),
        ] + PythonSyntax.docstring([["The JSON Schema `false`: every value is rejected."]])
    }

    // MARK: Fields

    private func field(
        _ property: SchemaExportProperty, attribute: (name: String, aliased: Bool), _ usage: inout Usage
    ) -> String {
        var type = property.type
        var constraints: SchemaConstraints?
        if case .constrained(let inner, let limits) = type {
            type = inner
            constraints = limits
        } else if case .union(let members) = type, members.count == 2, members.contains(.null),
            let other = members.first(where: { $0 != .null }), case .constrained(let inner, let limits) = other
        {
            // Pydantic applies Field limits on Optional[X] to X.
            type = .union([inner, .null])
            constraints = limits
        }
        var text = annotation(type, &usage)
        if !property.required && !Self.acceptsNull(type) {
            usage.typing.insert("Optional")
            text = "Optional[\(text)]"
        }
        var arguments: [String] = property.required ? [] : ["None"]
        if attribute.aliased { arguments.append("alias=\(PythonSyntax.string(property.jsonName))") }
        arguments += constraints.map(PydanticSyntax.fieldArguments) ?? []
        let declaration = "\(attribute.name): \(text)"
        if arguments.isEmpty { return declaration }
        if arguments == ["None"] { return declaration + " = None" }
        usage.pydantic.insert("Field")
        return declaration + " = Field(\(arguments.joined(separator: ", ")))"
    }

    private static func acceptsNull(_ type: SchemaExportType) -> Bool {
        switch type {
        case .null, .any: true
        case .union(let members): members.contains(.null)
        case .literal(let values): values.contains(.null)
        default: false
        }
    }

    // MARK: Types

    /// The annotation for `type`; names in `unavailable` (aliases not yet defined) become `Any`.
    private func annotation(_ type: SchemaExportType, _ usage: inout Usage, unavailable: Set<String> = []) -> String {
        func render(_ type: SchemaExportType) -> String {
            switch type {
            case .any:
                usage.typing.insert("Any")
                return "Any"
            case .never:
                usage.needsNoValue = true
                usage.typing.formUnion(["Annotated", "Any"])
                usage.pydantic.insert("AfterValidator")
                return "NoValue"
            case .null: return "None"
            case .string: return "str"
            case .integer: return "int"
            case .number: return "float"
            case .boolean: return "bool"
            case .literal(let values):
                usage.typing.insert("Literal")
                return "Literal[\(values.map(PydanticSyntax.literal).joined(separator: ", "))]"
            case .array(let item):
                usage.typing.insert("List")
                return "List[\(render(item))]"
            case .map(let value):
                usage.typing.insert("Dict")
                return "Dict[str, \(render(value))]"
            case .named(let name):
                if unavailable.contains(name) {
                    usage.typing.insert("Any")
                    return "Any"
                }
                return name
            case .union(let members):
                let others = members.filter { $0 != .null }
                let inner = others.count == 1 ? render(others[0]) : "Union[\(others.map(render).joined(separator: ", "))]"
                if others.count > 1 { usage.typing.insert("Union") }
                guard others.count < members.count else { return inner }
                usage.typing.insert("Optional")
                return "Optional[\(inner)]"
            case .intersection:
                usage.typing.insert("Any")
                return "Any"
            case .constrained(let inner, let constraints):
                usage.typing.insert("Annotated")
                usage.pydantic.insert("Field")
                let arguments = PydanticSyntax.fieldArguments(constraints).joined(separator: ", ")
                return "Annotated[\(render(inner)), Field(\(arguments))]"
            }
        }
        return render(type)
    }
}
