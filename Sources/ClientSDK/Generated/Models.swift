// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

/// A plain acknowledgement.
///
/// - Remark: Generated from `#/components/schemas/StatusResponse`.
public struct StatusResponse: Codable, Hashable, Sendable {
    /// Always "ok".
    public var status: String

    /// Creates a value with every property.
    public init(status: String) {
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case status = "status"
    }
}

/// An entity's JSON document (any JSON value; usually an object).
///
/// - Remark: Generated from `#/components/schemas/EntityDocument`.
public typealias EntityDocument = JSONDocument

/// Entity key to JSON document; several entities at once.
///
/// - Remark: Generated from `#/components/schemas/EntityBatch`.
public typealias EntityBatch = [String: EntityDocument]

/// An RFC 7396 JSON Merge Patch: objects merge member by member, null removes a member, anything else replaces.
///
/// - Remark: Generated from `#/components/schemas/MergePatch`.
public typealias MergePatch = JSONDocument

/// An RFC 6902 JSON Patch: an array of operations such as {"op": "add", "path": "/messages/-", "value": {...}}.
///
/// - Remark: Generated from `#/components/schemas/JSONPatch`.
public typealias JSONPatch = JSONDocument

/// Database names, sorted bytewise.
///
/// - Remark: Generated from `#/components/schemas/DatabaseNameList`.
public typealias DatabaseNameList = [String]

/// One entity of a listing, without its document.
///
/// - Remark: Generated from `#/components/schemas/EntityListItem`.
public struct EntityListItem: Codable, Hashable, Sendable {
    /// The entity key.
    public var key: String
    /// Its current version (the ETag without quotes).
    public var version: Int64
    /// When that version was written.
    public var updatedAt: String

    /// Creates a value with every property.
    public init(key: String, version: Int64, updatedAt: String) {
        self.key = key
        self.version = version
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case key = "key"
        case version = "version"
        case updatedAt = "updated_at"
    }
}

/// One page of a database's entities.
///
/// - Remark: Generated from `#/components/schemas/EntityList`.
public struct EntityList: Codable, Hashable, Sendable {
    /// The entities, in bytewise key order.
    public var entities: [EntityListItem]
    /// Pass as `after` for the next page; absent on the last page.
    public var nextCursor: String?

    /// Creates a value with every property.
    public init(entities: [EntityListItem], nextCursor: String? = nil) {
        self.entities = entities
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case entities = "entities"
        case nextCursor = "next_cursor"
    }
}

/// Counters of the entity cache.
///
/// - Remark: Generated from `#/components/schemas/CacheStats`.
public struct CacheStats: Codable, Hashable, Sendable {
    public var hits: Int64
    public var misses: Int64
    /// Entries dropped to stay within the size limits.
    public var evictions: Int64
    /// Entries dropped because their TTL passed.
    public var expirations: Int64
    /// Entries held now.
    public var entries: Int64
    /// Bytes of documents held now.
    public var bytes: Int64

    /// Creates a value with every property.
    public init(hits: Int64, misses: Int64, evictions: Int64, expirations: Int64, entries: Int64, bytes: Int64) {
        self.hits = hits
        self.misses = misses
        self.evictions = evictions
        self.expirations = expirations
        self.entries = entries
        self.bytes = bytes
    }

    enum CodingKeys: String, CodingKey {
        case hits = "hits"
        case misses = "misses"
        case evictions = "evictions"
        case expirations = "expirations"
        case entries = "entries"
        case bytes = "bytes"
    }
}

/// One Processing Worker as the Main Worker sees it.
///
/// - Remark: Generated from `#/components/schemas/WorkerInfo`.
public struct WorkerInfo: Codable, Hashable, Sendable {
    public var workerId: String
    public var status: WorkerInfoStatus
    /// The active key id the worker reported.
    public var keyId: String
    /// The last heartbeat (RFC 3339, UTC).
    public var lastSeen: String
    /// The worker's labels; grpc_addr is where it serves Process.
    public var tags: [String: String]
    /// Requests the Main Worker has routed to this worker and not yet seen answered (the original's field; 0 for the all-in-one server's embedded worker, which is called directly).
    public var activeRequests: Int64

    /// Creates a value with every property.
    public init(workerId: String, status: WorkerInfoStatus, keyId: String, lastSeen: String, tags: [String: String], activeRequests: Int64) {
        self.workerId = workerId
        self.status = status
        self.keyId = keyId
        self.lastSeen = lastSeen
        self.tags = tags
        self.activeRequests = activeRequests
    }

