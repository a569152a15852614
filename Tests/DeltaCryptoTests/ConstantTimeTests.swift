import DeltaCrypto
import Testing

@Suite("constantTimeEquals")
struct ConstantTimeTests {
    @Test("equal bytes are equal")
    func equal() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(constantTimeEquals([], []))
    }

    @Test("a difference in any position is detected")
    func differentContents() {
        let base: [UInt8] = [1, 2, 3, 4]
        for index in base.indices {
            var other = base
            other[index] ^= 0xff
            #expect(!constantTimeEquals(base, other))
        }
    }

    @Test("different lengths are unequal, including a prefix and empty")
    func differentLengths() {
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(!constantTimeEquals([], [0]))
    }
}
