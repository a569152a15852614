import Testing

@testable import CodegenCore

/// Proto service fragment → the grpc-swift-2 glue GRPCCodeGen renders for it.
@Suite("Proto: gRPC service glue snippets")
struct GRPCServiceSnippetTests {
    private func services(_ fragment: String) throws -> [GeneratedFile] {
        let parsed = ProtoTestSupport.parse(fragment)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))")
        var diagnostics: [Diagnostic] = []
        let files = try GRPCServiceTranslator().translate(parsed.file, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        return files
    }

    private let echo = """
        message Ping { string id = 1; }
        message Pong { string id = 1; }
        // Answers pings.
        service Echo {
          // Sends one pong per ping.
          rpc Call(Ping) returns (Pong);
        }
        """

    @Test("one file, our header, then GRPCCodeGen's imports including the protobuf runtime")
    func header() throws {
        let files = try services(echo)
        #expect(files.map(\.path) == ["Sources/WorkerProtocol/Generated/Services.swift"])
        #expect(files.first?.contents.hasPrefix("""
            // Generated from spec/test.proto by deltadb-codegen. DO NOT EDIT.

            import GRPCCore
            import SwiftProtobuf
            import GRPCProtobuf

            // MARK: - test.Echo

            """) == true)
        #expect(files.first?.contents.hasSuffix("}\n") == true)
    }

    @Test("the wire name is the proto's full name; the Swift namespace is <Service>Service; types drop the package")
    func names() throws {
        let swift = try services(echo).first?.contents ?? ""
        ProtoTestSupport.expectContains(swift, """
            public enum EchoService: Sendable {
                /// Service descriptor for the "test.Echo" service.
                public static let descriptor = GRPCCore.ServiceDescriptor(fullyQualifiedService: "test.Echo")
            """)
        ProtoTestSupport.expectContains(swift, """
                        /// Request type for "Call".
                        public typealias Input = Ping
                        /// Response type for "Call".
                        public typealias Output = Pong
            """)
        ProtoTestSupport.expectContains(swift, "                method: \"Call\",\n                type: .unary")
    }

    @Test("messages are (de)serialized with grpc-swift-protobuf; server and client are both emitted")
    func serializers() throws {
        let swift = try services(echo).first?.contents ?? ""
        #expect(swift.contains("deserializer: GRPCProtobuf.ProtobufDeserializer<Ping>()"))
        #expect(swift.contains("serializer: GRPCProtobuf.ProtobufSerializer<Pong>()"))
        #expect(swift.contains("public protocol SimpleServiceProtocol: EchoService.ServiceProtocol"))
        #expect(swift.contains("public struct Client<Transport>: ClientProtocol where Transport: GRPCCore.ClientTransport"))
        #expect(swift.contains("/// > Sends one pong per ping."))
    }

    @Test("streaming methods keep their shape")
    func streaming() throws {
        let swift = try services("""
            message Ping { string id = 1; }
            service Feed { rpc Watch(Ping) returns (stream Ping); }
            """).first?.contents ?? ""
        #expect(swift.contains("type: .serverStreaming"))
    }

    @Test("a proto without services produces no services file")
    func none() throws {
        #expect(try services("message Ping { string id = 1; }").isEmpty)
    }
}
