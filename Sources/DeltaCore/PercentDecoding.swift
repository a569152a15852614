/// Percent-decoding of URL path segments (RFC 3986 §2.1), without Foundation.
///
/// Same results as Foundation's `removingPercentEncoding`: `%XX` (either case)
/// becomes the byte XX, everything else is kept as is (`+` stays `+`), and a
/// `%` not followed by two hex digits, or decoded bytes that are not UTF-8,
/// make the whole value invalid. It runs for every request with a path
/// parameter, so a value without `%` is returned without copying its bytes.
public enum PercentDecoding {
    /// The decoded string, or nil if `encoded` is not valid percent-encoding of UTF-8.
    public static func decode(_ encoded: some StringProtocol) -> String? {
        let utf8 = encoded.utf8
        guard utf8.contains(UInt8(ascii: "%")) else { return String(encoded) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard index != utf8.endIndex, let high = HexDigit.value(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            guard index != utf8.endIndex, let low = HexDigit.value(utf8[index]) else { return nil }
            index = utf8.index(after: index)
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
