import DeltaCore
import DeltaCrypto
import Foundation
import Synchronization

/// RBAC API keys, persisted as one JSON document (`_auth/keys.json` in the data
/// directory, or in the bucket in S3 mode; see `SharedDocumentStore`).
///
/// The document holds salted HMAC-SHA256 hashes only, never a secret a user could
/// log in with. Every change is an atomic read-modify-write against every other
/// process sharing the store (a file lock, or an S3 conditional write), so several
/// Main Workers on several machines can create and delete keys at once. Lookups
/// use the store's local copy: a key deleted on another machine stops working
/// within the store's `staleness` (at once for a directory, about a second for a
/// bucket), and a key id this process has not seen yet is looked up in the store
/// before a secret is refused, so a key created elsewhere works at once. It does
/// not hand out sessions (see `SessionSigner`).
public final class APIKeyStore: Sendable {
    /// Where the key document lives.
    public let documents: any SharedDocumentStore
    /// The key document's name in `documents`.
    public let name: String
    let state = Mutex<Snapshot>(Snapshot())

    struct Snapshot {
        var revision: String?
        var records: [String: APIKeyRecord] = [:]
        var order: [String] = []
    }

    /// Draws a new key id; a parameter so tests can force collisions.
    let makeID: @Sendable () -> String

    /// The document name of the key store in a data directory or bucket.
    public static let defaultName = "_auth/keys.json"

    /// Opens (or prepares) the key file at `path`, creating its directory (0700).
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created or the file is unreadable.
    public convenience init(path: String) throws(DeltaError) {
        let directory = try DirectoryDocuments(root: (path as NSString).deletingLastPathComponent)
        try self.init(documents: directory, name: (path as NSString).lastPathComponent)
    }

    /// Opens the key document `name` of `documents`.
    ///
    /// - Throws: `.storageFailure` if the document exists but is not a key store.
    public convenience init(documents: any SharedDocumentStore, name: String = APIKeyStore.defaultName) throws(DeltaError) {
        try self.init(documents: documents, name: name, makeID: { Hex.encode(SecureRandom.bytes(count: 4)) })
    }

    init(documents: any SharedDocumentStore, name: String, makeID: @escaping @Sendable () -> String) throws(DeltaError) {
        self.documents = documents
        self.name = name
        self.makeID = makeID
        _ = try current()
    }

    convenience init(path: String, makeID: @escaping @Sendable () -> String) throws(DeltaError) {
        let directory = try DirectoryDocuments(root: (path as NSString).deletingLastPathComponent)
        try self.init(documents: directory, name: (path as NSString).lastPathComponent, makeID: makeID)
    }

    /// Where the keys live, for messages.
    public var location: String { documents.location(of: name) }

    /// Attempts at drawing an unused id before giving up (4 random bytes: a
    /// collision is rare, several in a row mean the random source is broken).
    static let idAttempts = 8

    /// Creates a key and returns it with its secret (shown once).
    ///
    /// - Throws: `.badRequest` for an empty name or no permissions; `.storageFailure` if it cannot be saved.
    public func create(
        name: String, permissions: [Permission], databases: [String]?, expiresIn: Double?, now: Date = Date()
    ) async throws(DeltaError) -> IssuedAPIKey {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.utf8.count <= 128 else {
            throw DeltaError(.badRequest, "a key needs a name of 1 to 128 bytes")
        }
        guard !permissions.isEmpty else {
            throw DeltaError(.badRequest, "a key needs at least one permission out of read, write, admin")
        }
        if let databases {
            for database in databases { try NameRules.validate(database, as: .database) }
        }
        let id = try await unusedID()
        let secret = "dk_\(id)_" + Base64URL.encode(SecureRandom.bytes(count: 32))
        let salt = SecureRandom.bytes(count: 16)
        let record = APIKeyRecord(
            id: id,
            name: name,
            permissions: Array(Set(permissions)).sorted(),
            databases: databases.map(DatabaseName.unique),
            salt: Hex.encode(salt),
            hash: Hex.encode(HMACSHA256.authenticate(Array(secret.utf8), key: salt)),
            createdAt: Self.format(now),
            expiresAt: expiresIn.map { Self.format(now.addingTimeInterval($0)) }
        )
        var collided = false
        try await mutate { records in
            // Checked again under the file lock: another process may have taken the id meanwhile.
            collided = records.contains { $0.id == id }
            if !collided { records.append(record) }
        }
        guard !collided else {
            throw DeltaError(.unavailable, "a new key drew an id that is already in use; create the key again")
        }
        return IssuedAPIKey(record: record, secret: secret)
    }

