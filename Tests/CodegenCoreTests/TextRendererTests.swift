import Testing

@testable import CodegenCore

@Suite("TextRenderer")
struct TextRendererTests {
    @Test("blocks indent their bodies by the unit; closes return to the block's level")
    func nesting() {
        let nodes: [CodeNode] = [
            .braces("struct A", [.line("var x: Int"), .braces("func f()", [.line("return")])]),
        ]
        let text = TextRenderer(indentUnit: "    ").render(nodes)
        #expect(text == "struct A {\n    var x: Int\n    func f() {\n        return\n    }\n}\n")
    }

    @Test("Python blocks have no close; TypeScript indents by two")
    func languages() {
        let python = TextRenderer(indentUnit: Language.python.indentUnit)
            .render([.block(open: "class A:", body: [.line("x: int")], close: nil)])
        #expect(python == "class A:\n    x: int\n")
        let typeScript = TextRenderer(indentUnit: Language.typeScript.indentUnit)
            .render([.braces("export interface A", [.line("x: number;")])])
        #expect(typeScript == "export interface A {\n  x: number;\n}\n")
    }

    @Test("comments: empty lines become the bare prefix, no trailing whitespace anywhere")
    func comments() {
        let text = TextRenderer(indentUnit: "    ").render([
            .braces("enum E", [.docComment(["Title.", "", "Body."]), .line("case a   "), .blank]),
        ])
        #expect(text == "enum E {\n    /// Title.\n    ///\n    /// Body.\n    case a\n\n}\n")
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }

    @Test("a file starts with exactly one header line and a blank line")
    func header() {
        let file = CodeFile(path: "x.py", language: .python, source: "spec/openapi.yaml", nodes: [.line("import json")])
        let rendered = TextRenderer.render(file)
        #expect(rendered.contents == "# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.\n\nimport json\n")
        #expect(rendered.path == "x.py")
    }

    @Test("separated joins non-empty sections with one blank line")
    func separated() {
        let nodes = CodeNode.separated([[.line("a")], [], [.line("b")]])
        #expect(nodes == [.line("a"), .blank, .line("b")])
    }

    @Test("indented and group nodes")
    func indentedAndGroup() {
        let text = TextRenderer(indentUnit: "  ").render([
            .group([.line("call("), .indented([.line("x,"), .line("y")]), .line(")")]),
        ])
        #expect(text == "call(\n  x,\n  y\n)\n")
    }
}
