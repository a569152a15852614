import DeltaCore

/// The Main Worker's cluster settings (`ClusterOptions` resolves them from flags):
/// its gRPC listener, the worker secret, token lifetime and heartbeats.
public struct ClusterConfiguration: Sendable {
    /// Whether a gRPC listener was asked for (always for main-worker).
    public var listensForGRPC: Bool
    public var grpcHost: String
    public var grpcPort: Int
    public var workerSecret: String
    /// The file a generated worker secret was written to (tell the operator the path).
    public var generatedSecretFile: String?
    public var workerTTL: Duration
    public var heartbeatInterval: Duration
    public var maxMessageBytes: Int
    /// Mutual TLS for the gRPC listener and connections to workers; nil: plaintext
    /// (loopback only).
    public var tls: MutualTLS?
    /// Warnings for the operator's log (a secret given on the command line); no secret in them.
    public var warnings: [String] = []

    public init(
        listensForGRPC: Bool, grpcHost: String, grpcPort: Int, workerSecret: String, generatedSecretFile: String?,
        workerTTL: Duration, heartbeatInterval: Duration, maxMessageBytes: Int, tls: MutualTLS?
    ) {
        self.listensForGRPC = listensForGRPC
        self.grpcHost = grpcHost
        self.grpcPort = grpcPort
        self.workerSecret = workerSecret
        self.generatedSecretFile = generatedSecretFile
        self.workerTTL = workerTTL
        self.heartbeatInterval = heartbeatInterval
        self.maxMessageBytes = maxMessageBytes
        self.tls = tls
    }
}
