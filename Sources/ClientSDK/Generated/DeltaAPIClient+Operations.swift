// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

extension DeltaAPIClient {
    /// `GET /health`: Report that the server is up.
    ///
    /// Returns the system health status. No authentication required.
    ///
    /// - Returns: The server is up.
    /// - Throws: `DeltaClientError` for every non-2xx response.
    public func getHealth() async throws -> StatusResponse {
        let request = ClientRequest(method: "GET", path: "/health")
        return try await send(request).decode(StatusResponse.self)
    }

    /// `PUT /entity/{database}`: Create or update one or more entities.
    ///
    /// The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable. With If-Match or If-None-Match the body must hold exactly one entity, and the condition is checked atomically with the write.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - ifMatch: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
    ///   - ifNoneMatch: `*`: create only; fail with 412 if the entity already exists.
    ///   - body: The request body.
    /// - Returns: Every entity was stored durably.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 412, 413).
    public func putEntities(database: String, ifMatch: String? = nil, ifNoneMatch: String? = nil, body: EntityBatch) async throws -> StatusResponse {
        var request = ClientRequest(method: "PUT", path: "/entity/\(ClientRequest.encodePathSegment(database))")
        request.headers = [
            .init("If-Match", ifMatch),
            .init("If-None-Match", ifNoneMatch),
        ]
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(StatusResponse.self)
    }

    /// `GET /entity/{database}`: Retrieve one entity.
    ///
    /// Returns the entity's JSON document directly, with its version in the ETag header.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - key: The entity key, e.g. session_001.
    /// - Returns: The body and headers of the response.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404).
    public func getEntity(database: String, key: String) async throws -> GetEntityResult {
        var request = ClientRequest(method: "GET", path: "/entity/\(ClientRequest.encodePathSegment(database))")
        request.query = [
            .init("key", key),
        ]
        let response = try await send(request)
        return GetEntityResult(
            body: try response.decode(EntityDocument.self),
            etag: response.header("ETag")
        )
    }

    /// What `getEntity` returns: the 200 response.
    public struct GetEntityResult: Sendable {
        /// The response body.
        public var body: EntityDocument
        /// The entity's version, as a quoted string.
        public var etag: String?

        /// Creates a result.
        public init(body: EntityDocument, etag: String? = nil) {
            self.body = body
            self.etag = etag
        }
    }

    /// `DELETE /entity/{database}`: Delete one entity.
    ///
    /// Deletes the entity durably; a deleted key reads 404. With If-Match the entity is deleted only if its version matches (checked atomically).
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - key: The entity key, e.g. session_001.
    ///   - ifMatch: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
    /// - Returns: The entity was deleted.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404, 412).
    public func deleteEntity(database: String, key: String, ifMatch: String? = nil) async throws -> StatusResponse {
        var request = ClientRequest(method: "DELETE", path: "/entity/\(ClientRequest.encodePathSegment(database))")
        request.query = [
            .init("key", key),
        ]
        request.headers = [
            .init("If-Match", ifMatch),
        ]
        return try await send(request).decode(StatusResponse.self)
    }

    /// `PATCH /entity/{database}`: Change one entity with a JSON Merge Patch or a JSON Patch.
    ///
    /// application/merge-patch+json applies an RFC 7396 merge patch; application/json-patch+json applies an RFC 6902 patch (add, remove, replace, move, copy, test; "/messages/-" appends). The patch applies to the current version under the entity's lock, the result is validated against the database's schema and stored as the next version, so concurrent patches never lose each other's changes. A bad patch or a failed test operation is a 400 naming the operation's index; nothing is stored.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - key: The entity key, e.g. session_001.
    ///   - ifMatch: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
    ///   - body: The request body.
    ///   - contentType: The body's media type: `application/merge-patch+json`, `application/json-patch+json`.
    /// - Returns: The body and headers of the response.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404, 412, 413, 415).
    public func patchEntity(database: String, key: String, ifMatch: String? = nil, body: MergePatch, contentType: String = "application/merge-patch+json") async throws -> PatchEntityResult {
        var request = ClientRequest(method: "PATCH", path: "/entity/\(ClientRequest.encodePathSegment(database))")
        request.query = [
            .init("key", key),
        ]
        request.headers = [
            .init("If-Match", ifMatch),
        ]
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = contentType
        let response = try await send(request)
        return PatchEntityResult(
            body: try response.decode(EntityDocument.self),
            etag: response.header("ETag")
        )
    }

