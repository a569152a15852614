import DeltaCore
import Foundation

/// An authenticated identity: who is calling and what it may do.
///
/// Holds no secret. `databases` scopes an API key to some databases (nil means
/// every database); the admin key is never scoped. Scope checks compare names
/// byte for byte (`DatabaseName`), as storage does: `café` in NFC and in NFD
/// are different databases, and a key scoped to one does not reach the other.
public struct Principal: Sendable, Hashable {
    /// "admin" for the admin key, the key id for API keys and their sessions.
    public var clientID: String
    /// Granted permissions.
    public var permissions: Set<Permission>
    /// The databases this identity may touch, exactly as granted (sorted by
    /// bytes, no byte-identical repeats), or nil for all.
    public private(set) var databaseNames: [String]?
    /// Whether this is the admin key (bypasses RBAC).
    public var isAdmin: Bool
    /// When the credential stops working, if ever.
    public var expiresAt: Date?
    /// What kind of credential the caller sent.
    public var credential: Credential

    /// The kind of credential behind a principal.
    public enum Credential: Sendable, Hashable {
        /// The admin key itself.
        case adminKey
        /// An RBAC API key (`dk_…`) sent as it is.
        case apiKey
        /// A session token from `POST /api/login`; `id` names the session (a digest
        /// of its token, not the token) so it can be ended without the token.
        case session(id: String)
    }

    /// Databases this identity may touch, or nil for all.
    ///
    /// A `Set<String>` merges names that are canonically equivalent; compare
    /// with `databaseNames` or `mayAccess(database:)` where that matters.
    public var databases: Set<String>? {
        get { databaseNames.map(Set.init) }
        set { databaseNames = newValue.map(DatabaseName.unique) }
    }

    /// Creates a principal.
    public init(clientID: String, permissions: Set<Permission>, databases: Set<String>? = nil, isAdmin: Bool = false, expiresAt: Date? = nil) {
        self.init(clientID: clientID, permissions: permissions, databaseNames: databases.map(Array.init),
                  isAdmin: isAdmin, expiresAt: expiresAt)
    }

    /// Creates a principal scoped to `databaseNames` exactly as given (byte-identical repeats dropped).
    public init(clientID: String, permissions: Set<Permission>, databaseNames: [String]?, isAdmin: Bool = false, expiresAt: Date? = nil) {
        self.clientID = clientID
        self.permissions = permissions
        self.databaseNames = databaseNames.map(DatabaseName.unique)
        self.isAdmin = isAdmin
        self.expiresAt = expiresAt
        self.credential = isAdmin ? .adminKey : .apiKey
    }

    /// The admin key's identity.
    public static let admin = Principal(clientID: "admin", permissions: Set(Permission.allCases), isAdmin: true)

    /// Whether this identity's scope includes `database` (byte-for-byte comparison).
    public func mayAccess(database: String) -> Bool {
        guard !isAdmin, let databaseNames else { return true }
        return DatabaseName.contains(databaseNames, database)
    }

    /// Throws unless this identity holds `permission` for `database` (nil: not database-specific).
    ///
    /// - Throws: `.forbidden` naming what is missing.
    public func require(_ permission: Permission, database: String?) throws(DeltaError) {
        if isAdmin { return }
        // As in the original, `admin` satisfies every permission check (scope still applies).
        guard permissions.contains(permission) || permissions.contains(.admin) else {
            throw DeltaError(.forbidden, "this credential lacks the '\(permission.rawValue)' permission")
        }
        if let database, !mayAccess(database: database) {
            throw DeltaError(.forbidden, "this credential is not allowed to access database '\(database)'")
        }
    }

    /// Permissions in a stable order, for responses.
    public var sortedPermissions: [Permission] { permissions.sorted() }
}
