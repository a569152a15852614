import DeltaAuth
import DeltaCache
import DeltaCore
import DeltaMetrics
import DeltaCrypto
import Foundation
import GRPCCore
import Logging
import WorkerProtocol
import DeltaEngine

/// The `MainWorker` gRPC service: worker subscription (key vending), heartbeats,
/// token renewal, and `Process` for clients, routed to Processing Workers.
///
/// Subscribe requires `authorization: Bearer <worker secret>`; without it the
/// caller gets UNAUTHENTICATED and no key material. Keys are wrapped with
/// RSA-OAEP-SHA256 to the worker's ephemeral public key and never logged.
/// Process requires an admin key or API key (metadata or the `token` field) with
/// read (GET) or write permission on the database.
public struct MainWorkerHandler: MainWorkerService.ServiceProtocol {
    public let workerSecret: [UInt8]
    public let keyring: Keyring
    public let registry: WorkerRegistry
    public let router: WorkerRouter
    public let authenticator: Authenticator
    /// Counts failed credentials and worker secrets per caller address; the same
    /// limiter as the REST listener's, so guesses over both share one allowance.
    public let limiter: FailureLimiter
    public let logger: Logger

    /// The Main Worker service: vends `keyring` to workers presenting `workerSecret`.
    public init(
        workerSecret: [UInt8], keyring: Keyring, registry: WorkerRegistry, router: WorkerRouter,
        authenticator: Authenticator, limiter: FailureLimiter = FailureLimiter(), logger: Logger
    ) {
        self.workerSecret = workerSecret
        self.keyring = keyring
        self.registry = registry
        self.router = router
        self.authenticator = authenticator
        self.limiter = limiter
        self.logger = logger
    }

    /// `Subscribe` outcomes, when the process serves metrics.
    let subscribeMetrics = MetricsHub.current.map(SubscribeMetrics.init(hub:))

    public func subscribe(
        request: ServerRequest<SubscribeRequest>, context: ServerContext
    ) async throws -> ServerResponse<SubscribeResponse> {
        do throws(DeltaError) {
            try checkWorkerSecret(request.metadata)
            let message = request.message
            try Self.validateWorkerID(message.workerId)
            let publicKey = try RSAPublicKey(pem: String(decoding: message.pubkey, as: UTF8.self))
            let wrapped = try Self.wrap(keyring, to: publicKey)
            let (token, expiresAt) = registry.register(id: message.workerId, tags: message.tags, keyID: keyring.activeKeyID)
            logger.info("worker subscribed", metadata: [
                "worker": "\(message.workerId)", "grpc_addr": "\(message.tags["grpc_addr"] ?? "-")",
                "key_id": "\(keyring.activeKeyID)",
            ])
            var response = SubscribeResponse()
            response.token = token
            response.keyId = keyring.activeKeyID
            response.wrappedKey = wrapped.first { $0.active }?.wrappedKey ?? Data()
            response.keyring = wrapped
            response.tokenExpiresAtUnixMs = Int64(expiresAt.timeIntervalSince1970 * 1000)
            response.heartbeatIntervalMs = UInt32(clamping: Int(registry.heartbeatInterval.seconds * 1000))
            subscribeMetrics?.accepted.increment()
            return ServerResponse(message: response)
        } catch {
            subscribeMetrics?.rejected.increment()
            throw throttled(error, peer: context.remotePeer, rpc: "Subscribe").rpcError
        }
    }

    public func heartbeat(
        request: ServerRequest<HeartbeatRequest>, context: ServerContext
    ) async throws -> ServerResponse<HeartbeatResponse> {
        let beat = request.message
        let cache = CacheStats(
            hits: Int(clamping: beat.cacheHits), misses: Int(clamping: beat.cacheMisses),
            evictions: Int(clamping: beat.cacheEvictions), expirations: Int(clamping: beat.cacheExpirations),
            count: Int(clamping: beat.cacheEntries), bytes: Int(clamping: beat.cacheBytes)
        )
        var response = HeartbeatResponse()
        response.heartbeatIntervalMs = UInt32(clamping: Int(registry.heartbeatInterval.seconds * 1000))
        let known = registry.heartbeat(
            id: beat.workerId, token: beat.token, keyID: beat.keyId, draining: beat.status == .draining, cache: cache
        )
        // An unknown worker or a bad token learns only that it must Subscribe again;
        // the active key id goes only to workers holding a valid token.
        response.resubscribe = !known
        if known { response.activeKeyId = keyring.activeKeyID }
        return ServerResponse(message: response)
    }

