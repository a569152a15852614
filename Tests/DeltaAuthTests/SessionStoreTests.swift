import DeltaAuth
import Foundation
import Testing

@Suite("Session store")
struct SessionStoreTests {
    @Test("a session token maps to its principal until it expires")
    func lifecycle() {
        let store = SessionStore(ttl: 60)
        let now = Date()
        let issued = store.issue(for: .admin, now: now)
        #expect(store.principal(for: issued.token, now: now)?.isAdmin == true)
        #expect(store.principal(for: issued.token, now: now.addingTimeInterval(61)) == nil)
        #expect(store.principal(for: "ds_unknown", now: now) == nil)
    }

    @Test("a session never outlives the key it came from, and revoking the key ends it")
    func boundToKey() {
        let store = SessionStore(ttl: 3600)
        let now = Date()
        let key = Principal(clientID: "k1", permissions: [.read], expiresAt: now.addingTimeInterval(10))
        let issued = store.issue(for: key, now: now)
        #expect(issued.expiresAt == now.addingTimeInterval(10))
        #expect(store.principal(for: issued.token, now: now) != nil)
        store.revoke(clientID: "k1")
        #expect(store.principal(for: issued.token, now: now) == nil)
    }

    @Test("a key's oldest session is ended once it has too many, so logins cannot grow the table without bound")
    func perKeyBound() {
        let store = SessionStore(ttl: 3600)
        let now = Date()
        let key = Principal(clientID: "k1", permissions: [.read])
        let first = store.issue(for: key, now: now)
        let second = store.issue(for: key, now: now)
        for _ in 0..<(SessionStore.defaultMaxSessionsPerKey - 1) { _ = store.issue(for: key, now: now) }
        #expect(store.principal(for: first.token, now: now) == nil)
        #expect(store.principal(for: second.token, now: now) != nil)
        let other = store.issue(for: Principal(clientID: "k2", permissions: [.read]), now: now)
        #expect(store.principal(for: other.token, now: now) != nil)
    }

    @Test("the table has a total bound too: the oldest session overall goes first")
    func totalBound() {
        let store = SessionStore(ttl: 3600, maxSessions: 10, maxSessionsPerKey: 5)
        let now = Date()
        var tokens: [String] = []
        for index in 0..<12 {
            let key = Principal(clientID: "k\(index)", permissions: [.read])
            tokens.append(store.issue(for: key, now: now.addingTimeInterval(Double(index))).token)
        }
        #expect(store.count == 10)
        #expect(store.principal(for: tokens[0], now: now) == nil)
        #expect(store.principal(for: tokens[1], now: now) == nil)
        #expect(store.principal(for: tokens[2], now: now) != nil)
        #expect(store.principal(for: tokens[11], now: now) != nil)
    }

    @Test("expired sessions leave the table as new ones arrive")
    func expiredSessionsAreDropped() {
        let store = SessionStore(ttl: 10)
        let now = Date()
        for index in 0..<100 { _ = store.issue(for: Principal(clientID: "k\(index)", permissions: [.read]), now: now) }
        _ = store.issue(for: .admin, now: now.addingTimeInterval(11))
        #expect(store.count == 1)
    }
}
