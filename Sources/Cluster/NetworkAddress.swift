import DeltaCore

/// `host:port` addresses as the `-*-addr` flags take them.
public enum NetworkAddress {
    /// Splits `host:port` (IPv6 as `[::1]:8080`).
    public static func parse(_ text: String, flag: String) throws(DeltaError) -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"),
              let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port)
        else {
            throw DeltaError(.badRequest, "\(flag) '\(text)' is not host:port, e.g. 127.0.0.1:8080")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}
