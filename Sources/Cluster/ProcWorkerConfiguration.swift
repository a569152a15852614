/// A Processing Worker's settings (`ProcWorkerOptions` resolves them from flags).
public struct ProcWorkerConfiguration: Sendable {
    /// The Main Workers this worker subscribes to and serves (one or more; each
    /// must hold the same keyring).
    public var mainAddresses: [String]
    public var workerID: String
    public var grpcHost: String
    public var grpcPort: Int
    public var workerSecret: String
    public var maxMessageBytes: Int
    /// Mutual TLS for this worker's listener and its connection to the Main Worker.
    public var tls: MutualTLS?
    /// The storage and cache settings, in the all-in-one server's shape (no keys).
    public var storage: ServerConfiguration
    /// Warnings for the operator's log (a secret given on the command line); no secret in them.
    public var warnings: [String] = []

    public init(
        mainAddresses: [String], workerID: String, grpcHost: String, grpcPort: Int, workerSecret: String,
        maxMessageBytes: Int, tls: MutualTLS?, storage: ServerConfiguration
    ) {
        self.mainAddresses = mainAddresses
        self.workerID = workerID
        self.grpcHost = grpcHost
        self.grpcPort = grpcPort
        self.workerSecret = workerSecret
        self.maxMessageBytes = maxMessageBytes
        self.tls = tls
        self.storage = storage
    }
}
