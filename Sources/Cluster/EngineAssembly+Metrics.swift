import DeltaCache
import DeltaEngine
import DeltaMetrics
import DeltaStorage
import Prometheus

extension EngineAssembly {
    /// Records storage's commits and recovery on `hub`: `storage_commit_duration_seconds`
    /// (write and sync of one log flush or entity file), `wal_flush_batch_size`
    /// (writers per group commit), `storage_committed_bytes_total`,
    /// `recovery_files_scanned_total` and `recovery_in_progress`.
    public static func observeStorage(on hub: MetricsHub) {
        let grouped = hub.durations("storage_commit_duration_seconds", [("kind", "wal_flush")])
        let single = hub.durations("storage_commit_duration_seconds", [("kind", "entity_file")])
        let batch = hub.values("wal_flush_batch_size", buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512])
        let bytes = hub.counter("storage_committed_bytes_total")
        let scanned = hub.counter("recovery_files_scanned_total")
        let running = hub.gauge("recovery_in_progress")
        StorageEvents.observe(StorageEvents.Observer(
            committed: { writes, size, duration, isGroup in
                if isGroup {
                    grouped.record(duration)
                    batch.record(Double(writes))
                } else {
                    single.record(duration)
                }
                bytes.increment(by: Int64(size))
            },
            recoveryScanned: { scanned.increment(by: Int64($0)) },
            recoveryRunning: { running.set(Double($0 ? 1 : 0)) }
        ))
    }

    /// Reads a cache's counters into `hub` at each scrape: `entity_cache_hits_total`,
    /// `entity_cache_misses_total`, `entity_cache_evictions_total`,
    /// `entity_cache_expirations_total`, `entity_cache_entries`, `entity_cache_bytes`,
    /// and `entity_cache_coherence_drops_total` (cached copies found stale against
    /// storage and dropped) where `coherenceDrops` is given.
    public static func observeCache(
        on hub: MetricsHub, stats: @escaping @Sendable () async -> CacheStats,
        coherenceDrops: (@Sendable () -> Int)? = nil
    ) {
        let hits = CounterFromTotal(hub.counter("entity_cache_hits_total"))
        let misses = CounterFromTotal(hub.counter("entity_cache_misses_total"))
        let evictions = CounterFromTotal(hub.counter("entity_cache_evictions_total"))
        let expirations = CounterFromTotal(hub.counter("entity_cache_expirations_total"))
        let drops = CounterFromTotal(hub.counter("entity_cache_coherence_drops_total"))
        let entries = hub.gauge("entity_cache_entries")
        let size = hub.gauge("entity_cache_bytes")
        hub.addCollector {
            let now = await stats()
            hits.advance(to: now.hits)
            misses.advance(to: now.misses)
            evictions.advance(to: now.evictions)
            expirations.advance(to: now.expirations)
            if let coherenceDrops { drops.advance(to: coherenceDrops()) }
            entries.set(Double(now.count))
            size.set(Double(now.bytes))
        }
    }

    /// Reads the active key's use into `hub` at each scrape: `key_nonce_budget_used_ratio`
    /// (encryptions by this process over `Keyring.nonceBudget`) and `key_encryptions`.
    public static func observeKeys(on hub: MetricsHub, keys: KeyringHolder) {
        let used = hub.gauge("key_nonce_budget_used_ratio")
        let encryptions = hub.gauge("key_encryptions")
        hub.addCollector { [weak keys] in
            guard let keyring = try? keys?.current() else { return }
            used.set(keyring.activeKeyBudgetUsed)
            encryptions.set(Double(keyring.encryptions(of: keyring.activeKeyID) ?? 0))
        }
    }

    /// Reads the worker registry into `hub` at each scrape: `registered_workers`,
    /// `available_workers` (the original's) and `workers{status}`.
    public static func observeRegistry(on hub: MetricsHub, registry: WorkerRegistry) {
        let registered = hub.gauge("registered_workers")
        let available = hub.gauge("available_workers")
        let statuses = ["Available", "Unavailable", "Draining"]
        let byStatus = Dictionary(uniqueKeysWithValues: statuses.map { ($0, hub.gauge("workers", [("status", $0.lowercased())])) })
        hub.addCollector {
            let snapshot = registry.snapshot()
            registered.set(Double(snapshot.count))
            available.set(Double(snapshot.filter { $0.status == "Available" }.count))
            for status in statuses {
                byStatus[status]?.set(Double(snapshot.filter { $0.status == status }.count))
            }
        }
    }
}
