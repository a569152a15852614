// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

import APIRuntime
import Hummingbird

extension APIProtocol {
    /// Registers every operation of the spec on `router`.
    ///
    /// Each route decodes its path parameters, authorizes the caller (for
    /// operations that require a permission), reads query parameters, headers and
    /// body, calls the handler, and encodes its output. Errors propagate to the
    /// router's error middleware.
    public func registerRoutes<Context: RequestContext>(on router: some RouterMethods<Context>, limits: RequestLimits) {
        router.on("/health", method: .get) { request, context in
            let input = Operations.GetHealth.Input()
            switch try await self.getHealth(input) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/entity/:database", method: .put) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.PutEntities.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let ifMatch = RequestReader.header("If-Match", request: request)
            let ifNoneMatch = RequestReader.header("If-None-Match", request: request)
            let body = EntityBatch(bytes: try await RequestReader.body(request, limits: limits))
            let input = Operations.PutEntities.Input(database: database, ifMatch: ifMatch, ifNoneMatch: ifNoneMatch, body: body)
            switch try await self.putEntities(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/entity/:database", method: .get) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.GetEntity.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let key = try RequestReader.queryParameter("key", request: request, required: true)!
            let input = Operations.GetEntity.Input(database: database, key: key)
            switch try await self.getEntity(input, caller: caller) {
            case .ok(let ok):
                var headers = HTTPFields()
                ResponseWriter.add("ETag", ok.etag, to: &headers)
                return ResponseWriter.raw(ok.body, status: .ok, headers: headers)
            }
        }
        router.on("/entity/:database", method: .delete) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.DeleteEntity.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let key = try RequestReader.queryParameter("key", request: request, required: true)!
            let ifMatch = RequestReader.header("If-Match", request: request)
            let input = Operations.DeleteEntity.Input(database: database, key: key, ifMatch: ifMatch)
            switch try await self.deleteEntity(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/entity/:database", method: .patch) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.PatchEntity.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let key = try RequestReader.queryParameter("key", request: request, required: true)!
            let ifMatch = RequestReader.header("If-Match", request: request)
            let contentType = RequestReader.header("Content-Type", request: request)
            let body = MergePatch(bytes: try await RequestReader.body(request, limits: limits))
            let input = Operations.PatchEntity.Input(database: database, key: key, ifMatch: ifMatch, body: body, contentType: contentType)
            switch try await self.patchEntity(input, caller: caller) {
            case .ok(let ok):
                var headers = HTTPFields()
                ResponseWriter.add("ETag", ok.etag, to: &headers)
                return ResponseWriter.raw(ok.body, status: .ok, headers: headers)
            }
        }
        router.on("/admin/schemas", method: .get) { request, context in
            let input = Operations.ListSchemas.Input()
            switch try await self.listSchemas(input) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/schema/:schemaID", method: .get) { request, context in
            let schemaID = try RequestReader.pathParameter("schemaID", context: context)
            let input = Operations.GetSchema.Input(schemaID: schemaID)
            switch try await self.getSchema(input) {
            case .ok(let ok):
                return ResponseWriter.raw(ok.body, status: .ok)
            }
        }
        router.on("/schema/:schemaID", method: .put) { request, context in
            let schemaID = try RequestReader.pathParameter("schemaID", context: context)
            let caller = try await self.authorize(
                Operations.PutSchema.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let body = SchemaDocument(bytes: try await RequestReader.body(request, limits: limits))
            let input = Operations.PutSchema.Input(schemaID: schemaID, body: body)
            switch try await self.putSchema(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/schema/:schemaID", method: .delete) { request, context in
            let schemaID = try RequestReader.pathParameter("schemaID", context: context)
            let caller = try await self.authorize(
                Operations.DeleteSchema.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.DeleteSchema.Input(schemaID: schemaID)
            switch try await self.deleteSchema(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/schema/:schemaID/export", method: .get) { request, context in
            let schemaID = try RequestReader.pathParameter("schemaID", context: context)
            let format = try RequestReader.queryParameter("format", request: request, required: true)!
            let input = Operations.ExportSchema.Input(schemaID: schemaID, format: format)
            switch try await self.exportSchema(input) {
            case .ok(let ok):
                return ResponseWriter.text(ok.body, contentType: "text/plain", status: .ok)
            }
        }
        router.on("/schema/:schemaID/validate", method: .post) { request, context in
            let schemaID = try RequestReader.pathParameter("schemaID", context: context)
            let caller = try await self.authorize(
                Operations.ValidateAgainstSchema.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let body = EntityDocument(bytes: try await RequestReader.body(request, limits: limits))
            let input = Operations.ValidateAgainstSchema.Input(schemaID: schemaID, body: body)
            switch try await self.validateAgainstSchema(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/databases", method: .get) { request, context in
            let caller = try await self.authorize(
                Operations.ListDatabases.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let prefix = try RequestReader.queryParameter("prefix", request: request, required: false)
            let limit = try RequestReader.integer(RequestReader.queryParameter("limit", request: request, required: false), parameter: "limit", as: Int32.self)
            let after = try RequestReader.queryParameter("after", request: request, required: false)
            let input = Operations.ListDatabases.Input(prefix: prefix, limit: limit, after: after)
            switch try await self.listDatabases(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/databases/:database/entities", method: .get) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.ListEntities.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let prefix = try RequestReader.queryParameter("prefix", request: request, required: false)
            let limit = try RequestReader.integer(RequestReader.queryParameter("limit", request: request, required: false), parameter: "limit", as: Int32.self)
            let after = try RequestReader.queryParameter("after", request: request, required: false)
            let input = Operations.ListEntities.Input(database: database, prefix: prefix, limit: limit, after: after)
            switch try await self.listEntities(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/admin/workers", method: .get) { request, context in
            let caller = try await self.authorize(
                Operations.ListWorkers.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.ListWorkers.Input()
            switch try await self.listWorkers(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/ready", method: .get) { request, context in
            let input = Operations.GetReady.Input()
            switch try await self.getReady(input) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/backups", method: .post) { request, context in
            let caller = try await self.authorize(
                Operations.CreateBackup.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let body = try RequestReader.decode(CreateBackupRequest.self, from: try await RequestReader.body(request, limits: limits))
            let input = Operations.CreateBackup.Input(body: body)
            switch try await self.createBackup(input, caller: caller) {
            case .created(let created):
                return try ResponseWriter.json(created.body, status: .created)
            }
        }
        router.on("/api/stats", method: .get) { request, context in
            let caller = try await self.authorize(
                Operations.GetStats.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.GetStats.Input()
            switch try await self.getStats(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/databases/:database", method: .get) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.GetDatabase.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let input = Operations.GetDatabase.Input(database: database)
            switch try await self.getDatabase(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/databases/:database", method: .put) { request, context in
            let database = try RequestReader.pathParameter("database", context: context)
            let caller = try await self.authorize(
                Operations.PutDatabase.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: database
            )
            let body = try RequestReader.decode(DatabaseSettings.self, from: try await RequestReader.body(request, limits: limits))
            let input = Operations.PutDatabase.Input(database: database, body: body)
            switch try await self.putDatabase(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/login", method: .post) { request, context in
            let body = try RequestReader.decode(LoginRequest.self, from: try await RequestReader.body(request, limits: limits))
            let input = Operations.Login.Input(body: body)
            switch try await self.login(input) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/logout", method: .post) { request, context in
            let caller = try await self.authorize(
                Operations.Logout.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.Logout.Input()
            switch try await self.logout(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/me", method: .get) { request, context in
            let caller = try await self.authorize(
                Operations.GetMe.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.GetMe.Input()
            switch try await self.getMe(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/keys", method: .get) { request, context in
            let caller = try await self.authorize(
                Operations.ListAPIKeys.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.ListAPIKeys.Input()
            switch try await self.listAPIKeys(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
        router.on("/api/keys", method: .post) { request, context in
            let caller = try await self.authorize(
                Operations.CreateAPIKey.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let body = try RequestReader.decode(CreateAPIKeyRequest.self, from: try await RequestReader.body(request, limits: limits))
            let input = Operations.CreateAPIKey.Input(body: body)
            switch try await self.createAPIKey(input, caller: caller) {
            case .created(let created):
                return try ResponseWriter.json(created.body, status: .created)
            }
        }
        router.on("/api/keys/:id", method: .delete) { request, context in
            let id = try RequestReader.pathParameter("id", context: context)
            let caller = try await self.authorize(
                Operations.DeleteAPIKey.descriptor,
                authorization: RequestReader.header("Authorization", request: request),
                scope: nil
            )
            let input = Operations.DeleteAPIKey.Input(id: id)
            switch try await self.deleteAPIKey(input, caller: caller) {
            case .ok(let ok):
                return try ResponseWriter.json(ok.body, status: .ok)
            }
        }
    }
}
