import DeltaCore
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
import DeltaEngine
#endif

extension EngineAssembly {
    /// Runs `start`, turning a failure to bind `host:port` into an error that names
    /// the address and the flag that sets it.
    ///
    /// NIO reports a taken REST port as `bind(descriptor:ptr:bytes:): Address already
    /// in use) (errno: 98)` and grpc-swift's transport as "serverIsStopped"; neither
    /// tells an operator which listener failed or what to do. Errors that are not
    /// about binding pass through unchanged.
    ///
    /// - Parameter isBindFailure: which errors of `start` mean the bind failed (grpc-swift's
    ///   `listeningAddress` fails only then, so gRPC listeners pass `{ _ in true }`).
    /// - Throws: `.unavailable` naming the address and `flag` when binding failed;
    ///   otherwise `start`'s error.
    public static func listening<Result>(
        on host: String, _ port: Int, flag: String, isBindFailure: (any Error) -> Bool = EngineAssembly.isBindFailure,
        _ start: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await start()
        } catch {
            guard isBindFailure(error) else { throw error }
            let reason = (error as? IOError).map { String(cString: strerror($0.errnoCode)).lowercased() }
            throw DeltaError(
                .unavailable,
                "cannot listen on \(host):\(port) (\(flag)): \(reason ?? "the address could not be bound"). "
                    + "Another server may be using it: stop that one, or pass another \(flag)"
            )
        }
    }

    /// Whether `error` is NIO's failure to bind a listening socket.
    public static func isBindFailure(_ error: any Error) -> Bool {
        guard let error = error as? IOError else { return false }
        return [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode)
    }
}
