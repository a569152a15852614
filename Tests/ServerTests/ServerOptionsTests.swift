import DeltaCLI
import DeltaCore
import Foundation
import Testing

@Suite("Server flags")
struct ServerOptionsTests {
    let key = String(repeating: "0f", count: 32)

    @Test("flags work as -flag=value, -flag value, --flag=value and --flag value", arguments: [
        ["-rest-addr=127.0.0.1:9001", "-cache-size=7"],
        ["-rest-addr", "127.0.0.1:9001", "-cache-size", "7"],
        ["--rest-addr=127.0.0.1:9001", "--cache-size=7"],
        ["--rest-addr", "127.0.0.1:9001", "--cache-size", "7"],
    ])
    func flagStyles(arguments: [String]) throws {
        let options = try ServerOptions.parse(arguments + ["-admin-key=a", "-master-key=\(key)"])
        let (configuration, _) = try options.resolve(environment: [:])
        #expect(configuration.restHost == "127.0.0.1")
        #expect(configuration.restPort == 9001)
        #expect(configuration.cacheSize == 7)
    }

    @Test("defaults follow the seed")
    func defaults() throws {
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=a"]).resolve(environment: [:])
        #expect(configuration.restHost == "127.0.0.1" && configuration.restPort == 8080)
        #expect(configuration.sharedFS == "./shared/db")
        #expect(configuration.keyID == "main-key-v1")
        #expect(configuration.cacheSize == 256)
        #expect(configuration.cacheTTLSeconds == 0)
        #expect(configuration.maxBodyBytes == 1_048_576)
        #expect(configuration.authFailureBurst == 10)
    }

    @Test("-auth-failure-burst sets the brute-force limiter's burst and must be at least 1")
    func authFailureBurst() throws {
        let base = ["-master-key=\(key)", "-admin-key=a"]
        let (configuration, _) = try ServerOptions.parse(base + ["-auth-failure-burst=500"]).resolve(environment: [:])
        #expect(configuration.authFailureBurst == 500)
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(base + ["-auth-failure-burst=0"]).resolve(environment: [:])
        }
    }

    @Test("ADMIN_KEY and MASTER_KEY come from the environment")
    func environment() throws {
        let (configuration, generated) = try ServerOptions.parse([]).resolve(
            environment: ["ADMIN_KEY": "from-env", "MASTER_KEY": key]
        )
        #expect(configuration.adminKey == "from-env")
        #expect(configuration.masterKeyHex == key)
        #expect(generated.adminKey == nil && generated.masterKeyHex == nil)
    }

    @Test("missing keys are generated and reported once; the configuration's description redacts them")
    func generatedKeys() throws {
        let (configuration, generated) = try ServerOptions.parse([]).resolve(environment: [:])
        let admin = try #require(generated.adminKey)
        let master = try #require(generated.masterKeyHex)
        #expect(master.count == 64)
        #expect(configuration.adminKey == admin)
        #expect(!configuration.description.contains(admin))
        #expect(!configuration.description.contains(master))
    }

    @Test("the master key can come from a file")
    func keyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mk-\(UUID().uuidString)").path
        try (key + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (configuration, generated) = try ServerOptions.parse(["-master-key-file", path, "-admin-key=a"]).resolve(environment: [:])
        #expect(configuration.masterKeyHex == key)
        #expect(generated.masterKeyHex == nil)
    }

    @Test("a malformed master key, address or TTL is rejected with an error that does not echo the key")
    func malformed() throws {
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-master-key=zz-not-hex-SECRET", "-admin-key=a"]).resolve(environment: [:])
        }
        do {
            _ = try ServerOptions.parse(["-master-key=zz-not-hex-SECRET", "-admin-key=a"]).resolve(environment: [:])
        } catch {
            #expect(!"\(error)".contains("SECRET"))
        }
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-rest-addr=nonsense", "-master-key=\(key)"]).resolve(environment: [:])
        }
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-cache-ttl=5 parsecs", "-master-key=\(key)"]).resolve(environment: [:])
        }
    }
}

@Suite("S3 flags")
struct S3ServerOptionsTests {
    let key = String(repeating: "0f", count: 32)

    @Test("without -s3-endpoint entities stay on -shared-fs")
    func defaultIsSharedFS() throws {
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=a"]).resolve(environment: [:])
        #expect(configuration.s3 == nil)
        #expect(configuration.description.contains("storage=shared-fs"))
    }

    @Test("the seed's S3 flags, in both dash styles", arguments: [
        ["-s3-endpoint=minio:9000", "-s3-access-key=AK", "-s3-secret-key=SK-secret", "-s3-bucket=mybucket", "-s3-use-ssl", "-s3-region=eu-west-1"],
        ["--s3-endpoint", "minio:9000", "--s3-access-key", "AK", "--s3-secret-key", "SK-secret", "--s3-bucket", "mybucket", "--s3-use-ssl", "--s3-region", "eu-west-1"],
    ])
    func flags(arguments: [String]) throws {
        let (configuration, _) = try ServerOptions.parse(arguments + ["-master-key=\(key)", "-admin-key=a"]).resolve(environment: [:])
        let s3 = try #require(configuration.s3)
        #expect(s3.baseURL == "https://minio:9000")
        #expect(s3.accessKey == "AK" && s3.secretKey == "SK-secret")
        #expect(s3.bucket == "mybucket" && s3.region == "eu-west-1")
        #expect(!configuration.description.contains("SK-secret"))
        #expect(configuration.description.contains("bucket: mybucket"))
    }

    @Test("credentials come from S3_ACCESS_KEY/S3_SECRET_KEY; flags win; defaults follow the seed")
    func environment() throws {
        let base = ["-master-key=\(key)", "-admin-key=a", "-s3-endpoint=127.0.0.1:9000"]
        let env = ["S3_ACCESS_KEY": "env-ak", "S3_SECRET_KEY": "env-sk"]
        let (fromEnv, _) = try ServerOptions.parse(base).resolve(environment: env)
        #expect(fromEnv.s3?.accessKey == "env-ak" && fromEnv.s3?.secretKey == "env-sk")
        #expect(fromEnv.s3?.bucket == "deltadatabase" && fromEnv.s3?.baseURL == "http://127.0.0.1:9000")
        #expect(fromEnv.s3?.region == "us-east-1")
        let (fromFlag, _) = try ServerOptions.parse(base + ["-s3-access-key=flag-ak"]).resolve(environment: env)
        #expect(fromFlag.s3?.accessKey == "flag-ak" && fromFlag.s3?.secretKey == "env-sk")
    }

    @Test("an S3 endpoint without credentials or with a bad bucket is refused at start-up")
    func refused() {
        let base = ["-master-key=\(key)", "-admin-key=a", "-s3-endpoint=127.0.0.1:9000"]
        #expect(throws: DeltaError.self) { try ServerOptions.parse(base).resolve(environment: [:]) }
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(base + ["-s3-bucket=Bad_Name"]).resolve(environment: ["S3_ACCESS_KEY": "a", "S3_SECRET_KEY": "b"])
        }
    }
}
