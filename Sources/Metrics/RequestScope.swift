import Synchronization

/// What the access line and the metrics learn about a request while it runs: its
/// id, and, once the route has authorised the caller, the spec's operation id and
/// the principal's id. Bound to the request's task by the middleware that writes
/// the access line; the route's authorisation fills it in.
public final class RequestScope: Sendable {
    /// The request id (`RequestID`).
    public let id: String
    private let state = Mutex<(operation: String?, principal: String?)>((nil, nil))

    /// A scope for request `id`.
    public init(id: String) { self.id = id }

    /// The scope of the request the current task serves, if any.
    @TaskLocal public static var current: RequestScope?

    /// Notes the operation and who is calling (the principal's client id: "admin"
    /// or an API key id, never the credential).
    public func noteAuthorized(operation: String, principal: String) {
        state.withLock { $0 = (operation, principal) }
    }

    /// The operation id noted by the route, if it authorised a caller.
    public var operation: String? { state.withLock { $0.operation } }
    /// The principal noted by the route, if any.
    public var principal: String? { state.withLock { $0.principal } }
}
