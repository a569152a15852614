import DeltaAuth
import DeltaCore
import DeltaCrypto
import Foundation
import GRPCCore
import GRPCInProcessTransport
import Logging
import Testing
import WorkerProtocol

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// The gRPC services over grpc-swift-2's in-process transport: who may
/// subscribe, what they receive, and who may call Process.
@Suite("Cluster RPCs (in-process transport)")
struct ClusterRPCTests {
    let secret = "worker-secret-123"
    let previousKey = SymmetricKey.generate()
    let keyring: Keyring
    let registry = WorkerRegistry(heartbeatInterval: .seconds(1), tokenTTL: .seconds(60))
    let configuration: ServerConfiguration

    init() {
        keyring = ClusterFixtures.keyring("k2", previous: ["k1": previousKey])
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-rpc-\(UUID().uuidString)").path
        configuration = ServerConfiguration(
            sharedFS: root, adminKey: "admin-key", masterKeyHex: String(repeating: "ab", count: 32), keyID: "k2")
    }

    /// Runs `body` with a client of a Main Worker service served in process.
    func withMainWorker(
        limiter: FailureLimiter = FailureLimiter(),
        _ body: (MainWorkerService.Client<InProcessTransport.Client>, Authenticator) async throws -> Void
    ) async throws {
        let authenticator = try EngineAssembly.makeAuthenticator(configuration, documents: MemoryDocuments())
        let router = WorkerRouter(registry: registry, clients: WorkerClients(maxMessageBytes: 1 << 20), logger: Logger(label: "test"))
        let handler = MainWorkerHandler(
            workerSecret: Array(secret.utf8), keyring: keyring, registry: registry, router: router,
            authenticator: authenticator, limiter: limiter, logger: Logger(label: "test")
        )
        let transport = InProcessTransport()
        try await withGRPCServer(transport: transport.server, services: [handler]) { server in
            try await withGRPCClient(transport: transport.client) { client in
                try await body(MainWorkerService.Client(wrapping: client), authenticator)
            }
            server.beginGracefulShutdown()
        }
    }

    func subscribeRequest(_ pair: RSAKeyPair, id: String = "p1") -> SubscribeRequest {
        var request = SubscribeRequest()
        request.workerId = id
        request.pubkey = Data(pair.publicKeyPEM.utf8)
        request.tags = ["grpc_addr": "127.0.0.1:1"]
        return request
    }

    @Test("Subscribe without the worker secret, or with a wrong one, is UNAUTHENTICATED and registers nothing")
    func subscribeNeedsSecret() async throws {
        let pair = try RSAKeyPair.generate()
        try await withMainWorker { main, _ in
            for metadata: Metadata in [[:], ["authorization": "Bearer wrong"], ["authorization": "Basic \(secret)"]] {
                let error = await #expect(throws: RPCError.self) { try await main.subscribe(subscribeRequest(pair), metadata: metadata) }
                #expect(error?.code == .unauthenticated)
            }
        }
        #expect(registry.snapshot().isEmpty)
    }

    @Test("Subscribe with the secret returns the whole keyring, wrapped to the worker's key, and a token")
    func subscribeVendsKeyring() async throws {
        let pair = try RSAKeyPair.generate()
        try await withMainWorker { main, _ in
            let response = try await main.subscribe(subscribeRequest(pair), metadata: ["authorization": "Bearer \(secret)"])
            #expect(response.keyId == "k2")
            #expect(response.keyring.map(\.keyId) == ["k2", "k1"])
            #expect(response.keyring.map(\.active) == [true, false])
            let unwrapped = try WorkerAgent.unwrap(response, with: pair)
            #expect(unwrapped.activeKey.hexString == keyring.activeKey.hexString)
            #expect(try unwrapped.key(for: "k1").hexString == previousKey.hexString)
            // Another key pair cannot unwrap it.
            #expect(throws: DeltaError.self) { try WorkerAgent.unwrap(response, with: try RSAKeyPair.generate()) }
            #expect(!response.token.isEmpty)
            #expect(registry.snapshot().map(\.worker.id) == ["p1"])

            var beat = HeartbeatRequest()
            beat.workerId = "p1"
            beat.token = response.token
            beat.keyId = "k2"
            let accepted = try await main.heartbeat(beat)
            #expect(accepted.resubscribe == false && accepted.activeKeyId == "k2")
            beat.token = "forged"
            // An unauthenticated heartbeat learns nothing about the keyring, not even the active key id.
            let forged = try await main.heartbeat(beat)
            #expect(forged.resubscribe == true && forged.activeKeyId.isEmpty)

            var renew = RenewTokenRequest()
            renew.workerId = "p1"
            renew.token = response.token
            #expect(try await main.renewToken(renew).token != response.token)
            renew.token = "forged"
            await #expect(throws: RPCError.self) { try await main.renewToken(renew) }
        }
    }

