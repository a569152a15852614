import DeltaAuth
import DeltaCluster
import DeltaCore
import DeltaEngine
import Hummingbird
import Logging

/// Slows down brute force: a client whose requests keep failing
/// authentication gets 429 until its bucket refills (`FailureLimiter`).
///
/// Runs inside `ErrorMiddleware`, so it sees the 401 as a thrown
/// `DeltaError(.unauthorized)`. It logs the client address and the route, never
/// the credential.
struct AuthFailureMiddleware: RouterMiddleware {
    typealias Context = DeltaRequestContext
    let limiter: FailureLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let client = context.clientAddress
        // Only attempts to authenticate are slowed; a blocked client still gets
        // public endpoints such as /health.
        if request.headers[.authorization] != nil || request.uri.path == "/api/login" {
            try limiter.check(client)
        }
        do {
            return try await next(request, context)
        } catch let error as DeltaError where error.code == .unauthorized {
            limiter.recordFailure(client)
            context.logger.warning(
                "authentication failed",
                metadata: ["client": "\(client)", "method": "\(request.method)", "path": "\(request.uri.path)"]
            )
            throw error
        }
    }
}