    enum CodingKeys: String, CodingKey {
        case workerId = "worker_id"
        case status = "status"
        case keyId = "key_id"
        case lastSeen = "last_seen"
        case tags = "tags"
        case activeRequests = "active_requests"
    }
}

/// - Remark: Generated from `#/components/schemas/WorkerInfo/properties/status`.
public enum WorkerInfoStatus: String, Codable, Hashable, Sendable, CaseIterable {
    case available = "Available"
    case unavailable = "Unavailable"
    case draining = "Draining"
}

/// - Remark: Generated from `#/components/schemas/WorkerList`.
public typealias WorkerList = [WorkerInfo]

/// What is serving the request.
///
/// - Remark: Generated from `#/components/schemas/ServerInfo`.
public struct ServerInfo: Codable, Hashable, Sendable {
    /// The DeltaDatabase version.
    public var version: String
    /// all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment.
    public var role: ServerInfoRole
    /// Where entities are stored (-shared-fs or -s3-endpoint).
    public var storageBackend: ServerInfoStorageBackend
    /// When this process started serving (RFC 3339, UTC).
    public var startedAt: String

    /// Creates a value with every property.
    public init(version: String, role: ServerInfoRole, storageBackend: ServerInfoStorageBackend, startedAt: String) {
        self.version = version
        self.role = role
        self.storageBackend = storageBackend
        self.startedAt = startedAt
    }

    enum CodingKeys: String, CodingKey {
        case version = "version"
        case role = "role"
        case storageBackend = "storage_backend"
        case startedAt = "started_at"
    }
}

/// all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment.
///
/// - Remark: Generated from `#/components/schemas/ServerInfo/properties/role`.
public enum ServerInfoRole: String, Codable, Hashable, Sendable, CaseIterable {
    case allInOne = "all-in-one"
    case mainWorker = "main-worker"
}

/// Where entities are stored (-shared-fs or -s3-endpoint).
///
/// - Remark: Generated from `#/components/schemas/ServerInfo/properties/storage_backend`.
public enum ServerInfoStorageBackend: String, Codable, Hashable, Sendable, CaseIterable {
    case sharedFs = "shared-fs"
    case s3 = "s3"
}

/// Server statistics.
///
/// - Remark: Generated from `#/components/schemas/StatsResponse`.
public struct StatsResponse: Codable, Hashable, Sendable {
    public var cache: CacheStats
    public var server: ServerInfo

    /// Creates a value with every property.
    public init(cache: CacheStats, server: ServerInfo) {
        self.cache = cache
        self.server = server
    }

    enum CodingKeys: String, CodingKey {
        case cache = "cache"
        case server = "server"
    }
}

/// A JSON Schema (draft-07) document.
///
/// - Remark: Generated from `#/components/schemas/SchemaDocument`.
public typealias SchemaDocument = JSONDocument

/// Schema ids, sorted.
///
/// - Remark: Generated from `#/components/schemas/SchemaIDList`.
public typealias SchemaIDList = [String]

/// Whether a document matches a schema, and every violation.
///
/// - Remark: Generated from `#/components/schemas/ValidationResult`.
public struct ValidationResult: Codable, Hashable, Sendable {
    /// True when the document matches.
    public var valid: Bool
    /// One entry per violation; empty when valid.
    public var errors: [ErrorDetail]

    /// Creates a value with every property.
    public init(valid: Bool, errors: [ErrorDetail]) {
        self.valid = valid
        self.errors = errors
    }

    enum CodingKeys: String, CodingKey {
        case valid = "valid"
        case errors = "errors"
    }
}

/// Settings of a database that a caller can change.
///
/// - Remark: Generated from `#/components/schemas/DatabaseSettings`.
public struct DatabaseSettings: Codable, Hashable, Sendable {
    /// The schema every write is validated against, or null to unbind.
    public var schemaId: String?

    /// Creates a value with every property.
    public init(schemaId: String? = nil) {
        self.schemaId = schemaId
    }

    enum CodingKeys: String, CodingKey {
        case schemaId = "schema_id"
    }

    /// Decodes the value: required members must be present, and only nullable ones may be null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.schemaId = try container.decode(String?.self, forKey: .schemaId)
    }

    /// Encodes the value, writing required members that are nil as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaId, forKey: .schemaId)
    }
}

/// A database and the schema its writes are validated against.
///
/// - Remark: Generated from `#/components/schemas/DatabaseInfo`.
public struct DatabaseInfo: Codable, Hashable, Sendable {
    /// The database name.
    public var name: String
    /// The schema in effect, or null when writes are not validated.
    public var schemaId: String?
    /// True when schema_id comes from an explicit binding rather than the name.
    public var bound: Bool

