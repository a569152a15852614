import DeltaCore
import DeltaCrypto
import Foundation

/// Session tokens issued by `POST /api/login` (`-client-ttl`): signed, so every
/// Main Worker of a deployment accepts a session another one issued, and a
/// restart logs nobody out.
///
/// A token is `ds_<claims>.<mac>`: base64url JSON claims (session id, client id,
/// issue and expiry times, the signing key's id) and an HMAC-SHA256 over them with
/// a key derived from a master key (`signingKey(from:)`), which every Main Worker
/// holds. It carries no permissions: a session of an API key gets the key's
/// permissions at each use and dies with the key. Logins keep no state, so they
/// cannot exhaust memory.
///
/// Ending a session (`POST /api/logout`) records its id until it would have
/// expired in a shared document (`_auth/sessions-ended.json`, see
/// `SessionEndings`); other servers refuse it once their copy of the document is
/// refreshed (at once on a directory, within about a second in a bucket).
public final class SessionSigner: Sendable {
    /// A session's token, returned once at login.
    public struct Issued: Sendable {
        public var token: String
        public var principal: Principal
        public var expiresAt: Date
    }

    /// What a valid token says.
    public struct Claims: Codable, Sendable, Equatable {
        /// The session's id (random, 128 bits, hex).
        public var sid: String
        /// The client: "admin" or an API key id.
        public var sub: String
        /// Whether the session was made from the admin key.
        public var adm: Bool
        /// Issue and expiry times, milliseconds since 1970.
        public var iat: Int64
        public var exp: Int64
        /// The id of the key the signature was made with.
        public var kid: String
    }

    private let keys: [String: [UInt8]]
    private let activeKeyID: String
    private let ttl: Double
    /// Ended sessions, shared by every server.
    public let endings: SessionEndings

    /// A signer whose sessions live `ttl` seconds, signing with `keys[activeKeyID]`
    /// and accepting every key of `keys` (derive them with `signingKey(from:adminKey:)`).
    public init(keys: [String: [UInt8]], activeKeyID: String, ttl: Double, endings: SessionEndings) {
        precondition(keys[activeKeyID] != nil, "the active signing key must be among the keys")
        self.keys = keys
        self.activeKeyID = activeKeyID
        self.ttl = ttl
        self.endings = endings
    }

    /// The signing key for sessions derived from a master key and the admin key:
    /// HMAC-SHA256, keyed with the master key, of a fixed label and the admin key's
    /// SHA-256. It reveals nothing about either key, and changing the admin key (as
    /// after a leak) ends every session, those made from the old admin key included.
    public static func signingKey(from masterKey: SymmetricKey, adminKey: String) -> [UInt8] {
        let message = Array("deltadb session signing v1:".utf8) + SHA256.hash(Array(adminKey.utf8))
        return masterKey.withUnsafeBytes { bytes in HMACSHA256.authenticate(message, key: Array(bytes)) }
    }

    /// Starts a session for `principal`; it never outlives the credential it came from.
    public func issue(for principal: Principal, now: Date = Date()) -> Issued {
        var expiresAt = now.addingTimeInterval(ttl)
        if let keyExpiry = principal.expiresAt, keyExpiry < expiresAt { expiresAt = keyExpiry }
        let claims = Claims(
            sid: Hex.encode(SecureRandom.bytes(count: 16)), sub: principal.clientID, adm: principal.isAdmin,
            iat: Self.milliseconds(now), exp: Self.milliseconds(expiresAt), kid: activeKeyID)
        let payload = Base64URL.encode(Array((try? JSONEncoder().encode(claims)) ?? Data()))
        let mac = HMACSHA256.authenticate(Array(payload.utf8), key: keys[activeKeyID] ?? [])
        var session = principal
        session.expiresAt = expiresAt
        session.credential = .session(id: claims.sid)
        return Issued(token: "ds_" + payload + "." + Base64URL.encode(mac), principal: session, expiresAt: expiresAt)
    }

    /// The claims of a token that is genuine, unexpired and not ended; nil otherwise.
    public func claims(of token: String, now: Date = Date()) throws(DeltaError) -> Claims? {
        guard token.hasPrefix("ds_") else { return nil }
        let parts = token.dropFirst(3).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let mac = Base64URL.decode(parts[1]),
              let payload = Base64URL.decode(parts[0]),
              let claims = try? JSONDecoder().decode(Claims.self, from: Data(payload)),
              let key = keys[claims.kid],
              constantTimeEquals(HMACSHA256.authenticate(Array(parts[0].utf8), key: key), mac)
        else { return nil }
        guard claims.exp > Self.milliseconds(now) else { return nil }
        return try endings.hasEnded(claims) ? nil : claims
    }

    /// Ends session `id` (which expires at `expiresAt`) on every server sharing the
    /// endings document.
    ///
    /// - Throws: `.storageFailure` or `.unavailable` if it could not be recorded
    ///   (the session then still works; try again).
    public func end(sessionID id: String, clientID: String, expiresAt: Date?, now: Date = Date()) async throws(DeltaError) {
        try await endings.end(
            sessionID: id, clientID: clientID,
            until: Self.milliseconds(expiresAt ?? now.addingTimeInterval(ttl)), now: Self.milliseconds(now))
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
