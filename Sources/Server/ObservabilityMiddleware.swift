import APIRuntime
import DeltaMetrics
import Generated
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives every request an id (the client's sane
/// `X-Request-Id`, else a new one) and returns it in the response's `X-Request-Id`,
/// binds a `RequestScope` so the route can note the operation and the caller and
/// the gRPC hop can carry the id, then writes one access line and, when the
/// process serves metrics, counts and times the request.
///
/// The operation is the spec's operation id (noted at authorisation, or looked up
/// by method and route template for public routes); anything else is `other`, so
/// label values stay few. Bodies, keys and credentials are never logged.
struct ObservabilityMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: RequestMetrics?
    private let operations: [String: String]

    /// Logs to the request's logger; counts into `hub` when it is given.
    init(hub: MetricsHub?) {
        metrics = hub.map(RequestMetrics.rest)
        var operations: [String: String] = [:]
        for operation in Operations.all {
            operations[operation.method + " " + operation.path] = operation.id
            let colons = operation.path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
                segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
            }.joined(separator: "/")
            operations[operation.method + " " + colons] = operation.id
        }
        self.operations = operations
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let scope = RequestScope(id: RequestID.sanitized(request.headers[Self.requestIDField]) ?? RequestID.make())
        // Every line logged for this request carries our id instead of Hummingbird's own.
        var context = context
        context.logger[metadataKey: "hb.request.id"] = nil
        context.logger[metadataKey: "request_id"] = .string(scope.id)
        var response = try await RequestScope.$current.withValue(scope) { [context] in
            try await next(request, context)
        }
        response.headers[Self.requestIDField] = scope.id
        let duration = ContinuousClock.now - started
        let operation = scope.operation ?? lookUp(request, context)
        let status = String(response.status.code)
        let bytesIn = request.headers[.contentLength].flatMap { Int($0) } ?? 0
        let bytesOut = response.body.contentLength ?? 0
        metrics?.record(operation: operation, status: status, duration: duration, bytesIn: bytesIn, bytesOut: bytesOut)
        AccessLog.log(
            context.logger, requestID: scope.id, transport: "rest", operation: operation, status: status, duration: duration,
            bytesIn: bytesIn, bytesOut: bytesOut, principal: scope.principal)
        return response
    }

    private func lookUp(_ request: Request, _ context: Context) -> String {
        guard let template = context.endpointPath else { return "other" }
        return operations[request.method.rawValue + " " + template] ?? "other"
    }

    static var requestIDField: HTTPField.Name { HTTPField.Name(RequestID.header)! }
}
