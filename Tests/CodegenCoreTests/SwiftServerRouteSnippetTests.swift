import Testing

@testable import CodegenCore

@Suite("Swift server snippets: routes")
struct SwiftServerRouteSnippetTests {
    @Test("typed parameters, typed body, scope and several 2xx responses")
    func route() throws {
        let text = try TestSupport.generate("""
            paths:
              /db/{database}/items:
                post:
                  operationId: addItem
                  x-deltadb-permission: write
                  parameters:
                    - {name: database, in: path, required: true, schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer, format: int32}}
                    - {name: X-Trace, in: header, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: "#/components/schemas/Item"}
                  responses:
                    "201":
                      description: Created.
                      headers:
                        Location: {schema: {type: string}}
                      content:
                        application/json:
                          schema: {$ref: "#/components/schemas/Item"}
                    "204": {description: Nothing to add.}
            components:
              schemas:
                Item: {type: object, properties: {name: {type: string}}}
            """, translator: SwiftServerTranslator(), file: "Routes.swift")
        #expect(text.contains("""
                    router.on("/db/:database/items", method: .post) { request, context in
                        let database = try RequestReader.pathParameter("database", context: context)
                        let caller = try await self.authorize(
                            Operations.AddItem.descriptor,
                            authorization: RequestReader.header("Authorization", request: request),
                            scope: database
                        )
                        let limit = try RequestReader.integer(RequestReader.queryParameter("limit", request: request, required: false), parameter: "limit", as: Int32.self)
                        let xTrace = try RequestReader.header("X-Trace", request: request, required: true)!
                        let body = try RequestReader.decode(Item.self, from: try await RequestReader.body(request, limits: limits))
                        let input = Operations.AddItem.Input(database: database, limit: limit, xTrace: xTrace, body: body)
                        switch try await self.addItem(input, caller: caller) {
                        case .created(let created):
                            var headers = HTTPFields()
                            ResponseWriter.add("Location", created.location, to: &headers)
                            return try ResponseWriter.json(created.body, status: .created, headers: headers)
                        case .noContent:
                            return Response(status: .noContent)
                        }
                    }
            """))
    }

    @Test("path templates become router paths")
    func routerPath() {
        #expect(SwiftServerRoutes.routerPath("/entity/{database}") == "/entity/:database")
        #expect(SwiftServerRoutes.routerPath("/a/{b}/c/{d}") == "/a/:b/c/:d")
        #expect(SwiftServerRoutes.routerPath("/health") == "/health")
    }

    @Test("a parameter that clashes with a route local is a diagnostic")
    func clash() throws {
        let model = try TestSupport.parse("""
            paths:
              /a:
                get:
                  operationId: getA
                  x-deltadb-permission: read
                  parameters:
                    - {name: body, in: query, schema: {type: string}}
                  responses:
                    "200": {description: ok}
            """).model
        var diagnostics: [Diagnostic] = []
        _ = try SwiftServerTranslator().translate(model, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.location) == ["paths./a.get.parameters[0]"])
    }
}
