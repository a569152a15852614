import Testing

@testable import CodegenCore

@Suite("Proto: swift-protobuf translator diagnostics")
struct ProtoTranslatorDiagnosticsTests {
    private func diagnostics(_ fragment: String) throws -> [String] {
        let parsed = ProtoTestSupport.parse(fragment)
        #expect(parsed.diagnostics.isEmpty)
        var diagnostics: [Diagnostic] = []
        _ = try SwiftProtobufTranslator().translate(parsed.file, diagnostics: &diagnostics)
        return diagnostics.map(\.description)
    }

    @Test("a message containing itself through singular fields is an error; repeated is fine")
    func recursion() throws {
        #expect(try diagnostics("message A { B b = 1; }\nmessage B { A a = 1; }") == [
            "spec/test.proto: 3:13: error: test.A.b: recursive message fields are not supported (a Swift struct cannot contain itself); use 'repeated'",
            "spec/test.proto: 4:13: error: test.B.a: recursive message fields are not supported (a Swift struct cannot contain itself); use 'repeated'",
        ])
        #expect(try diagnostics("message Tree { repeated Tree children = 1; map<string, Tree> named = 2; }").isEmpty)
    }
}
