import DeltaCrypto
import Testing

@Suite("Entity AAD")
struct EntityAADTests {
    @Test("the encoding is the documented version-1 layout, byte for byte")
    func goldenBytes() {
        // Stored entities depend on this layout: a change must be deliberate.
        let expected = hex(
            "00000011" + Hex.encode(Array("deltadb-entity-v1".utf8))
                + "00000002" + Hex.encode(Array("db".utf8))
                + "00000006" + Hex.encode(Array("user:1".utf8))
                + "0000000000000102"
                + "00000002" + Hex.encode(Array("k1".utf8))
        )
        #expect(EntityAAD.bytes(database: "db", entityKey: "user:1", version: 258, keyID: "k1") == expected)
    }

    @Test("moving a character between database and key changes the AAD")
    func boundariesAreUnambiguous() {
        let a = EntityAAD.bytes(database: "a", entityKey: "bc", version: 1, keyID: "k")
        let b = EntityAAD.bytes(database: "ab", entityKey: "c", version: 1, keyID: "k")
        let c = EntityAAD.bytes(database: "a", entityKey: "b", version: 1, keyID: "ck")
        #expect(a != b)
        #expect(a != c)
    }

    @Test("every field changes the AAD")
    func everyFieldCounts() {
        let base = EntityAAD.bytes(database: "db", entityKey: "k", version: 1, keyID: "v1")
        #expect(base != EntityAAD.bytes(database: "db2", entityKey: "k", version: 1, keyID: "v1"))
        #expect(base != EntityAAD.bytes(database: "db", entityKey: "k2", version: 1, keyID: "v1"))
        #expect(base != EntityAAD.bytes(database: "db", entityKey: "k", version: 2, keyID: "v1"))
        #expect(base != EntityAAD.bytes(database: "db", entityKey: "k", version: 1, keyID: "v2"))
        #expect(base == EntityAAD.bytes(database: "db", entityKey: "k", version: 1, keyID: "v1"))
    }
}
