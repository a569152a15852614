import ArgumentParser
import DeltaCore
import Foundation
import GRPCNIOTransportHTTP2

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
        return MutualTLS(certificatePath: cert, keyPath: key, caPath: ca)
    }
}

/// PEM files for mutual TLS. Peers must present a certificate that chains to the
/// CA; host names are not checked (workers are addressed by IP and port), the
/// CA is the trust boundary: issue it only for DeltaDatabase processes.
public struct MutualTLS: Sendable, Equatable {
    public var certificatePath: String
    public var keyPath: String
    public var caPath: String

    /// For gRPC listeners: requires and verifies client certificates.
    var serverSecurity: HTTP2ServerTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: certificatePath, format: .pem)],
            privateKey: .file(path: keyPath, format: .pem)
        ) {
            $0.trustRoots = .certificates([.file(path: caPath, format: .pem)])
            $0.clientCertificateVerification = .noHostnameVerification
        }
    }

    /// For gRPC connections this process opens.
    var clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: certificatePath, format: .pem)],
            privateKey: .file(path: keyPath, format: .pem)
        ) {
            $0.trustRoots = .certificates([.file(path: caPath, format: .pem)])
            $0.serverCertificateVerification = .noHostnameVerification
        }
    }
}

extension Optional where Wrapped == MutualTLS {
    var serverSecurity: HTTP2ServerTransport.Posix.TransportSecurity { self?.serverSecurity ?? .plaintext }
    var clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity { self?.clientSecurity ?? .plaintext }
}
