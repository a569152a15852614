import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage
#if canImport(Glibc)
import Glibc
#endif

/// Issue 21, item 12: the data directory is private to the server's user whatever
/// the umask (which may be 0 in containers).
@Suite("File permissions", .serialized)
struct FilePermissionsTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        _ = stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test("entity files are 0600 and directories 0700 even with umask 0")
    func privateModes() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let previous = umask(0)
        defer { umask(previous) }
        let store = try FileEntityStore(root: directory.path + "/root", writerID: "w1")
        try await put(store, entityID("db", "k"), "payload")
        let files = directory.path + "/root/files"
        #expect(mode(directory.path + "/root") == 0o700)
        #expect(mode(files) == 0o700)
        #expect(mode(files + "/db.db") == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: files + "/db.db") {
            #expect(mode(files + "/db.db/" + name) == 0o600, "\(name)")
        }
    }

    @Test("shared files (keys, bindings) are owner-only even with umask 0")
    func sharedFileModes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let previous = umask(0)
        defer { umask(previous) }
        let path = directory.path + "/bindings.json"
        try SharedFile.replace(path, with: Array("{}".utf8), mode: 0o644)
        #expect(mode(path) == 0o600)
        try SharedFile.withLock(path) {}
        #expect(mode(path + ".lock") == 0o600)
    }
}
