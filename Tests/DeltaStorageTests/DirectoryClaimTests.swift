import DeltaCore
import Foundation
import Testing

@testable import DeltaStorage

@Suite("DirectoryClaim")
struct DirectoryClaimTests {
    private static func withDirectory(_ body: (String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claim-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root)
    }

    /// The error a claim in `mode` meets on `root`, or nil if it succeeds (and is released at once).
    private static func conflict(_ root: String, _ mode: DirectoryClaim.Mode) -> DeltaError? {
        do {
            _ = try DirectoryClaim(root: root, mode: mode, conflict: "second claim")
            return nil
        } catch {
            return error
        }
    }

    @Test("an exclusive claim keeps every other claim out, and says what to do")
    func exclusive() throws {
        try Self.withDirectory { root in
            let claim = try DirectoryClaim(root: root, mode: .exclusive, conflict: "first claim")
            for mode in [DirectoryClaim.Mode.exclusive, .shared] {
                let error = try #require(Self.conflict(root, mode))
                #expect(error.code == .unavailable)
                #expect(error.message.contains("'\(root)' is in use by another DeltaDatabase process: second claim"))
            }
            #expect(claim.path == root + "/deltadb.lock")
        }
    }

    @Test("shared claims coexist and keep an exclusive one out")
    func shared() throws {
        try Self.withDirectory { root in
            let first = try DirectoryClaim(root: root, mode: .shared, conflict: "")
            let second = try DirectoryClaim(root: root, mode: .shared, conflict: "")
            #expect(Self.conflict(root, .exclusive)?.code == .unavailable)
            #expect(first.mode == .shared && second.mode == .shared)
        }
    }

    @Test("releasing the claim (or the process ending) frees the directory")
    func released() throws {
        try Self.withDirectory { root in
            var claim: DirectoryClaim? = try DirectoryClaim(root: root + "/", mode: .exclusive, conflict: "")
            withExtendedLifetime(claim) {
                #expect(Self.conflict(root, .shared) != nil)
                #expect(claim?.path == root + "/deltadb.lock")
            }
            claim = nil
            #expect(Self.conflict(root, .exclusive) == nil)
        }
    }

    @Test("a directory that does not exist is a storage failure naming the lock file")
    func missingDirectory() {
        #expect(throws: DeltaError.self) { try DirectoryClaim(root: "/nonexistent/deltadb-claim", mode: .shared, conflict: "") }
        let error = Self.conflict("/nonexistent/deltadb-claim", .shared)
        #expect(error?.code == .storageFailure)
        #expect(error?.message.contains("/nonexistent/deltadb-claim/deltadb.lock") == true)
    }
}
