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
    /// The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - body: The request body.
    /// - Returns: Every entity was stored durably.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 413).
    public func putEntities(database: String, body: EntityBatch) async throws -> StatusResponse {
        var request = ClientRequest(method: "PUT", path: "/entity/\(ClientRequest.encodePathSegment(database))")
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
    /// Deletes the entity durably; a deleted key reads 404.
    ///
    /// - Parameters:
    ///   - database: Name of the database, e.g. chatdb.
    ///   - key: The entity key, e.g. session_001.
    /// - Returns: The entity was deleted.
    /// - Throws: `DeltaClientError` for every non-2xx response (400, 401, 403, 404).
    public func deleteEntity(database: String, key: String) async throws -> StatusResponse {
        var request = ClientRequest(method: "DELETE", path: "/entity/\(ClientRequest.encodePathSegment(database))")
        request.query = [
            .init("key", key),
        ]
        return try await send(request).decode(StatusResponse.self)
    }
}