    /// A key id no stored key has (ids address keys in URLs, sessions and logs,
    /// so two keys must never share one).
    private func unusedID() async throws(DeltaError) -> String {
        let taken = try await refreshed().records
        for _ in 0..<Self.idAttempts {
            let id = makeID()
            if taken[id] == nil { return id }
        }
        throw DeltaError(.internal, "could not draw an unused key id in \(Self.idAttempts) attempts; check the random source")
    }

    /// Every key as stored now, oldest first, without secrets.
    public func list() async throws(DeltaError) -> [APIKeyRecord] {
        let snapshot = try await refreshed()
        return snapshot.order.compactMap { snapshot.records[$0] }
    }

    /// Deletes a key; returns false if there was none with that id.
    public func delete(id: String) async throws(DeltaError) -> Bool {
        var removed = false
        try await mutate { records in
            let before = records.count
            records.removeAll { $0.id == id }
            removed = records.count != before
        }
        return removed
    }

    /// The identity behind an API key secret, or nil if it is unknown, disabled
    /// or expired. An expiry that cannot be read counts as expired: a damaged or
    /// hand-edited record must not turn a short-lived key into a permanent one. A
    /// key imported from the original (`dk_<64 hex>`) is checked by
    /// `legacyRecord(forSecret:now:)` and upgraded on first use.
    public func verify(secret: String, now: Date = Date()) async throws(DeltaError) -> Principal? {
        let snapshot = try current()
        var found = try record(forSecret: secret, in: snapshot)
        if found == nil, documents.staleness > .zero, let id = Self.namedID(secret), snapshot.records[id] == nil {
            // A key created on another machine since the last refresh.
            found = try record(forSecret: secret, in: try await refreshed())
        }
        if found == nil { found = try await legacyRecord(forSecret: secret, now: now) }
        return found.flatMap { Self.principal(of: $0, now: now) }
    }

    /// The identity of a stored key, or nil if it is disabled or expired. An expiry
    /// that cannot be read counts as expired: a damaged or hand-edited record must
    /// not turn a short-lived key into a permanent one.
    public static func principal(of record: APIKeyRecord, now: Date) -> Principal? {
        guard record.isEnabled else { return nil }
        var expiry: Date?
        if let text = record.expiresAt {
            guard let parsed = parse(text), parsed > now else { return nil }
            expiry = parsed
        }
        return Principal(
            clientID: record.id,
            permissions: Set(record.permissions),
            databaseNames: record.databases,
            expiresAt: expiry
        )
    }

    /// Whether a key with this id still exists (sessions re-check their key); an id
    /// this process has not seen is looked up in the store first.
    public func exists(id: String) async throws(DeltaError) -> Bool {
        try await record(id: id) != nil
    }

    /// The stored record with this id, if any; an id this process has not seen is
    /// looked up in the store first (a key created on another machine).
    public func record(id: String) async throws(DeltaError) -> APIKeyRecord? {
        if let record = try current().records[id] { return record }
        guard documents.staleness > .zero else { return nil }
        return try await refreshed().records[id]
    }

    /// The key id a `dk_<id>_<secret>` credential names.
    private static func namedID(_ secret: String) -> String? {
        let parts = secret.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "dk" else { return nil }
        return String(parts[1])
    }

    private func record(forSecret secret: String, in snapshot: Snapshot) throws(DeltaError) -> APIKeyRecord? {
        guard let id = Self.namedID(secret), let record = snapshot.records[id],
              let salt = Hex.decode(record.salt), let expected = Hex.decode(record.hash)
        else { return nil }
        let actual = HMACSHA256.authenticate(Array(secret.utf8), key: salt)
        return constantTimeEquals(actual, expected) ? record : nil
    }
}
