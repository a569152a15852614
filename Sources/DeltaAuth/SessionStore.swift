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
public final class SessionStore: Sendable {
    /// A session's token, returned once at login.
    public struct Issued: Sendable {
        public var token: String
        public var principal: Principal
        public var expiresAt: Date
    }

    private let ttl: Double
    private let sessions = Mutex<[String: Principal]>([:])

    /// Creates a store whose sessions live `ttl` seconds.
    public init(ttl: Double) {
        self.ttl = ttl
    }

    /// Starts a session for `principal` (it never outlives the credential it came from).
    public func issue(for principal: Principal, now: Date = Date()) -> Issued {
        let token = "ds_" + Hex.encode(SecureRandom.bytes(count: 32))
        var expiresAt = now.addingTimeInterval(ttl)
        if let keyExpiry = principal.expiresAt, keyExpiry < expiresAt { expiresAt = keyExpiry }
        var session = principal
        session.expiresAt = expiresAt
        let digest = Self.digest(token)
        sessions.withLock { map in
            map = map.filter { ($0.value.expiresAt ?? .distantFuture) > now }
            map[digest] = session
        }
        return Issued(token: token, principal: session, expiresAt: expiresAt)
    }

    /// The identity behind a session token, or nil if unknown or expired.
    public func principal(for token: String, now: Date = Date()) -> Principal? {
        guard token.hasPrefix("ds_") else { return nil }
        let digest = Self.digest(token)
        return sessions.withLock { map in
            guard let session = map[digest] else { return nil }
            if let expiry = session.expiresAt, expiry <= now {
                map[digest] = nil
                return nil
            }
            return session
        }
    }

    /// Ends every session created from the API key `id`.
    public func revoke(clientID id: String) {
        sessions.withLock { map in map = map.filter { $0.value.clientID != id } }
    }

    private static func digest(_ token: String) -> String {
        Hex.encode(SHA256.hash(Array(token.utf8)))
    }
}
