import DeltaCore

/// The Main Worker's cluster settings (`ClusterOptions` resolves them from flags):
/// its gRPC listener, the worker secret, token lifetime and heartbeats.
public struct ClusterConfiguration: Sendable {
    /// Whether a gRPC listener was asked for (always for main-worker).
    public var listensForGRPC: Bool
    public var grpcHost: String
    public var grpcPort: Int
    public var workerSecret: String
    /// True if the secret was generated (print it once to the operator).
    public var generatedSecret: Bool
    public var workerTTL: Duration
    public var heartbeatInterval: Duration
    public var maxMessageBytes: Int
    /// Mutual TLS for the gRPC listener and connections to workers; nil: plaintext.
    public var tls: MutualTLS?

    public init(
        listensForGRPC: Bool, grpcHost: String, grpcPort: Int, workerSecret: String, generatedSecret: Bool,
        workerTTL: Duration, heartbeatInterval: Duration, maxMessageBytes: Int, tls: MutualTLS?
    ) {
        self.listensForGRPC = listensForGRPC
        self.grpcHost = grpcHost
        self.grpcPort = grpcPort
        self.workerSecret = workerSecret
        self.generatedSecret = generatedSecret
        self.workerTTL = workerTTL
        self.heartbeatInterval = heartbeatInterval
        self.maxMessageBytes = maxMessageBytes
        self.tls = tls
    }
}