    /// What `patchEntity` returns: the 200 response.
    public struct PatchEntityResult: Sendable {
        /// The response body.
        public var body: EntityDocument
        /// The entity's new version, as a quoted string.
        public var etag: String?

        /// Creates a result.
        public init(body: EntityDocument, etag: String? = nil) {
            self.body = body
            self.etag = etag
        }
    }

    /// `GET /admin/schemas`: List the ids of every stored JSON Schema.
    ///
    /// Returns a list of all defined schema ids, sorted. No authentication required.
    ///
    /// - Returns: The schema ids.
    /// - Throws: `DeltaClientError` for every non-2xx response.
    public func listSchemas() async throws -> SchemaIDList {
        let request = ClientRequest(method: "GET", path: "/admin/schemas")
        return try await send(request).decode(SchemaIDList.self)
    }

    /// `GET /schema/{schemaID}`: Retrieve a JSON Schema document.
    ///
    /// Returns the raw JSON Schema stored under the id. No authentication required.
    ///
    /// - Parameters:
    ///   - schemaID: The schema identifier, e.g. chat.v1.
    /// - Returns: The JSON Schema document.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 404).
    public func getSchema(schemaID: String) async throws -> SchemaDocument {
        let request = ClientRequest(method: "GET", path: "/schema/\(ClientRequest.encodePathSegment(schemaID))")
        return try await send(request).decode(SchemaDocument.self)
    }

    /// `PUT /schema/{schemaID}`: Create or replace a JSON Schema.
    ///
    /// The body must be a valid draft-07 JSON Schema; it is checked against the draft-07 metaschema and every $ref must resolve. Stored as templates/<schemaID>.json.
    ///
    /// - Parameters:
    ///   - schemaID: The schema identifier, e.g. chat.v1.
    ///   - body: The request body.
    /// - Returns: The schema was stored.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 413).
    public func putSchema(schemaID: String, body: SchemaDocument) async throws -> StatusResponse {
        var request = ClientRequest(method: "PUT", path: "/schema/\(ClientRequest.encodePathSegment(schemaID))")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(StatusResponse.self)
    }

    /// `DELETE /schema/{schemaID}`: Delete a JSON Schema.
    ///
    /// Fails with 400 while another schema references it or a database is bound to it.
    ///
    /// - Parameters:
    ///   - schemaID: The schema identifier, e.g. chat.v1.
    /// - Returns: The schema was deleted.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404).
    public func deleteSchema(schemaID: String) async throws -> StatusResponse {
        let request = ClientRequest(method: "DELETE", path: "/schema/\(ClientRequest.encodePathSegment(schemaID))")
        return try await send(request).decode(StatusResponse.self)
    }

    /// `GET /schema/{schemaID}/export`: Export a schema as Pydantic v2 models or TypeScript types.
    ///
    /// Generated by the same code generator as `deltadb-codegen types`, so the models accept and reject what the validator does as closely as the target allows; what a target cannot express is written as a comment in the output. Public, like GET /schema/{schemaID}.
    ///
    /// - Parameters:
    ///   - schemaID: The schema identifier, e.g. chat.v1.
    ///   - format: `pydantic` (a Python module) or `typescript` (a .ts module).
    /// - Returns: The generated source code.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 404).
    public func exportSchema(schemaID: String, format: String) async throws -> String {
        var request = ClientRequest(method: "GET", path: "/schema/\(ClientRequest.encodePathSegment(schemaID))/export")
        request.query = [
            .init("format", format),
        ]
        return try await send(request).text
    }

    /// `POST /schema/{schemaID}/validate`: Check a JSON document against a schema without storing anything.
    ///
    /// Returns whether the body is valid and every violation found.
    ///
    /// - Parameters:
    ///   - schemaID: The schema identifier, e.g. chat.v1.
    ///   - body: The request body.
    /// - Returns: The verdict.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404, 413).
    public func validateAgainstSchema(schemaID: String, body: EntityDocument) async throws -> ValidationResult {
        var request = ClientRequest(method: "POST", path: "/schema/\(ClientRequest.encodePathSegment(schemaID))/validate")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(ValidationResult.self)
    }

