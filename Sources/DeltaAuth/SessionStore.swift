import DeltaCore
import DeltaCrypto
import Foundation
import Synchronization

/// Short-lived session tokens issued by `POST /api/login` (`-client-ttl`).
///
/// Tokens are random 256-bit values; only their SHA-256 is kept, in memory, so a
/// memory dump of the map yields nothing to log in with. Sessions are local to
/// one Main Worker (a restart logs browser users out); a session made from an API
/// key dies with that key. It does not check API keys itself (see `Authenticator`).
///
/// The table is bounded, because every login adds a session: one credential
/// holds at most `maxSessionsPerKey` sessions and the whole table at most
/// `maxSessions`; past either bound the oldest session (of that credential,
/// or overall) ends, as when a user logs in on one device too many. Logins
/// cost O(1) amortised: sessions are kept in issue order (which, with one
/// TTL, is expiry order), so expired ones are dropped from the front, never
/// by scanning the table.
public final class SessionStore: Sendable {
    /// A session's token, returned once at login.
    public struct Issued: Sendable {
        public var token: String
        public var principal: Principal
        public var expiresAt: Date
    }

    /// Sessions one credential may hold at once by default.
    public static let defaultMaxSessionsPerKey = 100
    /// Sessions the table holds at most by default.
    public static let defaultMaxSessions = 100_000

    private struct Entry {
        var principal: Principal
        var sequence: UInt64
    }

    private struct Queued {
        var digest: String
        var sequence: UInt64
    }

    private struct Table {
        var sessions: [String: Entry] = [:]
        /// Every live session (and some already gone), oldest first.
        var order = FIFOQueue<Queued>()
        /// Per credential: its sessions, oldest first, and how many are live.
        var byClient: [String: (queue: FIFOQueue<Queued>, live: Int)] = [:]
        var nextSequence: UInt64 = 0

        func isLive(_ queued: Queued) -> Bool {
            sessions[queued.digest]?.sequence == queued.sequence
        }

        mutating func remove(_ digest: String) {
            guard let entry = sessions.removeValue(forKey: digest) else { return }
            let client = entry.principal.clientID
            guard var record = byClient[client] else { return }
            record.live -= 1
            byClient[client] = record.live == 0 ? nil : record
        }

        /// Drops queued entries of sessions that are gone once they are most of
        /// the queue, so lookups that expire sessions cannot grow it without bound.
        mutating func compact() {
            if order.count > 2 * sessions.count + 64 {
                let live = sessions
                order.filter { live[$0.digest]?.sequence == $0.sequence }
            }
        }
    }

    private let ttl: Double
    private let maxSessions: Int
    private let maxSessionsPerKey: Int
    private let table = Mutex(Table())

    /// Creates a store whose sessions live `ttl` seconds, holding at most
    /// `maxSessions` sessions, and at most `maxSessionsPerKey` per credential.
    public init(
        ttl: Double, maxSessions: Int = SessionStore.defaultMaxSessions,
        maxSessionsPerKey: Int = SessionStore.defaultMaxSessionsPerKey
    ) {
        self.ttl = ttl
        self.maxSessions = max(1, maxSessions)
        self.maxSessionsPerKey = max(1, maxSessionsPerKey)
    }

    /// Live sessions (expired ones may count until a login or lookup drops them).
    public var count: Int {
        table.withLock { $0.sessions.count }
    }

    /// Starts a session for `principal` (it never outlives the credential it came
    /// from). Ends the oldest session of the same credential, or the oldest overall,
    /// when a bound is reached.
    public func issue(for principal: Principal, now: Date = Date()) -> Issued {
        let token = "ds_" + Hex.encode(SecureRandom.bytes(count: 32))
        var expiresAt = now.addingTimeInterval(ttl)
        if let keyExpiry = principal.expiresAt, keyExpiry < expiresAt { expiresAt = keyExpiry }
        let digest = Self.digest(token)
        var session = principal
        session.expiresAt = expiresAt
        session.credential = .session(id: digest)
        table.withLock { table in
            Self.dropExpired(&table, now: now)
            let queued = Queued(digest: digest, sequence: table.nextSequence)
            table.nextSequence += 1
            table.sessions[digest] = Entry(principal: session, sequence: queued.sequence)
            table.order.append(queued)
            var record = table.byClient[session.clientID] ?? (FIFOQueue(), 0)
            record.queue.append(queued)
            record.live += 1
            while record.live > maxSessionsPerKey, let oldest = record.queue.popFirst() {
                if table.isLive(oldest) {
                    table.sessions[oldest.digest] = nil
                    record.live -= 1
                }
            }
            if record.queue.count > 2 * record.live + 64 {
                let live = table.sessions
                record.queue.filter { live[$0.digest]?.sequence == $0.sequence }
            }
            table.byClient[session.clientID] = record
            while table.sessions.count > maxSessions, let oldest = table.order.popFirst() {
                if table.isLive(oldest) { table.remove(oldest.digest) }
            }
            table.compact()
        }
        return Issued(token: token, principal: session, expiresAt: expiresAt)
    }

    /// The identity behind a session token, or nil if unknown or expired.
    public func principal(for token: String, now: Date = Date()) -> Principal? {
        guard token.hasPrefix("ds_") else { return nil }
        let digest = Self.digest(token)
        return table.withLock { table in
            guard let session = table.sessions[digest]?.principal else { return nil }
            if let expiry = session.expiresAt, expiry <= now {
                table.remove(digest)
                table.compact()
                return nil
            }
            return session
        }
    }

    /// Ends the session `id` (a principal's `Credential.session(id:)`) at once: its
    /// token is refused from then on. Returns false if it had already ended.
    @discardableResult
    public func end(sessionID id: String) -> Bool {
        table.withLock { table in
            guard table.sessions[id] != nil else { return false }
            table.remove(id)
            table.compact()
            return true
        }
    }

    /// Ends every session created from the API key `id`.
    public func revoke(clientID id: String) {
        table.withLock { table in
            guard let record = table.byClient.removeValue(forKey: id) else { return }
            var queue = record.queue
            while let queued = queue.popFirst() {
                if table.isLive(queued) { table.sessions[queued.digest] = nil }
            }
            table.compact()
        }
    }

    /// Drops expired sessions from the front of the issue order. A session cut
    /// short by its key's expiry may sit behind a later one; lookups drop it.
    private static func dropExpired(_ table: inout Table, now: Date) {
        while let oldest = table.order.first {
            guard table.isLive(oldest) else {
                _ = table.order.popFirst()
                continue
            }
            guard let expiry = table.sessions[oldest.digest]?.principal.expiresAt, expiry <= now else { return }
            _ = table.order.popFirst()
            table.remove(oldest.digest)
        }
    }

    private static func digest(_ token: String) -> String {
        Hex.encode(SHA256.hash(Array(token.utf8)))
    }
}
