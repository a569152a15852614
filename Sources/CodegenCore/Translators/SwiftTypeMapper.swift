/// Maps the schema type model to Swift type names for one Swift output.
///
/// The server carries free-form JSON bodies as `RawJSON` bytes (parsed once by
/// the handler) and free-form values nested in typed models as `JSONValue`;
/// the client uses its hand-written `JSONDocument` for both.
struct SwiftTypeMapper {
    /// Which Swift output the names are for.
    enum Flavor {
        case server, client
    }

    let model: APIModel
    let flavor: Flavor

    /// Whether a component schema is emitted as a free-form alias (server: `RawJSON`).
    func isFreeFormAlias(_ schema: NamedSchema) -> Bool {
        switch flavor {
        case .server: schema.isFreeForm
        case .client: schema.type == .anyJSON
        }
    }

    /// Whether a body of this type travels as raw bytes in the server.
    func isRawBody(_ type: SchemaType) -> Bool {
        switch model.resolve(type) {
        case .anyJSON, .map: true
        default: false
        }
    }

    /// The Swift type of a free-form value nested in a typed model.
    var freeFormValue: String {
        flavor == .server ? SwiftNames.jsonValue : SwiftNames.jsonDocument
    }

    /// The Swift type of a request or response body.
    func bodyType(_ type: SchemaType) -> String {
        switch type {
        case .anyJSON: flavor == .server ? SwiftNames.rawJSON : SwiftNames.jsonDocument
        case .map: flavor == .server ? SwiftNames.rawJSON : propertyType(type)
        case .reference(let name): Naming.swiftTypeName(name)
        default: propertyType(type)
        }
    }

    /// The Swift type of a stored property, parameter or array element.
    func propertyType(_ type: SchemaType) -> String {
        switch type {
        case .string, .stringEnum: "String"
        case .integer(.int64): "Int64"
        case .integer(.int32): "Int32"
        case .integer(.unspecified): "Int"
        case .number: "Double"
        case .boolean: "Bool"
        case .array(let items): "[\(propertyType(items))]"
        case .map(let values): "[String: \(propertyType(values))]"
        case .object, .anyJSON: freeFormValue
        case .reference(let name):
            if flavor == .server, let schema = model.schema(named: name), isRawBody(schema.type) {
                freeFormValue
            } else {
                Naming.swiftTypeName(name)
            }
        }
    }

    /// The Swift type of a name `alias` declares for a non-struct schema.
    func aliasTarget(_ schema: NamedSchema) -> String {
        isFreeFormAlias(schema) ? bodyType(schema.type) : propertyType(schema.type)
    }
}
