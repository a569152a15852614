import DeltaCore
import DeltaCrypto

/// The `-previous-keys-file` format: retired keys that stay readable after a rotation.
///
/// One key per line, `key_id:hex` (64 hex digits); blank lines and lines starting
/// with `#` are ignored. Errors name the line number, never its content, so key
/// material does not reach the terminal or a log.
public enum KeyringFile {
    /// Parses the file's text.
    ///
    /// - Throws: `.badRequest` for a malformed line, a bad key id, a duplicate id,
    ///   or the active key id (which names the active key, not a previous one).
    public static func parse(_ text: String, activeKeyID: String) throws(DeltaError) -> [String: SymmetricKey] {
        var keys: [String: SymmetricKey] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let lineNumber = index + 1
            guard let colon = line.firstIndex(of: ":") else {
                throw DeltaError(.badRequest, "-previous-keys-file line \(lineNumber): expected key_id:hex")
            }
            let id = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let hex = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, id.utf8.count <= 128, id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }) else {
                throw DeltaError(.badRequest, "-previous-keys-file line \(lineNumber): the key id must be 1–128 printable characters")
            }
            guard id != activeKeyID else {
                throw DeltaError(
                    .badRequest,
                    "-previous-keys-file line \(lineNumber): '\(id)' is the active -key-id; list only retired keys"
                )
            }
            guard keys[id] == nil else {
                throw DeltaError(.badRequest, "-previous-keys-file line \(lineNumber): key id '\(id)' appears twice")
            }
            guard let bytes = Hex.decode(hex), bytes.count == SymmetricKey.byteCount, let key = try? SymmetricKey(bytes: bytes) else {
                throw DeltaError(.badRequest, "-previous-keys-file line \(lineNumber): the key must be 64 hex digits (32 bytes)")
            }
            keys[id] = key
        }
        return keys
    }
}
