import APIRuntime
import Foundation
import Generated
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every operation of the spec × every kind of credential, checked against the
/// seed's permission table: public endpoints answer anyone, the rest need a valid
/// credential (401) holding the right permission for the right database (403).
@Suite("Permission matrix")
struct PermissionMatrixTests {
    /// A concrete request for each operation id; a new operation without a row fails the test.
    static let requests: [String: (HTTPRequest.Method, String, String?)] = [
        "getHealth": (.get, "/health", nil),
        "getReady": (.get, "/ready", nil),
        "createBackup": (.post, "/api/backups", #"{"name":"b1"}"#),
        "putEntities": (.put, "/entity/db1", #"{"k":{"a":1}}"#),
        "getEntity": (.get, "/entity/db1?key=k", nil),
        "deleteEntity": (.delete, "/entity/db1?key=k", nil),
        "patchEntity": (.patch, "/entity/db1?key=k", #"{"a":2}"#),
        "listDatabases": (.get, "/api/databases", nil),
        "listEntities": (.get, "/api/databases/db1/entities", nil),
        "getStats": (.get, "/api/stats", nil),
        "listWorkers": (.get, "/admin/workers", nil),
        "listSchemas": (.get, "/admin/schemas", nil),
        "getSchema": (.get, "/schema/s1", nil),
        "putSchema": (.put, "/schema/s1", #"{"type":"object"}"#),
        "deleteSchema": (.delete, "/schema/s2", nil),
        "validateAgainstSchema": (.post, "/schema/s1/validate", "{}"),
        "exportSchema": (.get, "/schema/s1/export?format=typescript", nil),
        "getDatabase": (.get, "/api/databases/db1", nil),
        "putDatabase": (.put, "/api/databases/db1", #"{"schema_id":null}"#),
        "login": (.post, "/api/login", nil),
        "getMe": (.get, "/api/me", nil),
        "logout": (.post, "/api/logout", nil),
        "listAPIKeys": (.get, "/api/keys", nil),
        "createAPIKey": (.post, "/api/keys", #"{"name":"t","permissions":["read"]}"#),
        "deleteAPIKey": (.delete, "/api/keys/00000000", nil),
    ]

    enum Credential: String, CaseIterable {
        case none, wrong, expired, read, write, admin, session, scopedElsewhere
    }

    @Test("every endpoint × every credential gets the status the permission table says")
    func matrix() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            var secrets: [Credential: String] = [.admin: TestServer.adminKey, .wrong: "dk_deadbeef_nope"]
            func create(_ body: String) async throws -> String {
                try await client.execute(uri: "/api/keys", method: .post, headers: .admin, body: ByteBuffer(body)) { response in
                    #expect(response.status == .created)
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                    return try #require(json["secret"] as? String)
                }
            }
            secrets[.read] = try await create(#"{"name":"r","permissions":["read"]}"#)
            secrets[.write] = try await create(#"{"name":"w","permissions":["write"]}"#)
            secrets[.scopedElsewhere] = try await create(#"{"name":"o","permissions":["read","write"],"databases":["other"]}"#)
            secrets[.expired] = try await create(#"{"name":"e","permissions":["read","write","admin"],"expires_in":"1s"}"#)
            func newSession() async throws -> String {
                try await client.execute(uri: "/api/login", method: .post, body: ByteBuffer(#"{"key":"\#(TestServer.adminKey)"}"#)) { response in
                    let json = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
                    return try #require(json["token"] as? String)
                }
            }
            secrets[.session] = try await newSession()
            try await client.execute(uri: "/schema/s1", method: .put, headers: .admin, body: ByteBuffer(#"{"type":"object"}"#)) { _ in }
            try await Task.sleep(for: .milliseconds(1200))

            #expect(Set(Operations.all.map(\.id)) == Set(Self.requests.keys), "add a row for every operation")
            for operation in Operations.all {
                let (method, path, body) = try #require(Self.requests[operation.id])
                for credential in Credential.allCases {
                    try await client.execute(uri: "/schema/s2", method: .put, headers: .admin, body: ByteBuffer(#"{"type":"object"}"#)) { _ in }
                    var headers = HTTPFields()
                    // Logging out ends the session: it gets one of its own.
                    let secret = operation.id == "logout" && credential == .session ? try await newSession() : secrets[credential]
                    if let secret { headers[.authorization] = "Bearer \(secret)" }
                    if operation.id == "patchEntity" { headers[.contentType] = "application/merge-patch+json" }
                    let requestBody = operation.id == "login"
                        ? #"{"key":"\#(secrets[credential] ?? "")"}"# : body
                    let status = try await client.execute(
                        uri: path, method: method, headers: headers, body: requestBody.map { ByteBuffer($0) }
                    ) { $0.status }
                    let expected = Self.expectation(operation, credential)
                    switch expected {
                    case .allowed:
                        #expect(status != .unauthorized && status != .forbidden, "\(operation) with \(credential): \(status)")
                    case .unauthorized:
                        #expect(status == .unauthorized, "\(operation) with \(credential): \(status)")
                    case .forbidden:
                        #expect(status == .forbidden, "\(operation) with \(credential): \(status)")
                    }
                }
            }
        }
    }

    enum Expectation { case allowed, unauthorized, forbidden }

    static func expectation(_ operation: OperationDescriptor, _ credential: Credential) -> Expectation {
        let valid = ![.none, .wrong, .expired].contains(credential)
        if operation.id == "login" { return valid ? .allowed : .unauthorized }
        guard operation.requiresCredential else { return .allowed }
        guard valid else { return .unauthorized }
        guard let needed = operation.permission else { return .allowed }
        // PATCH answers with the document: it needs read as well as write.
        let alsoRead = operation.id == "patchEntity"
        // Schema changes need a scope covering every database the schema validates.
        let touchesSchemaOf = ["putSchema", "deleteSchema"].contains(operation.id)
        switch credential {
        case .admin, .session: return .allowed
        case .read: return needed == .read ? .allowed : .forbidden
        case .write: return needed == .write && !alsoRead ? .allowed : .forbidden
        case .scopedElsewhere:
            if needed == .admin || touchesSchemaOf { return .forbidden }
            return operation.path.contains("{database}") ? .forbidden : .allowed
        default: return .unauthorized
        }
    }
}
