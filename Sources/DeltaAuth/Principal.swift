import DeltaCore
import Foundation

/// An authenticated identity: who is calling and what it may do.
///
/// Holds no secret. `databases` scopes an API key to some databases (nil means
/// every database); the admin key is never scoped.
public struct Principal: Sendable, Hashable {
    /// "admin" for the admin key, the key id for API keys and their sessions.
    public var clientID: String
    /// Granted permissions.
    public var permissions: Set<Permission>
    /// Databases this identity may touch, or nil for all.
    public var databases: Set<String>?
    /// Whether this is the admin key (bypasses RBAC).
    public var isAdmin: Bool
    /// When the credential stops working, if ever.
    public var expiresAt: Date?

    /// Creates a principal.
    public init(clientID: String, permissions: Set<Permission>, databases: Set<String>? = nil, isAdmin: Bool = false, expiresAt: Date? = nil) {
        self.clientID = clientID
        self.permissions = permissions
        self.databases = databases
        self.isAdmin = isAdmin
        self.expiresAt = expiresAt
    }

    /// The admin key's identity.
    public static let admin = Principal(clientID: "admin", permissions: Set(Permission.allCases), isAdmin: true)

    /// Throws unless this identity holds `permission` for `database` (nil: not database-specific).
    ///
    /// - Throws: `.forbidden` naming what is missing.
    public func require(_ permission: Permission, database: String?) throws(DeltaError) {
        if isAdmin { return }
        // As in the original, `admin` satisfies every permission check (scope still applies).
        guard permissions.contains(permission) || permissions.contains(.admin) else {
            throw DeltaError(.forbidden, "this credential lacks the '\(permission.rawValue)' permission")
        }
        if let database, let databases, !databases.contains(database) {
            throw DeltaError(.forbidden, "this credential is not allowed to access database '\(database)'")
        }
    }

    /// Permissions in a stable order, for responses.
    public var sortedPermissions: [Permission] { permissions.sorted() }
}
