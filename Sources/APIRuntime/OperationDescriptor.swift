import DeltaCore

/// What the spec says about one operation, for the code that guards it.
///
/// Generated per operation from `spec/openapi.yaml`: the operation id, method and
/// path template, and the permission it requires (`x-deltadb-permission`), or nil
/// for public operations (`security: []`). It carries no behaviour.
public struct OperationDescriptor: Sendable, Hashable, CustomStringConvertible {
    /// The permissions of the seed's RBAC model (`DeltaCore.Permission`).
    public typealias Permission = DeltaCore.Permission

    /// The spec's `operationId`.
    public let id: String
    /// The HTTP method, upper case.
    public let method: String
    /// The path template, e.g. `/entity/{database}`.
    public let path: String
    /// The permission a caller needs, or nil if any credential (or none) will do.
    public let permission: Permission?
    /// Whether the operation needs a valid credential at all; false only for
    /// public operations (`security: []`).
    public let requiresCredential: Bool

    /// Creates a descriptor. Called by generated code.
    public init(id: String, method: String, path: String, permission: Permission?, requiresCredential: Bool? = nil) {
        self.id = id
        self.method = method
        self.path = path
        self.permission = permission
        self.requiresCredential = requiresCredential ?? (permission != nil)
    }

    public var description: String { "\(method) \(path)" }
}
