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
}
