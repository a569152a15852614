import ArgumentParser
import DeltaCLI
import DeltaCore
import Foundation
import Testing

/// The Go original's command lines keep working: every flag its README lists for
/// main-worker and proc-worker parses, with its meaning.
@Suite("The original's flags")
struct OriginalFlagsTests {
    /// What `main-worker` (and `deltadb`) parse.
    struct MainWorkerFlags: ParsableArguments {
        @OptionGroup var options: ServerOptions
        @OptionGroup var cluster: ClusterOptions
    }

    let key = String(repeating: "0f", count: 32)

    @Test("every Main Worker flag of the seed README parses with its meaning")
    func mainWorker() throws {
        let arguments = GoFlagArguments.normalized([
            "-grpc-addr=127.0.0.1:50051", "-rest-addr=127.0.0.1:8080", "-shared-fs=/tmp/orig", "-master-key=\(key)",
            "-key-id=main-key-v1", "-admin-key=\(ServerOptionsTests.admin)", "-key-store=/tmp/orig/keys.json", "-worker-ttl=1h",
            "-client-ttl=24h", "-grpc-max-recv-msg-size=8388608", "-rest-max-body-size=1048576",
            "-s3-endpoint=minio:9000", "-s3-access-key=ak", "-s3-secret-key=sk", "-s3-bucket=deltadatabase",
            "-s3-use-ssl=false", "-s3-region=", "-entity-cache-size=1024", "-metrics-addr=:9090",
        ])
        let flags = try MainWorkerFlags.parse(arguments)
        let (configuration, _) = try flags.options.resolve(environment: [:])
        let cluster = try flags.cluster.resolve(defaultGRPCAddress: "127.0.0.1:50051", environment: ClusterOptionsTests.environment)
        #expect(configuration.sharedFS == "/tmp/orig" && configuration.keyStorePath == "/tmp/orig/keys.json")
        #expect(configuration.cacheSize == 1024 && configuration.clientTTLSeconds == 86400)
        #expect(configuration.s3?.scheme == "http" && configuration.s3?.region == "us-east-1" && configuration.s3?.host == "minio")
        #expect(cluster.maxMessageBytes == 8_388_608 && cluster.workerTTL == .seconds(3600))
        #expect(flags.options.observability.metricsAddr == ":9090")
    }

    @Test("every Processing Worker flag of the seed README parses with its meaning")
    func procWorker() throws {
        let arguments = GoFlagArguments.normalized([
            "-main-addr=127.0.0.1:50051", "-worker-id=proc-1", "-grpc-addr=127.0.0.1:0", "-shared-fs=/tmp/orig",
            "-cache-size=256", "-cache-ttl=0", "-grpc-max-recv-msg-size=4194304", "-s3-endpoint=minio:9000",
            "-s3-access-key=ak", "-s3-secret-key=sk", "-s3-bucket=b-1", "-s3-use-ssl=true", "-s3-region=eu-west-1",
        ])
        let resolved = try ProcWorkerOptions.parse(arguments).resolve(environment: ["WORKER_SECRET": "s"])
        #expect(resolved.workerID == "proc-1" && resolved.storage.cacheSize == 256 && resolved.maxMessageBytes == 4_194_304)
        #expect(resolved.storage.s3?.scheme == "https" && resolved.storage.s3?.region == "eu-west-1")
    }

    @Test("Go's boolean forms: -flag, -flag=true/false/1/0; other arguments pass unchanged")
    func goBooleans() {
        #expect(GoFlagArguments.normalized(["-s3-use-ssl=true", "--dry-run=0", "-s3-use-ssl=1"]) == ["-s3-use-ssl", "-s3-use-ssl"])
        #expect(GoFlagArguments.normalized(["-s3-use-ssl", "-cache-size=1", "x=true"]) == ["-s3-use-ssl", "-cache-size=1", "x=true"])
        #expect(GoFlagArguments.normalized(["-s3-use-ssl=maybe"]) == ["-s3-use-ssl=maybe"])
        #expect(GoFlagArguments.normalized(["--", "-dry-run=false"]) == ["--", "-dry-run=false"])
    }
}
