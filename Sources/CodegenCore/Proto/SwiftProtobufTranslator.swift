/// Generates `Sources/WorkerProtocol/Generated/Messages.swift`: every message and
/// enum of the proto as Swift types conforming to swift-protobuf's `Message` and
/// `Enum`, so they speak the standard binary wire format to any protobuf client.
///
/// It emits what protoc-gen-swift (swift-protobuf 1.x, API version 2) would emit
/// for messages — without protoc, without the plugin's stack-saving closures,
/// and with plain Swift type names (`SubscribeRequest`, not `Deltadb_SubscribeRequest`):
/// the module `WorkerProtocol` is the namespace. Services are not emitted here
/// (their gRPC glue is a separate output).
public struct SwiftProtobufTranslator: ProtoTranslator {
    public var name: String { "swift-protobuf" }
    public var outputDirectories: [String] { [SwiftProtobufNames.outputDirectory] }

    /// Creates the translator.
    public init() {}

    public func translate(_ file: ProtoFile, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        diagnostics += ProtoRecursionCheck(file).diagnostics(source: file.source)
        var enumDefaults: [String: String] = [:]
        collectEnumDefaults(enums: file.enums, messages: file.messages, into: &enumDefaults)
        let messages = file.messages.map { SwiftProtobufMessage(message: $0, packageName: file.packageName, enumDefaults: enumDefaults) }
        let enums = file.enums.map { SwiftProtobufEnum(value: $0, packageName: file.packageName) }

        var declarations: [[CodeNode]] = enums.map { $0.declaration() }
        declarations += messages.map { $0.declaration() }
        var conformances: [[CodeNode]] = enums.map { $0.conformance() }
        conformances += messages.flatMap { $0.conformances() }

        let nodes = CodeNode.separated(
            [[.line("import Foundation"), .line("import \(SwiftProtobufNames.runtimeModule)")], versionCheck()]
            + declarations
            + [[.comment(prefix: "//", lines: ["MARK: - SwiftProtobuf conformances"])]]
            + conformances
        )
        return [TextRenderer.render(CodeFile(
            path: "\(SwiftProtobufNames.outputDirectory)/\(SwiftProtobufNames.outputFile)",
            language: .swift, source: file.source, nodes: nodes
        ))]
    }

    /// Fails to compile against a swift-protobuf whose generated-code API differs from the one emitted here.
    private func versionCheck() -> [CodeNode] {
        [
            .comment(prefix: "//", lines: ["Compile-time check that the linked SwiftProtobuf supports the API this code uses."]),
            .braces("fileprivate struct _GeneratedWithProtocGenSwiftVersion: \(SwiftProtobufNames.apiVersionCheck)", [
                .line("struct _2: \(SwiftProtobufNames.apiVersion) {}"),
                .line("typealias Version = _2"),
            ]),
        ]
    }

    private func collectEnumDefaults(enums: [ProtoEnum], messages: [ProtoMessage], into defaults: inout [String: String]) {
        for value in enums {
            defaults[value.fullName] = SwiftProtobufEnum(value: value, packageName: "").defaultCase
        }
        for message in messages {
            collectEnumDefaults(enums: message.enums, messages: message.messages, into: &defaults)
        }
    }
}
