import DeltaCore
import Foundation

/// What an identity may hand on or oversee: keys it mints, keys it manages,
/// schemas it changes. The rule throughout is "no more than you have": a new
/// key's permissions, databases and lifetime are a subset of its creator's, and a
/// scoped identity manages only what lies inside its own scope.
///
/// Database names are compared byte for byte (`mayAccess(database:)`,
/// `DatabaseName`), as storage compares them: `café` written in NFC and in NFD
/// are two different databases.
extension Principal {
    /// Whether every one of `databases` is inside this identity's scope; nil (all
    /// databases) is covered only by an unscoped identity.
    public func covers(databases other: [String]?) -> Bool {
        guard !isAdmin, databaseNames != nil else { return true }
        guard let other else { return false }
        return other.allSatisfy { mayAccess(database: $0) }
    }

    /// Throws unless this identity may create a key with `permissions`, limited to
    /// `databases` (nil: all) and expiring at `expiresAt` (nil: never).
    ///
    /// - Throws: `.forbidden` naming what exceeds the creator's own grant and what to do.
    public func requireDelegation(permissions requested: [Permission], databases requestedDatabases: [String]?, expiresAt requestedExpiry: Date?) throws(DeltaError) {
        if isAdmin { return }
        let missing = Set(requested).subtracting(permissions).map(\.rawValue).sorted()
        guard missing.isEmpty else {
            throw DeltaError(
                .forbidden,
                "a key cannot grant permissions its creator lacks (\(missing.joined(separator: ", "))); "
                    + "ask the admin key's holder to create it"
            )
        }
        guard covers(databases: requestedDatabases) else {
            let scope = (databaseNames ?? []).map { "'\($0)'" }.joined(separator: ", ")
            throw DeltaError(
                .forbidden,
                "this credential is limited to database(s) \(scope): a key it creates must list databases within them"
            )
        }
        if let expiresAt {
            guard let requestedExpiry, requestedExpiry <= expiresAt else {
                throw DeltaError(
                    .forbidden,
                    "this credential expires at \(expiresAt.formatted(.iso8601)): a key it creates must expire no later; "
                        + "pass an expires_in that ends by then"
                )
            }
        }
    }

    /// Whether this identity may see and manage `record`: the admin key and
    /// unscoped identities manage every key; a scoped one only keys whose
    /// databases lie within its own.
    public func oversees(_ record: APIKeyRecord) -> Bool {
        covers(databases: record.databases)
    }

    /// Throws unless this identity may change (create, replace, delete) the schema
    /// `schemaID`, which validates the database of the same name (unless it is bound
    /// elsewhere) and every database in `boundDatabases`.
    ///
    /// - Throws: `.forbidden` naming the database outside this identity's scope.
    public func requireSchemaControl(_ schemaID: String, boundDatabases: [String]) throws(DeltaError) {
        for database in [schemaID] + boundDatabases where !mayAccess(database: database) {
            throw DeltaError(
                .forbidden,
                "schema '\(schemaID)' validates database '\(database)', which this credential may not access; "
                    + "only a credential covering every database the schema validates may change it"
            )
        }
    }
}
