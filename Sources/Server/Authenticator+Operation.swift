import APIRuntime
import DeltaAuth
import DeltaCore

extension Authenticator {
    /// The identity behind `authorization`, if it may perform `operation` on `scope`.
    ///
    /// - Throws: `.unauthorized` when the header is missing, malformed or holds an
    ///   unknown or expired credential; `.forbidden` when the identity lacks the
    ///   permission or is scoped to other databases.
    func authorize(
        _ operation: OperationDescriptor, authorization: String?, scope: String?
    ) async throws(DeltaError) -> Principal {
        let principal = try await authenticate(authorization)
        if let needed = operation.permission {
            try principal.require(needed, database: scope)
        }
        return principal
    }
}
