import DeltaCore
import DeltaCrypto
import DeltaImport
import Foundation
import Testing

@Suite("Decrypting the original's blobs")
struct OriginalCipherTests {
    let key = SymmetricKey.generate()

    func sealed(_ text: String, with key: SymmetricKey) -> ([UInt8], OriginalSidecar) {
        let box = AESGCM.seal(Array(text.utf8), key: key, aad: [])
        let sidecar = OriginalSidecar(
            alg: "AES-GCM", iv: Data(box.nonce).base64EncodedString(), tag: Data(box.tag).base64EncodedString())
        return (box.ciphertext, sidecar)
    }

    @Test("a blob sealed without associated data and its tag in the sidecar opens")
    func opens() throws {
        let (blob, sidecar) = sealed(#"{"a":1}"#, with: key)
        #expect(try OriginalCipher(hex: key.hexString).open(blob, sidecar: sidecar) == Array(#"{"a":1}"#.utf8))
    }

    @Test("a wrong key, a changed byte or a swapped tag fail as integrity failures")
    func failsClosed() throws {
        let (blob, sidecar) = sealed("{}", with: key)
        let wrong = #expect(throws: DeltaError.self) {
            try OriginalCipher(key: SymmetricKey.generate()).open(blob, sidecar: sidecar)
        }
        #expect(wrong?.code == .integrityFailure)
        #expect(wrong?.message.contains("another master key") == true)
        var tampered = blob
        tampered[0] ^= 1
        #expect(throws: DeltaError.self) { try OriginalCipher(key: key).open(tampered, sidecar: sidecar) }
        let (_, other) = sealed("{}", with: key)
        var swapped = sidecar
        swapped.tag = other.tag
        #expect(throws: DeltaError.self) { try OriginalCipher(key: key).open(blob, sidecar: swapped) }
    }

    @Test("malformed sidecars and keys are refused without echoing the key")
    func malformed() throws {
        let (blob, sidecar) = sealed("{}", with: key)
        var noTag = sidecar
        noTag.tag = nil
        #expect((#expect(throws: DeltaError.self) { try OriginalCipher(key: key).open(blob, sidecar: noTag) })?.code == .badRequest)
        var otherAlg = sidecar
        otherAlg.alg = "ChaCha20"
        #expect(throws: DeltaError.self) { try OriginalCipher(key: key).open(blob, sidecar: otherAlg) }
        let badKey = #expect(throws: DeltaError.self) { try OriginalCipher(hex: "abcd1234") }
        #expect(badKey?.message.contains("abcd1234") == false)
    }
}
