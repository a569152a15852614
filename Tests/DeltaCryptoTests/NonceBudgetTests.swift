import DeltaCrypto
import Testing

/// Issue 21, item 12: encryptions per key are counted against the GCM nonce budget.
@Suite("Nonce budget")
struct NonceBudgetTests {
    @Test("each seal counts against its key, and the count survives rotation")
    func counts() throws {
        let first = testKey(0x11)
        let second = testKey(0x12)
        let keyring = Keyring(activeKeyID: "v1", activeKey: first)
        #expect(keyring.encryptions(of: "v1") == 0)
        for _ in 0..<3 { _ = AESGCM.seal([1, 2, 3], key: keyring.activeKey, aad: []) }
        #expect(keyring.encryptions(of: "v1") == 3)
        let rotated = keyring.rotated(toKeyID: "v2", key: second)
        _ = AESGCM.seal([4], key: rotated.activeKey, aad: [])
        #expect(rotated.encryptions(of: "v1") == 3)
        #expect(rotated.encryptions(of: "v2") == 1)
        #expect(rotated.encryptions(of: "missing") == nil)
        #expect(Keyring.nonceBudget == 1 << 32)
        #expect(rotated.activeKeyBudgetUsed > 0)
    }
}
