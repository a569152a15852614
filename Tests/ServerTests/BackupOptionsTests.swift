import DeltaCLI
import DeltaCluster
import DeltaCore
import DeltaS3
import Foundation
import Testing

/// `deltadb backup`'s flags and `deltadb -backup-dir`: one of two modes, each
/// with its own flags, and backups never inside the data directory.
@Suite("Backup flags")
struct BackupOptionsTests {
    static let admin = "adm-5f0c1e9a7b3d4c2e8f6a1b0c9d8e7f6a"

    @Test("-server with the admin key from the environment is an online backup, named by the time if unnamed")
    func online() throws {
        let options = try BackupOptions.parse(["-server=http://127.0.0.1:8080/"])
        let (mode, warnings) = try options.resolve(environment: ["ADMIN_KEY": Self.admin], now: Date(timeIntervalSince1970: 0))
        #expect(mode == .online(url: "http://127.0.0.1:8080", adminKey: Self.admin, name: "backup-1970-01-01T000000Z"))
        #expect(warnings.isEmpty)
        let named = try BackupOptions.parse(["-server", "http://h:1", "-name", "nightly", "-admin-key", Self.admin])
        let (namedMode, namedWarnings) = try named.resolve(environment: [:])
        #expect(namedMode == .online(url: "http://h:1", adminKey: Self.admin, name: "nightly"))
        #expect(namedWarnings.count == 1, "a key on the command line is warned about")
    }

    @Test("-shared-fs with -out is an offline backup; the key store defaults to <shared-fs>/_auth/keys.json")
    func offline() throws {
        let (mode, _) = try BackupOptions.parse(["-shared-fs=/srv/db", "-out=/b/1"]).resolve(environment: [:])
        #expect(mode == .offline(sharedFS: "/srv/db", keyStore: "/srv/db/_auth/keys.json", out: "/b/1"))
    }

    @Test("-out=s3://BUCKET/PREFIX/NAME is an offline backup into that bucket, reached with the -s3-* flags")
    func offlineToBucket() throws {
        let secret = "s3-secret-2b7e151628aed2a6"
        let options = try BackupOptions.parse([
            "-shared-fs=/srv/db", "-out=s3://backups/nightly/b1/", "-s3-endpoint=http://127.0.0.1:9000", "-s3-access-key=ak",
            "-s3-secret-key", secret,
        ])
        let (mode, warnings) = try options.resolve(environment: [:])
        guard case .offlineToBucket(let sharedFS, let keyStore, let bucket) = mode else {
            Issue.record("not a bucket backup: \(mode)")
            return
        }
        #expect(sharedFS == "/srv/db" && keyStore == "/srv/db/_auth/keys.json")
        #expect(bucket.s3.bucket == "backups" && bucket.prefix == "nightly/b1" && bucket.s3.baseURL == "http://127.0.0.1:9000")
        #expect(bucket.s3.accessKey == "ak" && bucket.s3.secretKey == secret)
        #expect(bucket.description == "s3://backups/nightly/b1" && bucket.key("files/x") == "nightly/b1/files/x")
        #expect(warnings.count == 1 && !warnings[0].contains(secret), "a secret on the command line is warned about, not shown")
    }

