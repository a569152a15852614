/// The reversible, collision-free encoding of database names and entity keys into
/// file-name components.
///
/// Every byte of the name's UTF-8 other than `[a-z0-9_-]` becomes `%xx` (two lowercase
/// hex digits); `%` itself is escaped, so decoding is unambiguous and the encoding is
/// injective. Consequences, each of which is a reason for the rule:
/// - no `.` or `/` ever appears in an encoded name, so suffixes such as `.meta.json`
///   cannot be forged by a key and no name can leave its directory;
/// - upper-case ASCII is escaped, so `User` and `user` stay distinct even on a
///   case-insensitive file system (macOS, SMB);
/// - non-ASCII bytes are escaped, so no file system normalises two keys into one.
///
/// Encoded names can be up to three times longer than the name (a 512-byte key
/// becomes at most 1,536 bytes), more than one path component may hold (255 bytes).
/// `chunks` therefore splits an encoded name into pieces of at most
/// `maxChunkBytes`, never inside an escape; the store turns all but the last piece
/// into nested directories. Splitting is a pure function of the name, so the path
/// is still unique per name, and no hash is needed.
package enum StorageName {
    /// The longest piece of an encoded name in one path component. Leaves room for
    /// the longest suffix (`.<20-digit version>.json.enc`) and for temp-file names
    /// (`.tmp-<piece>.<tag>`) within 255 bytes.
    package static let maxChunkBytes = 180

    /// Encodes a name (see the type's documentation).
    package static func encode(_ name: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            if isLiteral(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes an encoded name; nil if `encoded` is not exactly what `encode` produces
    /// for some valid UTF-8 string (so stray files are never mistaken for entities).
    package static func decode(_ encoded: some StringProtocol) -> String? {
        // Most names have nothing escaped: then the name is the encoded text itself.
        if encoded.utf8.allSatisfy(isLiteral) { return encoded.isEmpty ? nil : String(encoded) }
        var bytes: [UInt8] = []
        var iterator = encoded.utf8.makeIterator()
        while let byte = iterator.next() {
            if isLiteral(byte) {
                bytes.append(byte)
                continue
            }
            guard byte == UInt8(ascii: "%"),
                  let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
            else { return nil }
            let decoded = high << 4 | low
            // A literal byte written as an escape would give a second spelling of one name.
            if isLiteral(decoded) { return nil }
            bytes.append(decoded)
        }
        guard !bytes.isEmpty else { return nil }
        let name = String(decoding: bytes, as: UTF8.self)
        return name.utf8.elementsEqual(bytes) ? name : nil
    }

    /// Splits an encoded name into pieces of at most `maxChunkBytes`, never inside an
    /// escape. Only the last piece may be shorter than the limit allows.
    package static func chunks(_ encoded: String, maxChunkBytes: Int = maxChunkBytes) -> [String] {
        let bytes = Array(encoded.utf8)
        var pieces: [String] = []
        var start = 0
        while bytes.count - start > maxChunkBytes {
            var end = start + maxChunkBytes
            // Back off if the cut would land inside "%xx".
            if bytes[end - 1] == UInt8(ascii: "%") {
                end -= 1
            } else if bytes[end - 2] == UInt8(ascii: "%") {
                end -= 2
            }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// Whether `component` could be a piece of an encoded name (used to tell pieces
    /// from temp files, suffixed files and foreign files when walking directories).
    package static func isEncodedPiece(_ component: some StringProtocol) -> Bool {
        !component.isEmpty && component.utf8.allSatisfy { isLiteral($0) || $0 == UInt8(ascii: "%") || isHex($0) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func isLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
