import DeltaCache
import DeltaCore
import DeltaCrypto
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import WorkerProtocol
import DeltaEngine

/// A Processing Worker's link to its Main Worker: Subscribe (worker secret in
/// metadata, an ephemeral RSA key pair, the keyring unwrapped into memory), then
/// heartbeats with load and cache counters, token renewal before expiry, and a
/// new Subscribe whenever the Main Worker asks (restart, rotation, expiry).
///
/// Keys exist only in the `KeyringHolder` and are dropped by `run` on exit.
/// Neither keys nor tokens are logged.
public struct WorkerAgent: Sendable {
    public let workerID: String
    public let mainAddress: String
    public let workerSecret: String
    /// Mutual TLS for the connection to the Main Worker (remote workers only).
    public var tls: MutualTLS? = nil
    /// Tags sent with Subscribe; must include `grpc_addr`.
    public let tags: [String: String]
    public let keyring: KeyringHolder
    public let tokens: SessionTokens
    public let load: InFlightCounter
    public let cacheStats: @Sendable () -> CacheStats
    public let logger: Logger
    /// Called once after the first successful Subscribe.
    public let onSubscribed: @Sendable () -> Void
    /// The key pair for the first Subscribe, generated while the server is still
    /// starting (key generation is the longest step of an embedded start-up);
    /// every later Subscribe generates a fresh pair.
    public var firstKeyPair: Task<RSAKeyPair, any Error>? = nil

    /// An agent that subscribes worker `workerID` to the Main Worker at `mainAddress`.
    public init(workerID: String, mainAddress: String, workerSecret: String, tls: MutualTLS? = nil, tags: [String: String], keyring: KeyringHolder, tokens: SessionTokens, load: InFlightCounter, cacheStats: @escaping @Sendable () -> CacheStats, logger: Logger, onSubscribed: @escaping @Sendable () -> Void, firstKeyPair: Task<RSAKeyPair, any Error>? = nil) {
        self.workerID = workerID
        self.mainAddress = mainAddress
        self.workerSecret = workerSecret
        self.tls = tls
        self.tags = tags
        self.keyring = keyring
        self.tokens = tokens
        self.load = load
        self.cacheStats = cacheStats
        self.logger = logger
        self.onSubscribed = onSubscribed
        self.firstKeyPair = firstKeyPair
    }

