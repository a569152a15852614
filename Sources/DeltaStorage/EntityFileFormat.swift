import DeltaCore
import Foundation

/// The one-file layout of an entity, `<key>.entity`: a metadata header and the
/// ciphertext, so a write is one atomic replace (all integers little-endian).
///
/// ```
/// "DDE1" | u32 header length | header: the metadata as JSON (the sidecar's encoding) | ciphertext
/// ```
/// The file is exactly `8 + header length + size` bytes; any other length is an
/// integrity failure, before decryption is attempted. The header holds the same
/// fields as the two-file layout's `<key>.meta.json`, and AES-GCM's additional
/// authenticated data is unchanged, so a file moved onto another key or version
/// still fails to decrypt.
enum EntityFileFormat {
    static let magic: [UInt8] = Array("DDE1".utf8)
    /// Magic and header length.
    static let prefixBytes = 8
    /// Headers longer than this are not ours (metadata is a few hundred bytes).
    static let maxHeaderBytes = 1 << 20

    /// The file content for `entity`.
    static func encode(_ entity: StoredEntity) throws(DeltaError) -> [UInt8] {
        let header: Data
        do {
            header = try FileStoreEngine.sidecarEncoder.encode(entity.metadata)
        } catch {
            throw DeltaError(.internal, "could not encode the metadata of \(entity.metadata.entityKey)", cause: error)
        }
        var bytes = magic + LogRecordFormat.littleEndian(UInt32(header.count))
        bytes.reserveCapacity(prefixBytes + header.count + entity.ciphertext.count)
        bytes += header
        bytes += entity.ciphertext
        return bytes
    }

    /// The header length declared by the first `prefixBytes` of a file, or nil if
    /// they are not an entity file's.
    static func headerLength(_ prefix: [UInt8]) -> Int? {
        guard prefix.count >= prefixBytes, Array(prefix[0..<4]) == magic else { return nil }
        let length = prefix.withUnsafeBytes { Int(LogRecordFormat.readUInt32($0, 4)) }
        return length <= maxHeaderBytes ? length : nil
    }

    /// The metadata in `bytes` (at least the prefix and the header of the file of `id`).
    ///
    /// - Throws: `.integrityFailure` if it is not an entity file of `id`.
    static func decodeMetadata(_ bytes: [UInt8], for id: EntityID) throws(DeltaError) -> EntityMetadata {
        guard let length = headerLength(bytes), bytes.count >= prefixBytes + length else {
            throw DeltaError(.integrityFailure, "the stored file of \(id) is not a valid entity file")
        }
        return try EntityStoreRules.decodeMetadata(Array(bytes[prefixBytes..<(prefixBytes + length)]), for: id)
    }

    /// The entity in `bytes`, the whole file of `id`.
    ///
    /// - Throws: `.integrityFailure` if it is not an entity file of `id` or its
    ///   ciphertext is not exactly the size its metadata says.
    static func decode(_ bytes: [UInt8], for id: EntityID) throws(DeltaError) -> StoredEntity {
        let metadata = try decodeMetadata(bytes, for: id)
        let start = prefixBytes + (headerLength(bytes) ?? 0)
        guard bytes.count - start == metadata.size else {
            throw DeltaError(
                .integrityFailure,
                "the stored data of \(id) version \(metadata.version) has \(bytes.count - start) bytes; its metadata says \(metadata.size)")
        }
        return StoredEntity(metadata: metadata, ciphertext: Array(bytes[start...]))
    }
}