    /// Creates a value with every property.
    public init(name: String, schemaId: String? = nil, bound: Bool) {
        self.name = name
        self.schemaId = schemaId
        self.bound = bound
    }

    enum CodingKeys: String, CodingKey {
        case name = "name"
        case schemaId = "schema_id"
        case bound = "bound"
    }

    /// Decodes the value: required members must be present, and only nullable ones may be null.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decode(String.self, forKey: .name)
        self.schemaId = try container.decode(String?.self, forKey: .schemaId)
        self.bound = try container.decode(Bool.self, forKey: .bound)
    }

    /// Encodes the value, writing required members that are nil as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(schemaId, forKey: .schemaId)
        try container.encode(bound, forKey: .bound)
    }
}

/// An RBAC permission.
///
/// - Remark: Generated from `#/components/schemas/Permission`.
public enum Permission: String, Codable, Hashable, Sendable, CaseIterable {
    case read = "read"
    case write = "write"
    case admin = "admin"
}

/// A credential to exchange for a session token.
///
/// - Remark: Generated from `#/components/schemas/LoginRequest`.
public struct LoginRequest: Codable, Hashable, Sendable {
    /// The admin key or an API key.
    public var key: String

    /// Creates a value with every property.
    public init(key: String) {
        self.key = key
    }

    enum CodingKeys: String, CodingKey {
        case key = "key"
    }
}

/// A session token and what it may do.
///
/// - Remark: Generated from `#/components/schemas/LoginResponse`.
public struct LoginResponse: Codable, Hashable, Sendable {
    /// Send it as the Bearer credential of later requests.
    public var token: String
    /// "admin" or the API key id.
    public var clientId: String
    /// When the token stops working.
    public var expiresAt: String
    public var permissions: [Permission]

    /// Creates a value with every property.
    public init(token: String, clientId: String, expiresAt: String, permissions: [Permission]) {
        self.token = token
        self.clientId = clientId
        self.expiresAt = expiresAt
        self.permissions = permissions
    }

    enum CodingKeys: String, CodingKey {
        case token = "token"
        case clientId = "client_id"
        case expiresAt = "expires_at"
        case permissions = "permissions"
    }
}

/// The identity behind the request's credential.
///
/// - Remark: Generated from `#/components/schemas/MeResponse`.
public struct MeResponse: Codable, Hashable, Sendable {
    /// "admin" or the API key id.
    public var clientId: String
    public var permissions: [Permission]
    /// True for the admin key, which bypasses RBAC.
    public var isAdmin: Bool
    /// Databases the credential is limited to; absent for all.
    public var databases: [String]?
    /// What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends).
    public var credential: MeResponseCredential
    /// When this credential stops working: the session's end, or the API key's expiry; absent if it never expires.
    public var expiresAt: String?

    /// Creates a value with every property.
    public init(clientId: String, permissions: [Permission], isAdmin: Bool, databases: [String]? = nil, credential: MeResponseCredential, expiresAt: String? = nil) {
        self.clientId = clientId
        self.permissions = permissions
        self.isAdmin = isAdmin
        self.databases = databases
        self.credential = credential
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case clientId = "client_id"
        case permissions = "permissions"
        case isAdmin = "is_admin"
        case databases = "databases"
        case credential = "credential"
        case expiresAt = "expires_at"
    }
}

/// What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends).
///
/// - Remark: Generated from `#/components/schemas/MeResponse/properties/credential`.
public enum MeResponseCredential: String, Codable, Hashable, Sendable, CaseIterable {
    case adminKey = "admin_key"
    case apiKey = "api_key"
    case session = "session"
}

/// Which backup to take.
///
/// - Remark: Generated from `#/components/schemas/CreateBackupRequest`.
public struct CreateBackupRequest: Codable, Hashable, Sendable {
    /// The backup's directory name under -backup-dir, e.g. nightly-2026-12-07 (letters, digits, '-', '_' and '.', not starting with '.'); it must not exist yet.
    public var name: String

    /// Creates a value with every property.
    public init(name: String) {
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case name = "name"
    }
}

/// A finished backup.
///
/// - Remark: Generated from `#/components/schemas/BackupSummary`.
public struct BackupSummary: Codable, Hashable, Sendable {
    public var name: String
    /// Where the backup is, on the server's machine.
    public var directory: String
    /// How many entities it holds.
    public var entities: Int64
    /// How many files its manifest lists (entities, schemas, bindings, API keys).
    public var files: Int64
    /// The point in time it holds (RFC 3339 UTC).
    public var createdAt: String

