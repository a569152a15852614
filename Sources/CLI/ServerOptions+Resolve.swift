import DeltaCluster
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaS3
import Foundation

extension ServerOptions {
    /// What `resolve()` produced besides the configuration: secrets it generated,
    /// which the caller prints once to the operator (never to the log).
    public struct GeneratedSecrets: Sendable {
        /// A generated admin key, when none was given.
        public var adminKey: String?
        /// A generated master key in hex, when none was given.
        public var masterKeyHex: String?
    }

    /// Turns flags and environment into a configuration.
    ///
    /// Precedence: `-master-key`, then `$MASTER_KEY`, then `-master-key-file`,
    /// else a fresh key is generated (and returned in `GeneratedSecrets`, never
    /// written anywhere). Same for the admin key with `$ADMIN_KEY`.
    ///
    /// - Throws: `.badRequest` with a message naming the flag for a malformed
    ///   address, key, duration or limit.
    public func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DeltaError) -> (ServerConfiguration, GeneratedSecrets) {
        var generated = GeneratedSecrets()
        let (host, port) = try NetworkAddress.parse(restAddr, flag: "-rest-addr")

        let admin: String
        if let given = adminKey ?? environment["ADMIN_KEY"], !given.isEmpty {
            admin = given
        } else {
            admin = Hex.encode(SecureRandom.bytes(count: 24))
            generated.adminKey = admin
        }

        let masterHex: String
        if let given = masterKey ?? environment["MASTER_KEY"], !given.isEmpty {
            masterHex = given
        } else if let file = masterKeyFile {
            masterHex = try Self.readKeyFile(file)
        } else {
            masterHex = SymmetricKey.generate().hexString
            generated.masterKeyHex = masterHex
        }
        // Fail at start-up, not on the first write, if the key is malformed.
        _ = try SymmetricKey(hex: masterHex)
        var previousKeys: [String: SymmetricKey] = [:]
        if let previousKeysFile {
            guard let data = FileManager.default.contents(atPath: previousKeysFile) else {
                throw DeltaError(.badRequest, "cannot read -previous-keys-file '\(previousKeysFile)'")
            }
            previousKeys = try KeyringFile.parse(String(decoding: data, as: UTF8.self), activeKeyID: keyID)
        }

        let cache = try self.cache.resolve()
        let sessionTTL = try GoDuration.seconds(clientTTL)
        guard sessionTTL > 0 else { throw DeltaError(.badRequest, "-client-ttl must be positive, e.g. 24h") }
        guard authFailureBurst > 0 else {
            throw DeltaError(.badRequest, "-auth-failure-burst must be at least 1")
        }
        guard restMaxBodySize > 0 else {
            throw DeltaError(.badRequest, "-rest-max-body-size must be positive")
        }
        var configuration = ServerConfiguration(
            restHost: host,
            restPort: port,
            sharedFS: sharedFS,
            adminKey: admin,
            masterKeyHex: masterHex,
            keyID: keyID,
            cacheSize: cache.size,
            cacheTTLSeconds: cache.ttlSeconds,
            cacheMaxBytes: cache.maxBytes,
            maxBodyBytes: restMaxBodySize,
            writerID: "deltadb@" + (ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "local"),
            keyStorePath: keyStore,
            clientTTLSeconds: sessionTTL
        )
        configuration.authFailureBurst = authFailureBurst
        configuration.previousKeys = previousKeys
        configuration.s3 = try s3.resolve(environment: environment)
        return (configuration, generated)
    }

    static func readKeyFile(_ path: String) throws(DeltaError) -> String {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw DeltaError(.badRequest, "cannot read -master-key-file '\(path)'")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
