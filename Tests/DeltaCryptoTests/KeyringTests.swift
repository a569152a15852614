import DeltaCore
import DeltaCrypto
import Testing

@Suite("Keyring")
struct KeyringTests {
    let current = testKey(0x01)
    let old = testKey(0x02)

    @Test("the active key and older keys are found by id")
    func lookup() throws {
        let keyring = Keyring(activeKeyID: "main-key-v2", activeKey: current, previousKeys: ["main-key-v1": old])
        #expect(keyring.activeKeyID == "main-key-v2")
        #expect(try keyring.key(for: "main-key-v2").hexString == current.hexString)
        #expect(try keyring.key(for: "main-key-v1").hexString == old.hexString)
        #expect(keyring.activeKey.hexString == current.hexString)
        #expect(keyring.keyIDs == ["main-key-v1", "main-key-v2"])
    }

    @Test("data written with an old key still opens after rotation; new writes use the new key")
    func rotation() throws {
        let before = Keyring(activeKeyID: "v1", activeKey: old)
        let box = AESGCM.seal([9, 9], key: before.activeKey, aad: [])
        let after = before.rotated(toKeyID: "v2", key: current)
        #expect(after.activeKeyID == "v2")
        #expect(after.activeKey.hexString == current.hexString)
        #expect(try AESGCM.open(box, key: after.key(for: "v1"), aad: []) == [9, 9])
    }

    @Test("the active key wins over a previous key with the same id")
    func activeWins() throws {
        let keyring = Keyring(activeKeyID: "v1", activeKey: current, previousKeys: ["v1": old])
        #expect(try keyring.key(for: "v1").hexString == current.hexString)
    }

    @Test("a missing key id is key_unavailable, names the id and says what to do")
    func missingKey() {
        let keyring = Keyring(activeKeyID: "main-key-v2", activeKey: current)
        let error = expectDeltaError { _ = try keyring.key(for: "main-key-v1") }
        #expect(error?.code == .keyUnavailable)
        #expect(error?.message.contains("'main-key-v1'") == true)
        #expect(error?.message.contains("keyring that contains") == true)
        #expect(error?.message.contains(current.hexString) == false)
    }

    @Test("printing or dumping a keyring shows key ids but no key material")
    func redacted() {
        let keyring = Keyring(activeKeyID: "v2", activeKey: current, previousKeys: ["v1": old])
        var dumped = ""
        dump(keyring, to: &dumped)
        for text in ["\(keyring)", String(reflecting: keyring), dumped] {
            #expect(text.contains("v1") && text.contains("v2"))
            #expect(!text.contains(current.hexString) && !text.contains(old.hexString))
            #expect(!text.contains("0101010101") && !text.contains("0202020202"))
        }
    }
}
