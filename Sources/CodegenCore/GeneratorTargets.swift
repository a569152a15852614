/// Every output `deltadb-codegen` produces, in generation order.
///
/// Add a translator here to have `generate` write it and `check` verify it.
public enum GeneratorTargets {
    /// The translators for the REST spec (`spec/openapi.yaml`).
    public static let openAPI: [any Translator] = [
        SwiftServerTranslator(),
        SwiftClientTranslator(),
        PythonClientTranslator(),
        TypeScriptClientTranslator(),
    ]

    /// The translators for the gRPC contract (`spec/deltadb.proto`).
    public static let proto: [any ProtoTranslator] = [
        SwiftProtobufTranslator(),
        GRPCServiceTranslator(),
    ]
}