    @Test("a seed-shaped response (one wrapped key, no keyring) unwraps too")
    func seedShapedResponse() throws {
        let pair = try RSAKeyPair.generate()
        let key = SymmetricKey.generate()
        var response = SubscribeResponse()
        response.keyId = "main-key-v1"
        response.wrappedKey = Data(try key.withUnsafeBytes { (bytes) throws(DeltaError) in try pair.publicKey.wrap(Array(bytes)) })
        let keyring = try WorkerAgent.unwrap(response, with: pair)
        #expect(keyring.activeKeyID == "main-key-v1" && keyring.activeKey.hexString == key.hexString)
    }

    @Test("a bad public key or worker id is INVALID_ARGUMENT")
    func badSubscribe() async throws {
        try await withMainWorker { main, _ in
            var request = subscribeRequest(try RSAKeyPair.generate())
            request.pubkey = Data("not a key".utf8)
            let error = await #expect(throws: RPCError.self) { try await main.subscribe(request, metadata: ["authorization": "Bearer \(secret)"]) }
            #expect(error?.code == .invalidArgument)
            request = subscribeRequest(try RSAKeyPair.generate(), id: "has space")
            let badID = await #expect(throws: RPCError.self) { try await main.subscribe(request, metadata: ["authorization": "Bearer \(secret)"]) }
            #expect(badID?.code == .invalidArgument)
        }
    }

    @Test("Process needs a client credential with the right permission, checked before routing")
    func processCredentials() async throws {
        try await withMainWorker { main, authenticator in
            var request = ProcessRequest()
            request.operation = "PUT"
            request.databaseName = "db"
            request.entityKey = "k"
            request.payload = Data("1".utf8)
            let missing = await #expect(throws: RPCError.self) { try await main.process(request) }
            #expect(missing?.code == .unauthenticated)
            let wrong = await #expect(throws: RPCError.self) { try await main.process(request, metadata: ["authorization": "Bearer nope"]) }
            #expect(wrong?.code == .unauthenticated)
            // The worker secret is not a client credential.
            let worker = await #expect(throws: RPCError.self) { try await main.process(request, metadata: ["authorization": "Bearer \(secret)"]) }
            #expect(worker?.code == .unauthenticated)
            let reader = try await authenticator.keys.create(name: "r", permissions: [.read], databases: nil, expiresIn: nil)
            let denied = await #expect(throws: RPCError.self) { try await main.process(request, metadata: ["authorization": "Bearer \(reader.secret)"]) }
            #expect(denied?.code == .permissionDenied)
            // PATCH answers with the document: a write-only key may not read through it.
            let writer = try await authenticator.keys.create(name: "w", permissions: [.write], databases: nil, expiresIn: nil)
            var patch = request
            patch.operation = "PATCH"
            patch.contentType = "application/merge-patch+json"
            patch.payload = Data("{}".utf8)
            let writeOnly = await #expect(throws: RPCError.self) { try await main.process(patch, metadata: ["authorization": "Bearer \(writer.secret)"]) }
            #expect(writeOnly?.code == .permissionDenied)
            // Authorized (token field), but no worker is subscribed: UNAVAILABLE with advice.
            request.token = "admin-key"
            let unavailable = await #expect(throws: RPCError.self) { try await main.process(request) }
            #expect(unavailable?.code == .unavailable)
            #expect(unavailable?.message.contains("proc-worker") == true)
        }
    }

