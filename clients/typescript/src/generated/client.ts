// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

import { Transport } from "../runtime.js";
import type { DeltaClientOptions } from "../runtime.js";
import type {
  APIKeyList,
  BackupSummary,
  CreateAPIKeyRequest,
  CreateBackupRequest,
  CreatedAPIKey,
  DatabaseInfo,
  DatabaseNameList,
  DatabaseSettings,
  EntityBatch,
  EntityDocument,
  EntityList,
  LoginRequest,
  LoginResponse,
  MeResponse,
  SchemaDocument,
  SchemaIDList,
  StatsResponse,
  StatusResponse,
  ValidationResult,
  WorkerList,
} from "./models.js";

/** The body and headers of a successful `getEntity` call. */
export interface GetEntityResult {
  /** The entity's JSON document. */
  body: EntityDocument;
  /** The entity's version, as a quoted string. */
  etag?: string;
}

/** The body and headers of a successful `patchEntity` call. */
export interface PatchEntityResult {
  /** The patched document as stored, with its new version in the ETag header. */
  body: EntityDocument;
  /** The entity's new version, as a quoted string. */
  etag?: string;
}

/**
 * DeltaDatabase REST API 0.1.0.
 *
 * Every method rejects with `DeltaError` for a response outside 2xx.
 */
export class DeltaClient {
  private readonly transport: Transport;

  /** A client for the server at `baseUrl`, sending `options.token` as a Bearer credential. */
  constructor(baseUrl: string, options: DeltaClientOptions = {}) {
    this.transport = new Transport(baseUrl, options);
  }

