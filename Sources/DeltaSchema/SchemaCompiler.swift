import DeltaCore
import DeltaJSON

/// Turns a schema document (plus the documents it references) into a
/// `CompiledSchema`: every reachable subschema becomes one `SchemaNode`, and
/// every `$ref` becomes the index of its target node.
///
/// Subschemas are compiled on first use and memoised by location before their
/// keywords are built, so recursive references (a tree schema that refers to
/// itself) simply point back at a node index. `SchemaCompiler` does not check
/// the schema against the metaschema — `SchemaRegistry` does that first — but
/// it rejects shapes it cannot compile, invalid regular expressions and
/// unresolvable references with `.badRequest`.
public struct SchemaCompiler {
    private let index: SchemaIndex
    private let rootDocument: String
    private var nodes: [SchemaNode] = []
    private var nodeByLocation: [SchemaLocation: Int] = [:]
    /// Documents other than the root that compiled nodes came from.
    private(set) var referencedDocuments: Set<String> = []

    init(index: SchemaIndex, rootDocument: String) {
        self.index = index
        self.rootDocument = rootDocument
    }

    /// Compiles a standalone schema that references nothing outside itself
    /// (or only the draft-07 metaschema), without a metaschema check.
    ///
    /// - Throws: `.badRequest` for a schema that cannot be compiled.
    public static func compile(_ schema: JSONValue, id: String = "schema") throws(DeltaError) -> CompiledSchema {
        var index = SchemaIndex()
        index.add(document: Metaschema.draft07, id: Metaschema.id)
        index.add(document: schema, id: id)
        return try compile(id: id, index: index, fingerprint: SchemaFingerprint.of(schema))
    }

    static func compile(id: String, index: SchemaIndex, fingerprint: UInt64) throws(DeltaError) -> CompiledSchema {
        var compiler = SchemaCompiler(index: index, rootDocument: id)
        let root = try compiler.node(at: SchemaLocation(document: id, pointer: ""))
        return CompiledSchema(id: id, fingerprint: fingerprint, nodes: compiler.nodes, root: root,
                              dependencies: compiler.referencedDocuments)
    }

    /// The node for the subschema at `location`, compiling it if needed.
    mutating func node(at location: SchemaLocation) throws(DeltaError) -> Int {
        if let existing = nodeByLocation[location] { return existing }
        let shown = location.document == rootDocument ? location.pointer : "\(location.document)#\(location.pointer)"
        let node = SchemaNode(location: shown)
        let number = nodes.count
        nodes.append(node)
        nodeByLocation[location] = number
        if location.document != rootDocument { referencedDocuments.insert(location.document) }
        guard let value = index.value(at: location) else {
            throw invalid(location, "there is no schema at this location")
        }
        try build(node, from: value, at: location)
        node.finish()
        return number
    }

    func invalid(_ location: SchemaLocation, _ reason: String) -> DeltaError {
        Self.invalid(location, reason, rootDocument: rootDocument)
    }

    static func invalid(_ location: SchemaLocation, _ reason: String, rootDocument: String) -> DeltaError {
        let place = location.pointer.isEmpty ? "the schema root" : "'\(location.pointer)'"
        let document = location.document == rootDocument ? "" : " of schema '\(location.document)'"
        return DeltaError(.badRequest, "invalid schema at \(place)\(document): \(reason)",
                          details: [DeltaError.Detail(pointer: location.pointer, message: reason)])
    }

    private mutating func build(_ node: SchemaNode, from value: JSONValue, at location: SchemaLocation) throws(DeltaError) {
        switch value {
        case .bool(let flag):
            node.constant = flag
            return
        case .object(let object):
            if let reference = object["$ref"] {
                guard case .string(let text) = reference else { throw invalid(location, "'$ref' must be a string") }
                let target = try index.resolve(text, from: index.base(at: location))
                node.ref = try self.node(at: target)
                return
            }
            if object.isEmpty {
                node.constant = true
                return
            }
            let keywords = KeywordReader(object: object, location: location, rootDocument: rootDocument)
            try keywords.readAssertions(into: node)
            try buildApplicators(node, object, location)
        default:
            throw invalid(location, "a schema must be an object or a boolean, not \(value.typeName)")
        }
    }

    private mutating func buildApplicators(_ node: SchemaNode, _ object: JSONObject, _ location: SchemaLocation) throws(DeltaError) {
        func child(_ keyword: String, _ tokens: String...) throws(DeltaError) -> Int {
            var target = location.appending(keyword)
            for token in tokens { target = target.appending(token) }
            return try self.node(at: target)
        }
        func list(_ keyword: String) throws(DeltaError) -> [Int] {
            guard let value = object[keyword] else { return [] }
            guard case .array(let schemas) = value, !schemas.isEmpty else {
                throw invalid(location, "'\(keyword)' must be a non-empty array of schemas")
            }
            var result: [Int] = []
            for position in schemas.indices { result.append(try child(keyword, String(position))) }
            return result
        }
        switch object["items"] {
        case .array(let schemas)?:
            var tuple: [Int] = []
            for position in schemas.indices { tuple.append(try child("items", String(position))) }
            node.tupleItems = tuple
            if object["additionalItems"] != nil { node.additionalItems = try child("additionalItems") }
        case .some:
            node.items = try child("items")
        case nil:
            break
        }
        if object["contains"] != nil { node.contains = try child("contains") }
        if case .object(let properties)? = object["properties"] {
            for name in properties.keys { node.properties.append((name, try child("properties", name))) }
        }
        if case .object(let patterns)? = object["patternProperties"] {
            for name in patterns.keys {
                let regex: ECMARegex
                do { regex = try ECMARegex(name) } catch { throw invalid(location, error.description) }
                node.patternProperties.append((regex, try child("patternProperties", name)))
            }
        }
        if object["additionalProperties"] != nil { node.additionalProperties = try child("additionalProperties") }
        if case .object(let dependencies)? = object["dependencies"] {
            for (name, dependency) in dependencies.members {
                if case .array(let names) = dependency {
                    node.dependencies.append((name, names.compactMap(\.stringValue), nil))
                } else {
                    node.dependencies.append((name, [], try child("dependencies", name)))
                }
            }
        }
        if object["propertyNames"] != nil { node.propertyNameSchema = try child("propertyNames") }
        node.allOf = try list("allOf")
        node.anyOf = try list("anyOf")
        node.oneOf = try list("oneOf")
        if object["not"] != nil { node.not = try child("not") }
        if object["if"] != nil {
            node.ifSchema = try child("if")
            if object["then"] != nil { node.thenSchema = try child("then") }
            if object["else"] != nil { node.elseSchema = try child("else") }
        }
    }
}
