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
    /// The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable.
    public enum PutEntities {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "putEntities", method: "PUT", path: "/entity/{database}", permission: .write)

        /// The decoded request.
        public struct Input: Sendable {
            /// Name of the database, e.g. chatdb.
            public var database: String
            /// The request body.
            public var body: EntityBatch

            /// Creates an input.
            public init(database: String, body: EntityBatch) {
                self.database = database
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
    /// Deletes the entity durably; a deleted key reads 404.
    public enum DeleteEntity {
        /// Method, path and required permission of this operation.
        public static let descriptor = OperationDescriptor(id: "deleteEntity", method: "DELETE", path: "/entity/{database}", permission: .write)

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

    /// Every operation of the spec, in spec order.
    public static let all: [OperationDescriptor] = [
        GetHealth.descriptor,
        PutEntities.descriptor,
        GetEntity.descriptor,
        DeleteEntity.descriptor,
    ]
}