    /// `GET /api/databases`: List the databases that hold at least one entity.
    ///
    /// Read from storage, sorted bytewise. A credential limited to some databases sees only those. Without `limit` every name comes at once (as in the original); with it, one page: pass the page's last name as `after` for the next one, until a page holds fewer than `limit` names.
    ///
    /// - Parameters:
    ///   - prefix: Only databases whose name starts with this string.
    ///   - limit: Page size, 1 to 1000 (default all).
    ///   - after: Start after this name (the previous page's last name).
    /// - Returns: The database names.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403).
    public func listDatabases(prefix: String? = nil, limit: Int32? = nil, after: String? = nil) async throws -> DatabaseNameList {
        var request = ClientRequest(method: "GET", path: "/api/databases")
        request.query = [
            .init("prefix", prefix),
            .init("limit", limit.map { String($0) }),
            .init("after", after),
        ]
        return try await send(request).decode(DatabaseNameList.self)
    }

    /// `GET /api/databases/{database}/entities`: List a database's entity keys, one page at a time.
    ///
    /// Read from storage (not the cache), in bytewise key order. Pass a page's next_cursor as `after` to get the next page; cursors stay valid while keys are added or removed.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - prefix: Only keys that start with this string.
    ///   - limit: Page size, 1 to 1000 (default 100).
    ///   - after: Start after this key (a previous page's next_cursor).
    /// - Returns: One page of keys.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403).
    public func listEntities(database: String, prefix: String? = nil, limit: Int32? = nil, after: String? = nil) async throws -> EntityList {
        var request = ClientRequest(method: "GET", path: "/api/databases/\(ClientRequest.encodePathSegment(database))/entities")
        request.query = [
            .init("prefix", prefix),
            .init("limit", limit.map { String($0) }),
            .init("after", after),
        ]
        return try await send(request).decode(EntityList.self)
    }

    /// `GET /admin/workers`: List the Processing Workers and their status.
    ///
    /// On a Main Worker, every subscribed Processing Worker: Available (routed to), Unavailable (missed heartbeats; not routed to) or Draining. Workers silent for longer are removed and must subscribe again. The all-in-one server lists its embedded worker.
    ///
    /// - Returns: The workers, sorted by id.
    /// - Throws: `DeltaClientError` for every non-2xx response (401, 403).
    public func listWorkers() async throws -> WorkerList {
        let request = ClientRequest(method: "GET", path: "/admin/workers")
        return try await send(request).decode(WorkerList.self)
    }

    /// `GET /ready`: Report whether the server serves requests now (readiness).
    ///
    /// Unlike /health (liveness: the process runs), 503 while the server is not ready to serve: storage recovery that outlasted start-up is still running (or failed), or, on a Main Worker, no Processing Worker holds the keyring yet. The error says which. No authentication required.
    ///
    /// - Returns: The server serves requests.
    /// - Throws: `DeltaClientError` for every non-2xx response (503).
    public func getReady() async throws -> StatusResponse {
        let request = ClientRequest(method: "GET", path: "/ready")
        return try await send(request).decode(StatusResponse.self)
    }

    /// `POST /api/backups`: Take an online, point-in-time backup into the server's backup directory.
    ///
    /// Writes every entity (still encrypted as stored), the schemas, the database bindings and the API keys to <-backup-dir>/<name>, with a manifest of SHA-256 checksums. Writes wait while the backup copies (reads go on), so it holds exactly the writes acknowledged before it started. Only the all-in-one server that holds its directory alone (deltadb without -grpc-addr, one worker) takes online backups, and only when started with -backup-dir. Restore with `deltadb restore`.
    ///
    /// - Parameters:
    ///   - body: The request body.
    /// - Returns: The backup is complete and durable.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 503).
    public func createBackup(body: CreateBackupRequest) async throws -> BackupSummary {
        var request = ClientRequest(method: "POST", path: "/api/backups")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(BackupSummary.self)
    }

    /// `GET /api/stats`: Report the server and its entity cache's counters.
    ///
    /// The server's version, role, storage backend and start time; the cache's hits, misses, evictions and expirations since start-up, and what it holds now.
    ///
    /// - Returns: The counters.
    /// - Throws: `DeltaClientError` for every non-2xx response (401, 403).
    public func getStats() async throws -> StatsResponse {
        let request = ClientRequest(method: "GET", path: "/api/stats")
        return try await send(request).decode(StatsResponse.self)
    }

