// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

import APIRuntime

/// The operations of the REST API, one namespace per operation.
public enum Operations {}

extension Operations {
    /// `GET /health`: Report that the server is up.
    ///
    /// Returns the system health status. No authentication required.
    public enum GetHealth {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getHealth", method: "GET", path: "/health", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The server is up.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `PUT /entity/{database}`: Create or update one or more entities.
    ///
    /// The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable. With If-Match or If-None-Match the body must hold exactly one entity, and the condition is checked atomically with the write.
    public enum PutEntities {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "putEntities", method: "PUT", path: "/entity/{database}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
            public var ifMatch: String?
            /// `*`: create only; fail with 412 if the entity already exists.
            public var ifNoneMatch: String?
            /// The request body.
            public var body: EntityBatch

            /// Creates an input.
            public init(database: String, ifMatch: String? = nil, ifNoneMatch: String? = nil, body: EntityBatch) {
                self.database = database
                self.ifMatch = ifMatch
                self.ifNoneMatch = ifNoneMatch
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: Every entity was stored durably.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /entity/{database}`: Retrieve one entity.
    ///
    /// Returns the entity's JSON document directly, with its version in the ETag header.
    public enum GetEntity {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getEntity", method: "GET", path: "/entity/{database}", permission: .read)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// The entity key, e.g. session_001.
            public var key: String

            /// Creates an input.
            public init(database: String, key: String) {
                self.database = database
                self.key = key
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The entity's JSON document.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: EntityDocument
                /// The entity's version, as a quoted string.
                public var etag: String?

                /// Creates a response.
                public init(body: EntityDocument, etag: String? = nil) {
                    self.body = body
                    self.etag = etag
                }
            }
        }
    }

    /// `DELETE /entity/{database}`: Delete one entity.
    ///
    /// Deletes the entity durably; a deleted key reads 404. With If-Match the entity is deleted only if its version matches (checked atomically).
    public enum DeleteEntity {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "deleteEntity", method: "DELETE", path: "/entity/{database}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// The entity key, e.g. session_001.
            public var key: String
            /// Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
            public var ifMatch: String?

            /// Creates an input.
            public init(database: String, key: String, ifMatch: String? = nil) {
                self.database = database
                self.key = key
                self.ifMatch = ifMatch
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The entity was deleted.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `PATCH /entity/{database}`: Change one entity with a JSON Merge Patch or a JSON Patch.
    ///
    /// application/merge-patch+json applies an RFC 7396 merge patch; application/json-patch+json applies an RFC 6902 patch (add, remove, replace, move, copy, test; "/messages/-" appends). The patch applies to the current version under the entity's lock, the result is validated against the database's schema and stored as the next version, so concurrent patches never lose each other's changes. A bad patch or a failed test operation is a 400 naming the operation's index; nothing is stored.
    public enum PatchEntity {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "patchEntity", method: "PATCH", path: "/entity/{database}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// The entity key, e.g. session_001.
            public var key: String
            /// Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
            public var ifMatch: String?
            /// The request body.
            public var body: MergePatch
            /// The request's `Content-Type`, one of the media types the spec allows.
            public var contentType: String?

            /// Creates an input.
            public init(database: String, key: String, ifMatch: String? = nil, body: MergePatch, contentType: String? = nil) {
                self.database = database
                self.key = key
                self.ifMatch = ifMatch
                self.body = body
                self.contentType = contentType
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The patched document as stored, with its new version in the ETag header.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: EntityDocument
                /// The entity's new version, as a quoted string.
                public var etag: String?

                /// Creates a response.
                public init(body: EntityDocument, etag: String? = nil) {
                    self.body = body
                    self.etag = etag
                }
            }
        }
    }

    /// `GET /admin/schemas`: List the ids of every stored JSON Schema.
    ///
    /// Returns a list of all defined schema ids, sorted. No authentication required.
    public enum ListSchemas {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "listSchemas", method: "GET", path: "/admin/schemas", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The schema ids.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: SchemaIDList

                /// Creates a response.
                public init(body: SchemaIDList) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /schema/{schemaID}`: Retrieve a JSON Schema document.
    ///
    /// Returns the raw JSON Schema stored under the id. No authentication required.
    public enum GetSchema {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getSchema", method: "GET", path: "/schema/{schemaID}", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// The schema identifier, e.g. chat.v1.
            public var schemaID: String

            /// Creates an input.
            public init(schemaID: String) {
                self.schemaID = schemaID
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The JSON Schema document.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: SchemaDocument

                /// Creates a response.
                public init(body: SchemaDocument) {
                    self.body = body
                }
            }
        }
    }

