import DeltaCore
import DeltaCrypto
import Testing

@Suite("AES-GCM seal and open")
struct AESGCMTests {
    let key = testKey()
    let plaintext = Array(#"{"name":"Ada","role":"admin"}"#.utf8)
    let aad = EntityAAD.bytes(database: "chatdb", entityKey: "user:1", version: 3, keyID: "main-key-v1")

    @Test("a sealed document opens back to the same bytes")
    func roundTrip() throws {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        #expect(try AESGCM.open(box, key: key, aad: aad) == plaintext)
        #expect(box.nonce.count == AESGCM.nonceByteCount)
        #expect(box.tag.count == AESGCM.tagByteCount)
        #expect(box.ciphertext.count == plaintext.count)
        #expect(box.ciphertext != plaintext)
    }

    @Test("empty and large documents round-trip")
    func sizes() throws {
        for plaintext in [[], SecureRandom.bytes(count: 1), SecureRandom.bytes(count: 1 << 20)] {
            let box = AESGCM.seal(plaintext, key: key, aad: [])
            #expect(try AESGCM.open(box, key: key, aad: []) == plaintext)
        }
    }

    @Test("sealing the same document twice uses a fresh nonce and gives different ciphertext")
    func freshNonce() {
        let first = AESGCM.seal(plaintext, key: key, aad: aad)
        let second = AESGCM.seal(plaintext, key: key, aad: aad)
        #expect(first.nonce != second.nonce)
        #expect(first.ciphertext != second.ciphertext)
        #expect(first.tag != second.tag)
    }

    @Test("flipping any byte of the ciphertext makes open fail closed")
    func tamperedCiphertext() {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        for index in box.ciphertext.indices {
            var tampered = box
            tampered.ciphertext[index] ^= 0x01
            expectIntegrityFailure(tampered, key: key, aad: aad)
        }
    }

    @Test("flipping any byte of the tag makes open fail closed")
    func tamperedTag() {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        for index in box.tag.indices {
            var tampered = box
            tampered.tag[index] ^= 0x80
            expectIntegrityFailure(tampered, key: key, aad: aad)
        }
    }

    @Test("flipping any byte of the nonce makes open fail closed")
    func tamperedNonce() {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        for index in box.nonce.indices {
            var tampered = box
            tampered.nonce[index] ^= 0x10
            expectIntegrityFailure(tampered, key: key, aad: aad)
        }
    }

    @Test("a truncated tag, a short nonce or appended ciphertext fail closed")
    func malformedBox() {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        var shortTag = box
        shortTag.tag.removeLast()
        expectIntegrityFailure(shortTag, key: key, aad: aad)
        var shortNonce = box
        shortNonce.nonce.removeLast()
        expectIntegrityFailure(shortNonce, key: key, aad: aad)
        var longer = box
        longer.ciphertext.append(0)
        expectIntegrityFailure(longer, key: key, aad: aad)
        var empty = box
        empty.ciphertext = []
        expectIntegrityFailure(empty, key: key, aad: aad)
    }

    @Test("a blob opened as another entity, version or key id fails closed", arguments: [
        ("otherdb", "user:1", UInt64(3), "main-key-v1"),
        ("chatdb", "user:2", UInt64(3), "main-key-v1"),
        ("chatdb", "user:1", UInt64(2), "main-key-v1"),
        ("chatdb", "user:1", UInt64(4), "main-key-v1"),
        ("chatdb", "user:1", UInt64(3), "main-key-v2"),
    ])
    func movedBlob(database: String, entityKey: String, version: UInt64, keyID: String) {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        let other = EntityAAD.bytes(database: database, entityKey: entityKey, version: version, keyID: keyID)
        expectIntegrityFailure(box, key: key, aad: other)
    }

    @Test("opening with a different key fails closed with a message that says what happened")
    func wrongKey() {
        let box = AESGCM.seal(plaintext, key: key, aad: aad)
        let error = expectIntegrityFailure(box, key: testKey(0x43), aad: aad)
        #expect(error?.message.contains("failed authentication") == true)
        #expect(error?.message.contains("different key") == true)
        #expect(error?.message.contains("Ada") == false)
    }

    @discardableResult
    private func expectIntegrityFailure(
        _ box: SealedBox, key: SymmetricKey, aad: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) -> DeltaError? {
        let error = expectDeltaError({ _ = try AESGCM.open(box, key: key, aad: aad) }, sourceLocation: sourceLocation)
        #expect(error?.code == .integrityFailure, sourceLocation: sourceLocation)
        return error
    }
}
