/// Builds one proto3 enum as a Swift enum conforming to `SwiftProtobuf.Enum`.
///
/// proto3 enums are open: a number this schema does not know decodes to
/// `.UNRECOGNIZED(n)` and is re-encoded unchanged.
struct SwiftProtobufEnum {
    let value: ProtoEnum
    let packageName: String

    private var swiftName: String { SwiftProtobufNames.typeName(value.fullName, package: packageName) }

    /// The Swift case name for each value, in declaration order.
    var cases: [(name: String, value: ProtoEnum.Value)] {
        value.values.map { (SwiftProtobufNames.caseName($0.name, enumName: value.name), $0) }
    }

    /// `.firstCase`: the proto3 default (the value numbered 0).
    var defaultCase: String {
        "." + (cases.first { $0.value.number == 0 }?.name ?? cases.first?.name ?? "UNRECOGNIZED(0)")
    }

    /// The enum declaration.
    func declaration() -> [CodeNode] {
        var body: [CodeNode] = [.line("public typealias RawValue = Int")]
        for (name, value) in cases {
            body += [.blank, .docComment(value.doc + (value.doc.isEmpty ? [] : [""]) + ["`\(value.name)` = \(value.number)"]), .line("case \(name)")]
        }
        body += [
            .blank,
            .docComment(["A value this schema does not know, kept as its number (proto3 enums are open)."]),
            .line("case UNRECOGNIZED(Int)"),
            .blank,
            .docComment(["The proto3 default, `\(defaultCase)`."]),
            .braces("public init()", [.line("self = \(defaultCase)")]),
            .blank,
            .docComment(["The case for `rawValue`; unknown numbers become `.UNRECOGNIZED`."]),
            .braces("public init?(rawValue: Int)", [
                .switchStatement("rawValue", cases: cases.map { .line("case \($0.value.number): self = .\($0.name)") }
                    + [.line("default: self = .UNRECOGNIZED(rawValue)")]),
            ]),
            .blank,
            .docComment(["The number on the wire."]),
            .braces("public var rawValue: Int", [
                .switchStatement("self", cases: cases.map { .line("case .\($0.name): return \($0.value.number)") }
                    + [.line("case .UNRECOGNIZED(let number): return number")]),
            ]),
            .blank,
            .docComment(["The known cases (not `.UNRECOGNIZED`)."]),
            .line("public static let allCases: [\(swiftName)] = [\(cases.map { "." + $0.name }.joined(separator: ", "))]"),
        ]
        return [
            .docComment(value.doc + (value.doc.isEmpty ? [] : [""]) + ["Proto enum `\(value.fullName)`."]),
            .braces("public enum \(Naming.swiftTypeName(value.name)): \(SwiftProtobufNames.enumeration), Swift.CaseIterable", body),
        ]
    }

    /// The `_ProtoNameProviding` extension (text-format and JSON names).
    func conformance() -> [CodeNode] {
        let map = ProtoNameMapBytecode.literal(value.values.map { .init(number: $0.number, protoName: $0.name, jsonName: $0.name) })
        return [.braces("extension \(swiftName): \(SwiftProtobufNames.nameProviding)", [
            .line("public static let _protobuf_nameMap = \(SwiftProtobufNames.nameMap)(bytecode: \"\(map)\")"),
        ])]
    }
}
