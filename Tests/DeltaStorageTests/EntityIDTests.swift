import DeltaCore
import Testing
@testable import DeltaStorage

@Suite("EntityID")
struct EntityIDTests {
    @Test("invalid names are rejected with invalidName", arguments: [
        ("db", "a/b"), ("db", ".."), ("db", "."), ("db", ""), ("", "k"), ("a/b", "k"), ("db", "a%2Fb"),
        ("db", String(repeating: "k", count: 513)), (String(repeating: "d", count: 129), "k"),
    ])
    func rejectsInvalidNames(database: String, key: String) async {
        await expectDeltaError(.invalidName) { try EntityID(database: database, key: key) }
    }

    @Test("equality is bytewise, not Unicode canonical equivalence")
    func bytewiseEquality() {
        let composed = entityID("db", "\u{E9}")
        let decomposed = entityID("db", "e\u{301}")
        #expect("\u{E9}" == "e\u{301}")  // Swift's String equality would merge them
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed, entityID("db", "\u{E9}")]).count == 2)
    }

    @Test("database and key do not run together in hashing or equality")
    func separatesParts() {
        #expect(entityID("ab", "c") != entityID("a", "bc"))
        #expect(Set([entityID("ab", "c"), entityID("a", "bc")]).count == 2)
    }
}
