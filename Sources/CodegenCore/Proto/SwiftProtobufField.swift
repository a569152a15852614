/// How one proto field becomes Swift: its property, storage, and the lines that
/// decode, encode and compare it with swift-protobuf's runtime.
struct SwiftProtobufField {
    let field: ProtoField
    /// The Swift property name.
    let name: String
    /// The value's Swift type (element type for repeated fields).
    let valueType: String
    /// The proto3 default as a Swift expression (scalars and enums).
    let defaultValue: String

    private let packageName: String
    private let enumDefaults: [String: String]

    /// Creates the shape of `field`; `enumDefaults` maps enum full names to their zero case (`.unspecified`).
    init(_ field: ProtoField, package: String, enumDefaults: [String: String]) {
        self.field = field
        self.packageName = package
        self.enumDefaults = enumDefaults
        self.name = SwiftProtobufNames.propertyName(field.name)
        switch field.type {
        case .scalar(let scalar):
            valueType = scalar.swiftType
            defaultValue = scalar.defaultValue
        case .message(let fullName):
            valueType = SwiftProtobufNames.typeName(fullName, package: package)
            defaultValue = "\(valueType)()"
        case .enumeration(let fullName):
            valueType = SwiftProtobufNames.typeName(fullName, package: package)
            defaultValue = enumDefaults[fullName] ?? ".init()"
        case .map(let key, let value):
            let valueShape = SwiftProtobufField(
                ProtoField(name: field.name, number: field.number, type: value), package: package, enumDefaults: enumDefaults
            )
            valueType = "[\(key.swiftType): \(valueShape.valueType)]"
            defaultValue = "[:]"
        case .unresolved(let name):
            valueType = name
            defaultValue = "\(name)()"
        }
    }

    private var isMessage: Bool {
        if case .message = field.type { return true }
        return false
    }

    private var isMap: Bool {
        if case .map = field.type { return true }
        return false
    }

    /// Whether the value lives in a private optional (`_name`) behind a computed property:
    /// singular messages and proto3 `optional` fields, which track presence.
    var hasStorage: Bool {
        field.label == .optional || (field.label == .singular && isMessage)
    }

    /// The stored property swift-protobuf's decoder writes to and `==` compares.
    var storageName: String { hasStorage ? "_\(name.unescaped)" : name }

    /// The runtime's word for the value kind: `String`, `SInt32`, `Enum`, `Message`.
    private var runtimeKind: String {
        switch field.type {
        case .scalar(let scalar): scalar.runtimeName
        case .enumeration: "Enum"
        default: "Message"
        }
    }

    // MARK: - Declarations

    /// The public property (and `has`/`clear` for presence) in the struct body.
    func declaration() -> [CodeNode] {
        let doc = CodeNode.docComment(field.doc)
        switch field.label {
        case .repeated:
            return [doc, .line("public var \(name): [\(valueType)] = []")]
        case .singular where !hasStorage:
            return [doc, .line("public var \(name): \(valueType) = \(defaultValue)")]
        default:
            let capitalized = Naming.pascalCase(field.name)
            return [
                doc,
                .braces("public var \(name): \(valueType)", [
                    .line("get { \(storageName) ?? \(defaultValue) }"),
                    .line("set { \(storageName) = newValue }"),
                ]),
                .docComment(["Whether `\(name.unescaped)` was set (or decoded)."]),
                .line("public var has\(capitalized): Bool { \(storageName) != nil }"),
                .docComment(["Resets `\(name.unescaped)` to unset."]),
                .line("public mutating func clear\(capitalized)() { \(storageName) = nil }"),
            ]
        }
    }

    /// The private stored optional, for fields with `hasStorage`.
    func storageDeclaration() -> CodeNode? {
        hasStorage ? .line("fileprivate var \(storageName): \(valueType)? = nil") : nil
    }

    // MARK: - Runtime

    private var mapFieldType: String? {
        guard case .map(let key, let value) = field.type else { return nil }
        let keyType = SwiftProtobufNames.fieldType(key)
        switch value {
        case .scalar(let scalar): return "SwiftProtobuf._ProtobufMap<\(keyType), \(SwiftProtobufNames.fieldType(scalar))>"
        case .enumeration(let name): return "SwiftProtobuf._ProtobufEnumMap<\(keyType), \(SwiftProtobufNames.typeName(name, package: packageName))>"
        default:
            let shape = SwiftProtobufField(ProtoField(name: field.name, number: field.number, type: value), package: packageName, enumDefaults: enumDefaults)
            return "SwiftProtobuf._ProtobufMessageMap<\(keyType), \(shape.valueType)>"
        }
    }

    /// `case N: try decoder.decode…Field(value: &self.x)`.
    func decodeCase() -> CodeNode {
        let call: String
        if let mapType = mapFieldType {
            call = "decodeMapField(fieldType: \(mapType).self, value: &self.\(storageName))"
        } else {
            let arity = field.label == .repeated ? "Repeated" : "Singular"
            call = "decode\(arity)\(runtimeKind)Field(value: &self.\(storageName))"
        }
        return .line("case \(field.number): try decoder.\(call)")
    }

    /// The visit, skipping proto3 defaults (and unset presence fields).
    func traverse() -> CodeNode {
        let number = field.number
        if let mapType = mapFieldType {
            return .braces("if !self.\(name).isEmpty", [
                .line("try visitor.visitMapField(fieldType: \(mapType).self, value: self.\(name), fieldNumber: \(number))"),
            ])
        }
        if field.label == .repeated {
            let packed: Bool = switch field.type {
            case .scalar(let scalar): scalar.isPackable
            case .enumeration: true
            default: false
            }
            return .braces("if !self.\(name).isEmpty", [
                .line("try visitor.visit\(packed ? "Packed" : "Repeated")\(runtimeKind)Field(value: self.\(name), fieldNumber: \(number))"),
            ])
        }
        let visit = "visitSingular\(runtimeKind)Field"
        if hasStorage {
            return .braces("if let value = self.\(storageName)", [
                .line("try visitor.\(visit)(value: value, fieldNumber: \(number))"),
            ])
        }
        let condition: String = switch field.type {
        case .scalar(.string), .scalar(.bytes): "!self.\(name).isEmpty"
        case .scalar(.bool): "self.\(name)"
        case .scalar(.float), .scalar(.double): "self.\(name).bitPattern != 0"
        default: "self.\(name) != \(defaultValue)"
        }
        return .braces("if \(condition)", [.line("try visitor.\(visit)(value: self.\(name), fieldNumber: \(number))")])
    }

    /// `if lhs.x != rhs.x { return false }`, on the stored value (so presence counts).
    func equality() -> CodeNode {
        .line("if lhs.\(storageName) != rhs.\(storageName) { return false }")
    }
}
