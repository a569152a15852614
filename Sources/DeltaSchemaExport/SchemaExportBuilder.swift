import CodeRendering
import DeltaJSON

/// Turns a parsed schema into a `SchemaExportModel`: decides which schemas
/// become named types, names them, and records what cannot be checked.
///
/// Naming: the root is the schema id in PascalCase (`chat.v1` → `ChatV1`);
/// an object nested under a property is its parent's name plus the property
/// (`ChatV1Messages`), array items add `Item`, `additionalProperties` values
/// `Value`, `oneOf`/`anyOf` options `Option1`…; `definitions`/`$defs` members
/// are their own name in PascalCase. A name already taken gets `2`, `3`, ….
/// It does not resolve `$ref`s other than `#`, `#/definitions/NAME` and
/// `#/$defs/NAME` (others accept any value, with a note).
struct SchemaExportBuilder {
    private let root: JSONSchemaNode
    private let schemaID: String
    private var slots: [SchemaExportDeclaration?] = []
    private var usedNames: Set<String> = []
    /// `#/definitions/x` → (type name, schema).
    private var definitions: [String: (name: String, schema: JSONSchemaNode)] = [:]
    private var rootName = ""

    /// Builds the model for `root`, naming the root type after `schemaID`.
    static func build(root: JSONSchemaNode, schemaID: String) -> SchemaExportModel {
        var builder = SchemaExportBuilder(root: root, schemaID: schemaID)
        return builder.build()
    }

    private init(root: JSONSchemaNode, schemaID: String) {
        self.root = root
        self.schemaID = schemaID
    }

    private mutating func build() -> SchemaExportModel {
        rootName = unique(Naming.pascalCase(schemaID))
        for (name, schema) in root.definitions {
            definitions[schema.pointer] = (unique(Naming.pascalCase(name)), schema)
        }
        declare(root, name: rootName)
        for (_, schema) in root.definitions {
            if let name = definitions[schema.pointer]?.name { declare(schema, name: name) }
        }
        return SchemaExportModel(schemaID: schemaID, rootName: rootName, declarations: slots.compactMap { $0 })
    }

    // MARK: Declarations

    /// Declares `name` for `schema`: an object when it is a plain object schema, else an alias.
    private mutating func declare(_ schema: JSONSchemaNode, name: String) {
        if isPlainObject(schema) {
            var notes = unexpressedNotes(schema)
            declareObject(main: schema, parts: [schema], name: name, notes: &notes)
            return
        }
        if let members = mergeableAllOf(schema) {
            var notes = unexpressedNotes(schema) + [Self.mergedNote]
            declareObject(main: schema, parts: members + [schema], name: name, notes: &notes)
            return
        }
        let slot = reserveSlot()
        var notes: [String] = []
        let type = self.type(of: schema, hint: name, notes: &notes)
        slots[slot] = .alias(SchemaExportAlias(
            name: name, pointer: schema.pointer, title: schema.title, description: schema.description,
            type: type, notes: notes
        ))
    }

    /// Declares one object from `parts` (one schema, or an `allOf` merged):
    /// properties in order (the first mention wins), `required` combined;
    /// title, description and `additionalProperties` come from `main` when it sets them.
    private mutating func declareObject(main: JSONSchemaNode, parts: [JSONSchemaNode], name: String, notes: inout [String]) {
        let slot = reserveSlot()
        var properties: [SchemaExportProperty] = []
        var seen: Set<String> = []
        for part in parts {
            for (jsonName, schema) in part.properties where seen.insert(jsonName).inserted {
                var propertyNotes: [String] = []
                let type = self.type(of: schema, hint: name + Naming.pascalCase(jsonName), notes: &propertyNotes)
                properties.append(SchemaExportProperty(
                    jsonName: jsonName, type: type, required: parts.contains { $0.requires(jsonName) },
                    description: schema.description, notes: propertyNotes
                ))
            }
        }
        // A required member the schema does not describe must be present with any value.
        for part in parts {
            for jsonName in part.required where seen.insert(jsonName).inserted {
                properties.append(SchemaExportProperty(
                    jsonName: jsonName, type: .any, required: true, description: nil, notes: []
                ))
            }
        }
        var extra = SchemaExportExtraMembers.allowed
        if let additional = main.additionalProperties {
            extra = extraMembers(additional, hint: name + "Value", notes: &notes)
        } else if parts.contains(where: { $0.additionalProperties?.boolean == false }) {
            extra = .forbidden
        }
        slots[slot] = .object(SchemaExportObject(
            name: name, pointer: main.pointer, title: main.title, description: main.description,
            properties: properties, extraMembers: extra, notes: notes
        ))
    }

