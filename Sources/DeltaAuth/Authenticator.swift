import DeltaCore
import DeltaCrypto
import Foundation

/// Checks `Authorization: Bearer <credential>` headers, in the seed's order: the
/// admin key, then RBAC API keys (`dk_…`), then session tokens from
/// `POST /api/login` (`SessionSigner`).
///
/// Every comparison is constant-time and hides the admin key's length (it is
/// kept only as a `SecretDigest`). It never logs or echoes a credential;
/// failures are counted per client by the server's failure limiter. The
/// permission check of an HTTP operation is `authorize`, in the server module.
public struct Authenticator: Sendable {
    private let adminKey: SecretDigest
    public let keys: APIKeyStore
    public let sessions: SessionSigner

    /// The cause of the 401 for a request without any credential: not a guess,
    /// so the failure limiter does not count it.
    public struct MissingCredential: Error {
        public init() {}
    }

    public init(adminKey: String, keys: APIKeyStore, sessions: SessionSigner) {
        self.adminKey = SecretDigest(Array(adminKey.utf8))
        self.keys = keys
        self.sessions = sessions
    }

    /// The identity behind a header, without a permission check.
    public func authenticate(_ authorization: String?) async throws(DeltaError) -> Principal {
        guard let authorization, !authorization.isEmpty else {
            throw DeltaError(
                .unauthorized, "missing credential: send 'Authorization: Bearer <key>'", cause: MissingCredential()
            )
        }
        guard let token = Self.bearerToken(authorization) else {
            throw DeltaError(.unauthorized, "malformed Authorization header: use 'Bearer <key>'")
        }
        return try await principal(forCredential: String(token))
    }

    /// The identity behind a bare credential (admin key, API key or session token).
    public func principal(forCredential credential: String, now: Date = Date()) async throws(DeltaError) -> Principal {
        if adminKey.matches(Array(credential.utf8)) {
            return .admin
        }
        if credential.hasPrefix("dk_"), let principal = try await keys.verify(secret: credential, now: now) {
            return principal
        }
        if let claims = try sessions.claims(of: credential, now: now) {
            var session: Principal
            if claims.adm {
                session = .admin
            } else {
                // A session made from an API key has the key's permissions and dies with it.
                guard let record = try await keys.record(id: claims.sub),
                      let principal = APIKeyStore.principal(of: record, now: now)
                else { throw DeltaError(.unauthorized, "invalid or expired credential") }
                session = principal
            }
            let expiry = Date(timeIntervalSince1970: Double(claims.exp) / 1000)
            session.expiresAt = min(expiry, session.expiresAt ?? expiry)
            session.credential = .session(id: claims.sid)
            return session
        }
        throw DeltaError(.unauthorized, "invalid or expired credential")
    }

    /// The credential of a `Bearer` header (scheme case-insensitive), or nil.
    public static func bearerToken(_ header: String) -> Substring? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop { $0 == " " }
        return token.isEmpty ? nil : token
    }
}
