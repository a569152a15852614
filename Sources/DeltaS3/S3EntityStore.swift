import DeltaCore
import DeltaStorage
import Foundation

/// An `EntityStore` in an S3 bucket, with the file store's layout (`files/<db>.db/…`,
/// see `S3ObjectLayout`) and commit protocol: blob first, then the sidecar, whose
/// PUT is the commit point.
///
/// Writers of one entity are serialised in-process by an async lock. Across machines,
/// where S3 has no lock, every commit is a conditional PUT of the sidecar
/// (`If-Match: <etag read>`, or `If-None-Match: *` for a new entity), and blobs are
/// created with `If-None-Match: *`: a writer that lost a race gets 412, re-reads, calls
/// `build` again with the newer metadata and retries (up to `maxAttempts` times), so
/// two machines never silently overwrite each other. `build` and `check` may
/// therefore run more than once per call; each run sees the then-current metadata.
///
/// Reads take no lock: the sidecar, then the blob it names (re-read once more if a
/// writer just replaced it). A crash between the blob PUT and the sidecar PUT leaves
/// an orphan blob that no sidecar names; it is never read, and the next writer of that
/// version removes it once it is older than `orphanAgeSeconds` by the server's clock.
///
/// It does not encrypt and does not cache. It needs a server that honours
/// `If-Match`/`If-None-Match` on PutObject and `If-Match` on DeleteObject (AWS S3,
/// moto 5.2.1 as tested; check yours with `verifyConditionalRequests()`). Listing reads every
/// object key under the database's prefix: O(objects) per call.
public final class S3EntityStore: EntityStore {
    /// The client (bucket, endpoint, credentials).
    public let client: S3Client
    /// How many read-build-commit rounds a write or delete tries before giving up.
    public let maxAttempts: Int
    /// A blob of an uncommitted version older than this (seconds, server clock) is taken
    /// to be left by a crashed writer and may be removed. A writer whose own blob PUT
    /// started more than half of this ago abandons its commit and retries.
    public let orphanAgeSeconds: Double
    /// How old (by the S3 server's clock, whole seconds) a blob no sidecar names may
    /// be and still be taken for another machine's commit in progress, which a write
    /// waits for; an older one is reported as an unfinished write at once.
    public let liveWriteSeconds: Double

    let layout = S3ObjectLayout()
    private let locks = KeyedAsyncLock<EntityID>()

    /// Creates a store on `client`'s bucket. Performs no I/O.
    public init(client: S3Client, maxAttempts: Int = 8, orphanAgeSeconds: Double = 60, liveWriteSeconds: Double = 5) {
        self.client = client
        self.maxAttempts = max(1, maxAttempts)
        self.orphanAgeSeconds = orphanAgeSeconds
        self.liveWriteSeconds = liveWriteSeconds
    }

    /// The sidecar's metadata and ETag, or nil if it does not exist.
    ///
    /// - Throws: `.integrityFailure` if it is not valid metadata for `id`.
    func readSidecar(_ id: EntityID) async throws(DeltaError) -> (metadata: EntityMetadata, etag: String)? {
        guard let object = try await client.getObject(layout.sidecarKey(id)) else { return nil }
        return (try EntityStoreRules.decodeMetadata(object.body, for: id), object.etag)
    }

    /// The sidecar, then the blob it names (see `EntityStore.read`).
    public func read(_ id: EntityID) async throws(DeltaError) -> StoredEntity? {
        for _ in 0..<8 {
            guard let (metadata, _) = try await readSidecar(id) else { return nil }
            guard let blob = try await client.getObject(layout.blobKey(id, version: metadata.version)) else {
                guard let again = try await readSidecar(id) else { return nil }  // deleted meanwhile
                if again.metadata.version != metadata.version { continue }  // replaced meanwhile
                throw DeltaError(.integrityFailure, "the stored data of \(id) version \(metadata.version) is missing")
            }
            guard blob.body.count == metadata.size else {
                throw DeltaError(
                    .integrityFailure,
                    "the stored data of \(id) version \(metadata.version) has \(blob.body.count) bytes; its metadata says \(metadata.size)")
            }
            return StoredEntity(metadata: metadata, ciphertext: blob.body)
        }
        throw DeltaError(.storageFailure, "\(id) changed too often while being read; try again")
    }

    /// Only the sidecar (see `EntityStore.readMetadata`).
    public func readMetadata(_ id: EntityID) async throws(DeltaError) -> EntityMetadata? {
        try await readSidecar(id)?.metadata
    }

