import DeltaCore
import DeltaCrypto
import DeltaStorage
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Key rotation: data written under key A stays readable with A as a previous
/// key; a rewrap moves everything to B; then A can go.
@Suite("Key rotation and rewrap")
struct RotationTests {
    let keyA = SymmetricKey.generate()
    let keyB = SymmetricKey.generate()

    @Test("A → B with A kept → rewrap → B alone: every entity readable at every step, content and updated_at unchanged")
    func rotation() async throws {
        let store = MemoryEntityStore()
        let underA = try ClusterFixtures.entityService(keys: KeyringHolder(Keyring(activeKeyID: "a", activeKey: keyA)), store: store)
        var body = "{"
        for index in 0..<30 { body += (index == 0 ? "" : ",") + #""k\#(index)":{"n":\#(index)}"# }
        _ = try await underA.put(database: "db", body: Array((body + "}").utf8), ifMatch: nil, ifNoneMatch: nil)
        _ = try await underA.put(database: "other", body: Array(#"{"x":[1,2]}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        let before = try #require(try await store.readMetadata(EntityID(database: "db", key: "k7")))

        let rotated = KeyringHolder(Keyring(activeKeyID: "b", activeKey: keyB, previousKeys: ["a": keyA]))
        let underB = try ClusterFixtures.entityService(keys: rotated, store: store)
        #expect(try await underB.get(database: "db", key: "k7").bytes == Array(#"{"n":7}"#.utf8))

        let rewrapper = Rewrapper(store: store, sealer: underB.sealer)
        var progress: [String] = []
        let report = try await rewrapper.run { database, _ in progress.append(database) }
        #expect(report == Rewrapper.Report(checked: 31, rewrapped: 31, failed: []))
        #expect(progress == ["db", "other"])
        let after = try #require(try await store.readMetadata(EntityID(database: "db", key: "k7")))
        #expect(after.keyID == "b" && after.version == before.version + 1)
        #expect(after.updatedAt == before.updatedAt && after.createdAt == before.createdAt)
        #expect(try await rewrapper.run() == Rewrapper.Report(checked: 31, rewrapped: 0, failed: []))  // resumable: nothing left

        let onlyB = try ClusterFixtures.entityService(keys: KeyringHolder(Keyring(activeKeyID: "b", activeKey: keyB)), store: store)
        for index in 0..<30 {
            #expect(try await onlyB.get(database: "db", key: "k\(index)").bytes == Array(#"{"n":\#(index)}"#.utf8))
        }
        #expect(try await onlyB.get(database: "other", key: "x").bytes == Array("[1,2]".utf8))
    }

    @Test("without the old key nothing is lost: reads say which key is missing, rewrap reports and changes nothing")
    func missingOldKey() async throws {
        let store = MemoryEntityStore()
        let underA = try ClusterFixtures.entityService(keys: KeyringHolder(Keyring(activeKeyID: "a", activeKey: keyA)), store: store)
        _ = try await underA.put(database: "db", body: Array(#"{"k":1}"#.utf8), ifMatch: nil, ifNoneMatch: nil)
        let onlyB = try ClusterFixtures.entityService(keys: KeyringHolder(Keyring(activeKeyID: "b", activeKey: keyB)), store: store)
        let error = await #expect(throws: DeltaError.self) { try await onlyB.get(database: "db", key: "k") }
        #expect(error?.code == .keyUnavailable && error?.message.contains("'a'") == true)
        let report = try await Rewrapper(store: store, sealer: onlyB.sealer).run()
        #expect(report.rewrapped == 0 && report.failed.count == 1 && report.failed[0].hasPrefix("db/k: key_unavailable"))
        #expect(try await underA.get(database: "db", key: "k").version == 1)
    }

    @Test("-previous-keys-file: key_id:hex lines, comments; errors name the line, never the key")
    func keyringFile() throws {
        let hexA = keyA.hexString
        let keys = try KeyringFile.parse("# retired keys\n\nold-1:\(hexA)\n  old-2 : \(keyB.hexString)  \n", activeKeyID: "new")
        #expect(keys.keys.sorted() == ["old-1", "old-2"])
        #expect(keys["old-1"]?.hexString == hexA)
        for (text, fragment) in [
            ("old-1 \(hexA)", "line 1: expected key_id:hex"),
            ("old-1:\(hexA)\nold-1:\(hexA)", "line 2: key id 'old-1' appears twice"),
            ("new:\(hexA)", "is the active -key-id"),
            ("x:\(hexA.dropLast(2))", "64 hex digits"),
            (":\(hexA)", "key id must be"),
        ] {
            let error = #expect(throws: DeltaError.self) { try KeyringFile.parse(text, activeKeyID: "new") }
            #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
            #expect(error?.message.contains(hexA.prefix(16)) == false)
        }
    }
}
