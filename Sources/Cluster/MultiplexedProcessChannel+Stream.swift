import DeltaCore
import GRPCCore
import WorkerProtocol

extension MultiplexedProcessChannel {
    /// Opens a new stream carrying `token`; call with the state locked.
    func openStream(_ state: inout State, token: String) {
        let (frames, outbox) = AsyncStream<ProcessStreamRequest>.makeStream()
        state.generation += 1
        state.outbox = outbox
        state.streamToken = token
        let generation = state.generation
        let request = StreamingClientRequest<ProcessStreamRequest>(metadata: ["authorization": "Bearer \(token)"]) { writer in
            for await frame in frames { try await writer.write(frame) }
        }
        Task {
            var failure: (any Error)?
            do {
                try await ProcessingWorkerService.Client(wrapping: client).processStream(
                    request: request, options: options
                ) { response in
                    for try await message in response.messages { self.deliver(message) }
                }
            } catch {
                failure = error
            }
            self.streamEnded(generation, failure)
        }
        if let timeout { sweepDeadlines(of: generation, every: min(timeout / 4, .milliseconds(250))) }
    }

    /// Hands an answer to the request waiting for it (none if it was cancelled or
    /// timed out meanwhile). A reported failure becomes the `RPCError` a unary call
    /// would have ended with, `deltadb-error-bin` included, so the router treats
    /// both paths alike.
    private func deliver(_ message: ProcessStreamResponse) {
        guard let waiting = state.withLock({ $0.pending.removeValue(forKey: message.requestId) }) else { return }
        if message.statusCode == 0, message.hasResponse {
            waiting.continuation.resume(returning: message.response)
        } else if message.hasError {
            waiting.continuation.resume(throwing: DeltaError(message.error).rpcError)
        } else {
            waiting.continuation.resume(throwing: DeltaError(
                .internal, "the Processing Worker answered request \(message.requestId) with neither a result nor an error"
            ).rpcError)
        }
    }

    /// Fails the requests of a stream that ended (a transport failure: no
    /// `deltadb-error-bin`), so the next call opens a new one.
    private func streamEnded(_ generation: UInt64, _ error: (any Error)?) {
        let (outbox, orphans) = state.withLock { state -> (AsyncStream<ProcessStreamRequest>.Continuation?, [Pending]) in
            var outbox: AsyncStream<ProcessStreamRequest>.Continuation?
            if state.generation == generation {
                outbox = state.outbox
                state.outbox = nil
            }
            let ids = state.pending.filter { $0.value.generation == generation }.map(\.key)
            return (outbox, ids.compactMap { state.pending.removeValue(forKey: $0) })
        }
        outbox?.finish()
        let failure = (error as? RPCError)
            ?? RPCError(code: .unavailable, message: "the stream to the Processing Worker ended\(error.map { ": \($0)" } ?? "")")
        for waiting in orphans { waiting.continuation.resume(throwing: failure) }
    }

    /// Fails requests of stream `generation` that are past their deadline, and
    /// tells the worker to stop them, until that stream ends.
    private func sweepDeadlines(of generation: UInt64, every interval: Duration) {
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: interval)
                guard let self else { return }
                let now = ContinuousClock.now
                let (open, expired) = self.state.withLock { state -> (Bool, [(UInt64, Pending)]) in
                    let expired = state.pending.filter { $0.value.deadline.map { $0 <= now } ?? false }
                    for id in expired.keys { state.pending[id] = nil }
                    return (state.generation == generation && state.outbox != nil, Array(expired))
                }
                for (id, waiting) in expired {
                    waiting.continuation.resume(throwing: RPCError(
                        code: .deadlineExceeded, message: "the Processing Worker did not answer in time"))
                    self.sendCancel(id)
                }
                if !open { return }
            }
        }
    }
}
