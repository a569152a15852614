import DeltaCore

/// Lower-case hexadecimal encoding of bytes, and strict decoding back.
///
/// Decoding accepts upper- and lower-case digits and nothing else: no `0x`
/// prefix, no whitespace, no separators, and an even number of digits. It
/// reports failure as `nil`; callers that need an error message write their own,
/// and must not echo secret input back (see `SymmetricKey.init(hex:)`).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Encodes `bytes` as two lower-case hex digits per byte.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Decodes a hex string, or returns `nil` if it has an odd number of digits or
    /// any character that is not `0-9`, `a-f` or `A-F`.
    public static func decode(_ string: String) -> [UInt8]? {
        let utf8 = Array(string.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: utf8.count / 2)
        guard decode(utf8, into: &bytes) else { return nil }
        return bytes
    }

    /// Decodes hex digits into `output` (which must be exactly half as long) in
    /// place, so a caller holding a secret can decode straight into memory it
    /// later wipes. Returns `false` on any non-hex digit; `output` is then
    /// partially written and the caller must discard (and wipe) it.
    static func decode(_ utf8: some Collection<UInt8>, into output: inout some MutableCollection<UInt8>) -> Bool {
        precondition(utf8.count == output.count * 2, "Hex.decode: output size mismatch")
        var input = utf8.makeIterator()
        var index = output.startIndex
        while let high = input.next(), let low = input.next() {
            guard let h = HexDigit.value(high), let l = HexDigit.value(low) else { return false }
            output[index] = h << 4 | l
            output.formIndex(after: &index)
        }
        return true
    }
}
