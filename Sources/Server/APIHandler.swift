import APIRuntime
import DeltaAuth
import DeltaCore
import Generated

/// The hand-written implementation of the generated `APIProtocol`: checks the
/// caller and delegates entity work to the `EntityService`.
///
/// It holds no state of its own and never logs request or response bodies.
struct APIHandler: APIProtocol {
    let authenticator: Authenticator
    let entities: EntityService

    func authorize(_ operation: OperationDescriptor, authorization: String?, scope: String?) async throws -> Principal {
        try authenticator.authorize(operation, authorization: authorization, scope: scope)
    }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: StatusResponse(status: "ok")))
    }

    func putEntities(_ input: Operations.PutEntities.Input, caller: Principal) async throws -> Operations.PutEntities.Output {
        let condition = try EntityPrecondition(ifMatch: input.ifMatch, ifNoneMatch: input.ifNoneMatch)
        try await entities.putBatch(database: input.database, body: input.body.bytes, condition: condition)
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func getEntity(_ input: Operations.GetEntity.Input, caller: Principal) async throws -> Operations.GetEntity.Output {
        let (bytes, version) = try await entities.get(database: input.database, key: input.key)
        return .ok(.init(body: RawJSON(bytes: bytes), etag: "\"\(version)\""))
    }

    func deleteEntity(_ input: Operations.DeleteEntity.Input, caller: Principal) async throws -> Operations.DeleteEntity.Output {
        try await entities.delete(
            database: input.database, key: input.key, condition: try EntityPrecondition(ifMatch: input.ifMatch)
        )
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func patchEntity(_ input: Operations.PatchEntity.Input, caller: Principal) async throws -> Operations.PatchEntity.Output {
        let patch = try EntityPatch(contentType: input.contentType, body: input.body.bytes)
        let (bytes, version) = try await entities.patch(
            database: input.database, key: input.key, patch: patch, condition: try EntityPrecondition(ifMatch: input.ifMatch)
        )
        return .ok(.init(body: RawJSON(bytes: bytes), etag: "\"\(version)\""))
    }
}
