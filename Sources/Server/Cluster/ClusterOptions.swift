import ArgumentParser
import DeltaCore
import DeltaCrypto
import Foundation

/// The Main Worker's flags beyond the all-in-one server's (`ServerOptions`).
public struct ClusterOptions: ParsableArguments, Sendable {
    @Option(name: .seed("grpc-addr"), help: "TCP address for the gRPC server (Processing Workers and gRPC clients).")
    public var grpcAddr = "127.0.0.1:50051"

    @Option(name: .seed("worker-secret"), help: "Secret Processing Workers present to Subscribe (or $WORKER_SECRET); generated and printed once if absent.")
    public var workerSecret: String?

    @Option(name: .seed("worker-ttl"), help: "Lifetime of Processing Worker session tokens, e.g. 1h (renewed before expiry).")
    public var workerTTL = "1h"

    @Option(name: .seed("heartbeat-interval"), help: "How often workers heartbeat; a worker missing 3 is not routed to, missing 10 is removed.")
    public var heartbeatInterval = "2s"

    @Option(name: .seed("grpc-max-recv-msg-size"), help: "Largest gRPC message in bytes the server accepts.")
    public var grpcMaxRecvMsgSize = 4 << 20

    public init() {}

    /// The resolved cluster settings.
    public struct Resolved: Sendable {
        public var grpcHost: String
        public var grpcPort: Int
        public var workerSecret: String
        /// True if the secret was generated (print it once to the operator).
        public var generatedSecret: Bool
        public var workerTTL: Duration
        public var heartbeatInterval: Duration
        public var maxMessageBytes: Int
    }

    /// Resolves flags and environment.
    ///
    /// - Throws: `.badRequest` naming the flag for a malformed address, duration or size.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeltaError) -> Resolved {
        let (host, port) = try ServerOptions.parseAddress(grpcAddr, flag: "-grpc-addr")
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
        return Resolved(
            grpcHost: host, grpcPort: port, workerSecret: secret, generatedSecret: generated,
            workerTTL: .milliseconds(Int64(ttl * 1000)), heartbeatInterval: .milliseconds(Int64(beat * 1000)),
            maxMessageBytes: grpcMaxRecvMsgSize
        )
    }
}