  /**
   * Report that the server is up.
   *
   * Returns the system health status. No authentication required.
   *
   * `GET /health`
   */
  async getHealth(): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "GET",
      path: "/health",
    });
    return response.json() as StatusResponse;
  }

  /**
   * Create or update one or more entities.
   *
   * The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable. With If-Match or If-None-Match the body must hold exactly one entity, and the condition is checked atomically with the write.
   *
   * `PUT /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param body Entity key to JSON document; several entities at once.
   * @param options.ifMatch Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
   * @param options.ifNoneMatch `*`: create only; fail with 412 if the entity already exists.
   */
  async putEntities(database: string, body: EntityBatch, options: { ifMatch?: string; ifNoneMatch?: string } = {}): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "PUT",
      path: "/entity/{database}",
      pathParams: { database: database },
      headers: { "If-Match": options.ifMatch, "If-None-Match": options.ifNoneMatch },
      body: body,
      hasBody: true,
    });
    return response.json() as StatusResponse;
  }

  /**
   * Retrieve one entity.
   *
   * Returns the entity's JSON document directly, with its version in the ETag header.
   *
   * `GET /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param key The entity key, e.g. session_001.
   */
  async getEntity(database: string, key: string): Promise<GetEntityResult> {
    const response = await this.transport.request({
      method: "GET",
      path: "/entity/{database}",
      pathParams: { database: database },
      query: { key: key },
    });
    return {
      body: response.json() as EntityDocument,
      etag: response.header("ETag"),
    };
  }

  /**
   * Delete one entity.
   *
   * Deletes the entity durably; a deleted key reads 404. With If-Match the entity is deleted only if its version matches (checked atomically).
   *
   * `DELETE /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param key The entity key, e.g. session_001.
   * @param options.ifMatch Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
   */
  async deleteEntity(database: string, key: string, options: { ifMatch?: string } = {}): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "DELETE",
      path: "/entity/{database}",
      pathParams: { database: database },
      query: { key: key },
      headers: { "If-Match": options.ifMatch },
    });
    return response.json() as StatusResponse;
  }

  /**
   * Change one entity with a JSON Merge Patch or a JSON Patch.
   *
   * application/merge-patch+json applies an RFC 7396 merge patch; application/json-patch+json applies an RFC 6902 patch (add, remove, replace, move, copy, test; "/messages/-" appends). The patch applies to the current version under the entity's lock, the result is validated against the database's schema and stored as the next version, so concurrent patches never lose each other's changes. A bad patch or a failed test operation is a 400 naming the operation's index; nothing is stored.
   *
   * `PATCH /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param key The entity key, e.g. session_001.
   * @param body An RFC 7396 JSON Merge Patch: objects merge member by member, null removes a member, anything else replaces.
   * @param options.ifMatch Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
   * @param options.contentType The body's media type: `application/merge-patch+json`, `application/json-patch+json`.
   */
  async patchEntity(database: string, key: string, body: unknown, options: { ifMatch?: string; contentType?: "application/merge-patch+json" | "application/json-patch+json" } = {}): Promise<PatchEntityResult> {
    const response = await this.transport.request({
      method: "PATCH",
      path: "/entity/{database}",
      pathParams: { database: database },
      query: { key: key },
      headers: { "If-Match": options.ifMatch },
      body: body,
      hasBody: true,
      contentType: options.contentType ?? "application/merge-patch+json",
    });
    return {
      body: response.json() as EntityDocument,
      etag: response.header("ETag"),
    };
  }

  /**
   * List the ids of every stored JSON Schema.
   *
   * Returns a list of all defined schema ids, sorted. No authentication required.
   *
   * `GET /admin/schemas`
   */
  async listSchemas(): Promise<SchemaIDList> {
    const response = await this.transport.request({
      method: "GET",
      path: "/admin/schemas",
    });
    return response.json() as SchemaIDList;
  }

  /**
   * Retrieve a JSON Schema document.
   *
   * Returns the raw JSON Schema stored under the id. No authentication required.
   *
   * `GET /schema/{schemaID}`
   *
   * @param schemaID The schema identifier, e.g. chat.v1.
   */
  async getSchema(schemaID: string): Promise<SchemaDocument> {
    const response = await this.transport.request({
      method: "GET",
      path: "/schema/{schemaID}",
      pathParams: { schemaID: schemaID },
    });
    return response.json() as SchemaDocument;
  }

  /**
   * Create or replace a JSON Schema.
   *
   * The body must be a valid draft-07 JSON Schema; it is checked against the draft-07 metaschema and every $ref must resolve. Stored as templates/<schemaID>.json.
   *
   * `PUT /schema/{schemaID}`
   *
   * @param schemaID The schema identifier, e.g. chat.v1.
   * @param body A JSON Schema (draft-07) document.
   */
  async putSchema(schemaID: string, body: SchemaDocument): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "PUT",
      path: "/schema/{schemaID}",
      pathParams: { schemaID: schemaID },
      body: body,
      hasBody: true,
    });
    return response.json() as StatusResponse;
  }

  /**
   * Delete a JSON Schema.
   *
   * Fails with 400 while another schema references it or a database is bound to it.
   *
   * `DELETE /schema/{schemaID}`
   *
   * @param schemaID The schema identifier, e.g. chat.v1.
   */
  async deleteSchema(schemaID: string): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "DELETE",
      path: "/schema/{schemaID}",
      pathParams: { schemaID: schemaID },
    });
    return response.json() as StatusResponse;
  }

  /**
   * Export a schema as Pydantic v2 models or TypeScript types.
   *
   * Generated by the same code generator as `deltadb-codegen types`, so the models accept and reject what the validator does as closely as the target allows; what a target cannot express is written as a comment in the output. Public, like GET /schema/{schemaID}.
   *
   * `GET /schema/{schemaID}/export`
   *
   * @param schemaID The schema identifier, e.g. chat.v1.
   * @param format `pydantic` (a Python module) or `typescript` (a .ts module).
   */
  async exportSchema(schemaID: string, format: string): Promise<string> {
    const response = await this.transport.request({
      method: "GET",
      path: "/schema/{schemaID}/export",
      pathParams: { schemaID: schemaID },
      query: { format: format },
    });
    return response.text();
  }

  /**
   * Check a JSON document against a schema without storing anything.
   *
   * Returns whether the body is valid and every violation found.
   *
   * `POST /schema/{schemaID}/validate`
   *
   * @param schemaID The schema identifier, e.g. chat.v1.
   * @param body An entity's JSON document (any JSON value; usually an object).
   */
  async validateAgainstSchema(schemaID: string, body: EntityDocument): Promise<ValidationResult> {
    const response = await this.transport.request({
      method: "POST",
      path: "/schema/{schemaID}/validate",
      pathParams: { schemaID: schemaID },
      body: body,
      hasBody: true,
    });
    return response.json() as ValidationResult;
  }

  /**
   * List the databases that hold at least one entity.
   *
   * Read from storage, sorted bytewise. A credential limited to some databases sees only those. Without `limit` every name comes at once (as in the original); with it, one page: pass the page's last name as `after` for the next one, until a page holds fewer than `limit` names.
   *
   * `GET /api/databases`
   *
   * @param options.prefix Only databases whose name starts with this string.
   * @param options.limit Page size, 1 to 1000 (default all).
   * @param options.after Start after this name (the previous page's last name).
   */
  async listDatabases(options: { prefix?: string; limit?: number; after?: string } = {}): Promise<DatabaseNameList> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/databases",
      query: { prefix: options.prefix, limit: options.limit, after: options.after },
    });
    return response.json() as DatabaseNameList;
  }

  /**
   * List a database's entity keys, one page at a time.
   *
   * Read from storage (not the cache), in bytewise key order. Pass a page's next_cursor as `after` to get the next page; cursors stay valid while keys are added or removed.
   *
   * `GET /api/databases/{database}/entities`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param options.prefix Only keys that start with this string.
   * @param options.limit Page size, 1 to 1000 (default 100).
   * @param options.after Start after this key (a previous page's next_cursor).
   */
  async listEntities(database: string, options: { prefix?: string; limit?: number; after?: string } = {}): Promise<EntityList> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/databases/{database}/entities",
      pathParams: { database: database },
      query: { prefix: options.prefix, limit: options.limit, after: options.after },
    });
    return response.json() as EntityList;
  }

  /**
   * List the Processing Workers and their status.
   *
   * On a Main Worker, every subscribed Processing Worker: Available (routed to), Unavailable (missed heartbeats; not routed to) or Draining. Workers silent for longer are removed and must subscribe again. The all-in-one server lists its embedded worker.
   *
   * `GET /admin/workers`
   */
  async listWorkers(): Promise<WorkerList> {
    const response = await this.transport.request({
      method: "GET",
      path: "/admin/workers",
    });
    return response.json() as WorkerList;
  }

  /**
   * Report whether the server serves requests now (readiness).
   *
   * Unlike /health (liveness: the process runs), 503 while the server is not ready to serve: storage recovery that outlasted start-up is still running (or failed), or, on a Main Worker, no Processing Worker holds the keyring yet. The error says which. No authentication required.
   *
   * `GET /ready`
   */
  async getReady(): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "GET",
      path: "/ready",
    });
    return response.json() as StatusResponse;
  }

  /**
   * Take an online, point-in-time backup into the server's backup directory.
   *
   * Writes every entity (still encrypted as stored), the schemas, the database bindings and the API keys to <-backup-dir>/<name>, with a manifest of SHA-256 checksums. Writes wait while the backup copies (reads go on), so it holds exactly the writes acknowledged before it started. Only the all-in-one server that holds its directory alone (deltadb without -grpc-addr, one worker) takes online backups, and only when started with -backup-dir. Restore with `deltadb restore`.
   *
   * `POST /api/backups`
   *
   * @param body Which backup to take.
   */
  async createBackup(body: CreateBackupRequest): Promise<BackupSummary> {
    const response = await this.transport.request({
      method: "POST",
      path: "/api/backups",
      body: body,
      hasBody: true,
    });
    return response.json() as BackupSummary;
  }

  /**
   * Report the server and its entity cache's counters.
   *
   * The server's version, role, storage backend and start time; the cache's hits, misses, evictions and expirations since start-up, and what it holds now.
   *
   * `GET /api/stats`
   */
  async getStats(): Promise<StatsResponse> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/stats",
    });
    return response.json() as StatsResponse;
  }

  /**
   * Show which schema validates a database's writes.
   *
   * schema_id is the explicitly bound schema, or else the schema whose id equals the database name if one exists, or else null (no validation).
   *
   * `GET /api/databases/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   */
  async getDatabase(database: string): Promise<DatabaseInfo> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/databases/{database}",
      pathParams: { database: database },
    });
    return response.json() as DatabaseInfo;
  }

  /**
   * Bind a database to a JSON Schema.
   *
   * Every later write to the database is validated against the schema. The schema must exist. Send {"schema_id": null} to remove the binding.
   *
   * `PUT /api/databases/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param body Settings of a database that a caller can change.
   */
  async putDatabase(database: string, body: DatabaseSettings): Promise<DatabaseInfo> {
    const response = await this.transport.request({
      method: "PUT",
      path: "/api/databases/{database}",
      pathParams: { database: database },
      body: body,
      hasBody: true,
    });
    return response.json() as DatabaseInfo;
  }

  /**
   * Exchange an admin key or API key for a short-lived session token.
   *
   * For the web UI. Non-browser clients can skip this and send their key directly as the Bearer value. Sessions live -client-ttl (default 24h) and never outlive the key they came from.
   *
   * `POST /api/login`
   *
   * @param body A credential to exchange for a session token.
   */
  async login(body: LoginRequest): Promise<LoginResponse> {
    const response = await this.transport.request({
      method: "POST",
      path: "/api/login",
      body: body,
      hasBody: true,
    });
    return response.json() as LoginResponse;
  }

  /**
   * End the session whose token the request carries.
   *
   * The token is refused from then on, by this server at once. Only a session token from /api/login can be logged out; to stop an API key, delete it (DELETE /api/keys/{id}).
   *
   * `POST /api/logout`
   */
  async logout(): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "POST",
      path: "/api/logout",
    });
    return response.json() as StatusResponse;
  }

  /**
   * Describe the credential making the request.
   *
   * Works with any valid credential.
   *
   * `GET /api/me`
   */
  async getMe(): Promise<MeResponse> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/me",
    });
    return response.json() as MeResponse;
  }

  /**
   * List every RBAC API key (never their secrets).
   *
   * `GET /api/keys`
   */
  async listAPIKeys(): Promise<APIKeyList> {
    const response = await this.transport.request({
      method: "GET",
      path: "/api/keys",
    });
    return response.json() as APIKeyList;
  }

  /**
   * Create an RBAC API key; its secret is shown once, in this response.
   *
   * expires_in accepts Go durations (24h, 168h) or day shorthand (7d, 30d); omit it for a key that never expires. databases optionally limits the key to some databases.
   *
   * `POST /api/keys`
   *
   * @param body A new API key.
   */
  async createAPIKey(body: CreateAPIKeyRequest): Promise<CreatedAPIKey> {
    const response = await this.transport.request({
      method: "POST",
      path: "/api/keys",
      body: body,
      hasBody: true,
    });
    return response.json() as CreatedAPIKey;
  }

  /**
   * Permanently delete an API key; it stops working at once.
   *
   * `DELETE /api/keys/{id}`
   *
   * @param id The key's id.
   */
  async deleteAPIKey(id: string): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "DELETE",
      path: "/api/keys/{id}",
      pathParams: { id: id },
    });
    return response.json() as StatusResponse;
  }
}
