import Testing

@testable import CodegenCore

@Suite("Proto: parser diagnostics")
struct ProtoParserDiagnosticsTests {
    private func messages(_ fragment: String, withHeader: Bool = true) -> [String] {
        ProtoTestSupport.parse(fragment, withHeader: withHeader).diagnostics.map(\.description)
    }

    @Test("proto2 and a missing syntax line are errors")
    func syntax() {
        #expect(messages("syntax = \"proto2\";\nmessage A {}", withHeader: false)
            == ["spec/test.proto: 1:10: error: only proto3 is supported, found \"proto2\""])
        #expect(messages("message A {}", withHeader: false)
            == ["spec/test.proto: 1:1: error: missing `syntax = \"proto3\";` (proto2 is not supported)"])
    }

    @Test("a stray '}' at the top level is one error and parsing continues (FuzzProto found a hang)")
    func strayClosingBrace() {
        let result = ProtoTestSupport.parse("}\nmessage A { int32 x = 1; }\n}")
        #expect(result.diagnostics.map(\.description) == [
            "spec/test.proto: 3:1: error: expected a top-level definition (message, enum, service, …), found '}'",
            "spec/test.proto: 5:1: error: expected a top-level definition (message, enum, service, …), found '}'",
        ])
        #expect(result.file.messages.map(\.name) == ["A"])
    }

    @Test("import and option are skipped with a warning; parsing continues")
    func ignored() {
        let result = ProtoTestSupport.parse("import \"other.proto\";\noption java_package = \"x\";\nmessage A { int32 x = 1 [deprecated = true]; }")
        #expect(result.diagnostics.map(\.description) == [
            "spec/test.proto: 3:1: warning: imports are not supported (the spec must be self-contained); ignored",
            "spec/test.proto: 4:1: warning: options are not supported by deltadb-codegen; ignored",
            "spec/test.proto: 5:25: warning: field options are not supported by deltadb-codegen; ignored",
        ])
        #expect(result.file.messages.first?.fields.map(\.name) == ["x"])
    }

    @Test("field numbers: duplicate, reserved, out of range; names: duplicate or clashing in Swift")
    func fieldChecks() {
        #expect(messages("message A {\n  reserved 3;\n  int32 a = 1;\n  int32 b = 1;\n  int32 c = 3;\n  int32 d = 19000;\n  int32 e_f = 5;\n  int32 eF = 6;\n}") == [
            "spec/test.proto: 6:3: error: test.A.b: field number 1 is already used by 'a'",
            "spec/test.proto: 7:3: error: test.A.c: field number 3 is reserved",
            "spec/test.proto: 8:3: error: test.A.d: field number 19000 is out of range (1…536870911, not 19000…19999)",
            "spec/test.proto: 10:3: error: test.A.eF: 'eF' and 'e_f' both become the Swift property 'eF'",
        ])
    }

    @Test("unknown types, bad map keys, unsupported constructs, enums not starting at zero")
    func constructs() {
        #expect(messages("message A { Missing m = 1; }") == ["spec/test.proto: 3:13: error: test.A.m: unknown type 'Missing'"])
        #expect(messages("message A { map<double, string> m = 1; }")
            == ["spec/test.proto: 3:13: error: map keys must be an integral type, bool or string, not 'double'"])
        #expect(messages("message A { oneof o { int32 x = 1; } int32 y = 2; }")
            == ["spec/test.proto: 3:13: error: 'oneof' is not supported by deltadb-codegen; use separate fields"])
        #expect(messages("enum E { E_A = 1; }") == ["spec/test.proto: 3:1: error: test.E: a proto3 enum's first value must be 0"])
        #expect(messages("service S { rpc M(Nope) returns (Nope); }").first
            == "spec/test.proto: 3:13: error: test.S.M: 'Nope' is not a message defined in this file")
    }

    @Test("a syntax error reports where it is and parsing recovers at the next statement")
    func recovery() {
        let result = ProtoTestSupport.parse("message A {\n  int32 = 1;\n  string ok = 2;\n}")
        #expect(result.diagnostics.map(\.description) == ["spec/test.proto: 4:9: error: expected a field name, found '='"])
        #expect(result.file.messages.first?.fields.map(\.name) == ["ok"])
    }
}
