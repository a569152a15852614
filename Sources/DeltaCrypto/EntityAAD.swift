/// Builds the AES-GCM additional authenticated data that binds an entity's blob
/// to its database, entity key, version and key id.
///
/// The reader rebuilds the AAD from the entity it *asked for* and the version and
/// key id it expects, so a blob copied onto another entity, replayed at another
/// version, or relabelled with another key id fails `AESGCM.open`.
///
/// Encoding (big-endian), version 1:
///
///     u32 length + "deltadb-entity-v1"
///     u32 length + UTF-8 database
///     u32 length + UTF-8 entity key
///     u64 version
///     u32 length + UTF-8 key id
///
/// Every string is length-prefixed, so no two different field tuples encode to
/// the same bytes (`("a", "bc")` and `("ab", "c")` differ). The format is
/// persistent: changing it makes every stored entity unreadable, so a new layout
/// needs a new format tag and a reader that accepts both. Strings are encoded as
/// their exact UTF-8 bytes with no Unicode normalisation; names are validated
/// elsewhere (`NameRules`). It does not validate names or encrypt anything.
public enum EntityAAD {
    /// The format tag at the start of every encoding.
    public static let formatTag = "deltadb-entity-v1"

    /// Returns the AAD bytes for one version of one entity under one key id.
    public static func bytes(database: String, entityKey: String, version: UInt64, keyID: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(formatTag.utf8.count + database.utf8.count + entityKey.utf8.count
            + keyID.utf8.count + 4 * 4 + 8)
        appendField(formatTag, to: &output)
        appendField(database, to: &output)
        appendField(entityKey, to: &output)
        appendBigEndian(version, to: &output)
        appendField(keyID, to: &output)
        return output
    }

    private static func appendField(_ string: String, to output: inout [UInt8]) {
        let utf8 = string.utf8
        precondition(utf8.count <= Int(UInt32.max), "EntityAAD field longer than 4 GiB")
        appendBigEndian(UInt32(utf8.count), to: &output)
        output.append(contentsOf: utf8)
    }

    private static func appendBigEndian(_ value: some FixedWidthInteger, to output: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { output.append(contentsOf: $0) }
    }
}