    @Test("a Processing Worker serves only callers presenting its session token")
    func processingWorkerToken() async throws {
        let tokens = SessionTokens()
        tokens.reset("session-token", expiresAt: Date().addingTimeInterval(60))
        let service = try ClusterFixtures.entityService(keys: KeyringHolder(keyring))
        let handler = ProcessingWorkerHandler(
            workerID: "p1", entities: service, tokens: tokens, load: InFlightCounter(), logger: Logger(label: "test"))
        let transport = InProcessTransport()
        try await withGRPCServer(transport: transport.server, services: [handler]) { server in
            try await withGRPCClient(transport: transport.client) { client in
                let worker = ProcessingWorkerService.Client(wrapping: client)
                var request = ProcessRequest()
                request.operation = "PUT"
                request.databaseName = "db"
                request.entityKey = "k"
                request.payload = Data(#"{"a":1}"#.utf8)
                for metadata: Metadata in [[:], ["authorization": "Bearer admin-key"], ["authorization": "Bearer other"]] {
                    let error = await #expect(throws: RPCError.self) { try await worker.process(request, metadata: metadata) }
                    #expect(error?.code == .unauthenticated)
                }
                await #expect(throws: DeltaError.self) { try await service.get(database: "db", key: "k") }  // nothing written
                let response = try await worker.process(request, metadata: ["authorization": "Bearer session-token"])
                #expect(response.version == 1 && response.workerId == "p1")
                // A renewed token keeps the previous one valid until it expires.
                tokens.add("renewed", expiresAt: Date().addingTimeInterval(60))
                request.operation = "GET"
                #expect(try await worker.process(request, metadata: ["authorization": "Bearer session-token"]).version == 1)
                let notFound = await #expect(throws: RPCError.self) {
                    var missing = request
                    missing.entityKey = "missing"
                    return try await worker.process(missing, metadata: ["authorization": "Bearer renewed"])
                }
                #expect(notFound?.code == .notFound)
                #expect(DeltaError(rpcError: notFound!).code == .notFound)
            }
            server.beginGracefulShutdown()
        }
    }

    @Test("a worker without keys refuses data operations instead of guessing")
    func noKeys() async throws {
        let service = try ClusterFixtures.entityService(keys: KeyringHolder())
        let error = await #expect(throws: DeltaError.self) { try await service.put(database: "db", body: Array(#"{"k":1}"#.utf8), ifMatch: nil, ifNoneMatch: nil) }
        #expect(error?.code == .keyUnavailable)
    }

    @Test("gRPC guesses share the failure allowance: wrong keys and worker secrets become RESOURCE_EXHAUSTED, a valid key still passes")
    func grpcThrottle() async throws {
        try await withMainWorker(limiter: FailureLimiter(burst: 3, refillPerSecond: 0.001)) { main, _ in
            var request = ProcessRequest()
            request.operation = "GET"
            request.databaseName = "db"
            request.entityKey = "k"
            var codes: [RPCError.Code] = []
            for attempt in 0..<5 {
                let error = await #expect(throws: RPCError.self) {
                    try await main.process(request, metadata: ["authorization": "Bearer dk_guess_\(attempt)"])
                }
                codes.append(error?.code ?? .unknown)
            }
            #expect(codes == [.unauthenticated, .unauthenticated, .unauthenticated, .resourceExhausted, .resourceExhausted])
            let subscribe = await #expect(throws: RPCError.self) {
                try await main.subscribe(subscribeRequest(try RSAKeyPair.generate()), metadata: ["authorization": "Bearer wrong"])
            }
            #expect(subscribe?.code == .resourceExhausted)
            // The admin key is checked first and passes (then finds no worker), however many guesses came before.
            request.token = "admin-key"
            let valid = await #expect(throws: RPCError.self) { try await main.process(request) }
            #expect(valid?.code == .unavailable)
            // A call without any credential is not a guess.
            request.token = ""
            let missing = await #expect(throws: RPCError.self) { try await main.process(request) }
            #expect(missing?.code == .unauthenticated)
        }
    }

    @Test("a gRPC peer's address is its IP without the port")
    func peerAddress() {
        #expect(MainWorkerHandler.address(ofPeer: "ipv4:127.0.0.1:51234") == "127.0.0.1")
        #expect(MainWorkerHandler.address(ofPeer: "ipv6:[2001:db8::1]:443") == "2001:db8::1")
        #expect(MainWorkerHandler.address(ofPeer: "in-process:1") == "in-process:1")
    }

}

@Suite("Nonce budget warnings")
struct NonceBudgetWatchTests {
    @Test("each threshold of the active key's nonce budget is reported once, in order")
    func thresholds() {
        #expect(NonceBudgetWatch.newlyReached(0.1, after: 0).isEmpty)
        #expect(NonceBudgetWatch.newlyReached(0.6, after: 0) == [0.25, 0.5])
        #expect(NonceBudgetWatch.newlyReached(0.6, after: 0.5).isEmpty)
        #expect(NonceBudgetWatch.newlyReached(1.2, after: 0.5) == [0.75, 0.9])
    }
}
