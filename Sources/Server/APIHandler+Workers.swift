import APIRuntime
import DeltaAuth
import DeltaCluster
import DeltaEngine
import Foundation
import Generated

/// Where `GET /admin/workers` gets its answer.
enum WorkerDirectory: Sendable {
    /// The all-in-one server: its one embedded Processing Worker, always available.
    case embedded(workerID: String, keyring: KeyringHolder)
    /// A Main Worker: the subscribed workers.
    case registry(WorkerRegistry)

    /// The workers, sorted by id.
    func list(now: Date = Date()) -> [WorkerInfo] {
        switch self {
        case .embedded(let workerID, let keyring):
            return [WorkerInfo(
                workerId: workerID, status: .available, keyId: keyring.activeKeyID ?? "",
                lastSeen: Timestamp.format(now), tags: ["mode": "embedded"], activeRequests: 0
            )]
        case .registry(let registry):
            let active = registry.activeRequests()
            return registry.snapshot(now: now).map { entry in
                WorkerInfo(
                    workerId: entry.worker.id, status: WorkerInfoStatus(rawValue: entry.status) ?? .unavailable,
                    keyId: entry.worker.keyID, lastSeen: Timestamp.format(entry.worker.lastSeen), tags: entry.worker.tags,
                    activeRequests: Int64(max(0, active[entry.worker.id] ?? 0))
                )
            }
        }
    }
}

extension APIHandler {
    func listWorkers(_ input: Operations.ListWorkers.Input, caller: Principal) async throws -> Operations.ListWorkers.Output {
        .ok(.init(body: workers.list()))
    }
}
