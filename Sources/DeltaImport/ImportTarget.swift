import DeltaAuth
import DeltaEngine
import DeltaStorage

/// Where imported data goes: our entity store (a `-shared-fs` directory or an S3
/// bucket), the schema catalog, the database bindings and the API key store, and
/// the sealer that encrypts under our master key with our associated data.
///
/// Entities are written only through `EntityStore.write` with `EntitySealer`, never
/// as files, so the import follows the store's layout and durability rules. In a
/// dry run over a target that does not exist yet, the parts are nil: nothing is
/// created, and everything counts as new.
public struct ImportTarget: Sendable {
    public var store: (any EntityStore)?
    public var schemas: SchemaCatalog?
    public var bindings: DatabaseBindings?
    public var keys: APIKeyStore?
    public var sealer: EntitySealer

    public init(
        store: (any EntityStore)?, schemas: SchemaCatalog?, bindings: DatabaseBindings?, keys: APIKeyStore?,
        sealer: EntitySealer
    ) {
        self.store = store
        self.schemas = schemas
        self.bindings = bindings
        self.keys = keys
        self.sealer = sealer
    }
}
