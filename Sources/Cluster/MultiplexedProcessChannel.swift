import DeltaCore
import DeltaMetrics
import GRPCCore
import Synchronization
import WorkerProtocol

/// The Main Worker's channel to one Processing Worker: every operation travels
/// over one long-lived `ProcessStream` (request ids, answers in any order), which
/// saves what each unary call costs: a new HTTP/2 stream, headers and trailers, a
/// server task on each side.
///
/// - Stream: opened on first use with the caller's session token in metadata; a
///   renewed token rides on the next frame. If it breaks (the worker restarted,
///   the connection dropped), every open request fails as a transport failure (the
///   router retries reads elsewhere and reports writes as possibly stored), and the
///   next call opens a new stream.
/// - Deadlines: with a `timeout`, a sweeper fails requests older than it with
///   DEADLINE_EXCEEDED and sends the worker a cancel frame.
/// - Cancellation: a caller that is cancelled gets `CancellationError` at once,
///   and the worker gets a cancel frame.
/// - Older workers: a worker that answers UNIMPLEMENTED (no `ProcessStream`) is
///   called with unary `Process` from then on.
/// - Silent workers: `abandonOpenRequests()` (called once the registry sees the
///   worker miss heartbeats) fails what is open without waiting for deadlines.
public final class MultiplexedProcessChannel<Transport: ClientTransport>: ProcessChannel {
    let client: GRPCClient<Transport>
    let closes: Bool
    let timeout: Duration?
    let options: CallOptions
    let state = Mutex(State())

    struct State {
        var nextID: UInt64 = 1
        var pending: [UInt64: Pending] = [:]
        /// The open stream's outgoing frames (nil: none open).
        var outbox: AsyncStream<ProcessStreamRequest>.Continuation?
        var generation: UInt64 = 0
        var streamToken = ""
        var unaryOnly = false
        var closed = false
    }

    struct Pending {
        var continuation: CheckedContinuation<ProcessResponse, any Error>
        var deadline: ContinuousClock.Instant?
        var generation: UInt64
    }

    /// A channel over `client`; `closes` says whether `close()` stops the client,
    /// `timeout` bounds each operation (nil: in-process workers, which cannot hang
    /// on the way), `options` carries the message size limits.
    public init(client: GRPCClient<Transport>, closes: Bool, timeout: Duration?, options: CallOptions) {
        self.client = client
        self.closes = closes
        self.timeout = timeout
        var options = options
        options.timeout = nil  // the stream lives on; each operation has its own deadline
        self.options = options
    }

    public func process(_ request: ProcessRequest, token: String) async throws -> ProcessResponse {
        if state.withLock({ $0.unaryOnly }) { return try await unary(request, token: token) }
        do {
            return try await streamed(request, token: token)
        } catch let error as RPCError
            where error.code == .unimplemented && !error.metadata[binaryValues: DeltaError.rpcBinaryMetadataKey].contains(where: { _ in true }) {
            // A worker without ProcessStream refused the stream before running anything.
            state.withLock { $0.unaryOnly = true }
            return try await unary(request, token: token)
        }
    }

    public func abandonOpenRequests() {
        let orphans = state.withLock { state in
            defer { state.pending.removeAll() }
            return Array(state.pending)
        }
        for (id, waiting) in orphans {
            waiting.continuation.resume(throwing: RPCError(
                code: .unavailable, message: "the Processing Worker stopped heartbeating before it answered"))
            sendCancel(id)
        }
    }

    public func close() {
        let outbox = state.withLock { state in
            state.closed = true
            defer { state.outbox = nil }
            return state.outbox
        }
        outbox?.finish()
        abandonOpenRequests()
        if closes { client.beginGracefulShutdown() }
    }

    private func unary(_ request: ProcessRequest, token: String) async throws -> ProcessResponse {
        var options = options
        options.timeout = timeout
        var metadata: Metadata = ["authorization": "Bearer \(token)"]
        if let traceID = RequestID.current { metadata.addString(traceID, forKey: RequestID.metadataKey) }
        return try await ProcessingWorkerService.Client(wrapping: client).process(request, metadata: metadata, options: options)
    }

    private func streamed(_ request: ProcessRequest, token: String) async throws -> ProcessResponse {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let traceID = RequestID.current ?? ""
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                send(request, id: id, token: token, traceID: traceID, continuation)
            }
        } onCancel: {
            if let waiting = state.withLock({ $0.pending.removeValue(forKey: id) }) {
                waiting.continuation.resume(throwing: CancellationError())
                sendCancel(id)
            }
        }
    }

    /// Records the request and queues its frame, opening the stream if needed.
    private func send(
        _ request: ProcessRequest, id: UInt64, token: String, traceID: String,
        _ continuation: CheckedContinuation<ProcessResponse, any Error>
    ) {
        let refusal: (any Error)? = state.withLock { state in
            guard !state.closed else { return RPCError(code: .unavailable, message: "the worker channel is closed") }
            if Task.isCancelled { return CancellationError() }
            var frame = ProcessStreamRequest()
            frame.requestId = id
            frame.request = request
            frame.traceId = traceID
            if state.outbox == nil {
                openStream(&state, token: token)
            } else if state.streamToken != token {
                frame.token = token
                state.streamToken = token
            }
            state.pending[id] = Pending(
                continuation: continuation, deadline: timeout.map { .now + $0 }, generation: state.generation)
            state.outbox?.yield(frame)
            return nil
        }
        if let refusal { continuation.resume(throwing: refusal) }
    }

    func sendCancel(_ id: UInt64) {
        var frame = ProcessStreamRequest()
        frame.requestId = id
        frame.cancel = true
        _ = state.withLock { $0.outbox?.yield(frame) }
    }
}
