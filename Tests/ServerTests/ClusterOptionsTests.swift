import DeltaCLI
import DeltaCluster
import DeltaCore
import Foundation
import Testing

/// The main-worker's extra flags and the proc-worker's flags.
@Suite("Cluster flags")
struct ClusterOptionsTests {
    let key = String(repeating: "0f", count: 32)

    @Test("main-worker defaults follow the seed; deltadb listens for gRPC only when asked")
    func mainDefaults() throws {
        let main = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: ["WORKER_SECRET": "s"])
        #expect(main.listensForGRPC && main.grpcHost == "127.0.0.1" && main.grpcPort == 50051)
        #expect(main.workerTTL == .seconds(3600) && main.heartbeatInterval == .seconds(2))
        #expect(main.maxMessageBytes == 4 << 20)
        #expect(main.workerSecret == "s" && !main.generatedSecret)
        let embedded = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(!embedded.listensForGRPC && embedded.generatedSecret && embedded.workerSecret.count == 48)
        let asked = try ClusterOptions.parse(["-grpc-addr=127.0.0.1:6000"]).resolve(defaultGRPCAddress: nil, environment: [:])
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
            try ClusterOptions.parse(arguments).resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: [:])
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
        let resolved = try ClusterOptions.parse(["-tls-cert=/etc/hostname", "-tls-key=/etc/hostname", "-tls-ca=/etc/hostname"])
            .resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(resolved.tls?.certificatePath == "/etc/hostname" && resolved.tls?.caPath == "/etc/hostname")
    }

    @Test("REST bodies must fit into a gRPC message")
    func messageSizes() throws {
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=a", "-rest-max-body-size=8388608"])
            .resolve(environment: [:])
        let cluster = try ClusterOptions.parse([]).resolve(defaultGRPCAddress: nil, environment: [:])
        #expect(throws: DeltaError.self) { try checkMessageSizes(configuration, cluster) }
        let larger = try ClusterOptions.parse(["-grpc-max-recv-msg-size=16777216"]).resolve(defaultGRPCAddress: nil, environment: [:])
        try checkMessageSizes(configuration, larger)
    }

    @Test("proc-worker: seed defaults, the secret is required, S3 flags apply")
    func procWorker() throws {
        let resolved = try ProcWorkerOptions.parse(["-worker-id=p1"]).resolve(environment: ["WORKER_SECRET": "s"])
        #expect(resolved.mainAddress == "127.0.0.1:50051" && resolved.grpcHost == "127.0.0.1" && resolved.grpcPort == 0)
        #expect(resolved.storage.sharedFS == "./shared/db" && resolved.storage.cacheSize == 256)
        #expect(resolved.storage.writerID == "p1" && resolved.storage.s3 == nil)
        let missing = #expect(throws: DeltaError.self) { try ProcWorkerOptions.parse([]).resolve(environment: [:]) }
        #expect(missing?.message.contains("-worker-secret") == true)
        let badID = #expect(throws: DeltaError.self) {
            try ProcWorkerOptions.parse(["-worker-id=a b", "-worker-secret=s"]).resolve(environment: [:])
        }
        #expect(badID?.code == .badRequest)
        let s3 = try ProcWorkerOptions.parse(["-worker-secret=s", "-s3-endpoint=127.0.0.1:9000", "-s3-bucket=bkt"])
            .resolve(environment: ["S3_ACCESS_KEY": "ak", "S3_SECRET_KEY": "sk"])
        #expect(s3.storage.s3?.bucket == "bkt" && s3.storage.s3?.accessKey == "ak")
    }
}
