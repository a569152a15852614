import DeltaCore
import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// One gRPC client per Processing Worker address, created on first use and
/// kept open (HTTP/2 multiplexes concurrent calls over one connection).
///
/// Clients of workers that left the registry are closed by `retain(addresses:)`.
final class WorkerClients: Sendable {
    typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

    private let clients = Mutex<[String: (client: Client, task: Task<Void, Never>)]>([:])
    private let maxMessageBytes: Int

    init(maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// The client for `address` (`host:port`).
    ///
    /// - Throws: `.unavailable` if the address cannot be parsed.
    func client(for address: String) throws(DeltaError) -> Client {
        if let existing = clients.withLock({ $0[address]?.client }) { return existing }
        let (host, port) = try GRPCAddress.parse(address, flag: "grpc_addr")
        let transport: HTTP2ClientTransport.Posix
        do {
            transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: host, port: port),
                transportSecurity: .plaintext,
                config: .defaults { $0.http2.maxFrameSize = 1 << 20 }
            )
        } catch {
            throw DeltaError(.unavailable, "cannot connect to the Processing Worker at \(address)", cause: error)
        }
        let client = Client(transport: transport)
        return clients.withLock { clients in
            if let existing = clients[address] { return existing.client }
            let task = Task<Void, Never> { _ = try? await client.runConnections() }
            clients[address] = (client, task)
            return client
        }
    }

    /// Closes the clients of addresses not in `addresses`.
    func retain(addresses: Set<String>) {
        let stale = clients.withLock { clients in
            let stale = clients.filter { !addresses.contains($0.key) }
            for address in stale.keys { clients[address] = nil }
            return Array(stale.values)
        }
        for entry in stale { entry.client.beginGracefulShutdown() }
    }

    /// Closes every client.
    func shutdown() {
        retain(addresses: [])
    }

    /// Per-call options: the message size limit and a deadline, so a hung worker
    /// fails the call instead of holding it forever.
    var callOptions: CallOptions {
        var options = CallOptions.defaults
        options.maxRequestMessageBytes = maxMessageBytes
        options.maxResponseMessageBytes = maxMessageBytes
        options.timeout = .seconds(30)
        return options
    }
}

/// `host:port` parsing for gRPC flags and tags.
enum GRPCAddress {
    /// Splits `host:port` (IPv6 hosts in brackets; an empty host is all interfaces).
    ///
    /// - Throws: `.badRequest` naming `flag` for a malformed address.
    static func parse(_ address: String, flag: String) throws(DeltaError) -> (host: String, port: Int) {
        try ServerOptions.parseAddress(address, flag: flag)
    }
}
