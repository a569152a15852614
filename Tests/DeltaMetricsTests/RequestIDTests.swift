import DeltaMetrics
import Testing

/// Request ids: the client's when sane, ours otherwise.
@Suite("RequestID")
struct RequestIDTests {
    @Test("a short id of letters, digits and . _ : - is kept", arguments: ["abc-123", "trace.id_7:x", String(repeating: "a", count: 64)])
    func keepsSane(_ id: String) {
        #expect(RequestID.sanitized(id) == id)
    }

    @Test("empty, long, or with spaces, quotes or newlines is refused",
          arguments: ["", String(repeating: "a", count: 65), "a b", "a\"b", "a\nlevel=error", "ключ"])
    func refusesOthers(_ id: String) {
        #expect(RequestID.sanitized(id) == nil)
    }

    @Test("made ids are unique and sane")
    func madeAreUnique() {
        let ids = (0..<1000).map { _ in RequestID.make() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { RequestID.sanitized($0) == $0 })
    }

    @Test("the current id is the bound scope's")
    func scope() async {
        #expect(RequestID.current == nil)
        let scope = RequestScope(id: "r-1")
        RequestScope.$current.withValue(scope) {
            #expect(RequestID.current == "r-1")
            scope.noteAuthorized(operation: "getEntity", principal: "admin")
        }
        #expect(scope.operation == "getEntity")
        #expect(scope.principal == "admin")
    }
}
