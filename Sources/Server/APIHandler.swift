import APIRuntime
import DeltaAuth
import DeltaCluster
import DeltaCore
import DeltaEngine
import DeltaMetrics
import Generated

/// The hand-written implementation of the generated `APIProtocol`: checks the
/// caller, serves schemas and listings from the `EntityCatalog`, and delegates
/// entity reads and writes to the data plane (`EntityOperations`: the local
/// `EntityService`, or Processing Workers over gRPC on a Main Worker).
///
/// It holds no state of its own and never logs request or response bodies.
struct APIHandler: APIProtocol {
    let authenticator: Authenticator
    let catalog: EntityCatalog
    let entities: any EntityOperations
    let workers: WorkerDirectory
    /// What `GET /api/stats` reports about this process.
    let server: ServerInfo
    /// What `GET /ready` answers.
    var readiness = Readiness()
    /// Online backups; nil where this process cannot take them (a Main Worker).
    var backups: OnlineBackups?

    func authorize(_ operation: OperationDescriptor, authorization: String?, scope: String?) async throws -> Principal {
        let principal = try await authenticator.authorize(operation, authorization: authorization, scope: scope)
        RequestScope.current?.noteAuthorized(operation: operation.id, principal: principal.clientID)
        return principal
    }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: StatusResponse(status: "ok")))
    }

    func putEntities(_ input: Operations.PutEntities.Input, caller: Principal) async throws -> Operations.PutEntities.Output {
        _ = try await entities.put(
            database: input.database, body: input.body.bytes, ifMatch: input.ifMatch, ifNoneMatch: input.ifNoneMatch
        )
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func getEntity(_ input: Operations.GetEntity.Input, caller: Principal) async throws -> Operations.GetEntity.Output {
        let (bytes, version) = try await entities.get(database: input.database, key: input.key)
        return .ok(.init(body: RawJSON(bytes: bytes), etag: "\"\(version)\""))
    }

    func deleteEntity(_ input: Operations.DeleteEntity.Input, caller: Principal) async throws -> Operations.DeleteEntity.Output {
        try await entities.delete(database: input.database, key: input.key, ifMatch: input.ifMatch)
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func patchEntity(_ input: Operations.PatchEntity.Input, caller: Principal) async throws -> Operations.PatchEntity.Output {
        // PATCH answers with the patched document (and a JSON Patch `test` reveals content):
        // a write-only credential must not read through it.
        try caller.require(.read, database: input.database)
        let (bytes, version) = try await entities.patch(
            database: input.database, key: input.key, contentType: input.contentType, body: input.body.bytes,
            ifMatch: input.ifMatch
        )
        return .ok(.init(body: RawJSON(bytes: bytes), etag: "\"\(version)\""))
    }
}