    /// Creates a value with every property.
    public init(name: String, directory: String, entities: Int64, files: Int64, createdAt: String) {
        self.name = name
        self.directory = directory
        self.entities = entities
        self.files = files
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case name = "name"
        case directory = "directory"
        case entities = "entities"
        case files = "files"
        case createdAt = "created_at"
    }
}

/// A new API key.
///
/// - Remark: Generated from `#/components/schemas/CreateAPIKeyRequest`.
public struct CreateAPIKeyRequest: Codable, Hashable, Sendable {
    /// A label, e.g. ci-deploy.
    public var name: String
    public var permissions: [Permission]
    /// Lifetime such as 24h or 30d; omit for no expiry.
    public var expiresIn: String?
    /// Limit the key to these databases; omit for all.
    public var databases: [String]?

    /// Creates a value with every property.
    public init(name: String, permissions: [Permission], expiresIn: String? = nil, databases: [String]? = nil) {
        self.name = name
        self.permissions = permissions
        self.expiresIn = expiresIn
        self.databases = databases
    }

    enum CodingKeys: String, CodingKey {
        case name = "name"
        case permissions = "permissions"
        case expiresIn = "expires_in"
        case databases = "databases"
    }
}

/// An API key without its secret.
///
/// - Remark: Generated from `#/components/schemas/APIKeyInfo`.
public struct APIKeyInfo: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var permissions: [Permission]
    public var databases: [String]?
    public var createdAt: String
    public var expiresAt: String?
    /// Whether the key may be used (the original's field). Keys created here are enabled; a key imported disabled from the original stays refused.
    public var enabled: Bool

    /// Creates a value with every property.
    public init(id: String, name: String, permissions: [Permission], databases: [String]? = nil, createdAt: String, expiresAt: String? = nil, enabled: Bool) {
        self.id = id
        self.name = name
        self.permissions = permissions
        self.databases = databases
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.enabled = enabled
    }

    enum CodingKeys: String, CodingKey {
        case id = "id"
        case name = "name"
        case permissions = "permissions"
        case databases = "databases"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
        case enabled = "enabled"
    }
}

/// API keys, oldest first.
///
/// - Remark: Generated from `#/components/schemas/APIKeyList`.
public typealias APIKeyList = [APIKeyInfo]

/// A new API key with its secret, shown this once.
///
/// - Remark: Generated from `#/components/schemas/CreatedAPIKey`.
public struct CreatedAPIKey: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    /// The Bearer credential (dk_…). Store it now; it is never shown again.
    public var secret: String
    public var permissions: [Permission]
    public var databases: [String]?
    public var createdAt: String
    public var expiresAt: String?

    /// Creates a value with every property.
    public init(id: String, name: String, secret: String, permissions: [Permission], databases: [String]? = nil, createdAt: String, expiresAt: String? = nil) {
        self.id = id
        self.name = name
        self.secret = secret
        self.permissions = permissions
        self.databases = databases
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id = "id"
        case name = "name"
        case secret = "secret"
        case permissions = "permissions"
        case databases = "databases"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}

/// One place where a request was wrong.
///
/// - Remark: Generated from `#/components/schemas/ErrorDetail`.
public struct ErrorDetail: Codable, Hashable, Sendable {
    /// JSON pointer into the offending document.
    public var pointer: String
    /// JSON pointer into the schema that rejected it.
    public var schemaPointer: String?
    /// What is wrong there.
    public var message: String

    /// Creates a value with every property.
    public init(pointer: String, schemaPointer: String? = nil, message: String) {
        self.pointer = pointer
        self.schemaPointer = schemaPointer
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case pointer = "pointer"
        case schemaPointer = "schema_pointer"
        case message = "message"
    }
}

/// The error body of every 4xx and 5xx response.
///
/// - Remark: Generated from `#/components/schemas/ErrorResponse`.
public struct ErrorResponse: Codable, Hashable, Sendable {
    /// What was wrong and what to do about it.
    public var error: String
    /// A machine-readable error code, e.g. not_found.
    public var code: String
    /// Per-location details, e.g. each schema violation.
    public var details: [ErrorDetail]?
    /// The entity's current version when a precondition failed.
    public var currentVersion: Int64?

    /// Creates a value with every property.
    public init(error: String, code: String, details: [ErrorDetail]? = nil, currentVersion: Int64? = nil) {
        self.error = error
        self.code = code
        self.details = details
        self.currentVersion = currentVersion
    }

    enum CodingKeys: String, CodingKey {
        case error = "error"
        case code = "code"
        case details = "details"
        case currentVersion = "current_version"
    }
}