    @Test("mixed, missing or malformed flags are refused, naming what to give", arguments: [
        (["-server=http://h:1", "-shared-fs=/x"], "not both or neither"),
        ([], "not both or neither"),
        (["-server=h:1"], "must be the server's URL"),
        (["-server=http://h:1"], "needs the admin key"),
        (["-server=http://h:1", "-out=/x"], "-out, -key-store and -s3-* are for an offline backup"),
        (["-server=http://h:1", "-s3-endpoint=h:9000"], "-out, -key-store and -s3-* are for an offline backup"),
        (["-shared-fs=/x", "-out=/y", "-s3-endpoint=h:9000"], "are for a backup into a bucket"),
        (["-shared-fs=/x", "-out=s3://bkt/nightly"], "needs -s3-endpoint"),
        (["-shared-fs=/x", "-out=s3://bkt", "-s3-endpoint=h:9000"], "s3://BUCKET/PREFIX/NAME"),
        (["-shared-fs=/x", "-out=s3://bkt/a/../b", "-s3-endpoint=h:9000"], "is not allowed"),
        (["-shared-fs=/x", "-out=s3://bkt/b", "-s3-endpoint=h:9000", "-s3-bucket=other", "-s3-access-key=a", "-s3-secret-key=b"], "the bucket comes from -out"),
        (["-shared-fs=/x"], "needs -out"),
        (["-shared-fs=/x", "-out=/y", "-name=n"], "are for an online backup"),
    ])
    func refused(arguments: [String], message: String) throws {
        let error = #expect(throws: DeltaError.self) { try BackupOptions.parse(arguments).resolve(environment: [:]) }
        #expect(error?.code == .badRequest && error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test("-backup-dir is made absolute and refused inside -shared-fs")
    func serverBackupDirectory() throws {
        #expect(try BackupOptions.serverBackupDirectory(nil, sharedFS: "/srv/db") == nil)
        #expect(try BackupOptions.serverBackupDirectory("/srv/backups", sharedFS: "/srv/db") == "/srv/backups")
        #expect(try BackupOptions.serverBackupDirectory("/srv/db-backups", sharedFS: "/srv/db") == "/srv/db-backups")
        for inside in ["/srv/db", "/srv/db/backups", "/srv/db/../db/b"] {
            #expect(throws: DeltaError.self) { try BackupOptions.serverBackupDirectory(inside, sharedFS: "/srv/db") }
        }
    }

    @Test("deltadb -backup-dir=s3://BUCKET/PREFIX is reached with -backup-s3-*, else with the server's own -s3-*")
    func serverBackupBucket() throws {
        let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("bs3-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: secretFile) }
        FileManager.default.createFile(atPath: secretFile, contents: Data("s3-secret-x".utf8), attributes: [.posixPermissions: 0o600])
        let options = try BackupS3Options.parse([
            "-backup-s3-endpoint=http://127.0.0.1:9000", "-backup-s3-access-key=ak", "-backup-s3-secret-key-file=\(secretFile)",
        ])
        let resolved = try options.resolve(backupDir: "s3://backups/online", sharedFS: "/srv/db", storage: nil, environment: [:])
        #expect(resolved.directory == nil && resolved.bucket?.description == "s3://backups/online")
        #expect(resolved.bucket?.s3.secretKey == "s3-secret-x" && resolved.bucket?.s3.accessKey == "ak")

        let storage = try S3Configuration(endpoint: "s3.example:443", accessKey: "sa", secretKey: "ss", bucket: "data", useSSL: true)
        let fromStorage = try BackupS3Options.parse([]).resolve(
            backupDir: "s3://backups/online", sharedFS: "/srv/db", storage: storage, environment: [:])
        #expect(fromStorage.bucket?.s3.bucket == "backups" && fromStorage.bucket?.s3.baseURL == "https://s3.example")

        let directory = try BackupS3Options.parse([]).resolve(backupDir: "/srv/backups", sharedFS: "/srv/db", storage: nil, environment: [:])
        #expect(directory.directory == "/srv/backups" && directory.bucket == nil)
        for (arguments, backupDir) in [([String](), "s3://backups/online"), (["-backup-s3-endpoint=h:1"], "/srv/backups")] {
            let error = #expect(throws: DeltaError.self) {
                try BackupS3Options.parse(arguments).resolve(backupDir: backupDir, sharedFS: "/srv/db", storage: nil, environment: [:])
            }
            #expect(error?.code == .badRequest && error?.message.contains("-backup-s3-endpoint") == true, "\(error?.message ?? "")")
        }
    }
}