    public func renewToken(
        request: ServerRequest<RenewTokenRequest>, context: ServerContext
    ) async throws -> ServerResponse<RenewTokenResponse> {
        guard let (token, expiresAt) = registry.renew(id: request.message.workerId, token: request.message.token) else {
            throw DeltaError(.unauthorized, "unknown worker or invalid token; Subscribe again").rpcError
        }
        var response = RenewTokenResponse()
        response.token = token
        response.expiresAtUnixMs = Int64(expiresAt.timeIntervalSince1970 * 1000)
        return ServerResponse(message: response)
    }

    public func process(
        request: ServerRequest<ProcessRequest>, context: ServerContext
    ) async throws -> ServerResponse<ProcessResponse> {
        do throws(DeltaError) {
            let message = request.message
            let credential = try MetadataCredential.bearer(request.metadata) ?? (message.token.isEmpty ? nil : message.token)
            guard let credential else {
                throw DeltaError(
                    .unauthorized,
                    "missing credential: send 'authorization: Bearer <key>' metadata or set ProcessRequest.token",
                    cause: Authenticator.MissingCredential()
                )
            }
            let principal = try await authenticator.principal(forCredential: credential)
            let operation = try message.parsedOperation()
            try NameRules.validate(message.databaseName, as: .database)
            try principal.require(operation.isRead ? .read : .write, database: message.databaseName)
            if operation.returnsDocument {
                try principal.require(.read, database: message.databaseName)
            }
            return ServerResponse(message: try await router.process(message))
        } catch {
            throw throttled(error, peer: context.remotePeer, rpc: "Process").rpcError
        }
    }

    // MARK: Helpers

    /// A failed credential counted against its caller: the error itself while the
    /// caller is within its allowance, `too_many_requests` beyond it. A missing
    /// credential is not a guess and is not counted; valid credentials never are.
    private func throttled(_ error: DeltaError, peer: String, rpc: String) -> DeltaError {
        guard error.code == .unauthorized, !(error.cause is Authenticator.MissingCredential) else { return error }
        let client = Self.address(ofPeer: peer)
        guard limiter.recordFailure(client) else { return FailureLimiter.throttled }
        logger.warning("authentication failed", metadata: ["client": "\(client)", "rpc": "\(rpc)"])
        return error
    }

    /// The address in grpc-swift's peer description (`ipv4:127.0.0.1:5000`,
    /// `ipv6:[::1]:5000`); other transports are one source each.
    static func address(ofPeer peer: String) -> String {
        if peer.hasPrefix("ipv6:["), let end = peer.firstIndex(of: "]") {
            return String(peer[peer.index(peer.startIndex, offsetBy: 6)..<end])
        }
        if peer.hasPrefix("ipv4:") {
            let rest = peer.dropFirst(5)
            return String(rest[..<(rest.lastIndex(of: ":") ?? rest.endIndex)])
        }
        return peer
    }

    private func checkWorkerSecret(_ metadata: Metadata) throws(DeltaError) {
        guard let presented = try MetadataCredential.bearer(metadata),
              constantTimeEquals(Array(presented.utf8), workerSecret)
        else {
            throw DeltaError(
                .unauthorized,
                "Subscribe needs the worker secret: send 'authorization: Bearer <secret>' metadata "
                    + "(proc-worker -worker-secret or WORKER_SECRET, the same as the Main Worker's)"
            )
        }
    }

    /// Worker ids are shown in /admin/workers and logs: 1–128 printable ASCII characters.
    public static func validateWorkerID(_ id: String) throws(DeltaError) {
        guard (1...128).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw DeltaError(.badRequest, "worker_id must be 1–128 printable ASCII characters without spaces")
        }
    }

    /// Every key of `keyring`, wrapped to `publicKey`, active key first.
    public static func wrap(_ keyring: Keyring, to publicKey: RSAPublicKey) throws(DeltaError) -> [WrappedKey] {
        let ids = [keyring.activeKeyID] + keyring.keyIDs.filter { $0 != keyring.activeKeyID }
        var wrapped: [WrappedKey] = []
        for id in ids {
            var entry = WrappedKey()
            entry.keyId = id
            entry.active = id == keyring.activeKeyID
            let key = try keyring.key(for: id)
            entry.wrappedKey = Data(try key.withUnsafeBytes { (bytes) throws(DeltaError) in try publicKey.wrap(Array(bytes)) })
            wrapped.append(entry)
        }
        return wrapped
    }
}
