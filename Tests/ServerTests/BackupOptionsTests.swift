import DeltaCLI
import DeltaCore
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

    @Test("mixed, missing or malformed flags are refused, naming what to give", arguments: [
        (["-server=http://h:1", "-shared-fs=/x"], "not both or neither"),
        ([], "not both or neither"),
        (["-server=h:1"], "must be the server's URL"),
        (["-server=http://h:1"], "needs the admin key"),
        (["-server=http://h:1", "-out=/x"], "-out and -key-store are for an offline backup"),
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
}
