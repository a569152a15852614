import APIRuntime
import DeltaAuth
import DeltaCluster
import DeltaCore
import DeltaEngine
import Foundation
import Generated

extension APIHandler {
    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output {
        let principal = try await authenticator.principal(forCredential: input.body.key)
        let session = authenticator.sessions.issue(for: principal)
        return .ok(.init(body: LoginResponse(
            token: session.token,
            clientId: principal.clientID,
            expiresAt: session.expiresAt.formatted(.iso8601),
            permissions: Self.wire(principal.sortedPermissions)
        )))
    }

    func getMe(_ input: Operations.GetMe.Input, caller: Principal) async throws -> Operations.GetMe.Output {
        .ok(.init(body: MeResponse(
            clientId: caller.clientID,
            permissions: Self.wire(caller.sortedPermissions),
            isAdmin: caller.isAdmin,
            databases: caller.databaseNames,
            credential: Self.wire(caller.credential),
            expiresAt: caller.expiresAt?.formatted(.iso8601)
        )))
    }

    func logout(_ input: Operations.Logout.Input, caller: Principal) async throws -> Operations.Logout.Output {
        guard case .session(let id) = caller.credential else {
            throw DeltaError(
                .badRequest,
                "only a session token from POST /api/login can be logged out; this request carries the "
                    + (caller.isAdmin ? "admin key itself" : "API key itself: to stop it, DELETE /api/keys/\(caller.clientID)"))
        }
        try await authenticator.sessions.end(sessionID: id, clientID: caller.clientID, expiresAt: caller.expiresAt)
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func listAPIKeys(_ input: Operations.ListAPIKeys.Input, caller: Principal) async throws -> Operations.ListAPIKeys.Output {
        let keys = try await authenticator.keys.list().filter(caller.oversees).map { record in
            APIKeyInfo(
                id: record.id, name: record.name, permissions: Self.wire(record.permissions),
                databases: record.databases, createdAt: record.createdAt, expiresAt: record.expiresAt,
                enabled: record.isEnabled
            )
        }
        return .ok(.init(body: keys))
    }

    func createAPIKey(_ input: Operations.CreateAPIKey.Input, caller: Principal) async throws -> Operations.CreateAPIKey.Output {
        var lifetime: Double?
        if let expiresIn = input.body.expiresIn {
            let seconds = try GoDuration.seconds(expiresIn)
            guard seconds > 0 else {
                throw DeltaError(.badRequest, "expires_in must be positive, e.g. 24h or 30d; omit it for a key that never expires")
            }
            lifetime = seconds
        }
        let permissions = input.body.permissions.compactMap { DeltaCore.Permission(rawValue: $0.rawValue) }
        try caller.requireDelegation(
            permissions: permissions, databases: input.body.databases,
            expiresAt: lifetime.map { Date().addingTimeInterval($0) }
        )
        let issued = try await authenticator.keys.create(
            name: input.body.name, permissions: permissions, databases: input.body.databases, expiresIn: lifetime
        )
        let record = issued.record
        return .created(.init(body: CreatedAPIKey(
            id: record.id, name: record.name, secret: issued.secret, permissions: Self.wire(record.permissions),
            databases: record.databases, createdAt: record.createdAt, expiresAt: record.expiresAt
        )))
    }

    func deleteAPIKey(_ input: Operations.DeleteAPIKey.Input, caller: Principal) async throws -> Operations.DeleteAPIKey.Output {
        // A scoped admin neither sees nor deletes keys outside its scope: to it they do not exist.
        let visible = try await authenticator.keys.list().contains { $0.id == input.id && caller.oversees($0) }
        // The key's sessions end with it: each use looks the key up.
        guard visible, try await authenticator.keys.delete(id: input.id) else {
            throw DeltaError(.notFound, "API key '\(input.id)' not found")
        }
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    /// The kind of credential as the spec's enum.
    static func wire(_ credential: Principal.Credential) -> MeResponseCredential {
        switch credential {
        case .adminKey: .adminKey
        case .apiKey: .apiKey
        case .session: .session
        }
    }

    /// Our RBAC permissions as the spec's enum (the two share their raw values).
    static func wire(_ permissions: [DeltaCore.Permission]) -> [Generated.Permission] {
        permissions.compactMap { Generated.Permission(rawValue: $0.rawValue) }
    }
}
