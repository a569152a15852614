import DeltaCache
import DeltaCluster
import DeltaCore
import DeltaCrypto
import DeltaEngine
import Foundation
import GRPCCore
import GRPCInProcessTransport
import Logging
import Synchronization
import Testing
import WorkerProtocol

/// The Main Worker's channel to a Processing Worker: many operations over one
/// stream, with errors, deadlines, cancellation, token renewal and older workers.
@Suite("Multiplexed worker channel")
struct MultiplexedProcessChannelTests {
    private static let keyring = ClusterFixtures.keyring("k1")

    /// Runs `body` with a channel to a worker over `entities` whose session token is "t1".
    private func withWorker(
        entities: (any EntityOperations)? = nil, timeout: Duration? = nil, services: ((ProcessingWorkerHandler) -> [any RegistrableRPCService])? = nil,
        _ body: (MultiplexedProcessChannel<InProcessTransport.Client>, SessionTokens) async throws -> Void
    ) async throws {
        let tokens = SessionTokens()
        tokens.reset("t1", expiresAt: Date().addingTimeInterval(60))
        let operations = try entities ?? ClusterFixtures.entityService(keys: KeyringHolder(Self.keyring))
        let handler = ProcessingWorkerHandler(
            workerID: "p1", entities: operations, tokens: tokens, load: InFlightCounter(), logger: Logger(label: "test"))
        let transport = InProcessTransport()
        try await withGRPCServer(transport: transport.server, services: services?(handler) ?? [handler]) { _ in
            try await withGRPCClient(transport: transport.client) { client in
                let channel = MultiplexedProcessChannel(client: client, closes: false, timeout: timeout, options: .defaults)
                defer { channel.close() }
                try await body(channel, tokens)
            }
        }
    }

    private func request(_ operation: String, _ key: String, _ payload: String = "") -> ProcessRequest {
        var request = ProcessRequest()
        request.operation = operation
        request.databaseName = "db"
        request.entityKey = key
        request.payload = Data(payload.utf8)
        return request
    }

