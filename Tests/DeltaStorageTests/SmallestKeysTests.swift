import Testing
@testable import DeltaStorage

@Suite("SmallestKeys")
struct SmallestKeysTests {
    @Test("keeps exactly the smallest keys, sorted bytewise, and says whether any were dropped",
          arguments: [1, 2, 3, 10, 64, 500, 2_000])
    func matchesAFullSort(count: Int) {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcAB09:_-é€ ")
        var keys = Set<String>()
        while keys.count < 1_000 {
            let length = Int.random(in: 1...6, using: &generator)
            keys.insert(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        var selection = SmallestKeys(count: count)
        for key in keys where selection.admits(key) { selection.insert(key) }
        let expected = Array(keys.sorted(by: EntityStoreRules.bytewiseLess).prefix(count))
        #expect(selection.sorted() == expected)
        #expect(selection.truncated == (keys.count > count))
    }
}
