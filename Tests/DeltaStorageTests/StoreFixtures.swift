import DeltaCore
import DeltaS3
import Foundation
import Synchronization
import Testing
@testable import DeltaStorage

/// The stores the conformance suite runs against.
///
/// `file` is the shared-directory file store (durable entity files per write),
/// `logged` the file store of a server holding the directory exclusively (write-ahead
/// log with group commit, entity files written in the background), and `logOnly`
/// the same with the background writer off, so every entity is read, listed and
/// deleted from the log's index alone.
///
/// `s3` runs against the S3-compatible server at `DELTADB_S3_ENDPOINT` (moto, started
/// by `scripts/start_moto.sh`; `scripts/test.sh` always starts it), with a fresh
/// bucket per test. Without that variable `s3` is left out of `allCases`, so a plain
/// `swift test` still works without moto; `S3ConformanceSetupTests` fails instead
/// when that happens on CI (`CI` set).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case file
    case logged
    case logOnly
    case s3

    static var allCases: [StoreKind] {
        S3TestEndpoint.value == nil ? [.memory, .file, .logged, .logOnly] : [.memory, .file, .logged, .logOnly, .s3]
    }

    var testDescription: String { rawValue }
}

/// Where the S3 run of the conformance suite finds its server.
enum S3TestEndpoint {
    static let variable = "DELTADB_S3_ENDPOINT"
    static let howTo = "start moto with `eval \"$(scripts/start_moto.sh --env)\"` (exports \(variable)), or run scripts/test.sh"

    static var value: String? {
        guard let raw = ProcessInfo.processInfo.environment[variable], !raw.isEmpty else { return nil }
        return raw
    }

    /// A store on a new, empty bucket of the test server.
    static func freshStore() async throws -> S3EntityStore {
        guard let endpoint = value else {
            throw DeltaError(.unavailable, "\(variable) is not set: \(howTo)")
        }
        let bucket = "deltadb-test-" + String(UInt64.random(in: .min ... .max), radix: 16)
        let configuration = try S3Configuration(endpoint: endpoint, accessKey: "test", secretKey: "test", bucket: bucket)
        let client = S3Client(configuration: configuration)
        do {
            try await client.createBucket()
        } catch {
            throw DeltaError(.unavailable, "no S3 server answers at \(endpoint) (\(error)): \(howTo)")
        }
        return S3EntityStore(client: client)
    }
}

/// A fresh directory under the system temp directory, removed by `remove()`.
struct TemporaryDirectory: Sendable {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/deltadb-storage-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Every file path under the directory, relative to it, sorted.
    func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let item = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(item) }
        }
        return files.sorted()
    }
}

/// Runs `body` with a fresh, empty store of `kind`, cleaning up afterwards.
func withStore(_ kind: StoreKind, _ body: (any EntityStore) async throws -> Void) async throws {
    switch kind {
    case .memory:
        try await body(MemoryEntityStore())
    case .file:
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try await body(try FileEntityStore(root: directory.path, writerID: "test-writer"))
    case .logged:
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let claim = try DirectoryClaim(root: directory.path, mode: .exclusive, conflict: "a test holds it")
        let store = try FileEntityStore(root: directory.path, writerID: "test-writer", claim: claim)
        #expect(store.writesAheadToLog)
        try await body(store)
    case .logOnly:
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try await body(try logOnlyStore(directory))
    case .s3:
        try await body(try await S3TestEndpoint.freshStore())
    }
}

/// A logged store (write-ahead log, no claim) on `directory` whose background writer
/// is off: entities stay in the log until `checkpoint()` or the store's release.
func logOnlyStore(
    _ directory: TemporaryDirectory, writerID: String = "test-writer", fileSystem: some FileSystemOps = RealFileSystem(),
    options: WriteAheadLog.Options = WriteAheadLog.Options(materializes: false)
) throws -> FileEntityStore {
    try FileEntityStore(root: directory.path, writerID: writerID, claim: nil, fileSystem: fileSystem, logOptions: options)
}

