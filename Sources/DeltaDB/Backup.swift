import ArgumentParser
import AsyncHTTPClient
import DeltaCLI
import DeltaCluster
import DeltaCore
import DeltaEngine
import DeltaStorage
import Foundation
import NIOCore

/// `deltadb backup`: a point-in-time backup, encrypted as stored, with a manifest
/// of checksums (see docs/storage.md, "Backups").
struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back up a DeltaDatabase: online from a running deltadb (-server) or offline from its directory (-shared-fs).",
        discussion: """
            Online: the server (started with -backup-dir) pauses writes while it copies, so the backup holds exactly \
            the writes acknowledged before it started; reads go on. Offline: claims -shared-fs exclusively, so it is \
            refused while any server uses the directory; -out is a new directory or s3://BUCKET/PREFIX/NAME (with \
            -s3-endpoint, -s3-access-key, -s3-secret-key-file), where manifest.json is uploaded last and completes the \
            backup. Entities stay encrypted as stored: back up the master key \
            (and previous keys) separately. Restore with `deltadb restore`.
            """
    )

    @OptionGroup var options: BackupOptions

    func run() async throws {
        ProcessSetup.prepare()
        let (mode, warnings) = try options.resolve()
        for warning in warnings { Console.logger("deltadb-backup").warning("\(warning)") }
        switch mode {
        case .online(let url, let adminKey, let name):
            try await Self.online(url: url, adminKey: adminKey, name: name)
        case .offline(let sharedFS, let keyStore, let out):
            try await Self.offline(sharedFS: sharedFS, keyStore: keyStore, into: DirectoryBackupSink(directory: out))
        case .offlineToBucket(let sharedFS, let keyStore, let bucket):
            try await Self.offline(sharedFS: sharedFS, keyStore: keyStore, into: S3BackupSink(bucket: bucket))
        }
    }

    /// Copies the stopped data directory `sharedFS` into `sink`, claiming it so no server starts meanwhile.
    static func offline(sharedFS: String, keyStore: String, into sink: any BackupSink) async throws {
        let claim = try DirectoryClaim(
            root: sharedFS, mode: .exclusive,
            conflict: "a server uses it. Back it up online with -server (deltadb with -backup-dir), or stop every "
                + "server on it first")
        let store = try FileEntityStore(root: sharedFS, writerID: "deltadb-backup", claim: claim)
        let reporter = ProgressReporter(task: "backup", unit: "entities")
        let writer = try BackupWriter(store: store, dataRoot: sharedFS, keyStorePath: keyStore) { files, bytes in
            reporter.update(done: files, bytes: bytes)
        }
        let manifest: BackupManifest
        do {
            manifest = try await writer.write(to: sink)
        } catch {
            try? await store.close()
            throw error
        }
        reporter.finish()
        try await store.close()
        Console.say("backup written to \(sink.location): \(manifest.entities) entities, \(manifest.files.count) files, as of \(manifest.createdAt)")
    }

    /// Asks the server at `url` for backup `name` and prints where it went.
    static func online(url: String, adminKey: String, name: String) async throws {
        var request = HTTPClientRequest(url: url + "/api/backups")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(adminKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = try JSONSerialization.data(withJSONObject: ["name": name])
        request.body = .bytes(ByteBuffer(bytes: body))
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .hours(6))
            bytes = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw DeltaError(.unavailable, "cannot reach the server at \(url): \(error); check -server", cause: error)
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
        guard response.status == .created else {
            let message = json["error"] as? String ?? String(buffer: bytes)
            throw DeltaError(.badRequest, "the server refused the backup (\(response.status.code)): \(message)")
        }
        let directory = json["directory"] as? String ?? "?"
        Console.say("backup '\(name)' written by the server to \(directory): \(json["entities"] ?? "?") entities, "
            + "\(json["files"] ?? "?") files, as of \(json["created_at"] ?? "?")")
    }
}
