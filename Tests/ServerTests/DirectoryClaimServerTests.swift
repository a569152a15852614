import DeltaCore
import Foundation
import Logging
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Servers claim their data directory (see `DirectoryClaim`): an all-in-one server
/// whose cache is not checked against storage must be the only server there.
@Suite("Servers sharing a data directory")
struct DirectoryClaimServerTests {
    private static let logger = Logger(label: "test")

    /// The error starting a server in `role` on `server`'s directory meets, or nil if it starts.
    private static func startError(_ server: TestServer, as role: EngineAssembly.StorageRole) async -> DeltaError? {
        do {
            _ = try await DeltaServer.makeApplication(server.configuration, as: role, logger: logger)
            return nil
        } catch {
            return error as? DeltaError
        }
    }

    @Test("a second server on the directory of a running all-in-one server refuses to start and says why")
    func soleServerKeepsOthersOut() async throws {
        let first = TestServer()
        defer { first.removeDirectory() }
        try await first.run { _ in
            let sole = try #require(await Self.startError(first, as: .soleServer))
            #expect(sole.code == .unavailable)
            #expect(sole.message.contains("'\(first.directory)' is in use by another DeltaDatabase process"))
            #expect(sole.message.contains("give this one its own -shared-fs"))
            let worker = try #require(await Self.startError(first, as: .cooperatingServer))
            #expect(worker.message.contains("restart it with -grpc-addr"))
        }
        // Stopped: the directory is free again.
        #expect(await Self.startError(first, as: .soleServer) == nil)
    }

    @Test("servers that check their caches share a directory, and keep an all-in-one server out")
    func cooperatingServersShare() async throws {
        let first = TestServer(sharesDirectory: true)
        defer { first.removeDirectory() }
        try await first.run { _ in
            try await TestServer(directory: first.directory, sharesDirectory: true).run { _ in
                #expect(await Self.startError(first, as: .soleServer)?.code == .unavailable)
            }
        }
    }

    @Test("deltadb claims the directory alone only with one embedded worker and no gRPC listener")
    func topologyRoles() {
        typealias Topology = MainWorkerServer.Topology
        #expect(Topology(listensForGRPC: false, embeddedWorkers: 1).storageRole == .soleServer)
        #expect(!Topology(listensForGRPC: false, embeddedWorkers: 1).verifiesCacheHits)
        for topology in [
            Topology(listensForGRPC: false, embeddedWorkers: 2),  // deltadb -workers 2
            Topology(listensForGRPC: true, embeddedWorkers: 1),  // deltadb -grpc-addr …
            Topology(listensForGRPC: true, embeddedWorkers: 0),  // main-worker
        ] {
            #expect(topology.storageRole == .cooperatingServer)
        }
        #expect(Topology(listensForGRPC: false, embeddedWorkers: 2).verifiesCacheHits)
        #expect(Topology(listensForGRPC: true, embeddedWorkers: 1).verifiesCacheHits)
    }

    @Test("deltadb rewrap runs next to cooperating servers, and is refused next to an all-in-one server's write-ahead log")
    func toolsShareWithCooperatingServers() async throws {
        let shared = TestServer(sharesDirectory: true)
        defer { shared.removeDirectory() }
        try await shared.run { _ in
            let report = try await EngineAssembly.rewrap(shared.configuration, logger: Self.logger)
            #expect(report.failed.isEmpty)
        }
        let sole = TestServer()
        defer { sole.removeDirectory() }
        try await sole.run { _ in
            let error = await #expect(throws: DeltaError.self) {
                try await EngineAssembly.rewrap(sole.configuration, logger: Self.logger)
            }
            #expect(error?.message.contains("write-ahead log") == true)
        }
    }
}
