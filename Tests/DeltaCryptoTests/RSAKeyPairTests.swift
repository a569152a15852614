import DeltaCore
import DeltaCrypto
import Foundation
import Testing

@Suite("RSA key pair")
struct RSAKeyPairTests {
    /// Key generation is slow; most tests share one pair and one stranger.
    static let pair = try! RSAKeyPair.generate()
    static let stranger = try! RSAKeyPair.generate()

    @Test("a 32-byte secret wrapped to the public key unwraps to the same bytes")
    func roundTrip() throws {
        let secret = SecureRandom.bytes(count: 32)
        let wrapped = try Self.pair.publicKey.wrap(secret)
        #expect(wrapped.count == 256)
        #expect(wrapped != secret)
        #expect(try Self.pair.unwrap(wrapped) == secret)
    }

    @Test("the public key survives PEM and DER transport and still wraps for this pair")
    func publicKeyTransport() throws {
        let pem = Self.pair.publicKeyPEM
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
        #expect(pem.hasSuffix("-----END PUBLIC KEY-----\n"))
        #expect(!pem.contains("PRIVATE"))
        let fromPEM = try RSAPublicKey(pem: pem)
        #expect(fromPEM.bits == 2048)
        #expect(fromPEM.der == Self.pair.publicKeyDER)
        let fromDER = try RSAPublicKey(der: Self.pair.publicKeyDER)
        #expect(fromDER.pem == pem)
        let secret = SecureRandom.bytes(count: 32)
        #expect(try Self.pair.unwrap(fromPEM.wrap(secret)) == secret)
        #expect(try Self.pair.unwrap(fromDER.wrap(secret)) == secret)
    }

    @Test("unwrapping with another key pair fails cleanly with integrity_failure")
    func wrongPair() throws {
        let wrapped = try Self.pair.publicKey.wrap(SecureRandom.bytes(count: 32))
        let error = expectDeltaError { _ = try Self.stranger.unwrap(wrapped) }
        #expect(error?.code == .integrityFailure)
        #expect(error?.message.contains("different key pair") == true)
    }

    @Test("a modified, truncated or empty wrapped secret fails cleanly")
    func tampered() throws {
        let wrapped = try Self.pair.publicKey.wrap(SecureRandom.bytes(count: 32))
        var flipped = wrapped
        flipped[100] ^= 0x01
        for input in [flipped, Array(wrapped.dropLast()), [], [UInt8](repeating: 0xff, count: 256)] {
            let error = expectDeltaError { _ = try Self.pair.unwrap(input) }
            #expect(error?.code == .integrityFailure)
        }
    }

    @Test("two key pairs are different, and the pair's description hides the private key")
    func distinctAndRedacted() {
        #expect(Self.pair.publicKeyDER != Self.stranger.publicKeyDER)
        var dumped = ""
        dump(Self.pair, to: &dumped)
        for text in ["\(Self.pair)", String(reflecting: Self.pair), dumped] {
            #expect(text.contains("redacted"))
            #expect(!text.contains("PRIVATE"))
        }
    }

    @Test("larger keys (four primes from 4096 bits) wrap and unwrap like 2048-bit ones", arguments: [3072, 4096])
    func largerKeys(bits: Int) throws {
        let pair = try RSAKeyPair.generate(bits: bits)
        #expect(pair.publicKey.bits == bits)
        let secret = SecureRandom.bytes(count: 32)
        #expect(try pair.unwrap(RSAPublicKey(der: pair.publicKeyDER).wrap(secret)) == secret)
    }

    @Test("key sizes below 2048 bits are refused")
    func weakKeySize() {
        let error = expectDeltaError { _ = try RSAKeyPair.generate(bits: 1024) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("2048") == true)
    }

    @Test(
        "a secret wrapped by Python's `cryptography` (OAEP, SHA-256, MGF1-SHA-256) unwraps in Swift",
        .enabled(if: PythonCryptography.isAvailable, "python3 with the 'cryptography' package is not installed")
    )
    func pythonInterop() throws {
        let secret = SecureRandom.bytes(count: 32)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("deltadb-rsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pemFile = directory.appendingPathComponent("worker.pub.pem")
        try Self.pair.publicKeyPEM.write(to: pemFile, atomically: true, encoding: .utf8)

        let output = try PythonCryptography.run(PythonCryptography.wrapScript, arguments: [pemFile.path, Hex.encode(secret)])
        let wrapped = try #require(Hex.decode(output.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(wrapped.count == 256)
        #expect(try Self.pair.unwrap(wrapped) == secret)
    }
}

/// Runs python3 with the `cryptography` package as an independent implementation.
enum PythonCryptography {
    static let wrapScript = """
        import sys
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding
        with open(sys.argv[1], "rb") as f:
            key = serialization.load_pem_public_key(f.read())
        oaep = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
        print(key.encrypt(bytes.fromhex(sys.argv[2]), oaep).hex())
        """

    static let isAvailable: Bool = (try? run("import cryptography", arguments: [])) != nil

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with python3 and returns its standard output; throws if it exits non-zero.
    static func run(_ script: String, arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 exited \(process.terminationStatus): "
                + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