    private mutating func extraMembers(_ schema: JSONSchemaNode, hint: String, notes: inout [String]) -> SchemaExportExtraMembers {
        switch schema.boolean {
        case true?: return .allowed
        case false?: return .forbidden
        case nil:
            let type = self.type(of: schema, hint: hint, notes: &notes)
            return type == .any ? .allowed : .typed(type)
        }
    }

    private mutating func reserveSlot() -> Int {
        slots.append(nil)
        return slots.count - 1
    }

    private mutating func unique(_ base: String) -> String {
        var name = base
        var counter = 2
        while !usedNames.insert(name).inserted {
            name = base + String(counter)
            counter += 1
        }
        return name
    }

    // MARK: Types

    /// The type of `schema`; objects with members are declared under `hint` (made unique).
    private mutating func type(of schema: JSONSchemaNode, hint: String, notes: inout [String]) -> SchemaExportType {
        if let boolean = schema.boolean { return boolean ? .any : .never }
        notes += unexpressedNotes(schema)
        if let format = schema.format {
            notes.append("Format `\(format)` is not checked; the value is kept as a plain string.")
        }
        if let ref = schema.ref { return resolve(ref, notes: &notes) }
        if !schema.allOf.isEmpty { return allOfType(schema, hint: hint, notes: &notes) }
        if let value = schema.constValue {
            if value.isScalar { return .literal([value]) }
            notes.append("`const` with an array or object value is not checked.")
        }
        if let values = schema.enumValues {
            if !values.isEmpty, values.allSatisfy(\.isScalar) { return .literal(values) }
            notes.append("`enum` with array or object values is not checked.")
        }
        let options = schema.oneOf + schema.anyOf
        if !options.isEmpty {
            if !schema.oneOf.isEmpty {
                notes.append("`oneOf` is checked as `anyOf`: a value matching several options is not rejected.")
            }
            var members: [SchemaExportType] = []
            for (index, option) in options.enumerated() {
                members.append(type(of: option, hint: hint + "Option\(index + 1)", notes: &notes))
            }
            return Self.union(members)
        }
        var types = schema.types
        if types.isEmpty {
            if isObjectShaped(schema) {
                types = ["object"]
            } else if schema.items != nil {
                types = ["array"]
            } else {
                return .any
            }
        }
        var members: [SchemaExportType] = []
        for name in types {
            members.append(single(name, schema, hint: hint, notes: &notes))
        }
        return Self.union(members)
    }

    private mutating func single(_ name: String, _ schema: JSONSchemaNode, hint: String, notes: inout [String]) -> SchemaExportType {
        switch name {
        case "string": return Self.constrained(.string, schema.constraints.forStrings)
        case "integer": return Self.constrained(.integer, schema.constraints.forNumbers)
        case "number": return Self.constrained(.number, schema.constraints.forNumbers)
        case "boolean": return .boolean
        case "null": return .null
        case "array":
            let item = schema.items.map { type(of: $0, hint: hint + "Item", notes: &notes) } ?? .any
            return Self.constrained(.array(item), schema.constraints.forArrays)
        default:
            if !schema.properties.isEmpty || schema.additionalProperties?.boolean == false || !schema.required.isEmpty {
                let name = unique(hint)
                var objectNotes: [String] = []
                declareObject(main: schema, parts: [schema], name: name, notes: &objectNotes)
                return .named(name)
            }
            guard let additional = schema.additionalProperties else { return .map(.any) }
            return .map(type(of: additional, hint: hint + "Value", notes: &notes))
        }
    }