    /// `GET /api/databases/{database}`: Show which schema validates a database's writes.
    ///
    /// schema_id is the explicitly bound schema, or else the schema whose id equals the database name if one exists, or else null (no validation).
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    /// - Returns: The database's settings.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403).
    public func getDatabase(database: String) async throws -> DatabaseInfo {
        let request = ClientRequest(method: "GET", path: "/api/databases/\(ClientRequest.encodePathSegment(database))")
        return try await send(request).decode(DatabaseInfo.self)
    }

    /// `PUT /api/databases/{database}`: Bind a database to a JSON Schema.
    ///
    /// Every later write to the database is validated against the schema. The schema must exist. Send {"schema_id": null} to remove the binding.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - body: The request body.
    /// - Returns: The database's settings after the change.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403).
    public func putDatabase(database: String, body: DatabaseSettings) async throws -> DatabaseInfo {
        var request = ClientRequest(method: "PUT", path: "/api/databases/\(ClientRequest.encodePathSegment(database))")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(DatabaseInfo.self)
    }

    /// `POST /api/login`: Exchange an admin key or API key for a short-lived session token.
    ///
    /// For the web UI. Non-browser clients can skip this and send their key directly as the Bearer value. Sessions live -client-ttl (default 24h) and never outlive the key they came from.
    ///
    /// - Parameters:
    ///   - body: The request body.
    /// - Returns: A session token.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 429).
    public func login(body: LoginRequest) async throws -> LoginResponse {
        var request = ClientRequest(method: "POST", path: "/api/login")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(LoginResponse.self)
    }

    /// `POST /api/logout`: End the session whose token the request carries.
    ///
    /// The token is refused from then on, by this server at once. Only a session token from /api/login can be logged out; to stop an API key, delete it (DELETE /api/keys/{id}).
    ///
    /// - Returns: The session has ended.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401).
    public func logout() async throws -> StatusResponse {
        let request = ClientRequest(method: "POST", path: "/api/logout")
        return try await send(request).decode(StatusResponse.self)
    }

    /// `GET /api/me`: Describe the credential making the request.
    ///
    /// Works with any valid credential.
    ///
    /// - Returns: Who the caller is and what it may do.
    /// - Throws: `DeltaClientError` for every non-2xx response (401).
    public func getMe() async throws -> MeResponse {
        let request = ClientRequest(method: "GET", path: "/api/me")
        return try await send(request).decode(MeResponse.self)
    }

    /// `GET /api/keys`: List every RBAC API key (never their secrets).
    ///
    /// - Returns: The keys, oldest first.
    /// - Throws: `DeltaClientError` for every non-2xx response (401, 403).
    public func listAPIKeys() async throws -> APIKeyList {
        let request = ClientRequest(method: "GET", path: "/api/keys")
        return try await send(request).decode(APIKeyList.self)
    }

    /// `POST /api/keys`: Create an RBAC API key; its secret is shown once, in this response.
    ///
    /// expires_in accepts Go durations (24h, 168h) or day shorthand (7d, 30d); omit it for a key that never expires. databases optionally limits the key to some databases.
    ///
    /// - Parameters:
    ///   - body: The request body.
    /// - Returns: The new key, with its secret.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403).
    public func createAPIKey(body: CreateAPIKeyRequest) async throws -> CreatedAPIKey {
        var request = ClientRequest(method: "POST", path: "/api/keys")
        request.body = try ClientRequest.jsonBody(body)
        request.contentType = "application/json"
        return try await send(request).decode(CreatedAPIKey.self)
    }

    /// `DELETE /api/keys/{id}`: Permanently delete an API key; it stops working at once.
    ///
    /// - Parameters:
    ///   - id: The key's id.
    /// - Returns: The key was deleted.
    /// - Throws: `DeltaClientError` for every non-2xx response (401, 403, 404).
    public func deleteAPIKey(id: String) async throws -> StatusResponse {
        let request = ClientRequest(method: "DELETE", path: "/api/keys/\(ClientRequest.encodePathSegment(id))")
        return try await send(request).decode(StatusResponse.self)
    }
}
