import GRPCNIOTransportHTTP2

/// PEM files for mutual TLS. Peers must present a certificate that chains to the
/// CA; host names are not checked (workers are addressed by IP and port), the
/// CA is the trust boundary: issue it only for DeltaDatabase processes.
public struct MutualTLS: Sendable, Equatable {
    public var certificatePath: String
    public var keyPath: String
    public var caPath: String

    /// PEM paths as given; the files are read when a connection is made.
    public init(certificatePath: String, keyPath: String, caPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.caPath = caPath
    }

    /// For gRPC listeners: requires and verifies client certificates.
    public var serverSecurity: HTTP2ServerTransport.Posix.TransportSecurity {
        .mTLS(
            certificateChain: [.file(path: certificatePath, format: .pem)],
            privateKey: .file(path: keyPath, format: .pem)
        ) {
            $0.trustRoots = .certificates([.file(path: caPath, format: .pem)])
            $0.clientCertificateVerification = .noHostnameVerification
        }
    }

    /// For gRPC connections this process opens.
    public var clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity {
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
    public var serverSecurity: HTTP2ServerTransport.Posix.TransportSecurity { self?.serverSecurity ?? .plaintext }
    public var clientSecurity: HTTP2ClientTransport.Posix.TransportSecurity { self?.clientSecurity ?? .plaintext }
}
