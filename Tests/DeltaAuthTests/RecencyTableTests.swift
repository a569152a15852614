@testable import DeltaAuth
import Testing

@Suite("Recency table")
struct RecencyTableTests {
    @Test("a full table evicts the entry touched least recently")
    func evictsLeastRecent() {
        var table = RecencyTable<String, Int>(capacity: 3)
        table.set("a", 1)
        table.set("b", 2)
        table.set("c", 3)
        table.set("a", 10)
        table.set("d", 4)
        #expect(table.count == 3)
        #expect(table.peek("b") == nil)
        #expect(table.peek("a") == 10)
        #expect(table.peek("c") == 3)
        #expect(table.peek("d") == 4)
        for index in 0..<1_000 { table.set("k\(index)", index) }
        #expect(table.count == 3)
        #expect(table.peek("k999") == 999)
        #expect(table.peek("k996") == nil)
    }
}
