import DeltaCore
import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization
import WorkerProtocol
import DeltaEngine

/// A way to call one Processing Worker (see `MultiplexedProcessChannel`).
public protocol ProcessChannel: Sendable {
    /// Runs `request` on the worker, authenticated with the worker's session `token`.
    ///
    /// - Throws: `RPCError`: with `deltadb-error-bin` when the worker ran the
    ///   operation and reported an error; without it for transport failures.
    func process(_ request: ProcessRequest, token: String) async throws -> ProcessResponse
    /// Fails every operation still waiting for the worker as a transport failure
    /// (reads are then retried elsewhere), keeping the channel usable.
    func abandonOpenRequests()
    /// Stops the channel's stream and, for remote workers, its connections.
    func close()
}

/// The Main Worker's channels to Processing Workers, by the worker's `grpc_addr`.
///
/// Remote workers (`host:port`) get an HTTP/2 client and a `MultiplexedProcessChannel`
/// on first use, kept open (one stream carries every operation) and closed by
/// `retain(addresses:)` once the worker has left the registry. Embedded workers
/// are registered up front under an `in-process:` address and never closed.
public final class WorkerClients: Sendable {
    private struct Entry {
        var channel: any ProcessChannel
        var pinned: Bool
    }

    private let channels = Mutex<[String: Entry]>([:])
    private let maxMessageBytes: Int
    private let tls: MutualTLS?

    public init(maxMessageBytes: Int, tls: MutualTLS? = nil) {
        self.maxMessageBytes = maxMessageBytes
        self.tls = tls
    }

    /// Registers an embedded worker's channel under `address`.
    public func register(_ channel: any ProcessChannel, address: String) {
        channels.withLock { $0[address] = Entry(channel: channel, pinned: true) }
    }

    /// The channel for `address` (`host:port`, or a registered `in-process:` address).
    ///
    /// - Throws: `.unavailable` if the address cannot be parsed or connected to.
    public func channel(for address: String) throws(DeltaError) -> any ProcessChannel {
        if let existing = channels.withLock({ $0[address]?.channel }) { return existing }
        let (host, port) = try GRPCAddress.parse(address, flag: "grpc_addr")
        let transport: HTTP2ClientTransport.Posix
        do {
            transport = try HTTP2ClientTransport.Posix(
                target: GRPCAddress.target(host: host, port: port),
                transportSecurity: tls.clientSecurity,
                config: .defaults { $0.http2.maxFrameSize = 1 << 20 }
            )
        } catch {
            throw DeltaError(.unavailable, "cannot connect to the Processing Worker at \(address)", cause: error)
        }
        let client = GRPCClient(transport: transport)
        let created = MultiplexedProcessChannel(client: client, closes: true, timeout: .seconds(30), options: callOptions)
        let (channel, isNew) = channels.withLock { channels -> (any ProcessChannel, Bool) in
            if let existing = channels[address] { return (existing.channel, false) }
            channels[address] = Entry(channel: created, pinned: false)
            return (created, true)
        }
        if isNew {
            Task { try? await client.runConnections() }
        }
        return channel
    }

    /// Closes the channels of remote addresses not in `addresses`.
    public func retain(addresses: Set<String>) {
        let stale = channels.withLock { channels in
            let stale = channels.filter { !$0.value.pinned && !addresses.contains($0.key) }
            for address in stale.keys { channels[address] = nil }
            return stale.values.map(\.channel)
        }
        for channel in stale { channel.close() }
    }

    /// Fails the open operations of the workers at `addresses` (ones that stopped
    /// heartbeating), so their callers do not wait for the deadline.
    public func abandon(addresses: Set<String>) {
        guard !addresses.isEmpty else { return }
        let channels = channels.withLock { channels in addresses.compactMap { channels[$0]?.channel } }
        for channel in channels { channel.abandonOpenRequests() }
    }

    /// Closes every remote channel.
    public func shutdown() {
        retain(addresses: [])
    }

    /// Per-call options: the message size limits (each channel adds its deadlines).
    public var callOptions: CallOptions {
        var options = CallOptions.defaults
        options.maxRequestMessageBytes = maxMessageBytes
        options.maxResponseMessageBytes = maxMessageBytes
        return options
    }
}

/// `host:port` parsing for gRPC flags and tags.
public enum GRPCAddress {
    /// Splits `host:port` (IPv6 hosts in brackets; an empty host is all interfaces).
    ///
    /// - Throws: `.badRequest` naming `flag` for a malformed address.
    public static func parse(_ address: String, flag: String) throws(DeltaError) -> (host: String, port: Int) {
        try NetworkAddress.parse(address, flag: flag)
    }

    /// The client target for `host`: IP literals as such (TLS then sends no SNI,
    /// which must not carry an IP address), anything else resolved by DNS.
    public static func target(host: String, port: Int) -> any ResolvableTarget {
        if host.contains(":") { return .ipv6(address: host, port: port) }
        if host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) {
            return .ipv4(address: host, port: port)
        }
        return .dns(host: host, port: port)
    }
}
