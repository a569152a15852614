import DeltaCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// The `-metrics-addr` listener: `GET /metrics` answers the hub's samples in
/// Prometheus's text format (0.0.4); every other path is a 404 and every other
/// method a 405. Plain HTTP/1.1 on its own port, apart from the REST API, so
/// scraping needs no credential and proc-worker needs no web framework.
public enum MetricsEndpoint {
    /// Serves `hub` on `host`:`port` while `body` runs, then closes the listener.
    ///
    /// - Parameter onListening: called with the bound port (useful with port 0).
    /// - Throws: `.unavailable` naming -metrics-addr when the address cannot be bound;
    ///   whatever `body` throws.
    public static func serving<T: Sendable>(
        _ hub: MetricsHub, host: String, port: Int,
        onListening: @Sendable (Int) -> Void = { _ in },
        _ body: () async throws -> T
    ) async throws -> T {
        let channel: any Channel
        do {
            channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMap {
                        channel.pipeline.addHandler(MetricsHTTPHandler(hub: hub))
                    }
                }
                .bind(host: host, port: port)
                .get()
        } catch {
            throw DeltaError(
                .unavailable,
                "cannot listen on -metrics-addr \(host):\(port) (\(error)); choose a free address, or leave -metrics-addr empty to turn metrics off")
        }
        onListening(channel.localAddress?.port ?? port)
        do {
            let result = try await body()
            try? await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }
}

/// Answers one HTTP/1 request on the metrics listener.
final class MetricsHTTPHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let hub: MetricsHub
    private var head: HTTPRequestHead?

    init(hub: MetricsHub) { self.hub = hub }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
            let keepAlive = head.isKeepAlive
            let version = head.version
            if path != "/metrics" {
                write(context, status: .notFound, body: Array("not found; metrics are at /metrics\n".utf8), version, keepAlive)
            } else if head.method != .GET && head.method != .HEAD {
                write(context, status: .methodNotAllowed, body: Array("use GET /metrics\n".utf8), version, keepAlive)
            } else {
                let loop = context.eventLoop
                let bound = NIOLoopBound((self, context), eventLoop: loop)
                let hub = self.hub
                let head = head.method == .HEAD
                Task {
                    let samples = await hub.scrape()
                    loop.execute {
                        let (handler, context) = bound.value
                        handler.write(context, status: .ok, body: head ? [] : samples, version, keepAlive,
                                      contentType: "text/plain; version=0.0.4; charset=utf-8")
                    }
                }
            }
        }
    }

    private func write(
        _ context: ChannelHandlerContext, status: HTTPResponseStatus, body: [UInt8], _ version: HTTPVersion,
        _ keepAlive: Bool, contentType: String = "text/plain; charset=utf-8"
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
