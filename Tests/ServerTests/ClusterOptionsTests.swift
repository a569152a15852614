import DeltaCLI
import DeltaCluster
import DeltaCore
import Foundation
import Testing

/// The main-worker's extra flags and the proc-worker's flags.
@Suite("Cluster flags")
struct ClusterOptionsTests {
    let key = String(repeating: "0f", count: 32)
    static let secret = "ws-0c1e9a7b3d4c2e8f6a1b0c9d8e7f6a5f"
    static let environment = ["WORKER_SECRET": secret]

    @Test("main-worker defaults follow the seed; deltadb listens for gRPC only when asked")
    func mainDefaults() throws {
        let main = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: Self.environment)
        #expect(main.listensForGRPC && main.grpcHost == "127.0.0.1" && main.grpcPort == 50051)
        #expect(main.workerTTL == .seconds(3600) && main.heartbeatInterval == .seconds(2))
        #expect(main.maxMessageBytes == 4 << 20)
        #expect(main.workerSecret == Self.secret && main.generatedSecretFile == nil)
        let embedded = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(!embedded.listensForGRPC && embedded.generatedSecretFile == nil && embedded.workerSecret.count == 48)
        let asked = try ClusterOptions.parse(["-grpc-addr=127.0.0.1:6000"]).resolve(defaultGRPCAddress: nil, environment: Self.environment)
        #expect(asked.listensForGRPC && asked.grpcPort == 6000)
    }

    @Test("bad durations and sizes are refused naming the flag", arguments: [
        (["-worker-ttl=5s"], "-worker-ttl"),
        (["-heartbeat-interval=10ms"], "-heartbeat-interval"),
        (["-heartbeat-interval=30m", "-worker-ttl=1h"], "-heartbeat-interval"),
        (["-grpc-max-recv-msg-size=10"], "-grpc-max-recv-msg-size"),
        (["-grpc-addr=nope"], "-grpc-addr"),
    ])
    func invalid(arguments: [String], flag: String) throws {
        let error = #expect(throws: DeltaError.self) {
            try ClusterOptions.parse(arguments).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: Self.environment)
        }
        #expect(error?.message.contains(flag) == true, "\(error?.message ?? "")")
    }

    @Test("mutual TLS needs all three files, and readable ones")
    func tls() throws {
        #expect(try ClusterOptions.parse([]).resolve(defaultGRPCAddress: nil, environment: [:]).tls == nil)
        let partial = #expect(throws: DeltaError.self) {
            try ClusterOptions.parse(["-tls-cert=/etc/hostname"]).resolve(defaultGRPCAddress: nil, environment: [:])
        }
        #expect(partial?.message.contains("-tls-key") == true)
        let missing = #expect(throws: DeltaError.self) {
            try ProcWorkerOptions.parse(["-worker-secret=s", "-tls-cert=/nope", "-tls-key=/nope", "-tls-ca=/nope"]).resolve(environment: [:])
        }
        #expect(missing?.message.contains("-tls-cert '/nope' is not a readable file") == true)
        let directory = try SecretFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let privateKey = try SecretFiles.write("key", in: directory, name: "key.pem", mode: 0o600)
        let resolved = try ClusterOptions.parse(["-tls-cert=/etc/hostname", "-tls-key=\(privateKey)", "-tls-ca=/etc/hostname"])
            .resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(resolved.tls?.certificatePath == "/etc/hostname" && resolved.tls?.caPath == "/etc/hostname")
        let readable = #expect(throws: DeltaError.self) {
            try ClusterOptions.parse(["-tls-cert=/etc/hostname", "-tls-key=/etc/hostname", "-tls-ca=/etc/hostname"])
                .resolve(defaultGRPCAddress: nil, environment: [:])
        }
        #expect(readable?.message.contains("-tls-key") == true && readable?.message.contains("chmod 600") == true)
    }

    @Test("REST bodies must fit into a gRPC message")
    func messageSizes() throws {
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=\(ServerOptionsTests.admin)", "-rest-max-body-size=8388608"])
            .resolve(environment: [:])
        let cluster = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(throws: DeltaError.self) { try checkMessageSizes(configuration, cluster) }
        let larger = try ClusterOptions.parse(["-grpc-max-recv-msg-size=16777216"]).resolve(defaultGRPCAddress: nil, environment: [:])
        try checkMessageSizes(configuration, larger)
    }

    @Test("proc-worker: seed defaults, the secret is required, S3 flags apply")
    func procWorker() throws {
        let resolved = try ProcWorkerOptions.parse(["-worker-id=p1"]).resolve(environment: Self.environment)
        #expect(resolved.mainAddresses == ["127.0.0.1:50051"] && resolved.grpcHost == "127.0.0.1" && resolved.grpcPort == 0)
        #expect(resolved.storage.sharedFS == "./shared/db" && resolved.storage.cacheSize == 256)
        #expect(resolved.storage.writerID == "p1" && resolved.storage.s3 == nil)
        let missing = #expect(throws: DeltaError.self) { try ProcWorkerOptions.parse([]).resolve(environment: [:]) }
        #expect(missing?.message.contains("-worker-secret-file") == true)
        let badID = #expect(throws: DeltaError.self) {
            try ProcWorkerOptions.parse(["-worker-id=a b", "-worker-secret=s"]).resolve(environment: [:])
        }
        #expect(badID?.code == .badRequest)
        let s3 = try ProcWorkerOptions.parse(["-worker-secret=s", "-s3-endpoint=127.0.0.1:9000", "-s3-bucket=bkt"])
            .resolve(environment: ["S3_ACCESS_KEY": "ak", "S3_SECRET_KEY": "sk"])
        #expect(s3.storage.s3?.bucket == "bkt" && s3.storage.s3?.accessKey == "ak")
    }

    @Test("a gRPC listener or Main Worker address reachable from the network needs mutual TLS", arguments: [
        "0.0.0.0:50051", "192.0.2.10:50051", "[2001:db8::1]:50051",
    ])
    func plaintextOffLoopback(address: String) throws {
        let main = #expect(throws: DeltaError.self) {
            try ClusterOptions.parse(["-grpc-addr=\(address)"]).resolve(defaultGRPCAddress: nil, environment: Self.environment)
        }
        #expect(main?.message.contains("mutual TLS") == true && main?.message.contains("-grpc-addr") == true)
        let worker = #expect(throws: DeltaError.self) {
            try ProcWorkerOptions.parse(["-main-addr=\(address)"]).resolve(environment: Self.environment)
        }
        #expect(worker?.message.contains("-main-addr") == true)
        let loopback = try ClusterOptions.parse(["-grpc-addr=127.0.0.2:50051"]).resolve(defaultGRPCAddress: nil, environment: Self.environment)
        #expect(loopback.listensForGRPC)
    }

    @Test("a weak worker secret is refused; a missing one is generated into a 0600 file the next start reads")
    func workerSecret() throws {
        #expect(throws: DeltaError.self) {
            try ClusterOptions.parse([]).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: ["WORKER_SECRET": "s"])
        }
        let directory = try SecretFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/worker-secret"
        let first = try ClusterOptions.parse(["-worker-secret-file=\(file)"]).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: [:])
        let mode = try SecretFiles.mode(file)
        #expect(first.generatedSecretFile == file && mode == 0o600)
        let second = try ClusterOptions.parse(["-worker-secret-file=\(file)"]).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: [:])
        #expect(second.workerSecret == first.workerSecret && second.generatedSecretFile == nil)
        let worker = try ProcWorkerOptions.parse(["-worker-secret-file=\(file)"]).resolve(environment: [:])
        #expect(worker.workerSecret == first.workerSecret && worker.warnings.isEmpty)
    }

}