    private mutating func resolve(_ ref: String, notes: inout [String]) -> SchemaExportType {
        if ref == "#" { return .named(rootName) }
        if let definition = definitions[ref] { return .named(definition.name) }
        notes.append("`$ref` `\(ref)` is not resolved (only `#/definitions/...` and `#/$defs/...` are); any value is accepted.")
        return .any
    }

    static let mergedNote = "Declared as one object: the members of its `allOf` merged."

    /// The `allOf` members (definitions resolved) when `schema` and all of them
    /// are plain object schemas that can be merged into one object; else nil.
    private func mergeableAllOf(_ schema: JSONSchemaNode) -> [JSONSchemaNode]? {
        guard schema.boolean == nil, !schema.allOf.isEmpty, schema.ref == nil else { return nil }
        let members = schema.allOf.map { member -> JSONSchemaNode in
            if let ref = member.ref, let definition = definitions[ref] { return definition.schema }
            return member
        }
        let ownIsPlain = schema.types.allSatisfy { $0 == "object" } && schema.oneOf.isEmpty && schema.anyOf.isEmpty
            && schema.enumValues == nil && schema.constValue == nil
        return ownIsPlain && members.allSatisfy(isPlainObject) ? members : nil
    }

    /// `allOf` of plain object schemas becomes one object; anything else an intersection.
    private mutating func allOfType(_ schema: JSONSchemaNode, hint: String, notes: inout [String]) -> SchemaExportType {
        if let members = mergeableAllOf(schema) {
            let name = unique(hint)
            var objectNotes = [Self.mergedNote]
            declareObject(main: schema, parts: members + [schema], name: name, notes: &objectNotes)
            return .named(name)
        }
        notes.append("`allOf` is not merged (not every member is a plain object): TypeScript intersects the members; Pydantic accepts any value.")
        var types: [SchemaExportType] = []
        for (index, member) in schema.allOf.enumerated() {
            types.append(type(of: member, hint: hint + "Part\(index + 1)", notes: &notes))
        }
        return types.count == 1 ? types[0] : .intersection(types)
    }

    // MARK: Helpers

    /// An object schema with members and nothing that makes it a union or alias.
    private func isPlainObject(_ schema: JSONSchemaNode) -> Bool {
        schema.boolean == nil && schema.ref == nil && schema.allOf.isEmpty && schema.oneOf.isEmpty
            && schema.anyOf.isEmpty && schema.enumValues == nil && schema.constValue == nil
            && (schema.types == ["object"] || schema.types.isEmpty)
            && (!schema.properties.isEmpty || schema.additionalProperties?.boolean == false || !schema.required.isEmpty)
    }

    private func isObjectShaped(_ schema: JSONSchemaNode) -> Bool {
        !schema.properties.isEmpty || schema.additionalProperties != nil || !schema.required.isEmpty
    }

    private func unexpressedNotes(_ schema: JSONSchemaNode) -> [String] {
        guard !schema.unexpressed.isEmpty else { return [] }
        let names = schema.unexpressed.map { "`\($0)`" }.joined(separator: ", ")
        return ["Not expressed here, checked only by the server's validator: \(names)."]
    }

    static func constrained(_ type: SchemaExportType, _ constraints: SchemaConstraints) -> SchemaExportType {
        constraints.isEmpty ? type : .constrained(type, constraints)
    }

    /// Members flattened and de-duplicated in order; `any` absorbs the rest.
    static func union(_ members: [SchemaExportType]) -> SchemaExportType {
        var flat: [SchemaExportType] = []
        for member in members {
            let parts: [SchemaExportType]
            if case .union(let nested) = member { parts = nested } else { parts = [member] }
            for part in parts where !flat.contains(part) { flat.append(part) }
        }
        if flat.contains(.any) { return .any }
        if flat.count > 1 { flat.removeAll { $0 == .never } }
        return flat.count == 1 ? flat[0] : .union(flat)
    }
}
