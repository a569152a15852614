import DeltaCluster
import DeltaEngine
import Hummingbird
import NIOCore

/// The request context of our routes: Hummingbird's core storage plus the
/// peer address, which the brute-force limiter keys on.
public struct DeltaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's socket address, when the transport has one.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address as a string, for rate limiting and logs.
    var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