    /// `PUT /schema/{schemaID}`: Create or replace a JSON Schema.
    ///
    /// The body must be a valid draft-07 JSON Schema; it is checked against the draft-07 metaschema and every $ref must resolve. Stored as templates/<schemaID>.json.
    public enum PutSchema {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "putSchema", method: "PUT", path: "/schema/{schemaID}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// The schema identifier, e.g. chat.v1.
            public var schemaID: String
            /// The request body.
            public var body: SchemaDocument

            /// Creates an input.
            public init(schemaID: String, body: SchemaDocument) {
                self.schemaID = schemaID
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The schema was stored.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `DELETE /schema/{schemaID}`: Delete a JSON Schema.
    ///
    /// Fails with 400 while another schema references it or a database is bound to it.
    public enum DeleteSchema {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "deleteSchema", method: "DELETE", path: "/schema/{schemaID}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// The schema identifier, e.g. chat.v1.
            public var schemaID: String

            /// Creates an input.
            public init(schemaID: String) {
                self.schemaID = schemaID
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The schema was deleted.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /schema/{schemaID}/export`: Export a schema as Pydantic v2 models or TypeScript types.
    ///
    /// Generated by the same code generator as `deltadb-codegen types`, so the models accept and reject what the validator does as closely as the target allows; what a target cannot express is written as a comment in the output. Public, like GET /schema/{schemaID}.
    public enum ExportSchema {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "exportSchema", method: "GET", path: "/schema/{schemaID}/export", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// The schema identifier, e.g. chat.v1.
            public var schemaID: String
            /// `pydantic` (a Python module) or `typescript` (a .ts module).
            public var format: String

            /// Creates an input.
            public init(schemaID: String, format: String) {
                self.schemaID = schemaID
                self.format = format
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The generated source code.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: String

                /// Creates a response.
                public init(body: String) {
                    self.body = body
                }
            }
        }
    }

    /// `POST /schema/{schemaID}/validate`: Check a JSON document against a schema without storing anything.
    ///
    /// Returns whether the body is valid and every violation found.
    public enum ValidateAgainstSchema {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "validateAgainstSchema", method: "POST", path: "/schema/{schemaID}/validate", permission: .read)

        /// The decoded request.
        public struct Input: Sendable {
            /// The schema identifier, e.g. chat.v1.
            public var schemaID: String
            /// The request body.
            public var body: EntityDocument

            /// Creates an input.
            public init(schemaID: String, body: EntityDocument) {
                self.schemaID = schemaID
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The verdict.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: ValidationResult

                /// Creates a response.
                public init(body: ValidationResult) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/databases`: List the databases that hold at least one entity.
    ///
    /// Read from storage, sorted bytewise. A credential limited to some databases sees only those. Without `limit` every name comes at once (as in the original); with it, one page: pass the page's last name as `after` for the next one, until a page holds fewer than `limit` names.
    public enum ListDatabases {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "listDatabases", method: "GET", path: "/api/databases", permission: .read)

        /// The decoded request.
        public struct Input: Sendable {
            /// Only databases whose name starts with this string.
            public var prefix: String?
            /// Page size, 1 to 1000 (default all).
            public var limit: Int32?
            /// Start after this name (the previous page's last name).
            public var after: String?

            /// Creates an input.
            public init(prefix: String? = nil, limit: Int32? = nil, after: String? = nil) {
                self.prefix = prefix
                self.limit = limit
                self.after = after
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The database names.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: DatabaseNameList

                /// Creates a response.
                public init(body: DatabaseNameList) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/databases/{database}/entities`: List a database's entity keys, one page at a time.
    ///
    /// Read from storage (not the cache), in bytewise key order. Pass a page's next_cursor as `after` to get the next page; cursors stay valid while keys are added or removed.
    public enum ListEntities {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "listEntities", method: "GET", path: "/api/databases/{database}/entities", permission: .read)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// Only keys that start with this string.
            public var prefix: String?
            /// Page size, 1 to 1000 (default 100).
            public var limit: Int32?
            /// Start after this key (a previous page's next_cursor).
            public var after: String?

            /// Creates an input.
            public init(database: String, prefix: String? = nil, limit: Int32? = nil, after: String? = nil) {
                self.database = database
                self.prefix = prefix
                self.limit = limit
                self.after = after
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: One page of keys.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: EntityList

                /// Creates a response.
                public init(body: EntityList) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /admin/workers`: List the Processing Workers and their status.
    ///
    /// On a Main Worker, every subscribed Processing Worker: Available (routed to), Unavailable (missed heartbeats; not routed to) or Draining. Workers silent for longer are removed and must subscribe again. The all-in-one server lists its embedded worker.
    public enum ListWorkers {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "listWorkers", method: "GET", path: "/admin/workers", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The workers, sorted by id.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: WorkerList

                /// Creates a response.
                public init(body: WorkerList) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /ready`: Report whether the server serves requests now (readiness).
    ///
    /// Unlike /health (liveness: the process runs), 503 while the server is not ready to serve: storage recovery that outlasted start-up is still running (or failed), or, on a Main Worker, no Processing Worker holds the keyring yet. The error says which. No authentication required.
    public enum GetReady {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getReady", method: "GET", path: "/ready", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The server serves requests.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `POST /api/backups`: Take an online, point-in-time backup into the server's backup directory.
    ///
    /// Writes every entity (still encrypted as stored), the schemas, the database bindings and the API keys to <-backup-dir>/<name>, with a manifest of SHA-256 checksums. Writes wait while the backup copies (reads go on), so it holds exactly the writes acknowledged before it started. Only the all-in-one server that holds its directory alone (deltadb without -grpc-addr, one worker) takes online backups, and only when started with -backup-dir. Restore with `deltadb restore`.
    public enum CreateBackup {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "createBackup", method: "POST", path: "/api/backups", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// The request body.
            public var body: CreateBackupRequest

            /// Creates an input.
            public init(body: CreateBackupRequest) {
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 201: The backup is complete and durable.
            case created(Created)

            /// The body and headers of the 201 response.
            public struct Created: Sendable {
                /// The response body.
                public var body: BackupSummary

                /// Creates a response.
                public init(body: BackupSummary) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/stats`: Report the server and its entity cache's counters.
    ///
    /// The server's version, role, storage backend and start time; the cache's hits, misses, evictions and expirations since start-up, and what it holds now.
    public enum GetStats {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getStats", method: "GET", path: "/api/stats", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The counters.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatsResponse

                /// Creates a response.
                public init(body: StatsResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/databases/{database}`: Show which schema validates a database's writes.
    ///
    /// schema_id is the explicitly bound schema, or else the schema whose id equals the database name if one exists, or else null (no validation).
    public enum GetDatabase {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getDatabase", method: "GET", path: "/api/databases/{database}", permission: .read)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String

            /// Creates an input.
            public init(database: String) {
                self.database = database
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The database's settings.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: DatabaseInfo

                /// Creates a response.
                public init(body: DatabaseInfo) {
                    self.body = body
                }
            }
        }
    }

    /// `PUT /api/databases/{database}`: Bind a database to a JSON Schema.
    ///
    /// Every later write to the database is validated against the schema. The schema must exist. Send {"schema_id": null} to remove the binding.
    public enum PutDatabase {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "putDatabase", method: "PUT", path: "/api/databases/{database}", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// The request body.
            public var body: DatabaseSettings

            /// Creates an input.
            public init(database: String, body: DatabaseSettings) {
                self.database = database
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The database's settings after the change.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: DatabaseInfo

                /// Creates a response.
                public init(body: DatabaseInfo) {
                    self.body = body
                }
            }
        }
    }

    /// `POST /api/login`: Exchange an admin key or API key for a short-lived session token.
    ///
    /// For the web UI. Non-browser clients can skip this and send their key directly as the Bearer value. Sessions live -client-ttl (default 24h) and never outlive the key they came from.
    public enum Login {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "login", method: "POST", path: "/api/login", permission: nil)

        /// The decoded request.
        public struct Input: Sendable {
            /// The request body.
            public var body: LoginRequest

            /// Creates an input.
            public init(body: LoginRequest) {
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: A session token.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: LoginResponse

                /// Creates a response.
                public init(body: LoginResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `POST /api/logout`: End the session whose token the request carries.
    ///
    /// The token is refused from then on, by this server at once. Only a session token from /api/login can be logged out; to stop an API key, delete it (DELETE /api/keys/{id}).
    public enum Logout {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "logout", method: "POST", path: "/api/logout", permission: nil, requiresCredential: true)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The session has ended.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/me`: Describe the credential making the request.
    ///
    /// Works with any valid credential.
    public enum GetMe {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "getMe", method: "GET", path: "/api/me", permission: nil, requiresCredential: true)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: Who the caller is and what it may do.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: MeResponse

                /// Creates a response.
                public init(body: MeResponse) {
                    self.body = body
                }
            }
        }
    }

    /// `GET /api/keys`: List every RBAC API key (never their secrets).
    public enum ListAPIKeys {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "listAPIKeys", method: "GET", path: "/api/keys", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// Creates an input.
            public init() {}
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The keys, oldest first.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: APIKeyList

                /// Creates a response.
                public init(body: APIKeyList) {
                    self.body = body
                }
            }
        }
    }

    /// `POST /api/keys`: Create an RBAC API key; its secret is shown once, in this response.
    ///
    /// expires_in accepts Go durations (24h, 168h) or day shorthand (7d, 30d); omit it for a key that never expires. databases optionally limits the key to some databases.
    public enum CreateAPIKey {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "createAPIKey", method: "POST", path: "/api/keys", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// The request body.
            public var body: CreateAPIKeyRequest

            /// Creates an input.
            public init(body: CreateAPIKeyRequest) {
                self.body = body
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 201: The new key, with its secret.
            case created(Created)

            /// The body and headers of the 201 response.
            public struct Created: Sendable {
                /// The response body.
                public var body: CreatedAPIKey

                /// Creates a response.
                public init(body: CreatedAPIKey) {
                    self.body = body
                }
            }
        }
    }

    /// `DELETE /api/keys/{id}`: Permanently delete an API key; it stops working at once.
    public enum DeleteAPIKey {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "deleteAPIKey", method: "DELETE", path: "/api/keys/{id}", permission: .admin)

        /// The decoded request.
        public struct Input: Sendable {
            /// The key's id.
            public var id: String

            /// Creates an input.
            public init(id: String) {
                self.id = id
            }
        }

        /// The successful responses; errors are thrown as `DeltaError`.
        public enum Output: Sendable {
            /// 200: The key was deleted.
            case ok(Ok)

            /// The body and headers of the 200 response.
            public struct Ok: Sendable {
                /// The response body.
                public var body: StatusResponse

                /// Creates a response.
                public init(body: StatusResponse) {
                    self.body = body
                }
            }
        }
    }

    /// Every operation of the spec, in spec order.
    public static let all: [OperationDescriptor] = [
        GetHealth.descriptor,
        PutEntities.descriptor,
        GetEntity.descriptor,
        DeleteEntity.descriptor,
        PatchEntity.descriptor,
        ListSchemas.descriptor,
        GetSchema.descriptor,
        PutSchema.descriptor,
        DeleteSchema.descriptor,
        ExportSchema.descriptor,
        ValidateAgainstSchema.descriptor,
        ListDatabases.descriptor,
        ListEntities.descriptor,
        ListWorkers.descriptor,
        GetReady.descriptor,
        CreateBackup.descriptor,
        GetStats.descriptor,
        GetDatabase.descriptor,
        PutDatabase.descriptor,
        Login.descriptor,
        Logout.descriptor,
        GetMe.descriptor,
        ListAPIKeys.descriptor,
        CreateAPIKey.descriptor,
        DeleteAPIKey.descriptor,
    ]
}
