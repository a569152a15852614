// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

/**
 * A plain acknowledgement.
 *
 * Generated from `#/components/schemas/StatusResponse`.
 */
export interface StatusResponse {
  /** Always "ok". */
  status: string;
}

/**
 * An entity's JSON document (any JSON value; usually an object).
 *
 * Generated from `#/components/schemas/EntityDocument`.
 */
export type EntityDocument = unknown;

/**
 * Entity key to JSON document; several entities at once.
 *
 * Generated from `#/components/schemas/EntityBatch`.
 */
export type EntityBatch = Record<string, EntityDocument>;

/**
 * An RFC 7396 JSON Merge Patch: objects merge member by member, null removes a member, anything else replaces.
 *
 * Generated from `#/components/schemas/MergePatch`.
 */
export type MergePatch = unknown;

/**
 * An RFC 6902 JSON Patch: an array of operations such as {"op": "add", "path": "/messages/-", "value": {...}}.
 *
 * Generated from `#/components/schemas/JSONPatch`.
 */
export type JSONPatch = unknown;

/**
 * Database names, sorted bytewise.
 *
 * Generated from `#/components/schemas/DatabaseNameList`.
 */
export type DatabaseNameList = string[];

/**
 * One entity of a listing, without its document.
 *
 * Generated from `#/components/schemas/EntityListItem`.
 */
export interface EntityListItem {
  /** The entity key. */
  key: string;
  /** Its current version (the ETag without quotes). */
  version: number;
  /** When that version was written. */
  updated_at: string;
}

/**
 * One page of a database's entities.
 *
 * Generated from `#/components/schemas/EntityList`.
 */
export interface EntityList {
  /** The entities, in bytewise key order. */
  entities: EntityListItem[];
  /** Pass as `after` for the next page; absent on the last page. */
  next_cursor?: string;
}

/**
 * Counters of the entity cache.
 *
 * Generated from `#/components/schemas/CacheStats`.
 */
export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries dropped to stay within the size limits. */
  evictions: number;
  /** Entries dropped because their TTL passed. */
  expirations: number;
  /** Entries held now. */
  entries: number;
  /** Bytes of documents held now. */
  bytes: number;
}

/**
 * One Processing Worker as the Main Worker sees it.
 *
 * Generated from `#/components/schemas/WorkerInfo`.
 */
export interface WorkerInfo {
  worker_id: string;
  status: WorkerInfoStatus;
  /** The active key id the worker reported. */
  key_id: string;
  /** The last heartbeat (RFC 3339, UTC). */
  last_seen: string;
  /** The worker's labels; grpc_addr is where it serves Process. */
  tags: Record<string, string>;
  /** Requests the Main Worker has routed to this worker and not yet seen answered (the original's field; 0 for the all-in-one server's embedded worker, which is called directly). */
  active_requests: number;
}

/** Generated from `#/components/schemas/WorkerInfo/properties/status`. */
export type WorkerInfoStatus = "Available" | "Unavailable" | "Draining";

/** Generated from `#/components/schemas/WorkerList`. */
export type WorkerList = WorkerInfo[];

/**
 * What is serving the request.
 *
 * Generated from `#/components/schemas/ServerInfo`.
 */
export interface ServerInfo {
  /** The DeltaDatabase version. */
  version: string;
  /** all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment. */
  role: ServerInfoRole;
  /** Where entities are stored (-shared-fs or -s3-endpoint). */
  storage_backend: ServerInfoStorageBackend;
  /** When this process started serving (RFC 3339, UTC). */
  started_at: string;
}

/**
 * all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment.
 *
 * Generated from `#/components/schemas/ServerInfo/properties/role`.
 */
export type ServerInfoRole = "all-in-one" | "main-worker";

/**
 * Where entities are stored (-shared-fs or -s3-endpoint).
 *
 * Generated from `#/components/schemas/ServerInfo/properties/storage_backend`.
 */
export type ServerInfoStorageBackend = "shared-fs" | "s3";

/**
 * Server statistics.
 *
 * Generated from `#/components/schemas/StatsResponse`.
 */
export interface StatsResponse {
  cache: CacheStats;
  server: ServerInfo;
}

/**
 * A JSON Schema (draft-07) document.
 *
 * Generated from `#/components/schemas/SchemaDocument`.
 */
export type SchemaDocument = unknown;

/**
 * Schema ids, sorted.
 *
 * Generated from `#/components/schemas/SchemaIDList`.
 */
export type SchemaIDList = string[];

/**
 * Whether a document matches a schema, and every violation.
 *
 * Generated from `#/components/schemas/ValidationResult`.
 */
export interface ValidationResult {
  /** True when the document matches. */
  valid: boolean;
  /** One entry per violation; empty when valid. */
  errors: ErrorDetail[];
}

/**
 * Settings of a database that a caller can change.
 *
 * Generated from `#/components/schemas/DatabaseSettings`.
 */
