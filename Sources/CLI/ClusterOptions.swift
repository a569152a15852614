import ArgumentParser
import DeltaCluster
import DeltaCore
import DeltaCrypto
import Foundation

/// The Main Worker's flags beyond `ServerOptions` (shared by `main-worker` and
/// the all-in-one `deltadb`, which is a Main Worker with embedded workers).
public struct ClusterOptions: ParsableArguments, Sendable {
    @Option(name: .seed("grpc-addr"), help: "TCP address for the gRPC server (Processing Workers and gRPC clients); main-worker default 127.0.0.1:50051, deltadb default none.")
    public var grpcAddr: String?

    @Option(name: .seed("worker-secret"), help: "Secret Processing Workers present to Subscribe (or $WORKER_SECRET); prefer -worker-secret-file.")
    public var workerSecret: String?

    @Option(name: .seed("worker-secret-file"), help: "File (mode 0600) holding the worker secret; created with a generated secret if missing.")
    public var workerSecretFile: String?

    @Option(name: .seed("worker-ttl"), help: "Lifetime of Processing Worker session tokens, e.g. 1h (renewed before expiry).")
    public var workerTTL = "1h"

    @Option(name: .seed("heartbeat-interval"), help: "How often workers heartbeat; a worker missing 3 is not routed to, missing 10 is removed.")
    public var heartbeatInterval = "2s"

    @Option(name: .seed("grpc-max-recv-msg-size"), help: "Largest gRPC message in bytes the server accepts.")
    public var grpcMaxRecvMsgSize = 4 << 20

    @OptionGroup public var tls: TLSOptions

    public init() {}

    static let workerSecretInput = SecretInput(
        name: "the worker secret", flag: "-worker-secret", fileFlag: "-worker-secret-file", variable: "WORKER_SECRET",
        defaultFile: "deltadb-worker-secret")

    /// Resolves flags and environment; `defaultGRPCAddress` applies when
    /// `-grpc-addr` is absent (nil: no gRPC listener).
    ///
    /// The worker secret comes from `-worker-secret`, `WORKER_SECRET` or
    /// `-worker-secret-file`; with a gRPC listener and none given, one is generated
    /// into `-worker-secret-file` (or `./deltadb-worker-secret`), mode 0600. A
    /// non-loopback listener needs mutual TLS.
    ///
    /// - Throws: `.badRequest` naming the flag for a malformed address, duration or
    ///   size, a weak worker secret, or a plaintext listener reachable from the network.
    public func resolve(
        defaultGRPCAddress: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DeltaError) -> ClusterConfiguration {
        let address = grpcAddr ?? defaultGRPCAddress
        let (host, port) = try address.map { (text) throws(DeltaError) in try NetworkAddress.parse(text, flag: "-grpc-addr") }
            ?? ("127.0.0.1", 0)
        let ttl = try GoDuration.seconds(workerTTL)
        let beat = try GoDuration.seconds(heartbeatInterval)
        guard ttl >= 10 else { throw DeltaError(.badRequest, "-worker-ttl must be at least 10s, e.g. 1h") }
        guard beat >= 0.05, beat * 3 < ttl else {
            throw DeltaError(.badRequest, "-heartbeat-interval must be at least 50ms and well below -worker-ttl, e.g. 2s")
        }
        guard grpcMaxRecvMsgSize >= 1024 else {
            throw DeltaError(.badRequest, "-grpc-max-recv-msg-size must be at least 1024 bytes")
        }
        let tls = try self.tls.resolve()
        if address != nil, tls == nil, !NetworkAddress.isLoopback(host) {
            throw DeltaError(.badRequest, NetworkAddress.plaintextRefusal(flag: "-grpc-addr", address: address ?? ""))
        }
        var warnings: [String] = []
        let secret: String
        var generatedFile: String?
        if address == nil && workerSecret == nil && workerSecretFile == nil && environment["WORKER_SECRET"] == nil {
            // No gRPC listener: nobody can subscribe, so an in-memory secret is enough.
            secret = Hex.encode(SecureRandom.bytes(count: 24))
        } else {
            let found = try Self.workerSecretInput.readOrGenerate(
                value: workerSecret, file: workerSecretFile, environment: environment, warnings: &warnings
            ) { Hex.encode(SecureRandom.bytes(count: 24)) }
            secret = found.secret
            if case .generated(let path) = found.source {
                generatedFile = path
            } else {
                try SecretStrength.require(secret, name: "the worker secret", flag: "-worker-secret")
            }
        }
        var configuration = ClusterConfiguration(
            listensForGRPC: address != nil, grpcHost: host, grpcPort: port, workerSecret: secret, generatedSecretFile: generatedFile,
            workerTTL: .milliseconds(Int64(ttl * 1000)), heartbeatInterval: .milliseconds(Int64(beat * 1000)),
            maxMessageBytes: grpcMaxRecvMsgSize, tls: tls
        )
        configuration.warnings = warnings
        return configuration
    }
}

/// Rejects a REST body limit that a gRPC hop could not carry.
///
/// - Throws: `.badRequest` naming both flags.
public func checkMessageSizes(_ configuration: ServerConfiguration, _ cluster: ClusterConfiguration) throws(DeltaError) {
    // A PUT body travels inside one ProcessRequest, plus a little framing.
    guard configuration.maxBodyBytes + 64 * 1024 <= cluster.maxMessageBytes else {
        throw DeltaError(
            .badRequest,
            "-grpc-max-recv-msg-size (\(cluster.maxMessageBytes)) must exceed -rest-max-body-size "
                + "(\(configuration.maxBodyBytes)) by at least 64 KiB: REST bodies are forwarded to Processing Workers over gRPC"
        )
    }
}
