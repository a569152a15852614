import DeltaCore
import Synchronization

/// Shared documents (API keys, bindings, schemas) as objects in the bucket that
/// holds the entities, under the same names as in a data directory
/// (`_auth/keys.json`, `_meta/databases.json`, `templates/<id>.json`, as the
/// original keeps its templates), so servers on several machines need nothing but
/// the bucket.
///
/// Each process keeps a copy of the documents under `watched` prefixes, refreshed
/// every `refreshInterval` in the background (one LIST per prefix plus one
/// `If-None-Match` GET per document), so `cached` costs no request and is at most
/// about one interval old. `current` asks the bucket. Updates are conditional
/// writes (`If-Match` on the ETag read, `If-None-Match: *` for a new document,
/// `If-Match` on DELETE) retried on conflict, so concurrent updates from different
/// machines are serialised and none is lost; the store must enforce them, which
/// `S3EntityStore.verifyConditionalRequests` checks at start-up.
public final class S3Documents: SharedDocumentStore {
    public let client: S3Client
    /// The prefixes kept in the local copy.
    public let watched: [String]
    /// How often the local copy is refreshed.
    public let refreshInterval: Duration
    private let copy = Mutex<[String: SharedDocument]>([:])
    private let refresher = Mutex<Task<Void, Never>?>(nil)
    private let locks = KeyedAsyncLock<String>()

    /// Rounds of an update lost to other writers before giving up.
    static let updateAttempts = 12

    /// The default watched prefixes: everything a server reads from `cached`.
    public static let defaultWatched = ["_auth/", "_meta/", "templates/"]

    public init(client: S3Client, watched: [String] = S3Documents.defaultWatched, refreshInterval: Duration = .seconds(1)) {
        self.client = client
        self.watched = watched
        self.refreshInterval = refreshInterval
    }

    deinit {
        refresher.withLock { $0?.cancel() }
    }

    public var staleness: Duration { refreshInterval }

    public func location(of name: String) -> String {
        "s3://\(client.configuration.bucket)/\(name)"
    }

    /// Loads the documents, then keeps refreshing them until this store is released.
    /// A failed background refresh is reported to `onError` and retried at the
    /// next interval (the copy keeps its last state meanwhile).
    ///
    /// - Throws: `.storageFailure` if the first load fails (the bucket is unusable).
    public func start(onError: @escaping @Sendable (DeltaError) -> Void = { _ in }) async throws(DeltaError) {
        try await refresh()
        let interval = refreshInterval
        let task = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                do throws(DeltaError) {
                    try await self.refresh()
                } catch {
                    onError(error)
                }
            }
        }
        refresher.withLock {
            $0?.cancel()
            $0 = task
        }
    }

    /// Brings the local copy up to date: lists the watched prefixes and fetches
    /// what changed (documents that disappeared are checked and dropped).
    public func refresh() async throws(DeltaError) {
        var listed: Set<String> = []
        for prefix in watched {
            listed.formUnion(try await names(under: prefix))
        }
        let known = Set(copy.withLock { $0.keys })
        for name in listed.union(known).sorted() {
            _ = try await current(name)
        }
    }

    public func cached(_ name: String) throws(DeltaError) -> SharedDocument? {
        copy.withLock { $0[name] }
    }

    public func current(_ name: String) async throws(DeltaError) -> SharedDocument? {
        let held = copy.withLock { $0[name] }
        switch try await client.getObject(name, unlessETag: held?.revision) {
        case .unchanged:
            return held
        case .missing:
            copy.withLock { if $0[name] == held { $0[name] = nil } }
            return nil
        case .changed(let object):
            let document = SharedDocument(bytes: object.body, revision: object.etag)
            copy.withLock { $0[name] = document }
            return document
        }
    }

    public func names(under prefix: String) async throws(DeltaError) -> [String] {
        try await client.listAll(prefix: prefix, delimiter: "/").keys
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public func update(
        _ name: String, _ change: (SharedDocument?) throws(DeltaError) -> [UInt8]?
    ) async throws(DeltaError) {
        // Updates from this process queue up, so only other machines can make one retry.
        await locks.lock(name)
        defer { locks.unlock(name) }
        for attempt in 0..<Self.updateAttempts {
            let present = try await current(name)
            let replacement = try change(present)
            do throws(DeltaError) {
                if let bytes = replacement {
                    let etag = try await client.putObject(
                        name, bytes, condition: present.map { .etag($0.revision) } ?? .absent)
                    copy.withLock { $0[name] = SharedDocument(bytes: bytes, revision: etag) }
                } else if let present {
                    try await client.deleteObject(name, condition: .etag(present.revision))
                    copy.withLock { $0[name] = nil }
                }
                return
            } catch where error.code == .preconditionFailed {
                // Another machine wrote it since `current`: read again and re-apply.
                await S3Client.pauseAfterLostRace(attempt)
            }
        }
        throw DeltaError(
            .unavailable,
            "\(location(of: name)) was changed by other writers \(Self.updateAttempts) times in a row while this "
                + "change was applied; nothing was changed, try again")
    }
}