/// Writes `text` as version `version` of `id` in the legacy two-file layout
/// (`<key>.meta.json` + `<key>.<version>.json.enc`), as stores did before the
/// one-file layout, without a lock file.
func writeLegacy(_ directory: TemporaryDirectory, _ id: EntityID, _ text: String, version: UInt64 = 1) throws {
    let paths = FileLayout(root: directory.path).paths(for: id)
    try FileManager.default.createDirectory(atPath: paths.directory, withIntermediateDirectories: true)
    var entity = nextEntity(id, after: nil, payload: Array(text.utf8))
    entity.metadata.version = version
    try FileStoreEngine.sidecarEncoder.encode(entity.metadata).write(to: URL(fileURLWithPath: paths.sidecar))
    try Data(entity.ciphertext).write(to: URL(fileURLWithPath: paths.blob(version)))
}

/// The metadata header and the ciphertext of an entity file.
func entityFileParts(_ path: String) throws -> (header: Data, ciphertext: [UInt8]) {
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    let length = try #require(EntityFileFormat.headerLength(bytes))
    return (Data(bytes[8..<(8 + length)]), Array(bytes[(8 + length)...]))
}

func entityID(_ database: String, _ key: String) -> EntityID {
    do {
        return try EntityID(database: database, key: key)
    } catch {
        fatalError("invalid test name \(database)/\(key): \(error)")
    }
}

/// The entity a well-behaved `build` returns after `current`: next version, `payload`
/// as ciphertext, the payload's length as size.
func nextEntity(_ id: EntityID, after current: EntityMetadata?, payload: [UInt8], schemaID: String? = nil) -> StoredEntity {
    let version = (current?.version ?? 0) + 1
    let stamp = "2025-01-01T00:00:\(String(format: "%02d", version % 60)).000000Z"
    let metadata = EntityMetadata(
        keyID: "k1", alg: "AES-GCM", iv: "AAAAAAAAAAAAAAAA", tag: "AAAAAAAAAAAAAAAAAAAAAA==",
        schemaID: schemaID, schemaVersion: schemaID == nil ? nil : "1", version: version, writerID: "test-writer",
        createdAt: current?.createdAt ?? stamp, updatedAt: stamp,
        database: id.database, entityKey: id.key, size: payload.count)
    return StoredEntity(metadata: metadata, ciphertext: payload)
}

/// Writes `text` as the next version of `id`.
@discardableResult
func put(_ store: any EntityStore, _ id: EntityID, _ text: String) async throws -> EntityMetadata {
    try await store.write(id) { current throws(DeltaError) in nextEntity(id, after: current, payload: Array(text.utf8)) }
}

/// The payload of `id` as text, or nil if absent.
func payload(_ store: any EntityStore, _ id: EntityID) async throws -> String? {
    try await store.read(id).map { String(decoding: $0.ciphertext, as: UTF8.self) }
}

/// Every key of `database`, collected page by page.
func allKeys(_ store: any EntityStore, _ database: String, prefix: String = "", pageSize: Int = 1_000) async throws -> [String] {
    var keys: [String] = []
    var cursor: String?
    repeat {
        let page = try await store.listEntities(database: database, prefix: prefix, after: cursor, limit: pageSize)
        keys += page.entities.map(\.key)
        cursor = page.nextCursor
    } while cursor != nil
    return keys
}

/// Asserts that `body` throws a `DeltaError` with `code`, and returns it.
@discardableResult
func expectDeltaError<T>(
    _ code: DeltaError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> DeltaError? {
    do {
        _ = try await body()
        Issue.record("expected a \(code) error, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as DeltaError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected DeltaError(\(code)), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A value a `@Sendable` closure can record for the test to check afterwards.
final class Observed<Value: Sendable>: Sendable {
    private let storage: Mutex<Value?>
    init(_ initial: Value? = nil) { storage = Mutex(initial) }
    func set(_ value: Value) { storage.withLock { $0 = value } }
    var value: Value? { storage.withLock { $0 } }
}
