import ConsoleAssets
import DeltaCLI
@testable import DeltaServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The web console's route: `/` and its hashed assets with strict security and
/// caching headers, `-ui=false` turning it off, and the REST API untouched.
@Suite("Web console route")
struct ConsoleRoutesTests {
    static let csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// The hashed asset paths the page refers to.
    static var assetPaths: [String] {
        ConsoleAssets.all.map(\.path).filter { $0 != "/" }
    }

    @Test("/ is the console page: CSP, nosniff, no-referrer, no-cache, and it refers to every hashed asset")
    func page() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.contentSecurityPolicy] == Self.csp)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.cacheControl] == "no-cache")
                #expect(response.headers[.eTag] != nil)
                for path in Self.assetPaths {
                    #expect(response.text.contains("\"\(path)\""), "the page refers to \(path)")
                }
                #expect(!response.text.contains("<script>"), "no inline script")
            }
        }
    }

    @Test("hashed assets are cached for a year, with their content type and the same security headers")
    func assets() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        #expect(Self.assetPaths.count == 3)
        try await server.run { client in
            for asset in ConsoleAssets.all where asset.path != "/" {
                try await client.execute(uri: asset.path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == asset.contentType)
                    #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                    #expect(response.headers[.contentSecurityPolicy] == Self.csp)
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.text == asset.body)
                }
            }
        }
    }

    @Test("an unknown asset is a 404; a repeated page load with its ETag is a 304")
    func unknownAndConditional() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/assets/app.000000000000.js", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorCode == "not_found")
            }
            let etag = try await client.execute(uri: "/", method: .get) { $0.headers[.eTag] }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: etag ?? ""]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
            }
        }
    }

    @Test("the REST API keeps its paths and its auth next to the console")
    func apiUnaffected() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
                #expect(response.headers[.contentSecurityPolicy] == nil)
            }
            try await client.execute(uri: "/api/me", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/me", method: .get, headers: .admin) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .notFound || response.status == .methodNotAllowed)
            }
        }
    }

    @Test("-ui defaults to on; -ui=false turns the console off")
    func flag() throws {
        let base = ["-admin-key=console-test-admin-key-7c1e9b44d2", "-master-key=\(String(repeating: "0f", count: 32))"]
        #expect(try ServerOptions.parse(base).resolve(environment: [:]).0.serveConsole)
        #expect(try !ServerOptions.parse(base + ["-ui=false"]).resolve(environment: [:]).0.serveConsole)
        #expect(try ServerOptions.parse(base + ["--ui=true"]).resolve(environment: [:]).0.serveConsole)
    }

    @Test("with -ui=false / and the assets are 404 and the API still answers")
    func disabled() async throws {
        var server = TestServer()
        server.configuration.serveConsole = false
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: Self.assetPaths[0], method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
