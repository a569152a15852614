import DeltaCLI
import DeltaCore
import Foundation
import Testing

@Suite("Server flags")
struct ServerOptionsTests {
    let key = String(repeating: "0f", count: 32)
    static let admin = "adm-5f0c1e9a7b3d4c2e8f6a1b0c9d8e7f6a"

    @Test("flags work as -flag=value, -flag value, --flag=value and --flag value", arguments: [
        ["-rest-addr=127.0.0.1:9001", "-cache-size=7"],
        ["-rest-addr", "127.0.0.1:9001", "-cache-size", "7"],
        ["--rest-addr=127.0.0.1:9001", "--cache-size=7"],
        ["--rest-addr", "127.0.0.1:9001", "--cache-size", "7"],
    ])
    func flagStyles(arguments: [String]) throws {
        let options = try ServerOptions.parse(arguments + ["-admin-key=\(Self.admin)", "-master-key=\(key)"])
        let (configuration, _) = try options.resolve(environment: [:])
        #expect(configuration.restHost == "127.0.0.1")
        #expect(configuration.restPort == 9001)
        #expect(configuration.cacheSize == 7)
    }

    @Test("defaults follow the seed")
    func defaults() throws {
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=\(Self.admin)"]).resolve(environment: [:])
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
        let base = ["-master-key=\(key)", "-admin-key=\(Self.admin)"]
        let (configuration, _) = try ServerOptions.parse(base + ["-auth-failure-burst=500"]).resolve(environment: [:])
        #expect(configuration.authFailureBurst == 500)
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(base + ["-auth-failure-burst=0"]).resolve(environment: [:])
        }
    }

    @Test("ADMIN_KEY and MASTER_KEY come from the environment")
    func environment() throws {
        let (configuration, generated) = try ServerOptions.parse([]).resolve(
            environment: ["ADMIN_KEY": Self.admin, "MASTER_KEY": key]
        )
        #expect(configuration.adminKey == Self.admin)
        #expect(configuration.masterKey?.hexString == key)
        #expect(generated.adminKeyFile == nil && generated.masterKeyFile == nil && generated.warnings.isEmpty)
    }

    @Test("missing keys are generated into new 0600 files, read again on the next start; only paths are reported")
    func generatedKeys() throws {
        let directory = try SecretFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let arguments = ["-admin-key-file=\(directory)/admin", "-master-key-file=\(directory)/master"]
        let (configuration, generated) = try ServerOptions.parse(arguments).resolve(environment: [:])
        #expect(generated.adminKeyFile == directory + "/admin" && generated.masterKeyFile == directory + "/master")
        let modes = (try SecretFiles.mode(directory + "/admin"), try SecretFiles.mode(directory + "/master"))
        #expect(modes.0 == 0o600 && modes.1 == 0o600)
        let master = try #require(configuration.masterKey?.hexString)
        #expect(master.count == 64)
        #expect(try String(contentsOfFile: directory + "/admin", encoding: .utf8) == configuration.adminKey + "\n")
        #expect(!configuration.description.contains(configuration.adminKey) && !configuration.description.contains(master))
        // The next start reads the same keys and generates nothing.
        let (again, nothing) = try ServerOptions.parse(arguments).resolve(environment: [:])
        #expect(again.adminKey == configuration.adminKey && again.masterKey?.hexString == master)
        #expect(nothing.adminKeyFile == nil && nothing.masterKeyFile == nil)
    }

    @Test("the master key can come from a 0600 file; one others can read is refused")
    func keyFile() throws {
        let directory = try SecretFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try SecretFiles.write(key + "\n", in: directory, name: "mk", mode: 0o600)
        let (configuration, generated) = try ServerOptions.parse(["-master-key-file", path, "-admin-key=\(Self.admin)"]).resolve(environment: [:])
        #expect(configuration.masterKey?.hexString == key)
        #expect(generated.masterKeyFile == nil)
        let open = try SecretFiles.write(key, in: directory, name: "open", mode: 0o644)
        let error = #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-master-key-file", open, "-admin-key=\(Self.admin)"]).resolve(environment: [:])
        }
        #expect(error?.message.contains("chmod 600") == true && error?.message.contains(key) == false)
    }

    @Test("a tool (deltadb rewrap) reads no admin key and generates nothing: it needs the active master key")
    func toolResolution() throws {
        let directory = try SecretFiles.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let missing = #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-master-key-file=\(directory)/none"]).resolve(environment: [:], forTool: true)
        }
        #expect(missing?.message.contains("-master-key-file") == true)
        let none = #expect(throws: DeltaError.self) { try ServerOptions.parse([]).resolve(environment: [:], forTool: true) }
        #expect(none?.message.contains("active key") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        let (configuration, generated) = try ServerOptions.parse([]).resolve(environment: ["MASTER_KEY": key], forTool: true)
        #expect(configuration.masterKey?.hexString == key && configuration.adminKey.isEmpty)
        #expect(generated.adminKeyFile == nil && generated.masterKeyFile == nil)
    }

    @Test("a secret on the command line works but draws a warning that does not contain it")
    func commandLineWarning() throws {
        let (_, generated) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=\(Self.admin)"]).resolve(environment: [:])
        #expect(generated.warnings.count == 2)
        #expect(generated.warnings.allSatisfy { $0.contains("command line") && !$0.contains(key) && !$0.contains(Self.admin) })
    }

    @Test("a weak admin key is refused at start-up, saying how to make a good one", arguments: ["a", "mysecretkey", "passwordpassword", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"])
    func weakAdminKey(weak: String) throws {
        let error = #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-master-key=\(key)", "-admin-key=\(weak)"]).resolve(environment: [:])
        }
        #expect(error?.message.contains("too weak") == true && error?.message.contains("openssl rand") == true)
    }

    @Test("a malformed master key, address or TTL is rejected with an error that does not echo the key")
    func malformed() throws {
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(["-master-key=zz-not-hex-SECRET", "-admin-key=\(Self.admin)"]).resolve(environment: [:])
        }
        do {
            _ = try ServerOptions.parse(["-master-key=zz-not-hex-SECRET", "-admin-key=\(Self.admin)"]).resolve(environment: [:])
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
        let (configuration, _) = try ServerOptions.parse(["-master-key=\(key)", "-admin-key=\(ServerOptionsTests.admin)"]).resolve(environment: [:])
        #expect(configuration.s3 == nil)
        #expect(configuration.description.contains("storage=shared-fs"))
    }

    @Test("the seed's S3 flags, in both dash styles", arguments: [
        ["-s3-endpoint=minio:9000", "-s3-access-key=AK", "-s3-secret-key=SK-secret", "-s3-bucket=mybucket", "-s3-use-ssl", "-s3-region=eu-west-1"],
        ["--s3-endpoint", "minio:9000", "--s3-access-key", "AK", "--s3-secret-key", "SK-secret", "--s3-bucket", "mybucket", "--s3-use-ssl", "--s3-region", "eu-west-1"],
    ])
    func flags(arguments: [String]) throws {
        let (configuration, _) = try ServerOptions.parse(arguments + ["-master-key=\(key)", "-admin-key=\(ServerOptionsTests.admin)"]).resolve(environment: [:])
        let s3 = try #require(configuration.s3)
        #expect(s3.baseURL == "https://minio:9000")
        #expect(s3.accessKey == "AK" && s3.secretKey == "SK-secret")
        #expect(s3.bucket == "mybucket" && s3.region == "eu-west-1")
        #expect(!configuration.description.contains("SK-secret"))
        #expect(configuration.description.contains("bucket: mybucket"))
    }

    @Test("credentials come from S3_ACCESS_KEY/S3_SECRET_KEY; flags win; defaults follow the seed")
    func environment() throws {
        let base = ["-master-key=\(key)", "-admin-key=\(ServerOptionsTests.admin)", "-s3-endpoint=127.0.0.1:9000"]
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
        let base = ["-master-key=\(key)", "-admin-key=\(ServerOptionsTests.admin)", "-s3-endpoint=127.0.0.1:9000"]
        #expect(throws: DeltaError.self) { try ServerOptions.parse(base).resolve(environment: [:]) }
        #expect(throws: DeltaError.self) {
            try ServerOptions.parse(base + ["-s3-bucket=Bad_Name"]).resolve(environment: ["S3_ACCESS_KEY": "a", "S3_SECRET_KEY": "b"])
        }
    }
}

/// Temporary secret files with exact modes.
enum SecretFiles {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, in directory: String, name: String, mode: Int) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }
}
