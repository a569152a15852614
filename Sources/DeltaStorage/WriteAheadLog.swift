import DeltaCore
import Foundation

/// The write-ahead log of a `FileEntityStore` that holds its directory exclusively:
/// a write is acknowledged once its record is in the log and the log is flushed,
/// and concurrent writers share that flush (group commit). Entity files are written
/// later, in the background, and log segments are retired once the files they
/// cover are durable (a checkpoint).
///
/// - Group commit: `append` queues the encoded record and waits. One flusher thread
///   writes everything queued while its previous flush ran with one `write` and
///   one `fdatasync`, then wakes all those writers (see `WriteAheadLog+Flusher`).
/// - Reads: every entity whose newest version is only in the log is in `index`,
///   with its ciphertext, so `lookup` answers before entity files do.
/// - Materialising and checkpoints: see `WriteAheadLog+Materializer`.
/// - Start-up: `init` replays the log (`LogReplay`) before anything is served.
///
/// It does not serialise writers of one entity (the store's lock does), does not
/// encrypt (records hold the caller's ciphertext and metadata, never plaintext),
/// and must not share a directory with another process that writes entities: the
/// files are not the whole truth while records wait in the log.
final class WriteAheadLog: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `condition`.

    /// Limits and threads.
    struct Options: Sendable {
        /// A segment is closed, and a new one started, once it holds this much.
        var segmentBytes = 8 << 20
        /// Writers wait while the log is larger than this (bounds replay at start-up).
        var maxLogBytes = 64 << 20
        /// Writers wait while the log-only entities hold this much ciphertext in memory.
        var maxPendingBytes = 32 << 20
        /// Threads writing entity files in the background.
        var materializerThreads = 4
        /// How long a change stays only in the log before it is written to its entity
        /// file, unless the log or the pending ciphertext is more than half full.
        /// Waiting lets repeated writes of one entity reach its file once, and keeps
        /// the directory quiet right after a write.
        var materializeDelay = Duration.seconds(1)
        /// Whether entity files are written in the background at all; tests turn it
        /// off to keep entities in the log only (then only `checkpoint` and `close` write them).
        var materializes = true
    }

    /// The newest state of an entity that is only in the log.
    enum Pending: Sendable, Equatable {
        case put(StoredEntity)
        case deleted

        var metadata: EntityMetadata? {
            if case .put(let entity) = self { entity.metadata } else { nil }
        }

        var bytes: Int {
            if case .put(let entity) = self { entity.ciphertext.count } else { 0 }
        }
    }

    struct Entry {
        var lsn: UInt64
        var value: Pending
        /// In `dirty`, waiting to be written to its entity file.
        var queued = false
        /// Being written to its entity file right now.
        var inFlight = false
        /// When it was last queued in `dirty`.
        var queuedAt = ContinuousClock.now
    }

    /// A record waiting for the next flush.
    struct Commit {
        var lsn: UInt64
        var id: EntityID
        var value: Pending
        var done: CheckedContinuation<Result<Void, DeltaError>, Never>
    }

    let options: Options
    let directory: LogDirectory
    let fileSystem: any FileSystemOps
    /// The data directory: its file system is synced before a checkpoint.
    let root: String
    /// Writes one entity's newest state to its entity file, durably.
    let materialize: @Sendable (EntityID, Pending) throws(DeltaError) -> Void

    let condition = NSCondition()
    // Guarded by `condition`:
    var index: [EntityID: Entry] = [:]
    var pendingBytes = 0
    var nextLSN: UInt64
    /// The last LSN whose flush succeeded.
    var appliedLSN: UInt64
    var checkpointLSN: UInt64
    var queuedBytes: [UInt8] = []
    var queuedCommits: [Commit] = []
    var segments: [LogSegment]
    var activeSegment: Int32?
    var logBytes: Int
    /// Set when a flush fails: the log's tail is unknown, so nothing more is appended.
    var failure: DeltaError?
    var closing = false
    var runningThreads = 0
    var dirty: [EntityID] = []
    var dirtyHead = 0
    var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    var checkpointRunning = false
    var lastCheckpointAttempt = ContinuousClock.now
    /// Statistics for tests: log flushes, and the last failure writing an entity file.
    var flushCount = 0
    var materializeFailure: DeltaError?

    /// Opens the log in `<root>/_wal`, replaying it into the index, and starts the
    /// flusher and materialiser threads.
    ///
    /// - Throws: what `LogReplay` throws: `.integrityFailure` for a damaged log
    ///   (start-up must stop), `.storageFailure` for I/O errors.
    init(
        root: String, fileSystem: any FileSystemOps, options: Options,
        materialize: @escaping @Sendable (EntityID, Pending) throws(DeltaError) -> Void
    ) throws(DeltaError) {
        self.options = options
        self.fileSystem = fileSystem
        self.root = root
        self.directory = LogDirectory(fileSystem: fileSystem, root: root)
        self.materialize = materialize
        let replay = try LogReplay(directory, root: root)
        nextLSN = replay.nextLSN
        appliedLSN = replay.nextLSN - 1
        checkpointLSN = replay.checkpoint
        segments = replay.segments
        logBytes = replay.segments.reduce(0) { $0 + $1.bytes }
        for record in replay.records { apply(record.lsn, record.change.id, Self.pending(record.change)) }
        startThreads()
    }

    static func pending(_ change: LoggedChange) -> Pending {
        switch change {
        case .put(let entity): .put(entity)
        case .delete: .deleted
        }
    }

    /// The entity's newest state if it is only in the log, nil if the entity files
    /// are up to date for it.
    func lookup(_ id: EntityID) -> Pending? {
        condition.lock()
        defer { condition.unlock() }
        return index[id]?.value
    }

    /// Durably appends `change` (of an entity whose lock the caller holds) and
    /// makes it visible to `lookup`. Returns once the log is flushed.
    ///
    /// - Throws: `.storageFailure` if the flush fails (the change may or may not
    ///   survive a restart, like any unacknowledged write) or failed before.
    func append(_ change: LoggedChange) async throws(DeltaError) {
        let record = try LogRecordFormat.encode(change)
        let id = change.id
        let value = Self.pending(change)
        await waitForSpace()
        let outcome: Result<Void, DeltaError> = await withCheckedContinuation { done in
            condition.lock()
            defer { condition.unlock() }
            if let refusal = failure ?? (closing ? DeltaError(.storageFailure, "the store is closed") : nil) {
                done.resume(returning: .failure(refusal))
                return
            }
            let lsn = nextLSN
            nextLSN += 1
            queuedBytes += record.sequenced(lsn)
            queuedCommits.append(Commit(lsn: lsn, id: id, value: value, done: done))
            condition.broadcast()
        }
        try outcome.get()
    }

    /// Waits while the log or the log-only entities exceed their limits (the
    /// materialiser is behind), so memory and replay time stay bounded.
    private func waitForSpace() async {
        while true {
            await withCheckedContinuation { (resume: CheckedContinuation<Void, Never>) in
                condition.lock()
                defer { condition.unlock() }
                if hasSpace { resume.resume() } else { spaceWaiters.append(resume) }
            }
            if condition.withLock({ hasSpace }) { return }
        }
    }

    /// Call with `condition` locked.
    var hasSpace: Bool {
        failure != nil || closing || (pendingBytes <= options.maxPendingBytes && logBytes <= options.maxLogBytes)
    }

    /// Records `value` as the newest state of `id`, queued for its entity file.
    /// Call with `condition` locked (or from `init`).
    func apply(_ lsn: UInt64, _ id: EntityID, _ value: Pending) {
        var entry = index[id] ?? Entry(lsn: lsn, value: value)
        pendingBytes += value.bytes - (index[id]?.value.bytes ?? 0)
        entry.lsn = lsn
        entry.value = value
        if !entry.queued && !entry.inFlight {
            entry.queued = true
            entry.queuedAt = .now
            dirty.append(id)
        }
        index[id] = entry
    }

    /// Wakes writers waiting for space. Call with `condition` locked.
    func wakeSpaceWaiters() {
        guard hasSpace, !spaceWaiters.isEmpty else { return }
        for waiter in spaceWaiters { waiter.resume() }
        spaceWaiters = []
    }
}

extension WriteAheadLog {
    /// A consistent view of the log's counters, for tests and statistics.
    struct Snapshot: Sendable {
        /// Flushes (one `write` + `fdatasync` each) since the log was opened.
        var flushes: Int
        /// Records waiting for the next flush.
        var queued: Int
        /// Entities whose newest state is only in the log.
        var logOnlyEntities: Int
        /// The segments kept, oldest first.
        var segments: [LogSegment]
        /// Everything at or below this LSN is in durable entity files.
        var checkpoint: UInt64
        /// The last LSN acknowledged.
        var applied: UInt64
        /// The last LSN given to a record (acknowledged, queued or being flushed).
        var assigned: UInt64
    }

    var snapshot: Snapshot {
        condition.withLock {
            Snapshot(
                flushes: flushCount, queued: queuedCommits.count, logOnlyEntities: index.count,
                segments: segments, checkpoint: checkpointLSN, applied: appliedLSN, assigned: nextLSN - 1)
        }
    }
}
