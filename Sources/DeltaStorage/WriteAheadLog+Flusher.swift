import DeltaCore
import Foundation

extension WriteAheadLog {
    /// The flusher thread: takes everything queued, appends it with one `write`,
    /// makes it durable with one `fdatasync`, then applies it to the index and
    /// acknowledges every writer in the batch. Writers arriving meanwhile queue up
    /// for the next flush, so under load one flush serves many writers and none
    /// waits for more than the flush in progress plus its own.
    ///
    /// A failed write or flush fails every writer of the batch and stops the log:
    /// after a failed `fdatasync` the file's state is unknown (the kernel may have
    /// dropped the dirty pages), so appending more could acknowledge writes that a
    /// restart does not see. Reads go on; writes fail until the server restarts.
    func runFlusher() {
        condition.lock()
        while true {
            while queuedCommits.isEmpty && !closing { condition.wait() }
            if queuedCommits.isEmpty { break }
            let bytes = queuedBytes
            let commits = queuedCommits
            queuedBytes = []
            queuedCommits = []
            let current = activeSegment
            let rotate = current == nil || (segments.last?.bytes ?? 0) >= options.segmentBytes
            condition.unlock()

            var created: Int32?
            var outcome: DeltaError?
            let started = ContinuousClock.now
            do {
                if rotate { created = try directory.createSegment(commits[0].lsn) }
                guard let fd = created ?? current else { throw DeltaError(.internal, "no log segment is open") }
                try fileSystem.writeAll(fd, bytes)
                try fileSystem.fdatasync(fd)
            } catch {
                outcome = DeltaError.storage(
                    "could not write to the write-ahead log; the write was not acknowledged, and further writes "
                        + "are refused until the server is restarted (check the disk)", error)
            }

            if outcome == nil {
                StorageEvents.committed(
                    writes: commits.count, bytes: bytes.count, duration: ContinuousClock.now - started, grouped: true)
            }
            condition.lock()
            flushCount += 1
            if let outcome {
                if let created { fileSystem.close(created) }
                failure = failure ?? outcome
                for commit in commits { commit.done.resume(returning: .failure(outcome)) }
                // Writers queued behind the failed flush must not wait forever.
                for commit in queuedCommits { commit.done.resume(returning: .failure(outcome)) }
                queuedCommits = []
                queuedBytes = []
                wakeSpaceWaiters()
                continue
            }
            let last = commits[commits.count - 1].lsn
            if let created {
                if let current { fileSystem.close(current) }
                activeSegment = created
                segments.append(LogSegment(firstLSN: commits[0].lsn, lastLSN: last, bytes: bytes.count))
            } else {
                segments[segments.count - 1].lastLSN = last
                segments[segments.count - 1].bytes += bytes.count
            }
            logBytes += bytes.count
            for commit in commits { apply(commit.lsn, commit.id, commit.value) }
            appliedLSN = last
            for commit in commits { commit.done.resume(returning: .success(())) }
            condition.broadcast()  // the materialisers have work
        }
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }
}
