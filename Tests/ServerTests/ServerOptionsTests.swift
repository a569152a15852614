import DeltaCore
import DeltaServer
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
