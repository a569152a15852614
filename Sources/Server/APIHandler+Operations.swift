import DeltaCluster
import DeltaCore
import DeltaAuth
import Generated

extension APIHandler {
    /// 200 when the server serves requests; 503 (`unavailable`) naming what it waits for.
    func getReady(_ input: Operations.GetReady.Input) async throws -> Operations.GetReady.Output {
        if let reason = readiness.notReadyReason {
            throw DeltaError(.unavailable, "not ready: \(reason)")
        }
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    /// Takes an online backup (admin, not limited to databases: a backup holds all of
    /// them and the API keys).
    func createBackup(_ input: Operations.CreateBackup.Input, caller: Principal) async throws -> Operations.CreateBackup.Output {
        guard caller.databases == nil else {
            throw DeltaError(
                .forbidden,
                "a backup holds every database and the API keys: use the admin key or an admin API key not limited to databases")
        }
        guard let backups else {
            throw DeltaError(.badRequest, "this server takes no online backups: back up its directory with `deltadb backup -shared-fs`")
        }
        let (path, manifest) = try await backups.take(name: input.body.name)
        return .created(.init(body: BackupSummary(
            name: input.body.name, directory: path, entities: Int64(manifest.entities), files: Int64(manifest.files.count),
            createdAt: manifest.createdAt
        )))
    }
}
