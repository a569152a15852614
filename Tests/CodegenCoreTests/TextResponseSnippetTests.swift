import Testing

@testable import CodegenCore

/// A `text/plain` string response is sent and read as text by every target,
/// never JSON-encoded or JSON-parsed.
@Suite("Text response snippets")
struct TextResponseSnippetTests {
    static let spec = """
        paths:
          /things/{id}/source:
            get:
              operationId: getSource
              security: []
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                "200":
                  description: The source.
                  content:
                    text/plain:
                      schema: {type: string}
        """

    @Test("isText: text/* with a string schema only")
    func isText() {
        #expect(APIContent(mediaType: "text/plain", type: .string()).isText)
        #expect(!APIContent(mediaType: "application/json", type: .string()).isText)
        #expect(!APIContent(mediaType: "text/plain", type: .anyJSON).isText)
    }

    @Test("the server writes the string as text with its media type")
    func server() throws {
        let text = try TestSupport.generate(Self.spec, translator: SwiftServerTranslator(), file: "Routes.swift")
        #expect(text.contains(#"return ResponseWriter.text(ok.body, contentType: "text/plain", status: .ok)"#))
    }

    @Test("the Swift client returns the body as text")
    func swiftClient() throws {
        let text = try TestSupport.generate(Self.spec, translator: SwiftClientTranslator(), file: "DeltaAPIClient+Operations.swift")
        #expect(text.contains("async throws -> String {"))
        #expect(text.contains("return try await send(request).text\n"))
    }

    @Test("the Python and TypeScript clients return response.text()")
    func scriptClients() throws {
        let python = try TestSupport.generate(Self.spec, translator: PythonClientTranslator(), file: "client.py")
        #expect(python.contains("def get_source(self, id: str) -> str:"))
        #expect(python.contains("        return response.text()\n"))
        let typeScript = try TestSupport.generate(Self.spec, translator: TypeScriptClientTranslator(), file: "client.ts")
        #expect(typeScript.contains("async getSource(id: string): Promise<string> {"))
        #expect(typeScript.contains("    return response.text();\n"))
    }
}
