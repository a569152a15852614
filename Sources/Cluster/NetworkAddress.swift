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

    /// Whether `host` only accepts or reaches this machine (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Why plaintext gRPC off loopback is refused, and what to do.
    public static func plaintextRefusal(flag: String, address: String) -> String {
        "\(flag) \(address) is reachable from the network, and without mutual TLS a passive observer of one "
            + "Subscribe could replay the worker secret and obtain the keyring; pass -tls-cert, -tls-key and -tls-ca "
            + "(see docs/cluster.md), or use a loopback address"
    }
}
