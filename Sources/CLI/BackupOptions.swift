import ArgumentParser
import DeltaCluster
import DeltaCore
import Foundation

/// The flags of `deltadb backup`: online from a running server, or offline from a
/// data directory no server uses.
public struct BackupOptions: ParsableArguments, Sendable {
    @Option(name: .seed("server"), help: "Online backup: the running deltadb's REST URL, e.g. http://127.0.0.1:8080. It writes the backup into its -backup-dir.")
    public var server: String?

    @Option(name: .seed("name"), help: "Online backup: the backup's name under the server's -backup-dir (default backup-<UTC time>).")
    public var name: String?

    @Option(name: .seed("admin-key"), help: "Online backup: the admin Bearer key (or $ADMIN_KEY); prefer -admin-key-file.")
    public var adminKey: String?

    @Option(name: .seed("admin-key-file"), help: "Online backup: file (mode 0600) holding the admin key.")
    public var adminKeyFile: String?

    @Option(name: .seed("shared-fs"), help: "Offline backup: the data directory; refused while any server uses it.")
    public var sharedFS: String?

    @Option(name: .seed("key-store"), help: "Offline backup: the API key store if not <shared-fs>/_auth/keys.json.")
    public var keyStore: String?

    @Option(name: .seed("out"), help: "Offline backup: the directory to create (must not exist), or s3://BUCKET/PREFIX/NAME (with -s3-endpoint and credentials).")
    public var out: String?

    /// How to reach the bucket of `-out=s3://…` (its `-s3-bucket` is the URL's).
    @OptionGroup public var s3: S3Options

    public init() {}

    /// What to do.
    public enum Mode: Sendable, Equatable {
        /// Ask the server at `url` to take backup `name`.
        case online(url: String, adminKey: String, name: String)
        /// Copy `sharedFS` (keys in `keyStore`) into the new directory `out`.
        case offline(sharedFS: String, keyStore: String, out: String)
        /// Copy `sharedFS` (keys in `keyStore`) into a bucket, the manifest last.
        case offlineToBucket(sharedFS: String, keyStore: String, bucket: BackupBucket)
    }

    /// The mode the flags ask for, and warnings (a secret on the command line).
    ///
    /// - Throws: `.badRequest` naming the flags when they mix or miss the two modes.
    public func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()
    ) throws(DeltaError) -> (Mode, [String]) {
        var warnings: [String] = []
        switch (server, sharedFS) {
        case (let server?, nil):
            guard out == nil, keyStore == nil, s3.endpoint == nil else {
                throw DeltaError(.badRequest, "-out, -key-store and -s3-* are for an offline backup (-shared-fs); with -server the backup goes to the server's -backup-dir")
            }
            guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
                throw DeltaError(.badRequest, "-server must be the server's URL, e.g. http://127.0.0.1:8080")
            }
            guard let admin = try ServerOptions.adminKeyInput.read(
                value: adminKey, file: adminKeyFile, environment: environment, warnings: &warnings)
            else {
                throw DeltaError(.badRequest, "an online backup needs the admin key: pass -admin-key-file or ADMIN_KEY")
            }
            let url = server.hasSuffix("/") ? String(server.dropLast()) : server
            return (.online(url: url, adminKey: admin.secret, name: name ?? Self.defaultName(at: now)), warnings)
        case (nil, let sharedFS?):
            guard let out else { throw DeltaError(.badRequest, "an offline backup needs -out=<new directory>") }
            guard name == nil, adminKey == nil, adminKeyFile == nil else {
                throw DeltaError(.badRequest, "-name and -admin-key(-file) are for an online backup (-server)")
            }
            let keys = keyStore ?? sharedFS + "/_auth/keys.json"
            guard BackupBucket.isBucketURL(out) else {
                guard s3.endpoint == nil else {
                    throw DeltaError(.badRequest, "-s3-* flags are for a backup into a bucket: -out=s3://BUCKET/PREFIX/NAME")
                }
                return (.offline(sharedFS: sharedFS, keyStore: keys, out: out), warnings)
            }
            _ = try BackupBucket.parse(out)  // the URL's mistakes first, then the credentials'
            let bucket = try BackupBucket(url: out, s3: try s3.resolve(environment: environment))
            // "deltadatabase" is -s3-bucket's default: not given.
            guard s3.bucket == "deltadatabase" || s3.bucket == bucket.s3.bucket else {
                throw DeltaError(.badRequest, "-s3-bucket '\(s3.bucket)' is not the bucket of -out '\(out)'; the bucket comes from -out")
            }
            warnings += s3.warnings(environment: environment)
            return (.offlineToBucket(sharedFS: sharedFS, keyStore: keys, bucket: bucket), warnings)
        default:
            throw DeltaError(
                .badRequest,
                "give either -server=<URL> (online, from a running deltadb) or -shared-fs=<dir> -out=<dir> (offline), not both or neither")
        }
    }

    /// `backup-<UTC date>T<hhmmss>Z`, the name of an unnamed online backup.
    static func defaultName(at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "backup-%04d-%02d-%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    /// `deltadb -backup-dir` made absolute; nil when not given.
    ///
    /// - Throws: `.badRequest` if it lies inside `sharedFS` (a backup next to the data
    ///   it protects is lost with it, and would be copied into the next backup).
    public static func serverBackupDirectory(_ directory: String?, sharedFS: String) throws(DeltaError) -> String? {
        guard let directory, !directory.isEmpty else { return nil }
        let backups = URL(fileURLWithPath: directory).standardizedFileURL.path
        let data = URL(fileURLWithPath: sharedFS).standardizedFileURL.path
        guard backups != data, !backups.hasPrefix(data.hasSuffix("/") ? data : data + "/") else {
            throw DeltaError(.badRequest, "-backup-dir '\(directory)' is inside -shared-fs '\(sharedFS)': put backups on another path, ideally another disk")
        }
        return backups
    }
}
