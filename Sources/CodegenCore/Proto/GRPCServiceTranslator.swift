import GRPCCodeGen

/// Generates `Sources/WorkerProtocol/Generated/Services.swift`: the grpc-swift-2
/// glue for every service of the proto (method descriptors, the server's service
/// protocols and the client), rendered by GRPCCodeGen used as a library.
///
/// Our model feeds GRPCCodeGen's `CodeGenerationRequest`; messages are
/// (de)serialized by grpc-swift-protobuf's `ProtobufSerializer`/`ProtobufDeserializer`
/// over the conformances `SwiftProtobufTranslator` emits. Streaming methods are
/// passed through as declared. It does not emit messages.
public struct GRPCServiceTranslator: ProtoTranslator {
    public var name: String { "grpc-swift-2" }
    public var outputDirectories: [String] { [SwiftProtobufNames.outputDirectory] }

    /// The one generated file.
    static let outputFile = "Services.swift"

    /// Creates the translator.
    public init() {}

    public func translate(_ file: ProtoFile, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        guard !file.services.isEmpty else { return [] }
        let request = CodeGenerationRequest(
            fileName: file.source,
            leadingTrivia: "",
            dependencies: [
                Dependency(module: SwiftProtobufNames.runtimeModule, accessLevel: .public),
                Dependency(module: "GRPCProtobuf", accessLevel: .public),
            ],
            services: file.services.map { service(for: $0, packageName: file.packageName) },
            makeSerializerCodeSnippet: { "GRPCProtobuf.ProtobufSerializer<\($0)>()" },
            makeDeserializerCodeSnippet: { "GRPCProtobuf.ProtobufDeserializer<\($0)>()" }
        )
        let generator = CodeGenerator(config: .init(accessLevel: .public, accessLevelOnImports: false, client: true, server: true))
        let rendered: String
        do {
            rendered = try generator.generate(request).contents
        } catch {
            throw CodegenError("GRPCCodeGen could not render the services of \(file.source): \(error)")
        }
        // GRPCCodeGen owns the indentation of its body; our renderer adds the header.
        let nodes: [CodeNode] = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? .blank : .line(String($0)) }
            .trimmingBlankEdges()
        return [TextRenderer.render(CodeFile(
            path: "\(SwiftProtobufNames.outputDirectory)/\(Self.outputFile)",
            language: .swift, source: file.source, nodes: nodes
        ))]
    }

    /// The GRPCCodeGen descriptor of `service`: the wire name `deltadb.MainWorker`,
    /// the Swift namespace `MainWorkerService` (messages own the plain names).
    func service(for service: ProtoService, packageName: String) -> ServiceDescriptor {
        ServiceDescriptor(
            documentation: Self.documentation(service.doc),
            name: ServiceName(
                identifyingName: service.fullName,
                typeName: Naming.swiftTypeName(service.name) + "Service",
                propertyName: Naming.swiftIdentifier(service.name)
            ),
            methods: service.methods.map { method in
                MethodDescriptor(
                    documentation: Self.documentation(method.doc),
                    name: MethodName(
                        identifyingName: method.name,
                        typeName: Naming.swiftTypeName(method.name),
                        functionName: Naming.swiftIdentifier(method.name)
                    ),
                    isInputStreaming: method.clientStreaming,
                    isOutputStreaming: method.serverStreaming,
                    inputType: SwiftProtobufNames.typeName(method.input, package: packageName),
                    outputType: SwiftProtobufNames.typeName(method.output, package: packageName)
                )
            }
        )
    }

    /// Proto comments as the `///` lines GRPCCodeGen expects.
    static func documentation(_ lines: [String]) -> String {
        lines.map { $0.isEmpty ? "///" : "/// \($0)" }.joined(separator: "\n")
    }
}

extension Array where Element == CodeNode {
    /// Without leading and trailing blank lines.
    func trimmingBlankEdges() -> [CodeNode] {
        var nodes = self
        while let first = nodes.first, first == .blank { nodes.removeFirst() }
        while let last = nodes.last, last == .blank { nodes.removeLast() }
        return nodes
    }
}
