/// Reads an OpenAPI 3.1 document into an `APIModel`.
///
/// It supports the subset DeltaDatabase uses: local `$ref`s to
/// `components/{schemas,parameters,responses,requestBodies,headers}`,
/// path-level parameters, path/query/header parameters, JSON bodies,
/// `security: []` for public operations and `x-deltadb-permission`. Anything
/// else it meets (cookie parameters, `oneOf`, remote refs, …) becomes a
/// `Diagnostic` with its location, and the construct is skipped or treated as
/// free-form JSON. It does not validate the document against the OpenAPI schema.
public struct OpenAPIParser {
    /// The model and the problems found while building it.
    public struct Result: Sendable {
        /// The API model.
        public var model: APIModel
        /// Fixable problems, in the order found.
        public var diagnostics: [Diagnostic]
    }

    let root: SpecNode
    let source: String
    var diagnostics: [Diagnostic] = []
    var schemas = SchemaParser()

    /// Parses `yaml`, naming `source` (e.g. `spec/openapi.yaml`) in diagnostics and headers.
    ///
    /// - Throws: `CodegenError` when the text is not YAML, or has no `openapi`
    ///   version or no `paths` mapping.
    public static func parse(yaml: String, source: String) throws -> Result {
        var parser = OpenAPIParser(root: try SpecNode.parse(yaml: yaml), source: source)
        return try parser.run()
    }

    init(root: SpecNode, source: String) {
        self.root = root
        self.source = source
    }

    mutating func run() throws -> Result {
        guard let version = root["openapi"]?.string else {
            throw CodegenError("\(source): not an OpenAPI document (no `openapi` version)")
        }
        if !version.hasPrefix("3.") {
            report(.error, "openapi", "version \(version) is not supported; use OpenAPI 3.1")
        }
        guard let paths = root["paths"], paths.isMapping else {
            throw CodegenError("\(source): the document has no `paths` mapping")
        }
        let componentSchemas = parseComponentSchemas()
        var operations: [APIOperation] = []
        var seenIDs: Set<String> = []
        for (path, item) in paths.pairs {
            for operation in parsePathItem(item, path: path) {
                if !seenIDs.insert(operation.id).inserted {
                    report(.error, operation.location, "operationId '\(operation.id)' is used twice; make it unique")
                    continue
                }
                operations.append(operation)
            }
        }
        let info = root["info"]
        let model = APIModel(
            source: source,
            title: info?["title"]?.string ?? "",
            version: info?["version"]?.string ?? "",
            description: info?["description"]?.string,
            operations: operations,
            schemas: componentSchemas + schemas.hoistedFromOperations
        )
        diagnostics += schemas.diagnostics.map {
            Diagnostic($0.severity, file: source, location: $0.location, $0.message)
        }
        return Result(model: model, diagnostics: diagnostics)
    }

    mutating func report(_ severity: Diagnostic.Severity, _ location: String, _ message: String) {
        diagnostics.append(Diagnostic(severity, file: source, location: location, message))
    }

    private mutating func parseComponentSchemas() -> [NamedSchema] {
        let definitions = root["components"]?["schemas"]?.pairs ?? []
        schemas.knownNames = Set(definitions.map(\.key))
        schemas.root = root
        var result: [NamedSchema] = []
        for (name, node) in definitions {
            result += schemas.parseNamed(name: name, node: node, location: "components.schemas.\(name)")
        }
        return result
    }

    /// Resolves a `$ref` member if `node` has one, following chains of refs.
    ///
    /// Returns the target node and the last component name (`Database` for
    /// `#/components/parameters/Database`), or nil (with a diagnostic) when the
    /// reference cannot be followed.
    mutating func dereference(_ node: SpecNode, location: String) -> (node: SpecNode, name: String?)? {
        var current = node
        var name: String?
        var hops = 0
        while let ref = current["$ref"]?.string {
            hops += 1
            guard hops < 16, ref.hasPrefix("#/"), let target = root.resolve(pointer: ref) else {
                report(.error, location, "cannot resolve $ref '\(ref)'; only local references to existing components are supported")
                return nil
            }
            name = ref.split(separator: "/").last.map(String.init)
            current = target
        }
        return (current, name)
    }
}
