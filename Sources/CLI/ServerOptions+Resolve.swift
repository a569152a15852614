import DeltaCluster
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaS3
import Foundation

extension ServerOptions {
    /// What `resolve()` noticed besides the configuration, for the operator: files
    /// it generated secrets into (their paths, never the secrets) and warnings.
    public struct GeneratedSecrets: Sendable {
        /// The file a generated admin key was written to.
        public var adminKeyFile: String?
        /// The file a generated master key was written to.
        public var masterKeyFile: String?
        /// Things to log as warnings (a secret on the command line); no secret in them.
        public var warnings: [String] = []
    }

    static let adminKeyInput = SecretInput(
        name: "the admin key", flag: "-admin-key", fileFlag: "-admin-key-file", variable: "ADMIN_KEY",
        defaultFile: "deltadb-admin-key")
    static let masterKeyInput = SecretInput(
        name: "the master key", flag: "-master-key", fileFlag: "-master-key-file", variable: "MASTER_KEY",
        defaultFile: "deltadb-master-key")

    /// Turns flags and environment into a configuration.
    ///
    /// Each secret comes from its flag, then its environment variable, then its
    /// file (`SecretInput`). A missing one is generated into its file (or
    /// `./deltadb-admin-key`, `./deltadb-master-key`), mode 0600, and that file is
    /// read again on the next start: never a throwaway key. A hand-made admin key
    /// must be strong (`SecretStrength`).
    ///
    /// - Throws: `.badRequest` with a message naming the flag for a malformed
    ///   address, key, duration or limit, a weak admin key or a key file others can read.
    /// - Parameter forTool: true for commands that serve no requests and work on
    ///   existing data (`deltadb rewrap`): no admin key is read or generated, and
    ///   the master key must be given (generating one would make nothing readable).
    public func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment, forTool: Bool = false
    ) throws(DeltaError) -> (ServerConfiguration, GeneratedSecrets) {
        var generated = GeneratedSecrets()
        let (host, port) = try NetworkAddress.parse(restAddr, flag: "-rest-addr")

        let cache = try self.cache.resolve()
        let sessionTTL = try GoDuration.seconds(clientTTL)
        guard sessionTTL > 0 else { throw DeltaError(.badRequest, "-client-ttl must be positive, e.g. 24h") }
        guard authFailureBurst > 0 else {
            throw DeltaError(.badRequest, "-auth-failure-burst must be at least 1")
        }
        guard restMaxBodySize > 0 else {
            throw DeltaError(.badRequest, "-rest-max-body-size must be positive")
        }
        // Everything that can be refused is checked before a secret is generated into a file.
        let s3Configuration = try s3.resolve(environment: environment)
        let master: (secret: String, source: SecretInput.Source)
        if forTool {
            guard let given = try Self.masterKeyInput.read(
                value: masterKey, file: masterKeyFile, environment: environment, warnings: &generated.warnings
            ) else {
                throw DeltaError(.badRequest, "this command needs the active key: pass -master-key-file, MASTER_KEY or -master-key")
            }
            master = given
        } else {
            master = try Self.masterKeyInput.readOrGenerate(
                value: masterKey, file: masterKeyFile, environment: environment, warnings: &generated.warnings
            ) { SymmetricKey.generate().hexString }
        }
        if case .generated(let path) = master.source { generated.masterKeyFile = path }
        // Fail at start-up, not on the first write, if the key is malformed.
        let masterKeyValue = try SymmetricKey(hex: master.secret)
        let admin = !forTool
            ? try Self.adminKeyInput.readOrGenerate(
                value: adminKey, file: adminKeyFile, environment: environment, warnings: &generated.warnings
            ) { Hex.encode(SecureRandom.bytes(count: 24)) }
            : (secret: "", source: SecretInput.Source.generated(""))
        if forTool {
            // Serves nothing: no admin key.
        } else if case .generated(let path) = admin.source {
            generated.adminKeyFile = path
        } else {
            try SecretStrength.require(admin.secret, name: "the admin key", flag: "-admin-key")
        }

        var previousKeys: [String: SymmetricKey] = [:]
        if let previousKeysFile {
            try SecretInput.requirePrivate(previousKeysFile, flag: "-previous-keys-file")
            guard let data = FileManager.default.contents(atPath: previousKeysFile) else {
                throw DeltaError(.badRequest, "cannot read -previous-keys-file '\(previousKeysFile)'")
            }
            previousKeys = try KeyringFile.parse(String(decoding: data, as: UTF8.self), activeKeyID: keyID)
        }

        var configuration = ServerConfiguration(
            restHost: host,
            restPort: port,
            sharedFS: sharedFS,
            adminKey: admin.secret,
            masterKey: masterKeyValue,
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
        configuration.s3 = s3Configuration
        if configuration.s3 != nil { generated.warnings += s3.warnings(environment: environment) }
        configuration.serveConsole = ui
        return (configuration, generated)
    }
}
