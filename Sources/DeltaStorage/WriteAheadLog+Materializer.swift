import DeltaCore
import Foundation

extension WriteAheadLog {
    /// Starts the flusher and, unless `options.materializes` is off, the
    /// materialiser threads.
    func startThreads() {
        let count = options.materializes ? max(1, options.materializerThreads) : 0
        condition.withLock { runningThreads = 1 + count }
        let flusher = Thread { [self] in runFlusher() }
        flusher.name = "deltadb.wal.flusher"
        flusher.start()
        for number in 0..<count {
            let thread = Thread { [self] in runMaterializer() }
            thread.name = "deltadb.wal.materializer-\(number + 1)"
            thread.start()
        }
    }

    /// A materialiser thread: writes the newest logged state of one dirty entity
    /// at a time to its entity file (durably, under the entity's `flock`), then
    /// drops the entity from the index unless a newer write arrived meanwhile.
    /// Several threads run so their file flushes overlap; one entity is never
    /// written by two at once (`Entry.inFlight`).
    func runMaterializer() {
        condition.lock()
        while !closing {
            guard dirtyHead < dirty.count else {
                // Idle: retire what the last writes covered (writers may be waiting for
                // that space), then sleep until there is work or the next check is due.
                if hasClosedSegment, ContinuousClock.now - lastCheckpointAttempt > .milliseconds(20) {
                    checkpointFromLoop()
                } else {
                    _ = condition.wait(until: Date().addingTimeInterval(0.1))
                }
                continue
            }
            let due = index[dirty[dirtyHead]]!.queuedAt + options.materializeDelay
            if ContinuousClock.now < due, !underPressure {
                _ = condition.wait(until: Date().addingTimeInterval(min(0.1, Self.seconds(due - .now))))
                continue
            }
            let (id, entry) = takeDirty()
            condition.unlock()
            let outcome = Result { () throws(DeltaError) in try materialize(id, entry.value) }
            condition.lock()
            finish(id, entry, outcome.error)
            if outcome.error != nil {
                // Retry later rather than spin; writers wait once the backlog is full.
                condition.unlock()
                Thread.sleep(forTimeInterval: 0.05)
                condition.lock()
            }
            if ContinuousClock.now - lastCheckpointAttempt > .milliseconds(20) || !spaceWaiters.isEmpty {
                checkpointFromLoop()
            }
        }
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the log or the pending ciphertext is more than half its limit, or
    /// writers wait for space: then changes are written out without waiting for
    /// `materializeDelay`. Call with `condition` locked.
    private var underPressure: Bool {
        !spaceWaiters.isEmpty || pendingBytes > options.maxPendingBytes / 2 || logBytes > options.maxLogBytes / 2
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return max(0, Double(seconds) + Double(attoseconds) / 1e18)
    }

    /// Whether a segment other than the one open for appends exists. Call with `condition` locked.
    private var hasClosedSegment: Bool { segments.count > (activeSegment == nil ? 0 : 1) }

    /// `checkpoint()` from a materialiser, which holds `condition` (released meanwhile).
    private func checkpointFromLoop() {
        lastCheckpointAttempt = .now
        condition.unlock()
        try? checkpoint()
        condition.lock()
    }

    /// The next dirty entity, now in flight. Call with `condition` locked and `dirty` not empty.
    private func takeDirty() -> (EntityID, Entry) {
        let id = dirty[dirtyHead]
        dirtyHead += 1
        if dirtyHead > 1024, dirtyHead * 2 > dirty.count {
            dirty.removeFirst(dirtyHead)
            dirtyHead = 0
        }
        index[id]!.queued = false
        index[id]!.inFlight = true
        return (id, index[id]!)
    }

    /// Records the outcome of writing `entry` to its entity file. Call with `condition` locked.
    private func finish(_ id: EntityID, _ entry: Entry, _ error: DeltaError?) {
        index[id]!.inFlight = false
        if let error { materializeFailure = error }
        if error == nil, index[id]!.lsn == entry.lsn {
            pendingBytes -= entry.value.bytes
            index[id] = nil
        } else if !index[id]!.queued {
            index[id]!.queued = true
            index[id]!.queuedAt = .now
            dirty.append(id)
        }
        wakeSpaceWaiters()
        condition.broadcast()
    }

    /// Writes every entity dirty at the call to its entity file on the calling thread,
    /// waits for those in flight elsewhere, and retires the segments that are covered.
    /// An entity whose file cannot be written keeps its records in the log (and is
    /// retried later); the others are still written and checkpointed.
    ///
    /// - Throws: the first error writing an entity file, or the checkpoint's error.
    func checkpointNow() throws(DeltaError) {
        condition.lock()
        var firstError: DeltaError?
        var remaining = dirty.count - dirtyHead  // failures go back to the end of `dirty`: not retried here
        while true {
            if remaining > 0, dirtyHead < dirty.count {
                remaining -= 1
                let (id, entry) = takeDirty()
                condition.unlock()
                let outcome = Result { () throws(DeltaError) in try materialize(id, entry.value) }
                condition.lock()
                finish(id, entry, outcome.error)
                firstError = firstError ?? outcome.error
            } else if index.values.contains(where: \.inFlight) {
                condition.wait()
            } else {
                break
            }
        }
        condition.unlock()
        try checkpoint()
        if let firstError { throw firstError }
    }

    /// Retires the segments whose records are all in entity files: first the file
    /// system is synced (materialisers write entity files without syncing each one,
    /// so one `syncfs` makes every file written so far durable), then the checkpoint
    /// LSN is made durable, then the segments are deleted (a crash in between leaves
    /// segments that replay skips and deletes).
    ///
    /// The checkpoint is one below the oldest LSN still in the index (everything
    /// older is in the files; an entity overwritten in the log counts by its newest
    /// record only), or the last flushed LSN when the index is empty.
    func checkpoint() throws(DeltaError) {
        condition.lock()
        guard !checkpointRunning else {
            condition.unlock()
            return
        }
        let watermark = index.values.lazy.map(\.lsn).min().map { $0 - 1 } ?? appliedLSN
        let active = activeSegment == nil ? nil : segments.last?.firstLSN
        let retired = segments.filter { $0.lastLSN <= watermark && $0.firstLSN != active }
        guard !retired.isEmpty else {
            condition.unlock()
            return
        }
        checkpointRunning = true
        condition.unlock()
        var failure: (any Error)?
        do {
            // Every record at or below the watermark was written to its entity file
            // before the watermark was taken (finish() runs after materialize()).
            try fileSystem.syncFileSystem(root)
            if watermark > checkpointLSN { try directory.writeCheckpoint(watermark) }
            for segment in retired { try directory.removeSegment(segment.firstLSN) }
        } catch {
            failure = error
        }
        condition.lock()
        checkpointRunning = false
        if failure == nil {
            checkpointLSN = max(checkpointLSN, watermark)
            segments.removeAll { $0.lastLSN <= watermark && $0.firstLSN != active }
            logBytes = segments.reduce(0) { $0 + $1.bytes }
            wakeSpaceWaiters()
        }
        condition.unlock()
        if let failure { throw DeltaError.storage("could not checkpoint the write-ahead log", failure) }
    }

    /// Stops the threads, writes every logged change to its entity file and retires
    /// the log, so a cleanly closed store leaves complete entity files. A second call
    /// does nothing.
    ///
    /// - Throws: the first error writing an entity file or the checkpoint: what was
    ///   not written out stays in the log (durable) for the next start to replay.
    func close() throws(DeltaError) {
        condition.lock()
        guard !closing else {
            condition.unlock()
            return
        }
        closing = true
        condition.broadcast()
        while runningThreads > 0 { condition.wait() }
        if let fd = activeSegment {
            fileSystem.close(fd)
            activeSegment = nil
        }
        wakeSpaceWaiters()
        condition.unlock()
        try checkpointNow()
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { error } else { nil }
    }
}
