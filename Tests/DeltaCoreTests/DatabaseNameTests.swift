import DeltaCore
import Testing

@Suite("DatabaseName")
struct DatabaseNameTests {
    @Test("names compare by bytes, not canonical equivalence")
    func bytes() {
        #expect(DatabaseName.same("caf\u{E9}", "caf\u{E9}"))
        #expect(!DatabaseName.same("caf\u{E9}", "cafe\u{301}"))
        #expect(!DatabaseName.contains(["caf\u{E9}"], "cafe\u{301}"))
        #expect(DatabaseName.unique(["b", "caf\u{E9}", "a", "cafe\u{301}", "b"]).count == 4)
    }
}
