import Testing

@testable import CodegenCore

/// Helpers for the proto tests: parse a fragment, generate Swift for it.
enum ProtoTestSupport {
    static let header = "syntax = \"proto3\";\npackage test;\n"

    /// Parses `header + fragment` as `spec/test.proto`.
    static func parse(_ fragment: String, withHeader: Bool = true) -> ProtoParser.Result {
        ProtoParser.parse((withHeader ? header : "") + fragment, source: "spec/test.proto")
    }

    /// The generated Swift for `fragment`; records an issue for any diagnostic.
    static func swift(_ fragment: String) throws -> String {
        let parsed = parse(fragment)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))")
        var diagnostics: [Diagnostic] = []
        let files = try SwiftProtobufTranslator().translate(parsed.file, diagnostics: &diagnostics)
        #expect(files.count == 1)
        return files.first?.contents ?? ""
    }

    /// Records an issue with a diff when `text` does not contain `block` (a run of whole lines).
    static func expectContains(_ text: String, _ block: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if !text.contains(block) {
            Issue.record("expected block not found:\n\(block)\n--- in ---\n\(text)", sourceLocation: sourceLocation)
        }
    }
}
