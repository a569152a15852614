import DeltaCore
import DeltaCrypto
import Foundation
import Synchronization

/// RBAC API keys persisted in a JSON file (`<shared-fs>/_auth/keys.json` by default).
///
/// The file holds salted HMAC-SHA256 hashes only, never a secret a user could
/// log in with; it is mode 0600 and replaced atomically (temp file, fsync,
/// rename, directory fsync). Mutations take an exclusive `flock` so several
/// Main Workers can share one file, and every lookup re-checks the file's
/// identity (inode, size, mtime) so a key deleted by another worker stops
/// working at once. It does not hand out sessions (see `SessionStore`).
public final class APIKeyStore: Sendable {
    /// Where the keys live.
    public let path: String
    let state = Mutex<Snapshot>(Snapshot())

    struct Snapshot {
        var stamp: SharedFile.Stamp?
        var records: [String: APIKeyRecord] = [:]
        var order: [String] = []
    }

    /// Draws a new key id; a parameter so tests can force collisions.
    let makeID: @Sendable () -> String

    /// Opens (or prepares) the store at `path`, creating its directory (0700).
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created or the file is unreadable.
    public convenience init(path: String) throws(DeltaError) {
        try self.init(path: path, makeID: { Hex.encode(SecureRandom.bytes(count: 4)) })
    }

    init(path: String, makeID: @escaping @Sendable () -> String) throws(DeltaError) {
        self.path = path
        self.makeID = makeID
        try SharedFile.makePrivateDirectory((path as NSString).deletingLastPathComponent)
        _ = try current()
    }

    /// Attempts at drawing an unused id before giving up (4 random bytes: a
    /// collision is rare, several in a row mean the random source is broken).
    static let idAttempts = 8

    /// Creates a key and returns it with its secret (shown once).
    ///
    /// - Throws: `.badRequest` for an empty name or no permissions; `.storageFailure` if it cannot be saved.
    public func create(
        name: String, permissions: [Permission], databases: [String]?, expiresIn: Double?, now: Date = Date()
    ) throws(DeltaError) -> IssuedAPIKey {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, name.utf8.count <= 128 else {
            throw DeltaError(.badRequest, "a key needs a name of 1 to 128 bytes")
        }
        guard !permissions.isEmpty else {
            throw DeltaError(.badRequest, "a key needs at least one permission out of read, write, admin")
        }
        if let databases {
            for database in databases { try NameRules.validate(database, as: .database) }
        }
        let id = try unusedID()
        let secret = "dk_\(id)_" + Self.base64URL(SecureRandom.bytes(count: 32))
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
        try mutate { records in
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
    private func unusedID() throws(DeltaError) -> String {
        let taken = try current().records
        for _ in 0..<Self.idAttempts {
            let id = makeID()
            if taken[id] == nil { return id }
        }
        throw DeltaError(.internal, "could not draw an unused key id in \(Self.idAttempts) attempts; check the random source")
    }

    /// Every key, oldest first, without secrets.
    public func list() throws(DeltaError) -> [APIKeyRecord] {
        let snapshot = try current()
        return snapshot.order.compactMap { snapshot.records[$0] }
    }

    /// Deletes a key; returns false if there was none with that id.
    public func delete(id: String) throws(DeltaError) -> Bool {
        var removed = false
        try mutate { records in
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
    public func verify(secret: String, now: Date = Date()) throws(DeltaError) -> Principal? {
        var found = try record(forSecret: secret)
        if found == nil { found = try legacyRecord(forSecret: secret, now: now) }
        guard let record = found, record.isEnabled else { return nil }
        var expiry: Date?
        if let text = record.expiresAt {
            guard let parsed = Self.parse(text), parsed > now else { return nil }
            expiry = parsed
        }
        return Principal(
            clientID: record.id,
            permissions: Set(record.permissions),
            databaseNames: record.databases,
            expiresAt: expiry
        )
    }

    /// Whether a key with this id still exists (sessions re-check their key).
    public func exists(id: String) throws(DeltaError) -> Bool {
        try current().records[id] != nil
    }

    private func record(forSecret secret: String) throws(DeltaError) -> APIKeyRecord? {
        let parts = secret.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "dk" else { return nil }
        guard let record = try current().records[String(parts[1])],
              let salt = Hex.decode(record.salt), let expected = Hex.decode(record.hash)
        else { return nil }
        let actual = HMACSHA256.authenticate(Array(secret.utf8), key: salt)
        return constantTimeEquals(actual, expected) ? record : nil
    }
}
