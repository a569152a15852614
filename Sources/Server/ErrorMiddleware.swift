import APIRuntime
import DeltaCluster
import DeltaCore
import DeltaEngine
import DeltaMetrics
import Generated
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error a route throws into the JSON error body of the spec.
///
/// `DeltaError` maps through `DeltaError.Code.httpStatus`; Hummingbird's own
/// errors (unknown route, wrong method) keep their status with our body shape;
/// anything else is a 500 whose details stay in the server log. 401 responses
/// carry `WWW-Authenticate`. Messages never contain entity data or secrets, so
/// they are safe to log.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Counts answered errors by code, when the process serves metrics.
    var errors: ErrorMetrics?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DeltaError {
            return respond(error, request: request, context: context)
        } catch let error as HTTPError {
            // The router only knows (path, method) pairs: a known path with another
            // method is a 405 naming the allowed ones, not a 404.
            if error.status == .notFound {
                let allowed = OperationDescriptor.allowedMethods(for: request.uri.path, in: Operations.all)
                if !allowed.isEmpty {
                    var response = respond(
                        DeltaError(.methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path); use \(allowed.joined(separator: ", "))"),
                        request: request, context: context
                    )
                    response.headers[.allow] = allowed.joined(separator: ", ")
                    return response
                }
            }
            return respond(Self.translate(error), request: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["error_type": "\(type(of: error))"])
            return respond(DeltaError(.internal, "internal error; see the server log"), request: request, context: context)
        }
    }

    private func respond(_ error: DeltaError, request: Request, context: Context) -> Response {
        errors?.record(code: error.code.rawValue)
        let status = error.code.httpStatus
        if status.code >= 500 {
            context.logger.error("request failed", metadata: ["method": "\(request.method)", "code": "\(error.code)", "error": "\(error)"])
        } else {
            context.logger.debug("request rejected", metadata: ["method": "\(request.method)", "code": "\(error.code)"])
        }
        var headers = HTTPFields()
        if status == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer realm=\"deltadb\""
        }
        do {
            return try ResponseWriter.json(error.responseBody, status: status, headers: headers)
        } catch {
            return Response(status: .internalServerError)
        }
    }

    static func translate(_ error: HTTPError) -> DeltaError {
        switch error.status {
        case .notFound: DeltaError(.notFound, "no such endpoint; see spec/openapi.yaml for the API")
        case .methodNotAllowed: DeltaError(.methodNotAllowed, "method not allowed on this endpoint")
        case .contentTooLarge: DeltaError(.payloadTooLarge, "the request body is too large")
        case .badRequest: DeltaError(.badRequest, error.body ?? "bad request")
        default:
            error.status.code >= 500
                ? DeltaError(.internal, "internal error; see the server log")
                : DeltaError(.badRequest, error.body ?? error.status.reasonPhrase)
        }
    }
}
