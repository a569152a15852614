import Testing

@testable import CodegenCore

@Suite("Naming")
struct NamingTests {
    @Test("camelCase from snake_case, headers and acronyms", arguments: [
        ("schema_pointer", "schemaPointer"), ("current_version", "currentVersion"), ("ETag", "etag"),
        ("If-Match", "ifMatch"), ("getEntity", "getEntity"), ("X-Request-Id", "xRequestId"), ("key", "key"),
    ])
    func camelCase(input: String, expected: String) {
        #expect(Naming.camelCase(input) == expected)
    }

    @Test("type names from operation ids and schema names")
    func typeNames() {
        #expect(Naming.swiftTypeName("getHealth") == "GetHealth")
        #expect(Naming.swiftTypeName("error_detail") == "ErrorDetail")
        #expect(Naming.swiftTypeName("Type") == "Type_")
    }

    @Test("Swift keywords are backquoted, Python and TypeScript ones suffixed")
    func keywords() {
        #expect(Naming.swiftIdentifier("default") == "`default`")
        #expect(Naming.swiftIdentifier("class") == "`class`")
        #expect(Naming.pythonIdentifier("from") == "from_")
        #expect(Naming.typeScriptIdentifier("delete") == "delete_")
    }

    @Test("snake_case for Python")
    func snakeCase() {
        #expect(Naming.snakeCase("getEntity") == "get_entity")
        #expect(Naming.snakeCase("If-Match") == "if_match")
        #expect(Naming.snakeCase("ETag") == "etag")
    }

    @Test("TypeScript keys are quoted only when needed")
    func typeScriptKeys() {
        #expect(Naming.typeScriptPropertyKey("schema_pointer") == "schema_pointer")
        #expect(Naming.typeScriptPropertyKey("with-dash") == "\"with-dash\"")
    }

    @Test("status case names")
    func statusNames() {
        #expect(Naming.statusCaseName(200) == "ok")
        #expect(Naming.statusCaseName(204) == "noContent")
        #expect(Naming.statusCaseName(299) == "status299")
    }

    @Test("leading digits get an underscore")
    func leadingDigits() {
        #expect(Naming.camelCase("1st") == "_1st")
    }
}
