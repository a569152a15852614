import Testing

@testable import CodegenCore

@Suite("Proto: parser")
struct ProtoParserTests {
    @Test("messages, labels, scalar types, maps, nested types, reserved, resolved references")
    func messages() throws {
        let result = ProtoTestSupport.parse("""
            // The outer message.
            message Outer {
              reserved 4, 9 to 11;
              reserved "old";
              // A name.
              string name = 1;
              repeated sint64 deltas = 2;
              optional bytes blob = 3; // trailing doc
              map<int32, Inner> by_id = 5;
              Inner inner = 6;
              Kind kind = 7;
              .test.Outer.Inner absolute = 8;
              message Inner { fixed32 f = 1; }
              enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; }
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.file.packageName == "test")
        let outer = try #require(result.file.messages.first)
        #expect(outer.fullName == "test.Outer")
        #expect(outer.doc == ["The outer message."])
        #expect(outer.reservedNumbers == [4...4, 9...11] && outer.reservedNames == ["old"])
        #expect(outer.fields.map(\.name) == ["name", "deltas", "blob", "by_id", "inner", "kind", "absolute"])
        #expect(outer.fields.map(\.number) == [1, 2, 3, 5, 6, 7, 8])
        #expect(outer.fields.map(\.label) == [.singular, .repeated, .optional, .singular, .singular, .singular, .singular])
        #expect(outer.fields.map(\.type) == [
            .scalar(.string), .scalar(.sint64), .scalar(.bytes),
            .map(key: .int32, value: .message("test.Outer.Inner")),
            .message("test.Outer.Inner"), .enumeration("test.Outer.Kind"), .message("test.Outer.Inner"),
        ])
        #expect(outer.fields[0].doc == ["A name."])
        #expect(outer.fields[2].doc == ["trailing doc"])
        #expect(outer.fields[0].location == "8:3")
        #expect(outer.messages.map(\.fullName) == ["test.Outer.Inner"])
        #expect(outer.enums.first?.values.map(\.number) == [0, 1])
    }

    @Test("services: unary and streaming RPCs, bodies with options, resolved message names")
    func services() throws {
        let result = ProtoTestSupport.parse("""
            message A {}
            message B {}
            // The service.
            service S {
              // Unary.
              rpc One(A) returns (B);
              rpc Watch(A) returns (stream B) {}
              rpc Upload(stream test.A) returns (B);
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let service = try #require(result.file.services.first)
        #expect(service.fullName == "test.S" && service.doc == ["The service."])
        #expect(service.methods.map(\.name) == ["One", "Watch", "Upload"])
        #expect(service.methods.map(\.input) == ["test.A", "test.A", "test.A"])
        #expect(service.methods.map(\.output) == ["test.B", "test.B", "test.B"])
        #expect(service.methods.map(\.serverStreaming) == [false, true, false])
        #expect(service.methods.map(\.clientStreaming) == [false, false, true])
        #expect(service.methods[0].doc == ["Unary."])
    }

    @Test("the committed spec/deltadb.proto parses cleanly with the seed's fields")
    func committedSpec() throws {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("spec/deltadb.proto"), encoding: .utf8)
        let result = ProtoParser.parse(text, source: "spec/deltadb.proto")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        func fields(_ name: String) -> [String] {
            result.file.messages.first { $0.name == name }?.fields.map { "\($0.number):\($0.name)" } ?? []
        }
        #expect(fields("SubscribeRequest").prefix(3) == ["1:worker_id", "2:pubkey", "3:tags"])
        #expect(fields("SubscribeResponse").prefix(3) == ["1:token", "2:wrapped_key", "3:key_id"])
        #expect(fields("ProcessRequest").prefix(6) == ["1:database_name", "2:entity_key", "3:schema_id", "4:operation", "5:payload", "6:token"])
        #expect(fields("ProcessResponse").prefix(4) == ["1:status", "2:result", "3:version", "4:error"])
        func types(_ name: String) -> [ProtoType] {
            result.file.messages.first { $0.name == name }?.fields.map(\.type) ?? []
        }
        // Seed-shaped clients depend on the wire types too, not just names and numbers.
        #expect(types("SubscribeRequest").prefix(3) == [.scalar(.string), .scalar(.bytes), .map(key: .string, value: .scalar(.string))])
        #expect(types("SubscribeResponse").prefix(3) == [.scalar(.string), .scalar(.bytes), .scalar(.string)])
        #expect(types("ProcessRequest").prefix(6) == [
            .scalar(.string), .scalar(.string), .scalar(.string), .scalar(.string), .scalar(.bytes), .scalar(.string),
        ])
        #expect(types("ProcessResponse").prefix(4) == [.scalar(.string), .scalar(.bytes), .scalar(.int64), .scalar(.string)])
        #expect(result.file.services.map(\.name) == ["MainWorker", "ProcessingWorker"])
        #expect(result.file.services.first?.methods.map(\.name) == ["Subscribe", "Process", "Heartbeat", "RenewToken"])
        #expect(result.file.services.last?.methods.map(\.name) == ["Process", "ProcessStream"])
        let stream = result.file.services.last?.methods.last
        #expect(stream?.clientStreaming == true && stream?.serverStreaming == true, "ProcessStream streams both ways")
    }
}
