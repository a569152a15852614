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

    @Option(name: .seed("worker-secret"), help: "Secret Processing Workers present to Subscribe (or $WORKER_SECRET); generated and printed once if absent.")
    public var workerSecret: String?

    @Option(name: .seed("worker-ttl"), help: "Lifetime of Processing Worker session tokens, e.g. 1h (renewed before expiry).")
    public var workerTTL = "1h"

    @Option(name: .seed("heartbeat-interval"), help: "How often workers heartbeat; a worker missing 3 is not routed to, missing 10 is removed.")
    public var heartbeatInterval = "2s"

    @Option(name: .seed("grpc-max-recv-msg-size"), help: "Largest gRPC message in bytes the server accepts.")
    public var grpcMaxRecvMsgSize = 4 << 20

    @OptionGroup public var tls: TLSOptions

    public init() {}

    /// Resolves flags and environment; `defaultGRPCAddress` applies when
    /// `-grpc-addr` is absent (nil: no gRPC listener).
    ///
    /// - Throws: `.badRequest` naming the flag for a malformed address, duration or size.
    public func resolve(
        defaultGRPCAddress: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DeltaError) -> ClusterConfiguration {
        let address = grpcAddr ?? defaultGRPCAddress
        let (host, port) = try address.map { (text) throws(DeltaError) in try NetworkAddress.parse(text, flag: "-grpc-addr") }
            ?? ("127.0.0.1", 0)
        var secret = workerSecret ?? environment["WORKER_SECRET"] ?? ""
        let generated = secret.isEmpty
        if generated { secret = Hex.encode(SecureRandom.bytes(count: 24)) }
        let ttl = try GoDuration.seconds(workerTTL)
        let beat = try GoDuration.seconds(heartbeatInterval)
        guard ttl >= 10 else { throw DeltaError(.badRequest, "-worker-ttl must be at least 10s, e.g. 1h") }
        guard beat >= 0.05, beat * 3 < ttl else {
            throw DeltaError(.badRequest, "-heartbeat-interval must be at least 50ms and well below -worker-ttl, e.g. 2s")
        }
        guard grpcMaxRecvMsgSize >= 1024 else {
            throw DeltaError(.badRequest, "-grpc-max-recv-msg-size must be at least 1024 bytes")
        }
        return ClusterConfiguration(
            listensForGRPC: address != nil, grpcHost: host, grpcPort: port, workerSecret: secret, generatedSecret: generated,
            workerTTL: .milliseconds(Int64(ttl * 1000)), heartbeatInterval: .milliseconds(Int64(beat * 1000)),
            maxMessageBytes: grpcMaxRecvMsgSize, tls: try tls.resolve()
        )
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
