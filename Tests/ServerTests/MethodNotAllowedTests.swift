import APIRuntime
import Generated
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A known path with a method the spec does not list is a 405 with `Allow`;
/// an unknown path stays a 404.
@Suite("Method not allowed")
struct MethodNotAllowedTests {
    @Test("templates match segment by segment; {name} needs a non-empty segment")
    func matching() {
        let descriptor = OperationDescriptor(id: "x", method: "GET", path: "/api/databases/{database}/entities", permission: .read)
        #expect(descriptor.matches(path: "/api/databases/db1/entities"))
        #expect(descriptor.matches(path: "/api/databases/a%2Fb/entities"))
        #expect(!descriptor.matches(path: "/api/databases//entities"))
        #expect(!descriptor.matches(path: "/api/databases/db1"))
        #expect(!descriptor.matches(path: "/api/databases/db1/entities/x"))
        #expect(OperationDescriptor.allowedMethods(for: "/entity/db", in: Operations.all) == ["DELETE", "GET", "PATCH", "PUT"])
        #expect(OperationDescriptor.allowedMethods(for: "/nowhere", in: Operations.all).isEmpty)
    }

    @Test("TRACE /health and POST /entity/db are 405 naming the allowed methods, before any auth")
    func wrongMethod() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/health", method: .trace) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET")
                #expect(response.errorCode == "method_not_allowed")
            }
            try await client.execute(uri: "/entity/db?key=k", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, GET, PATCH, PUT")
            }
            try await client.execute(uri: "/no/such/path", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
        }
    }
}
