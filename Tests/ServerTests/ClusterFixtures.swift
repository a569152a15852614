import DeltaCrypto
import DeltaStorage
import Foundation

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Building blocks for the cluster tests: a data plane over memory storage.
enum ClusterFixtures {
    /// An `EntityService` over a `MemoryEntityStore`, schemas in a fresh temp dir.
    static func entityService(
        keys: KeyringHolder, verifiesCacheHits: Bool = false, store: any EntityStore = MemoryEntityStore()
    ) throws -> EntityService {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cluster-\(UUID().uuidString)").path
        let catalog = EntityCatalog(
            store: store,
            schemas: try SchemaCatalog(directory: root + "/templates"),
            bindings: try DatabaseBindings(root: root)
        )
        let configuration = ServerConfiguration(sharedFS: root, adminKey: "", masterKeyHex: "", writerID: "test")
        return EngineAssembly.makeEntityService(
            configuration, catalog: catalog, keys: keys, verifiesCacheHits: verifiesCacheHits)
    }

    static func keyring(_ id: String = "k1", previous: [String: SymmetricKey] = [:]) -> Keyring {
        Keyring(activeKeyID: id, activeKey: SymmetricKey.generate(), previousKeys: previous)
    }
}
