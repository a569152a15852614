import ArgumentParser
import DeltaCore
import Foundation
import DeltaCluster

/// `-tls-cert`, `-tls-key`, `-tls-ca`: mutual TLS on every gRPC connection
/// between Main and Processing Workers (and for gRPC clients of the Main Worker).
public struct TLSOptions: ParsableArguments, Sendable {
    @Option(name: .seed("tls-cert"), help: "PEM certificate (chain) this process presents on gRPC connections; enables mutual TLS.")
    public var cert: String?

    @Option(name: .seed("tls-key"), help: "PEM private key of -tls-cert.")
    public var key: String?

    @Option(name: .seed("tls-ca"), help: "PEM CA certificate(s) that peers' certificates must chain to.")
    public var ca: String?

    public init() {}

    /// The mutual TLS settings, or nil when no flag is given.
    ///
    /// - Throws: `.badRequest` if only some flags are given or a file is unreadable.
    public func resolve() throws(DeltaError) -> MutualTLS? {
        let given = [cert, key, ca].compactMap { $0 }
        guard !given.isEmpty else { return nil }
        guard let cert, let key, let ca else {
            throw DeltaError(.badRequest, "mutual TLS needs all of -tls-cert, -tls-key and -tls-ca")
        }
        for (flag, path) in [("-tls-cert", cert), ("-tls-key", key), ("-tls-ca", ca)] {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw DeltaError(.badRequest, "\(flag) '\(path)' is not a readable file")
            }
        }
        try SecretInput.requirePrivate(key, flag: "-tls-key")
        return MutualTLS(certificatePath: cert, keyPath: key, caPath: ca)
    }
}