export interface DatabaseSettings {
  /** The schema every write is validated against, or null to unbind. */
  schema_id: string | null;
}

/**
 * A database and the schema its writes are validated against.
 *
 * Generated from `#/components/schemas/DatabaseInfo`.
 */
export interface DatabaseInfo {
  /** The database name. */
  name: string;
  /** The schema in effect, or null when writes are not validated. */
  schema_id: string | null;
  /** True when schema_id comes from an explicit binding rather than the name. */
  bound: boolean;
}

/**
 * An RBAC permission.
 *
 * Generated from `#/components/schemas/Permission`.
 */
export type Permission = "read" | "write" | "admin";

/**
 * A credential to exchange for a session token.
 *
 * Generated from `#/components/schemas/LoginRequest`.
 */
export interface LoginRequest {
  /** The admin key or an API key. */
  key: string;
}

/**
 * A session token and what it may do.
 *
 * Generated from `#/components/schemas/LoginResponse`.
 */
export interface LoginResponse {
  /** Send it as the Bearer credential of later requests. */
  token: string;
  /** "admin" or the API key id. */
  client_id: string;
  /** When the token stops working. */
  expires_at: string;
  permissions: Permission[];
}

/**
 * The identity behind the request's credential.
 *
 * Generated from `#/components/schemas/MeResponse`.
 */
export interface MeResponse {
  /** "admin" or the API key id. */
  client_id: string;
  permissions: Permission[];
  /** True for the admin key, which bypasses RBAC. */
  is_admin: boolean;
  /** Databases the credential is limited to; absent for all. */
  databases?: string[];
  /** What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends). */
  credential: MeResponseCredential;
  /** When this credential stops working: the session's end, or the API key's expiry; absent if it never expires. */
  expires_at?: string;
}

/**
 * What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends).
 *
 * Generated from `#/components/schemas/MeResponse/properties/credential`.
 */
export type MeResponseCredential = "admin_key" | "api_key" | "session";

/**
 * Which backup to take.
 *
 * Generated from `#/components/schemas/CreateBackupRequest`.
 */
export interface CreateBackupRequest {
  /** The backup's directory name under -backup-dir, e.g. nightly-2026-12-07 (letters, digits, '-', '_' and '.', not starting with '.'); it must not exist yet. */
  name: string;
}

/**
 * A finished backup.
 *
 * Generated from `#/components/schemas/BackupSummary`.
 */
export interface BackupSummary {
  name: string;
  /** Where the backup is, on the server's machine. */
  directory: string;
  /** How many entities it holds. */
  entities: number;
  /** How many files its manifest lists (entities, schemas, bindings, API keys). */
  files: number;
  /** The point in time it holds (RFC 3339 UTC). */
  created_at: string;
}

/**
 * A new API key.
 *
 * Generated from `#/components/schemas/CreateAPIKeyRequest`.
 */
export interface CreateAPIKeyRequest {
  /** A label, e.g. ci-deploy. */
  name: string;
  permissions: Permission[];
  /** Lifetime such as 24h or 30d; omit for no expiry. */
  expires_in?: string;
  /** Limit the key to these databases; omit for all. */
  databases?: string[];
}

/**
 * An API key without its secret.
 *
 * Generated from `#/components/schemas/APIKeyInfo`.
 */
export interface APIKeyInfo {
  id: string;
  name: string;
  permissions: Permission[];
  databases?: string[];
  created_at: string;
  expires_at?: string;
  /** Whether the key may be used (the original's field). Keys created here are enabled; a key imported disabled from the original stays refused. */
  enabled: boolean;
}

/**
 * API keys, oldest first.
 *
 * Generated from `#/components/schemas/APIKeyList`.
 */
export type APIKeyList = APIKeyInfo[];

/**
 * A new API key with its secret, shown this once.
 *
 * Generated from `#/components/schemas/CreatedAPIKey`.
 */
export interface CreatedAPIKey {
  id: string;
  name: string;
  /** The Bearer credential (dk_…). Store it now; it is never shown again. */
  secret: string;
  permissions: Permission[];
  databases?: string[];
  created_at: string;
  expires_at?: string;
}

/**
 * One place where a request was wrong.
 *
 * Generated from `#/components/schemas/ErrorDetail`.
 */
export interface ErrorDetail {
  /** JSON pointer into the offending document. */
  pointer: string;
  /** JSON pointer into the schema that rejected it. */
  schema_pointer?: string;
  /** What is wrong there. */
  message: string;
}

/**
 * The error body of every 4xx and 5xx response.
 *
 * Generated from `#/components/schemas/ErrorResponse`.
 */
export interface ErrorResponse {
  /** What was wrong and what to do about it. */
  error: string;
  /** A machine-readable error code, e.g. not_found. */
  code: string;
  /** Per-location details, e.g. each schema violation. */
  details?: ErrorDetail[];
  /** The entity's current version when a precondition failed. */
  current_version?: number;
}