    @Test("hundreds of concurrent operations over one stream each get their own answer")
    func concurrentAnswers() async throws {
        try await withWorker { channel, _ in
            try await withThrowingTaskGroup { group in
                for index in 0..<200 {
                    group.addTask {
                        let put = try await channel.process(self.request("PUT", "k\(index)", #"{"n":\#(index)}"#), token: "t1")
                        #expect(put.versions["k\(index)"] == 1)
                        let get = try await channel.process(self.request("GET", "k\(index)"), token: "t1")
                        #expect(String(decoding: get.result, as: UTF8.self) == #"{"n":\#(index)}"#)
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test("a failure the worker reports keeps its code and current version, as over a unary call")
    func reportedErrors() async throws {
        try await withWorker { channel, _ in
            let missing = await #expect(throws: RPCError.self) { try await channel.process(request("GET", "nope"), token: "t1") }
            #expect(missing?.code == .notFound)
            #expect(DeltaError(rpcError: missing!).code == .notFound)
            _ = try await channel.process(request("PUT", "k", "{}"), token: "t1")
            var stale = request("PUT", "k", "{}")
            stale.ifMatch = #""7""#
            let conflict = await #expect(throws: RPCError.self) { try await channel.process(stale, token: "t1") }
            #expect(DeltaError(rpcError: conflict!).currentVersion == 1)
        }
    }

    @Test("a stream opened with one token carries a renewed one; an unknown token is refused")
    func tokens() async throws {
        try await withWorker { channel, tokens in
            _ = try await channel.process(request("PUT", "k", "{}"), token: "t1")
            tokens.reset("t2", expiresAt: Date().addingTimeInterval(60))  // t1 no longer accepted
            let refused = await #expect(throws: RPCError.self) { try await channel.process(request("GET", "k"), token: "t1") }
            #expect(refused?.code == .unauthenticated)
            #expect(try await channel.process(request("GET", "k"), token: "t2").version == 1)
            let wrong = await #expect(throws: RPCError.self) { try await channel.process(request("GET", "k"), token: "other") }
            #expect(wrong?.code == .unauthenticated)
        }
    }

    @Test("past its deadline an operation fails with DEADLINE_EXCEEDED and the worker cancels it")
    func deadline() async throws {
        let slow = HangingOperations()
        try await withWorker(entities: slow, timeout: .milliseconds(300)) { channel, _ in
            let error = await #expect(throws: RPCError.self) { try await channel.process(request("GET", "k"), token: "t1") }
            #expect(error?.code == .deadlineExceeded)
            try await slow.waitUntilCancelled(1)
        }
    }

    @Test("a cancelled caller returns at once and the worker's operation is cancelled")
    func cancellation() async throws {
        let slow = HangingOperations()
        try await withWorker(entities: slow) { channel, _ in
            let call = Task { try await channel.process(request("GET", "k"), token: "t1") }
            try await slow.waitUntilStarted(1)
            call.cancel()
            await #expect(throws: CancellationError.self) { try await call.value }
            try await slow.waitUntilCancelled(1)
        }
    }

    @Test("abandoning a silent worker fails what waits on it as a transport failure, and the channel goes on")
    func abandon() async throws {
        let slow = HangingOperations()
        try await withWorker(entities: slow) { channel, _ in
            let call = Task { try await channel.process(request("GET", "k"), token: "t1") }
            try await slow.waitUntilStarted(1)
            channel.abandonOpenRequests()
            let error = await #expect(throws: RPCError.self) { try await call.value }
            #expect(error?.code == .unavailable)
            #expect(error.map { !$0.metadata[binaryValues: DeltaError.rpcBinaryMetadataKey].contains { _ in true } } == true,
                    "a transport failure carries no worker-reported error")
            try await slow.waitUntilCancelled(1)
            let after = try await channel.process(request("PUT", "k", "{}"), token: "t1")
            #expect(after.workerId == "p1", "the channel works after abandoning")
        }
    }

    @Test("a worker without ProcessStream is called with unary Process")
    func olderWorker() async throws {
        let older: (ProcessingWorkerHandler) -> [any RegistrableRPCService] = { [UnaryOnlyWorker(handler: $0)] }
        try await withWorker(services: older) { channel, _ in
            let put = try await channel.process(request("PUT", "k", "{}"), token: "t1")
            #expect(put.versions["k"] == 1)
            let get = try await channel.process(request("GET", "k"), token: "t1")
            #expect(get.version == 1)
        }
    }
}

/// A worker from before `ProcessStream`: it answers UNIMPLEMENTED to the stream.
private struct UnaryOnlyWorker: ProcessingWorkerService.ServiceProtocol {
    let handler: ProcessingWorkerHandler

    func process(request: ServerRequest<ProcessRequest>, context: ServerContext) async throws -> ServerResponse<ProcessResponse> {
        try await handler.process(request: request, context: context)
    }

    func processStream(
        request: StreamingServerRequest<ProcessStreamRequest>, context: ServerContext
    ) async throws -> StreamingServerResponse<ProcessStreamResponse> {
        throw RPCError(code: .unimplemented, message: "method not found")
    }
}

/// Entity operations that never finish on their own, counting starts and cancellations.
private final class HangingOperations: EntityOperations {
    private let counts = Mutex((started: 0, cancelled: 0))

    func get(database: String, key: String) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        counts.withLock { $0.started += 1 }
        do {
            try await Task.sleep(for: .seconds(60))
        } catch {
            counts.withLock { $0.cancelled += 1 }
        }
        throw DeltaError(.unavailable, "cancelled")
    }

    func waitUntilStarted(_ count: Int) async throws { try await wait { $0.started >= count } }
    func waitUntilCancelled(_ count: Int) async throws { try await wait { $0.cancelled >= count } }

    private func wait(_ condition: ((started: Int, cancelled: Int)) -> Bool) async throws {
        for _ in 0..<500 where !counts.withLock({ condition($0) }) { try await Task.sleep(for: .milliseconds(10)) }
        #expect(counts.withLock { condition($0) }, "the worker never got there: \(counts.withLock { $0 })")
    }

    func put(database: String, body: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> [String: UInt64] { [:] }
    func put(database: String, key: String, document: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> UInt64 { 0 }
    func delete(database: String, key: String, ifMatch: String?) async throws(DeltaError) {}
    func patch(
        database: String, key: String, contentType: String?, body: [UInt8], ifMatch: String?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) { ([], 0) }
    func cacheStats() async -> CacheStats { CacheStats() }
}
