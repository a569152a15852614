import ArgumentParser
import DeltaCluster
import DeltaCore
import Foundation

/// The all-in-one server's command-line flags, in the seed's style.
///
/// Every flag is accepted as `-flag=value`, `-flag value`, `--flag=value` and
/// `--flag value`. Every secret can come from a file (`-admin-key-file`,
/// `-master-key-file`) or the environment (`ADMIN_KEY`, `MASTER_KEY`) so it stays
/// out of process listings and shell history. Resolving the options into a
/// `ServerConfiguration` may generate missing keys into 0600 files (see `resolve()`).
public struct ServerOptions: ParsableArguments, Sendable {
    @Option(name: .seed("rest-addr"), help: "TCP address for the REST HTTP server.")
    public var restAddr = "127.0.0.1:8080"

    @Option(name: .seed("shared-fs"), help: "Path to the shared filesystem root.")
    public var sharedFS = "./shared/db"

    @Option(name: .seed("admin-key"), help: "Master admin Bearer key (or $ADMIN_KEY); generated and printed once if absent.")
    public var adminKey: String?

    @Option(name: .seed("admin-key-file"), help: "File (mode 0600) holding the admin key; created with a generated key if missing.")
    public var adminKeyFile: String?

    @Option(name: .seed("master-key"), help: "Hex-encoded 32-byte AES master key (or $MASTER_KEY); prefer -master-key-file.")
    public var masterKey: String?

    @Option(name: .seed("master-key-file"), help: "File (mode 0600, outside the data directory) holding the hex master key; created with a new key if missing.")
    public var masterKeyFile: String?

    @Option(name: .seed("key-id"), help: "Logical identifier for the master key.")
    public var keyID = "main-key-v1"

    @Option(name: .seed("previous-keys-file"), help: "Retired keys that stay readable after a rotation: one key_id:hex per line (see docs/cluster.md).")
    public var previousKeysFile: String?

    @OptionGroup public var cache: CacheOptions

    @Option(name: .seed("rest-max-body-size"), help: "Maximum HTTP request body size in bytes.")
    public var restMaxBodySize = 1 << 20

    @Option(name: .seed("key-store"), help: "Path to the RBAC API key JSON store (default <shared-fs>/_auth/keys.json).")
    public var keyStore: String?

    @Option(name: .seed("client-ttl"), help: "Lifetime of session tokens from /api/login, e.g. 24h.")
    public var clientTTL = "24h"

    @Option(name: .seed("auth-failure-burst"), help: "Failed authentications one client address may make in a row before getting 429 (refills at one per second).")
    public var authFailureBurst = 10

    @Option(name: .seed("ui"), help: "Serve the web console at / (-ui=false turns it off; the REST API keeps its paths either way).")
    public var ui = true

    @OptionGroup public var s3: S3Options

    @OptionGroup public var observability: ObservabilityOptions

    public init() {}
}

extension NameSpecification {
    /// A long flag accepted with one dash (the seed's Go style) or two.
    static func seed(_ name: String) -> NameSpecification {
        [.customLong(name, withSingleDash: true), .customLong(name)]
    }
}
