import ArgumentParser
import DeltaCluster
import DeltaCore
import Foundation

/// The Processing Worker's flags, in the seed's style.
public struct ProcWorkerOptions: ParsableArguments, Sendable {
    @Option(name: .seed("main-addr"), help: "Main Worker gRPC address; several, comma-separated, to serve every one of them.")
    public var mainAddr = "127.0.0.1:50051"

    @Option(name: .seed("worker-id"), help: "Unique id for this worker (default: the host name).")
    public var workerID: String?

    @Option(name: .seed("grpc-addr"), help: "TCP address for this worker's gRPC server (port 0 picks a free port).")
    public var grpcAddr = "127.0.0.1:0"

    @Option(name: .seed("shared-fs"), help: "Path to the shared filesystem root (the Main Worker's).")
    public var sharedFS = "./shared/db"

    @Option(name: .seed("worker-secret"), help: "The Main Worker's worker secret (or $WORKER_SECRET); prefer -worker-secret-file.")
    public var workerSecret: String?

    @Option(name: .seed("worker-secret-file"), help: "File (mode 0600) holding the Main Worker's worker secret.")
    public var workerSecretFile: String?

    @OptionGroup public var cache: CacheOptions

    @Option(name: .seed("grpc-max-recv-msg-size"), help: "Largest gRPC message in bytes this worker accepts (match the Main Worker's).")
    public var grpcMaxRecvMsgSize = 4 << 20

    @OptionGroup public var s3: S3Options

    @OptionGroup public var observability: ObservabilityOptions

    @OptionGroup public var tls: TLSOptions

    public init() {}

    /// Resolves flags and environment.
    ///
    /// - Throws: `.badRequest` naming the flag for a missing secret or a malformed value.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeltaError) -> ProcWorkerConfiguration {
        let mains = mainAddr.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !mains.isEmpty, !mains.contains(""), Set(mains).count == mains.count else {
            throw DeltaError(.badRequest, "-main-addr '\(mainAddr)' must list one or more distinct host:port addresses, comma-separated")
        }
        var addresses: [(flag: String, address: String, host: String)] = []
        for main in mains {
            addresses.append(("-main-addr", main, try NetworkAddress.parse(main, flag: "-main-addr").0))
        }
        let (host, port) = try NetworkAddress.parse(grpcAddr, flag: "-grpc-addr")
        var warnings: [String] = []
        guard let (secret, _) = try ClusterOptions.workerSecretInput.read(
            value: workerSecret, file: workerSecretFile, environment: environment, warnings: &warnings
        ) else {
            throw DeltaError(
                .badRequest,
                "-worker-secret-file (or WORKER_SECRET) is required: use the Main Worker's worker secret file"
            )
        }
        let tls = try self.tls.resolve()
        if tls == nil {
            for (flag, address, addressHost) in addresses + [("-grpc-addr", grpcAddr, host)]
            where !NetworkAddress.isLoopback(addressHost) {
                throw DeltaError(.badRequest, NetworkAddress.plaintextRefusal(flag: flag, address: address))
            }
        }
        let id = workerID ?? ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "proc"
        try MainWorkerHandler.validateWorkerID(id)
        guard grpcMaxRecvMsgSize >= 1024 else {
            throw DeltaError(.badRequest, "-grpc-max-recv-msg-size must be at least 1024 bytes")
        }
        let cache = try self.cache.resolve()
        var storage = ServerConfiguration(
            sharedFS: sharedFS, adminKey: "", masterKeyHex: "", cacheSize: cache.size,
            cacheTTLSeconds: cache.ttlSeconds, cacheMaxBytes: cache.maxBytes, writerID: id
        )
        storage.s3 = try s3.resolve(environment: environment)
        var configuration = ProcWorkerConfiguration(
            mainAddresses: mains, workerID: id, grpcHost: host, grpcPort: port, workerSecret: secret,
            maxMessageBytes: grpcMaxRecvMsgSize, tls: tls, storage: storage
        )
        configuration.warnings = warnings + (storage.s3 == nil ? [] : s3.warnings(environment: environment))
        return configuration
    }
}
