// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

import APIRuntime

/// The REST API as a protocol: one method per operation of the spec.
///
/// Implement it by hand and register it with `registerRoutes(on:limits:)`.
/// Operations that require a permission receive the `Caller` that
/// `authorize(_:authorization:scope:)` returned; public ones do not.
public protocol APIProtocol: Sendable {
    /// Who is calling, as established by `authorize(_:authorization:scope:)`.
    associatedtype Caller: Sendable

    /// Checks the credential of a request to an operation that requires a permission.
    ///
    /// - Parameters:
    ///   - operation: The operation being called, with the permission it requires.
    ///   - authorization: The `Authorization` header, if any.
    ///   - scope: The `database` path parameter, if the operation has one.
    /// - Throws: An error to reject the request (401 or 403).
    func authorize(_ operation: OperationDescriptor, authorization: String?, scope: String?) async throws -> Caller

    /// `GET /health`: Report that the server is up.
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output

    /// `PUT /entity/{database}`: Create or update one or more entities.
    func putEntities(_ input: Operations.PutEntities.Input, caller: Caller) async throws -> Operations.PutEntities.Output

    /// `GET /entity/{database}`: Retrieve one entity.
    func getEntity(_ input: Operations.GetEntity.Input, caller: Caller) async throws -> Operations.GetEntity.Output

    /// `DELETE /entity/{database}`: Delete one entity.
    func deleteEntity(_ input: Operations.DeleteEntity.Input, caller: Caller) async throws -> Operations.DeleteEntity.Output

    /// `PATCH /entity/{database}`: Change one entity with a JSON Merge Patch or a JSON Patch.
    func patchEntity(_ input: Operations.PatchEntity.Input, caller: Caller) async throws -> Operations.PatchEntity.Output

    /// `GET /admin/schemas`: List the ids of every stored JSON Schema.
    func listSchemas(_ input: Operations.ListSchemas.Input) async throws -> Operations.ListSchemas.Output

    /// `GET /schema/{schemaID}`: Retrieve a JSON Schema document.
    func getSchema(_ input: Operations.GetSchema.Input) async throws -> Operations.GetSchema.Output

    /// `PUT /schema/{schemaID}`: Create or replace a JSON Schema.
    func putSchema(_ input: Operations.PutSchema.Input, caller: Caller) async throws -> Operations.PutSchema.Output

    /// `DELETE /schema/{schemaID}`: Delete a JSON Schema.
    func deleteSchema(_ input: Operations.DeleteSchema.Input, caller: Caller) async throws -> Operations.DeleteSchema.Output

    /// `GET /schema/{schemaID}/export`: Export a schema as Pydantic v2 models or TypeScript types.
    func exportSchema(_ input: Operations.ExportSchema.Input) async throws -> Operations.ExportSchema.Output

    /// `POST /schema/{schemaID}/validate`: Check a JSON document against a schema without storing anything.
    func validateAgainstSchema(_ input: Operations.ValidateAgainstSchema.Input, caller: Caller) async throws -> Operations.ValidateAgainstSchema.Output

    /// `GET /api/databases`: List the databases that hold at least one entity.
    func listDatabases(_ input: Operations.ListDatabases.Input, caller: Caller) async throws -> Operations.ListDatabases.Output

    /// `GET /api/databases/{database}/entities`: List a database's entity keys, one page at a time.
    func listEntities(_ input: Operations.ListEntities.Input, caller: Caller) async throws -> Operations.ListEntities.Output

    /// `GET /admin/workers`: List the Processing Workers and their status.
    func listWorkers(_ input: Operations.ListWorkers.Input, caller: Caller) async throws -> Operations.ListWorkers.Output

    /// `GET /ready`: Report whether the server serves requests now (readiness).
    func getReady(_ input: Operations.GetReady.Input) async throws -> Operations.GetReady.Output

    /// `POST /api/backups`: Take an online, point-in-time backup into the server's backup directory.
    func createBackup(_ input: Operations.CreateBackup.Input, caller: Caller) async throws -> Operations.CreateBackup.Output

    /// `GET /api/stats`: Report the server and its entity cache's counters.
    func getStats(_ input: Operations.GetStats.Input, caller: Caller) async throws -> Operations.GetStats.Output

    /// `GET /api/databases/{database}`: Show which schema validates a database's writes.
    func getDatabase(_ input: Operations.GetDatabase.Input, caller: Caller) async throws -> Operations.GetDatabase.Output

    /// `PUT /api/databases/{database}`: Bind a database to a JSON Schema.
    func putDatabase(_ input: Operations.PutDatabase.Input, caller: Caller) async throws -> Operations.PutDatabase.Output

    /// `POST /api/login`: Exchange an admin key or API key for a short-lived session token.
    func login(_ input: Operations.Login.Input) async throws -> Operations.Login.Output

    /// `POST /api/logout`: End the session whose token the request carries.
    func logout(_ input: Operations.Logout.Input, caller: Caller) async throws -> Operations.Logout.Output

    /// `GET /api/me`: Describe the credential making the request.
    func getMe(_ input: Operations.GetMe.Input, caller: Caller) async throws -> Operations.GetMe.Output

    /// `GET /api/keys`: List every RBAC API key (never their secrets).
    func listAPIKeys(_ input: Operations.ListAPIKeys.Input, caller: Caller) async throws -> Operations.ListAPIKeys.Output

    /// `POST /api/keys`: Create an RBAC API key; its secret is shown once, in this response.
    func createAPIKey(_ input: Operations.CreateAPIKey.Input, caller: Caller) async throws -> Operations.CreateAPIKey.Output

    /// `DELETE /api/keys/{id}`: Permanently delete an API key; it stops working at once.
    func deleteAPIKey(_ input: Operations.DeleteAPIKey.Input, caller: Caller) async throws -> Operations.DeleteAPIKey.Output
}
