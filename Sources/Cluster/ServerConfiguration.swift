import DeltaCore
import DeltaCrypto
import DeltaS3

/// Everything the all-in-one server needs to start, resolved from flags and
/// environment variables (see `ServerOptions`).
///
/// Holds secrets (admin key, master key); its `description` redacts them so the
/// configuration can be logged.
public struct ServerConfiguration: Sendable, CustomStringConvertible {
    /// Host and port of the REST listener.
    public var restHost: String
    /// Port of the REST listener; 0 picks a free port.
    public var restPort: Int
    /// Root of the shared filesystem (`files/`, `templates/`, `_auth/`); unused with `s3`.
    public var sharedFS: String
    /// The admin Bearer key; bypasses RBAC.
    public var adminKey: String
    /// The master key; nil for processes that receive keys from a Main Worker.
    /// Held as a `SymmetricKey`, which wipes its bytes when released, rather than
    /// as an immutable hex string for the life of the process.
    public var masterKey: SymmetricKey?
    /// The logical id of the master key, recorded in every entity's metadata.
    public var keyID: String
    /// Retired keys by id (`-previous-keys-file`): entities sealed with them stay
    /// readable; new writes use the master key.
    public var previousKeys: [String: SymmetricKey] = [:]
    /// Maximum number of cached decrypted documents.
    public var cacheSize: Int
    /// Time-to-live of cache entries in seconds; 0 means LRU eviction only.
    public var cacheTTLSeconds: Double
    /// Maximum bytes of cached documents.
    public var cacheMaxBytes: Int
    /// Maximum REST request body in bytes.
    public var maxBodyBytes: Int
    /// The id recorded as `writer_id` in metadata.
    public var writerID: String
    /// The RBAC API key file; nil means `<sharedFS>/_auth/keys.json`.
    public var keyStorePath: String?
    /// Lifetime of session tokens from `POST /api/login`, in seconds.
    public var clientTTLSeconds: Double
    /// Failed authentications one client may make in a row before getting 429
    /// (the bucket refills at one per second).
    public var authFailureBurst: Int = 10
    /// When set, everything durable lives in this S3 bucket instead of `sharedFS`:
    /// entities (`files/…`), schemas (`templates/`), bindings (`_meta/`) and `_auth/`
    /// (unless `keyStorePath` names a file); `sharedFS` is then not used.
    public var s3: S3Configuration?
    /// Whether the REST listener also serves the web console at `/` (`-ui`).
    public var serveConsole = true
    /// Where `POST /api/backups` writes online backups (`deltadb -backup-dir`); nil
    /// turns online backups off.
    public var backupDirectory: String?
    /// Where `POST /api/backups` writes online backups when `-backup-dir` is
    /// `s3://BUCKET/PREFIX`: each backup goes to `PREFIX/<name>/` in the bucket.
    public var backupBucket: BackupBucket?

    /// The keyring: the master key (active) plus the previous keys.
    ///
    /// - Throws: `.badRequest` if no master key is configured.
    public func keyring() throws(DeltaError) -> Keyring {
        guard let masterKey else {
            throw DeltaError(.badRequest, "no master key is configured: pass -master-key-file, MASTER_KEY or -master-key")
        }
        return Keyring(activeKeyID: keyID, activeKey: masterKey, previousKeys: previousKeys)
    }

    /// The API key file actually used.
    public var resolvedKeyStorePath: String {
        keyStorePath ?? sharedFS + "/_auth/keys.json"
    }

    /// Creates a configuration. Defaults follow the seed's flags.
    public init(
        restHost: String = "127.0.0.1",
        restPort: Int = 8080,
        sharedFS: String = "./shared/db",
        adminKey: String,
        masterKey: SymmetricKey?,
        keyID: String = "main-key-v1",
        cacheSize: Int = 256,
        cacheTTLSeconds: Double = 0,
        cacheMaxBytes: Int = 64 << 20,
        maxBodyBytes: Int = 1 << 20,
        writerID: String = "deltadb",
        keyStorePath: String? = nil,
        clientTTLSeconds: Double = 24 * 3600
    ) {
        self.restHost = restHost
        self.restPort = restPort
        self.sharedFS = sharedFS
        self.adminKey = adminKey
        self.masterKey = masterKey
        self.keyID = keyID
        self.cacheSize = cacheSize
        self.cacheTTLSeconds = cacheTTLSeconds
        self.cacheMaxBytes = cacheMaxBytes
        self.maxBodyBytes = maxBodyBytes
        self.writerID = writerID
        self.keyStorePath = keyStorePath
        self.clientTTLSeconds = clientTTLSeconds
    }

    /// The same, with the master key as 64 hex digits ("" for none); a malformed
    /// key leaves it nil. For tests and tools that hold the key as text.
    public init(
        restHost: String = "127.0.0.1", restPort: Int = 8080, sharedFS: String = "./shared/db", adminKey: String,
        masterKeyHex: String, keyID: String = "main-key-v1", cacheSize: Int = 256, cacheTTLSeconds: Double = 0,
        cacheMaxBytes: Int = 64 << 20, maxBodyBytes: Int = 1 << 20, writerID: String = "deltadb",
        keyStorePath: String? = nil, clientTTLSeconds: Double = 24 * 3600
    ) {
        self.init(
            restHost: restHost, restPort: restPort, sharedFS: sharedFS, adminKey: adminKey,
            masterKey: try? SymmetricKey(hex: masterKeyHex), keyID: keyID, cacheSize: cacheSize,
            cacheTTLSeconds: cacheTTLSeconds, cacheMaxBytes: cacheMaxBytes, maxBodyBytes: maxBodyBytes,
            writerID: writerID, keyStorePath: keyStorePath, clientTTLSeconds: clientTTLSeconds
        )
    }

    public var description: String {
        "rest=\(restHost):\(restPort) shared-fs=\(sharedFS) key-id=\(keyID) "
            + "cache-size=\(cacheSize) cache-ttl=\(cacheTTLSeconds)s cache-max-bytes=\(cacheMaxBytes) "
            + "max-body=\(maxBodyBytes) key-store=\(resolvedKeyStorePath) client-ttl=\(clientTTLSeconds)s "
            + "admin-key=<redacted> master-key=<redacted>"
            + (previousKeys.isEmpty ? "" : " previous-keys=[\(previousKeys.keys.sorted().joined(separator: ","))]")
            + (s3.map { " storage=\($0)" } ?? " storage=shared-fs")
    }
}
