@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore

/// A throw-away server for one test: its own data directory and keys.
struct TestServer {
    static let adminKey = "test-admin-key-0123456789"
    static let masterKeyHex = String(repeating: "ab", count: 32)

    let directory: String
    var configuration: ServerConfiguration
    /// `.soleServer` like `deltadb -workers 0`, unless `sharesDirectory`: several
    /// servers on one directory must be `.cooperatingServer`s.
    let role: EngineAssembly.StorageRole

    init(
        masterKeyHex: String = TestServer.masterKeyHex, maxBodyBytes: Int = 1 << 20, directory: String? = nil,
        sharesDirectory: Bool = false
    ) {
        self.role = sharesDirectory ? .cooperatingServer : .soleServer
        self.directory = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("deltadb-test-\(UUID().uuidString)").path
        self.configuration = ServerConfiguration(
            restPort: 0,
            sharedFS: self.directory,
            adminKey: Self.adminKey,
            masterKeyHex: masterKeyHex,
            maxBodyBytes: maxBodyBytes,
            writerID: "test"
        )
        // Tests send many bad credentials on purpose from one (in-memory) client.
        self.configuration.authFailureBurst = 10_000
    }

    /// Runs `body` against the router in memory (or `.live` for a real socket).
    func run<Value: Sendable>(
        _ setup: TestingSetup = .router,
        _ body: @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = try await DeltaServer.makeApplication(configuration, as: role, logger: logger)
        return try await app.test(setup, body)
    }

    func removeDirectory() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Every regular file under the data directory, with its bytes.
    func allFiles() -> [(path: String, bytes: Data)] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [(String, Data)] = []
        for case let relative as String in walker {
            let path = directory + "/" + relative
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: path) {
                files.append((relative, data))
            }
        }
        return files
    }
}

extension HTTPFields {
    static var admin: HTTPFields { [.authorization: "Bearer \(TestServer.adminKey)"] }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// The decoded JSON error body, when there is one.
    var errorCode: String? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["code"] as? String
    }
}

extension ByteBuffer {
    init(_ text: String) { self.init(string: text) }
}
