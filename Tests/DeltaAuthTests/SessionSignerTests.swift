import DeltaCore
import DeltaCrypto
import Foundation
import Testing
@testable import DeltaAuth

/// Signed session tokens: any server with the same key accepts them, nothing
/// else does, and a logout reaches every server sharing the endings document.
@Suite("Session tokens")
struct SessionSignerTests {
    let master = SymmetricKey.generate()
    let documents = MemoryDocuments()

    func signer(
        _ key: SymmetricKey? = nil, keyID: String = "k1", previous: [String: SymmetricKey] = [:], ttl: Double = 3600,
        adminKey: String = "the-admin-key"
    ) -> SessionSigner {
        var keys = [keyID: SessionSigner.signingKey(from: key ?? master, adminKey: adminKey)]
        for (id, old) in previous { keys[id] = SessionSigner.signingKey(from: old, adminKey: adminKey) }
        return SessionSigner(keys: keys, activeKeyID: keyID, ttl: ttl, endings: SessionEndings(documents: documents))
    }

    let reader = Principal(clientID: "0000abcd", permissions: [.read], databases: ["db"])

    @Test("a session issued by one server is accepted by another with the same master key")
    func acrossServers() throws {
        let issued = signer().issue(for: reader)
        let claims = try #require(try signer().claims(of: issued.token))
        #expect(claims.sub == "0000abcd" && !claims.adm)
        guard case .session(let id) = issued.principal.credential else { Issue.record("not a session"); return }
        #expect(id == claims.sid)
    }

    @Test("a tampered, truncated or foreign token is refused")
    func forgeries() throws {
        let token = signer().issue(for: reader).token
        #expect(try signer().claims(of: String(token.dropLast())) == nil)
        #expect(try signer().claims(of: token + "A") == nil)
        #expect(try signer(SymmetricKey.generate()).claims(of: token) == nil, "another deployment's key")
        let admin = signer(SymmetricKey.generate()).issue(for: .admin).token
        #expect(try signer().claims(of: admin) == nil)
        #expect(try signer().claims(of: "ds_" + String(repeating: "0", count: 64)) == nil, "an old-style token")
        #expect(try signer(adminKey: "a-new-admin-key").claims(of: token) == nil, "changing the admin key ends every session")
    }

    @Test("a session ends at its expiry, and never outlives the key it came from")
    func expiry() throws {
        let now = Date()
        let issued = signer(ttl: 60).issue(for: reader, now: now)
        #expect(try signer().claims(of: issued.token, now: now.addingTimeInterval(59)) != nil)
        #expect(try signer().claims(of: issued.token, now: now.addingTimeInterval(61)) == nil)
        var shortKey = reader
        shortKey.expiresAt = now.addingTimeInterval(5)
        let capped = signer(ttl: 60).issue(for: shortKey, now: now)
        #expect(capped.expiresAt == shortKey.expiresAt)
        #expect(try signer().claims(of: capped.token, now: now.addingTimeInterval(6)) == nil)
    }

    @Test("after a rotation, sessions signed with the previous key still work")
    func rotation() throws {
        let old = signer().issue(for: reader).token
        let rotated = signer(SymmetricKey.generate(), keyID: "k2", previous: ["k1": master])
        #expect(try rotated.claims(of: old) != nil)
        #expect(try rotated.claims(of: rotated.issue(for: reader).token)?.kid == "k2")
    }

    @Test("logging out on one server ends the session on every server sharing the endings; other sessions go on")
    func logout() async throws {
        let a = signer(), b = signer()
        let ended = a.issue(for: reader)
        let other = a.issue(for: reader)
        try await a.end(sessionID: try #require(try a.claims(of: ended.token)).sid, clientID: reader.clientID, expiresAt: ended.expiresAt)
        #expect(try b.claims(of: ended.token) == nil)
        #expect(try b.claims(of: other.token) != nil)
    }

    @Test("past 100 pending logouts a client's older sessions all end, and the record stays small")
    func endingsStayBounded() async throws {
        let a = signer()
        let now = Date()
        let survivor = a.issue(for: reader, now: now.addingTimeInterval(-1))
        for _ in 0...SessionEndings.maxEndedPerClient {
            let session = a.issue(for: reader, now: now)
            try await a.end(sessionID: try #require(try a.claims(of: session.token, now: now)).sid,
                            clientID: reader.clientID, expiresAt: session.expiresAt, now: now)
        }
        #expect(try a.claims(of: survivor.token, now: now) == nil, "older sessions of that client ended too")
        #expect(try a.claims(of: a.issue(for: reader, now: now.addingTimeInterval(1)).token, now: now.addingTimeInterval(1)) != nil)
        let size = try #require(try documents.cached(SessionEndings.defaultName)).bytes.count
        #expect(size < 1000, "the endings were replaced by one cut-off (\(size) bytes)")
    }
}
