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
}