    /// Runs until cancelled. Failed calls are retried every second (a
    /// wrong secret is logged as such, and retried, so fixing the Main Worker's
    /// configuration needs no worker restart).
    public func run() async throws {
        let (host, port) = try GRPCAddress.parse(mainAddress, flag: "-main-addr")
        let transport = try HTTP2ClientTransport.Posix(
            target: GRPCAddress.target(host: host, port: port), transportSecurity: tls.clientSecurity)
        let client = GRPCClient(transport: transport)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await client.runConnections() }
            defer { client.beginGracefulShutdown() }
            try await run(using: client)
        }
    }

    /// Runs over a client the caller keeps running (an embedded worker uses the
    /// in-process transport). Drops the keys and tokens when it returns.
    public func run<Transport: ClientTransport>(using client: GRPCClient<Transport>) async throws {
        defer {
            keyring.clear()
            tokens.clear()
        }
        try await loop(MainWorkerService.Client(wrapping: client))
    }

    private func loop<Transport>(_ main: MainWorkerService.Client<Transport>) async throws {
        var interval = Duration.seconds(2)
        var needsSubscribe = true
        var announced = false
        var firstKeyPair = firstKeyPair
        var failures = 0
        while !Task.isCancelled {
            do {
                if needsSubscribe {
                    let pair = try await firstKeyPair?.value ?? RSAKeyPair.generate()
                    firstKeyPair = nil
                    interval = try await subscribe(main, with: pair)
                    needsSubscribe = false
                    failures = 0
                    if !announced {
                        announced = true
                        onSubscribed()
                    }
                } else {
                    needsSubscribe = try await beat(main)
                    try await renewIfDue(main)
                    failures = 0
                }
                try await Task.sleep(for: interval)
            } catch is CancellationError {
                return
            } catch {
                failures += 1
                // Retried every second at most, so a restarted Main Worker gets its workers
                // back within a second or two; logged on the first failure and every 30th.
                if failures % 30 == 1 {
                    logger.warning("main worker unreachable or refused; retrying every second", metadata: [
                        "main": "\(mainAddress)", "error": "\(Self.describe(error))", "attempt": "\(failures)",
                    ])
                }
                if let rpc = error as? RPCError, rpc.code == .unauthenticated { needsSubscribe = true }
                try await Task.sleep(for: min(interval, .seconds(1)))
            }
        }
    }

    /// Subscribes with `pair` (used once), installs the keyring and token; returns the heartbeat interval.
    private func subscribe<Transport>(
        _ main: MainWorkerService.Client<Transport>, with pair: RSAKeyPair
    ) async throws -> Duration {
        var request = SubscribeRequest()
        request.workerId = workerID
        request.pubkey = Data(pair.publicKeyPEM.utf8)
        request.tags = tags
        let response = try await main.subscribe(request, metadata: ["authorization": "Bearer \(workerSecret)"])
        keyring.install(try Self.unwrap(response, with: pair))
        tokens.reset(response.token, expiresAt: Date(timeIntervalSince1970: Double(response.tokenExpiresAtUnixMs) / 1000))
        logger.info("subscribed", metadata: ["main": "\(mainAddress)", "key_id": "\(response.keyId)", "keys": "\(response.keyring.count)"])
        return .milliseconds(max(50, Int(response.heartbeatIntervalMs)))
    }

    /// One heartbeat; true if the worker must Subscribe again.
    private func beat<Transport>(_ main: MainWorkerService.Client<Transport>) async throws -> Bool {
        let stats = cacheStats()
        var request = HeartbeatRequest()
        request.workerId = workerID
        request.token = tokens.current ?? ""
        request.status = .ready
        request.inFlight = UInt32(clamping: load.current)
        request.keyId = keyring.activeKeyID ?? ""
        request.cacheEntries = UInt64(clamping: stats.count)
        request.cacheHits = UInt64(clamping: stats.hits)
        request.cacheMisses = UInt64(clamping: stats.misses)
        request.cacheEvictions = UInt64(clamping: stats.evictions)
        request.cacheExpirations = UInt64(clamping: stats.expirations)
        request.cacheBytes = UInt64(clamping: stats.bytes)
        let response = try await main.heartbeat(request)
        if response.resubscribe || response.activeKeyId != keyring.activeKeyID {
            logger.info("main worker asks for a new subscription", metadata: ["active_key_id": "\(response.activeKeyId)"])
            return true
        }
        return false
    }

    /// Renews the token once less than a third of its lifetime is left.
    private func renewIfDue<Transport>(_ main: MainWorkerService.Client<Transport>) async throws {
        guard let token = tokens.current, let expiry = tokens.currentExpiry else { return }
        guard expiry.timeIntervalSinceNow < tokens.lifetime / 3 else { return }
        var request = RenewTokenRequest()
        request.workerId = workerID
        request.token = token
        let response = try await main.renewToken(request)
        tokens.add(response.token, expiresAt: Date(timeIntervalSince1970: Double(response.expiresAtUnixMs) / 1000))
    }

    /// The keyring from a Subscribe response.
    ///
    /// - Throws: `.internal` if it has no active key or a key does not unwrap.
    public static func unwrap(_ response: SubscribeResponse, with pair: RSAKeyPair) throws(DeltaError) -> Keyring {
        var entries = response.keyring
        if entries.isEmpty {  // a seed-shaped response: the single key
            var single = WrappedKey()
            single.keyId = response.keyId
            single.wrappedKey = response.wrappedKey
            single.active = true
            entries = [single]
        }
        guard let active = entries.first(where: \.active) else {
            throw DeltaError(.internal, "the Main Worker sent a keyring without an active key")
        }
        var previous: [String: SymmetricKey] = [:]
        for entry in entries where !entry.active {
            previous[entry.keyId] = try SymmetricKey(bytes: pair.unwrap(Array(entry.wrappedKey)))
        }
        return Keyring(
            activeKeyID: active.keyId, activeKey: try SymmetricKey(bytes: pair.unwrap(Array(active.wrappedKey))),
            previousKeys: previous
        )
    }

    private static func describe(_ error: any Error) -> String {
        if let rpc = error as? RPCError { return "\(rpc.code): \(rpc.message)" }
        return "\(error)"
    }
}
