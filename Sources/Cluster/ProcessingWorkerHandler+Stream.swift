import DeltaCore
import DeltaEngine
import DeltaMetrics
import GRPCCore
import Synchronization
import WorkerProtocol

extension ProcessingWorkerHandler {
    /// At most this many operations of one stream run at once; further frames wait
    /// to be read (HTTP/2 flow control then holds the Main Worker back).
    public static let maxStreamConcurrency = 256

    /// `ProcessingWorker.ProcessStream`: the operations of one long-lived stream,
    /// each run as `process` would run it and answered, tagged with its request id,
    /// as soon as it finishes.
    ///
    /// The stream's `authorization` metadata must carry this worker's session token
    /// (UNAUTHENTICATED before anything is read otherwise); every operation is
    /// checked against the newest token the stream carried, so a token that
    /// expires or is replaced stops the stream's later operations. Ending the
    /// request stream lets running operations finish and be answered.
    public func processStream(
        request: StreamingServerRequest<ProcessStreamRequest>, context: ServerContext
    ) async throws -> StreamingServerResponse<ProcessStreamResponse> {
        let token: String
        do throws(DeltaError) {
            token = try MetadataCredential.bearer(request.metadata) ?? ""
            guard tokens.accepts(token) else { throw Self.notTheMainWorker }
        } catch {
            throw error.rpcError
        }
        return StreamingServerResponse { writer in
            try await ProcessStreamSession(handler: self, token: token).run(request.messages, writer)
            return [:]
        }
    }

    /// What a caller without this worker's session token is told.
    static var notTheMainWorker: DeltaError {
        DeltaError(
            .unauthorized,
            "ProcessingWorker accepts only the Main Worker's session token for this worker; "
                + "send requests to the Main Worker instead")
    }

    /// Runs one operation for either RPC: checks `token`, counts the load, records
    /// metrics and one access line under `requestID` (the client request's id, or a
    /// new one), logs failures that need an operator (never payloads).
    func execute(_ request: ProcessRequest, token: String, requestID: String?) async throws(DeltaError) -> ProcessResponse {
        let started = ContinuousClock.now
        let operation = ProcessOperation(rawValue: request.operation)?.rawValue.lowercased() ?? "unknown"
        var status = "ok"
        var bytesOut = 0
        defer {
            let duration = ContinuousClock.now - started
            let bytesIn = request.payload.count
            metrics?.record(operation: operation, status: status, duration: duration, bytesIn: bytesIn, bytesOut: bytesOut)
            AccessLog.log(
                logger, requestID: requestID ?? RequestID.make(), transport: "grpc", operation: operation, status: status,
                duration: duration, bytesIn: bytesIn, bytesOut: bytesOut, principal: nil)
        }
        do throws(DeltaError) {
            guard tokens.accepts(token) else { throw Self.notTheMainWorker }
            load.increment()
            defer { load.decrement() }
            let response = try await request.execute(on: entities, workerID: workerID)
            bytesOut = response.result.count
            return response
        } catch {
            status = error.code.rawValue
            if error.code == .internal || error.code == .storageFailure || error.code == .integrityFailure {
                logger.error("process failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            }
            throw error
        }
    }
}

/// One `ProcessStream` on a Processing Worker: reads frames, runs each operation
/// in a task of its own (at most `maxStreamConcurrency` at once), cancels on
/// request, and writes the answers from one writer loop.
struct ProcessStreamSession: Sendable {
    let handler: ProcessingWorkerHandler
    let token: String

    func run(
        _ frames: RPCAsyncSequence<ProcessStreamRequest, any Error>, _ writer: RPCWriter<ProcessStreamResponse>
    ) async throws {
        let (answers, answer) = AsyncStream<ProcessStreamResponse>.makeStream()
        let running = RunningOperations()
        let slots = AsyncSlots(ProcessingWorkerHandler.maxStreamConcurrency)
        defer { running.cancelAll() }
        try await withThrowingTaskGroup { group in
            group.addTask {
                for await response in answers { try await writer.write(response) }
            }
            var token = self.token
            for try await frame in frames {
                let id = frame.requestId
                if frame.cancel {
                    running.cancel(id)
                    continue
                }
                if !frame.token.isEmpty { token = frame.token }
                await slots.acquire()
                let current = token
                running.start(id) {
                    let response = await self.answer(frame, token: current)
                    running.finished(id)
                    slots.release()
                    answer.yield(response)
                }
            }
            // The Main Worker closed its side: answer what is still running, then end.
            await running.waitForAll()
            answer.finish()
            try await group.waitForAll()
        }
    }

    private func answer(_ frame: ProcessStreamRequest, token: String) async -> ProcessStreamResponse {
        var response = ProcessStreamResponse()
        response.requestId = frame.requestId
        do throws(DeltaError) {
            guard frame.hasRequest else {
                throw DeltaError(.badRequest, "ProcessStream frame \(frame.requestId) holds neither a request nor a cancel")
            }
            response.response = try await handler.execute(
                frame.request, token: token, requestID: RequestID.sanitized(frame.traceId.isEmpty ? nil : frame.traceId))
        } catch {
            response.statusCode = Int32(error.code.rpcCode.rawValue)
            response.error = error.errorInfo
        }
        return response
    }
}

/// The operations of one stream still running, by request id.
final class RunningOperations: Sendable {
    private let tasks = Mutex<[UInt64: Task<Void, Never>]>([:])

    /// Starts `work` as the task of `id`. It is recorded under the lock its own
    /// `finished(id)` takes, so it cannot finish before it is recorded.
    func start(_ id: UInt64, _ work: @escaping @Sendable () async -> Void) {
        tasks.withLock { $0[id] = Task(operation: work) }
    }

    func finished(_ id: UInt64) {
        _ = tasks.withLock { $0.removeValue(forKey: id) }
    }

    func cancel(_ id: UInt64) {
        tasks.withLock { $0.removeValue(forKey: id) }?.cancel()
    }

    func cancelAll() {
        tasks.withLock { $0.values.forEach { $0.cancel() } }
    }

    /// Waits for every task started so far.
    func waitForAll() async {
        for task in tasks.withLock({ Array($0.values) }) { await task.value }
    }
}