    /// Read-build-commit with conditional PUTs, retried when another machine commits
    /// first (see the type's documentation and `EntityStore.write`).
    ///
    /// - Throws: `build`'s error unchanged; `.internal` for a broken `build`;
    ///   `.storageFailure` for S3 errors or when other writers won `maxAttempts` races;
    ///   `.invalidName` for names whose object keys S3 would refuse as too long.
    public func write(
        _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata {
        try layout.checkFits(id)
        return try await locks.withLock(id) { () async throws(DeltaError) -> EntityMetadata in
            var lostRaces = 0
            var waits = 0
            while true {
                let current = try await readSidecar(id)
                let next = try build(current?.metadata)
                try EntityStoreRules.validateCommit(next, for: id, current: current?.metadata)
                switch try await Self.finishing({ () async throws(DeltaError) -> CommitOutcome in
                    try await self.commit(next, over: current, id)
                }) {
                case .committed:
                    return next.metadata
                case .lostRace:
                    lostRaces += 1
                    guard lostRaces < maxAttempts else {
                        throw DeltaError(
                            .storageFailure,
                            "\(id) was changed by other writers \(maxAttempts) times during this write; try again")
                    }
                    await S3Client.pauseAfterLostRace(lostRaces)
                case .unfinishedWrite(let age):
                    // Another machine is committing this version right now (its blob is
                    // seconds old): wait for its commit, then build again on top of it.
                    // An older blob is most likely an orphan: say so at once.
                    waits += 1
                    guard age < liveWriteSeconds, waits < Self.maxWaits else {
                        throw DeltaError(
                            .unavailable,
                            "\(id) cannot be written for now: an unfinished write (most likely a process that stopped "
                                + "in the middle of writing it, about \(Int(age)) s ago) holds its next version, which is "
                                + "cleared once it is \(Int(orphanAgeSeconds)) s old; try again then. Nothing was changed")
                    }
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 40...80)))
                }
            }
        }
    }

    /// Waits for another machine's commit before giving up (about 60 ms each).
    static let maxWaits = 150

    /// How one commit attempt ended.
    enum CommitOutcome {
        case committed
        /// Another writer committed first; nothing of ours stays visible.
        case lostRace
        /// A blob of the version to write exists that no sidecar names yet, `age`
        /// seconds old: another machine is committing it, or one stopped halfway.
        case unfinishedWrite(age: Double)
    }

    /// Runs `body` to its end even if the calling task is cancelled (a Main Worker
    /// that went away, a client that hung up): a commit stopped between its blob
    /// and its sidecar would leave an orphan that blocks the entity's next write
    /// for `orphanAgeSeconds`, and a write that reached storage must not be half done.
    static func finishing<Result: Sendable>(
        _ body: @escaping @Sendable () async throws(DeltaError) -> Result
    ) async throws(DeltaError) -> Result {
        do {
            return try await Task { try await body() }.value
        } catch let error as DeltaError {
            throw error
        } catch {
            throw DeltaError(.internal, "a storage commit failed unexpectedly", cause: error)
        }
    }

    /// One commit attempt; throws on S3 errors.
    private func commit(
        _ next: StoredEntity, over current: (metadata: EntityMetadata, etag: String)?, _ id: EntityID
    ) async throws(DeltaError) -> CommitOutcome {
        let version = next.metadata.version
        let blobKey = layout.blobKey(id, version: version)
        let sidecar: [UInt8]
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            sidecar = Array(try encoder.encode(next.metadata))
        } catch {
            throw DeltaError(.internal, "could not encode the metadata of \(id)", cause: error)
        }
        let started = ContinuousClock.now
        let blobETag: String
        do throws(DeltaError) {
            blobETag = try await client.putObject(blobKey, next.ciphertext, condition: .absent)
        } catch where error.code == .preconditionFailed {
            // A blob of this version exists: another machine is committing it, or one crashed
            // before its commit point. Remove it only once it is clearly abandoned.
            guard let head = try await client.headObject(blobKey) else { return .lostRace }
            let age = head.ageSeconds ?? 0
            if age > orphanAgeSeconds {
                try? await client.deleteObject(blobKey, condition: .etag(head.etag))
                return .lostRace
            }
            return .unfinishedWrite(age: age)
        }
        if ContinuousClock.now - started > .seconds(orphanAgeSeconds / 2) {
            // Too slow: another writer may already treat our blob as abandoned.
            try? await client.deleteObject(blobKey, condition: .etag(blobETag))
            return .lostRace
        }
        do throws(DeltaError) {
            // THE COMMIT POINT.
            try await client.putObject(
                layout.sidecarKey(id), sidecar, condition: current.map { .etag($0.etag) } ?? .absent)
        } catch where error.code == .preconditionFailed {
            try? await client.deleteObject(blobKey, condition: .etag(blobETag))
            return .lostRace
        }
        if let current, current.metadata.version != version {
            // Committed: a leftover old blob is never read, so failing here is not an error.
            try? await client.deleteObject(layout.blobKey(id, version: current.metadata.version))
        }
        return .committed
    }

    /// Conditional delete of the sidecar (the commit point), then the blob (see
    /// `EntityStore.delete`). `check` may run again if another machine wrote meanwhile.
    public func delete(
        _ id: EntityID,
        _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool {
        try await locks.withLock(id) { () async throws(DeltaError) -> Bool in
            for attempt in 0..<maxAttempts {
                let current = try await readSidecar(id)
                try check(current?.metadata)
                guard let current else { return false }
                let (client, layout) = (self.client, self.layout)
                let deleted = try await Self.finishing { () async throws(DeltaError) -> Bool in
                    do throws(DeltaError) {
                        try await client.deleteObject(layout.sidecarKey(id), condition: .etag(current.etag))
                    } catch where error.code == .preconditionFailed {
                        return false
                    }
                    try? await client.deleteObject(layout.blobKey(id, version: current.metadata.version))
                    return true
                }
                if deleted { return true }
                await S3Client.pauseAfterLostRace(attempt)
            }
            throw DeltaError(
                .storageFailure, "\(id) was changed by other writers \(maxAttempts) times during this delete; try again")
        }
    }

    /// Databases with at least one sidecar, from a listing of `files/`.
    public func listDatabases() async throws(DeltaError) -> [String] {
        let listing = try await client.listAll(prefix: S3ObjectLayout.filesPrefix)
        var seen = Set<[UInt8]>()
        var names: [String] = []
        for key in listing.keys {
            guard let id = layout.entity(fromSidecarKey: key), seen.insert(Array(id.database.utf8)).inserted else { continue }
            names.append(id.database)
        }
        return names.sorted(by: EntityStoreRules.bytewiseLess)
    }

    /// Lists the database's objects, sorts the keys bytewise and reads the sidecars of the
    /// returned page only (see `EntityStore.listEntities`).
    public func listEntities(
        database: String, prefix: String, after: String?, limit: Int
    ) async throws(DeltaError) -> EntityPage {
        try EntityStoreRules.validateListing(database: database, limit: limit)
        let listing = try await client.listAll(prefix: layout.databasePrefix(database))
        let keys = listing.keys.compactMap { objectKey -> String? in
            guard let id = layout.entity(fromSidecarKey: objectKey),
                  id.database.utf8.elementsEqual(database.utf8) else { return nil }
            return id.key
        }.sorted(by: EntityStoreRules.bytewiseLess)
        var builder = EntityStoreRules.PageBuilder(sortedKeys: keys, prefix: prefix, after: after, limit: limit)
        while let key = builder.nextCandidate() {
            // A key deleted since the listing is skipped.
            if let metadata = try await readSidecar(try EntityID(database: database, key: key))?.metadata {
                builder.add(EntityListing(key: key, version: metadata.version, updatedAt: metadata.updatedAt))
            }
        }
        return builder.page
    }

    /// Checks that the server enforces the conditional requests this store relies on,
    /// with a throw-away object under `_probe/`.
    ///
    /// - Throws: `.storageFailure` naming the missing feature, or for S3 errors.
    public func verifyConditionalRequests() async throws(DeltaError) {
        let key = "_probe/\(UUID().uuidString.lowercased())"
        let etag = try await client.putObject(key, Array("probe".utf8), condition: .absent)
        defer { Task { [client] in try? await client.deleteObject(key) } }
        do throws(DeltaError) {
            try await client.putObject(key, Array("again".utf8), condition: .absent)
            throw DeltaError(.storageFailure, "the S3 server ignores If-None-Match on PutObject; concurrent writers could overwrite each other")
        } catch where error.code == .preconditionFailed {}
        do throws(DeltaError) {
            try await client.putObject(key, Array("again".utf8), condition: .etag("\"0\(etag.dropFirst())"))
            throw DeltaError(.storageFailure, "the S3 server ignores If-Match on PutObject; concurrent writers could overwrite each other")
        } catch where error.code == .preconditionFailed {}
        do throws(DeltaError) {
            try await client.deleteObject(key, condition: .etag("\"0\(etag.dropFirst())"))
            throw DeltaError(.storageFailure, "the S3 server ignores If-Match on DeleteObject; a delete could remove a newer version")
        } catch where error.code == .preconditionFailed {}
    }
}
