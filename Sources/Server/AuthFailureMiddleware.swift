import DeltaAuth
import DeltaCluster
import DeltaCore
import DeltaEngine
import Hummingbird
import Logging

/// Throttles failed authentications (`FailureLimiter`), never valid ones.
///
/// The credential is always checked first, so a valid credential passes even
/// from an address that just sent bad ones (a colleague behind the same proxy,
/// or the same client once it has the right key). A failed one is then counted
/// and answered 401 while the address (and everyone together) is within its
/// allowance, 429 beyond it; counting and deciding are one atomic step, so
/// concurrent guesses cannot all slip through before they are counted. Nothing
/// here matches paths: a login at `/api/login/` fails like one at `/api/login`.
/// A request that presented no credential at all (the console asking
/// `/api/me` before login) is not a guess and is not counted.
///
/// Runs inside `ErrorMiddleware`, so it sees the 401 as a thrown
/// `DeltaError(.unauthorized)`. It logs the client address and the route, never
/// the credential.
struct AuthFailureMiddleware: RouterMiddleware {
    typealias Context = DeltaRequestContext
    let limiter: FailureLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DeltaError where error.code == .unauthorized {
            if error.cause is Authenticator.MissingCredential { throw error }
            let client = context.clientAddress
            guard limiter.recordFailure(client) else {
                context.logger.debug(
                    "authentication failed (throttled)",
                    metadata: ["client": "\(client)", "method": "\(request.method)", "path": "\(request.uri.path)"]
                )
                throw FailureLimiter.throttled
            }
            context.logger.warning(
                "authentication failed",
                metadata: ["client": "\(client)", "method": "\(request.method)", "path": "\(request.uri.path)"]
            )
            throw error
        }
    }
}
