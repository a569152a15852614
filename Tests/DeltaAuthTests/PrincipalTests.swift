import DeltaAuth
import DeltaCore
import Testing

/// Issue 21, item 8: database scopes compare names byte for byte, as storage does.
@Suite("Principal")
struct PrincipalTests {
    @Test("a key scoped to café (NFC) cannot reach cafe\\u{301} (NFD), a different database on disk")
    func canonicallyEqualNamesAreDifferentDatabases() throws {
        let nfc = "caf\u{E9}"
        let nfd = "cafe\u{301}"
        let principal = Principal(clientID: "k1", permissions: [.read], databases: [nfc])
        #expect(throws: Never.self) { try principal.require(.read, database: nfc) }
        #expect(throws: DeltaError.self) { try principal.require(.read, database: nfd) }
        let other = Principal(clientID: "k2", permissions: [.read], databases: [nfd])
        #expect(throws: DeltaError.self) { try other.require(.read, database: nfc) }
    }
}
