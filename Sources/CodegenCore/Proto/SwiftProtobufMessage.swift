/// Builds one message's Swift struct and its swift-protobuf conformance.
///
/// The struct holds the fields (proto3 defaults, presence for messages and
/// `optional`), `unknownFields` and nested types; the conformance extension
/// holds `protoMessageName`, the name map, `decodeMessage`, `traverse` and a
/// field-by-field `==` (what protoc-gen-swift emits, written by us).
struct SwiftProtobufMessage {
    let message: ProtoMessage
    let packageName: String
    let enumDefaults: [String: String]

    private var swiftName: String { SwiftProtobufNames.typeName(message.fullName, package: packageName) }
    private var localName: String { Naming.swiftTypeName(message.name) }

    private var fields: [SwiftProtobufField] {
        message.fields.map { SwiftProtobufField($0, package: packageName, enumDefaults: enumDefaults) }
    }

    /// The struct declaration, with nested messages and enums inside it.
    func declaration() -> [CodeNode] {
        var body: [CodeNode] = []
        for field in fields { body += field.declaration() }
        body += [
            .docComment(["Fields this schema does not know, kept so that they survive decoding and re-encoding."]),
            .line("public var unknownFields = \(SwiftProtobufNames.unknownStorage)()"),
            .blank,
            .docComment(["Creates a message with every field at its default."]),
            .line("public init() {}"),
        ]
        let storage = fields.compactMap { $0.storageDeclaration() }
        if !storage.isEmpty { body += [.blank] + storage }
        for nested in message.enums {
            body += [.blank] + SwiftProtobufEnum(value: nested, packageName: packageName).declaration()
        }
        for nested in message.messages {
            body += [.blank] + SwiftProtobufMessage(message: nested, packageName: packageName, enumDefaults: enumDefaults).declaration()
        }
        return [
            .docComment(message.doc + (message.doc.isEmpty ? [] : [""]) + ["Proto message `\(message.fullName)`."]),
            .braces("public struct \(localName): Sendable", body),
        ]
    }

    /// The conformance extension for this message, then those of its nested types.
    func conformances() -> [[CodeNode]] {
        let nameMap = ProtoNameMapBytecode.literal(message.fields.map {
            .init(number: $0.number, protoName: $0.name, jsonName: SwiftProtobufNames.jsonName($0.name))
        })
        let conformance = [SwiftProtobufNames.message, SwiftProtobufNames.messageImplementationBase, SwiftProtobufNames.nameProviding]
        let body: [CodeNode] = [
            .line("public static let protoMessageName: String = \(SwiftSupport.stringLiteral(message.fullName))"),
            .line("public static let _protobuf_nameMap = \(SwiftProtobufNames.nameMap)(bytecode: \"\(nameMap)\")"),
            .blank,
            decodeMessage(),
            .blank,
            traverse(),
            .blank,
            equals(),
        ]
        var sections: [[CodeNode]] = [[.braces("extension \(swiftName): \(conformance.joined(separator: ", "))", body)]]
        for nested in message.enums {
            sections.append(SwiftProtobufEnum(value: nested, packageName: packageName).conformance())
        }
        for nested in message.messages {
            sections += SwiftProtobufMessage(message: nested, packageName: packageName, enumDefaults: enumDefaults).conformances()
        }
        return sections
    }

    private func decodeMessage() -> CodeNode {
        let cases = fields.sorted { $0.field.number < $1.field.number }.map { $0.decodeCase() }
        let loop: CodeNode = .braces("while let fieldNumber = try decoder.nextFieldNumber()", cases.isEmpty
            ? [.line("_ = fieldNumber")]
            : [.switchStatement("fieldNumber", cases: cases + [.line("default: break")])])
        return .braces("public mutating func decodeMessage<D: \(SwiftProtobufNames.decoder)>(decoder: inout D) throws", [loop])
    }

    private func traverse() -> CodeNode {
        let visits = fields.sorted { $0.field.number < $1.field.number }.map { $0.traverse() }
        return .braces("public func traverse<V: \(SwiftProtobufNames.visitor)>(visitor: inout V) throws",
                       visits + [.line("try unknownFields.traverse(visitor: &visitor)")])
    }

    private func equals() -> CodeNode {
        .braces("public static func == (lhs: \(swiftName), rhs: \(swiftName)) -> Bool",
                fields.map { $0.equality() } + [
                    .line("if lhs.unknownFields != rhs.unknownFields { return false }"),
                    .line("return true"),
                ])
    }
}
