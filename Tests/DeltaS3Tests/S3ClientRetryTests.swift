import AsyncHTTPClient
import DeltaCore
import Foundation
import Synchronization
import Testing
@testable import DeltaS3

#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP server that holds its first `silent` connections open without
/// answering (a dropped pooled connection looks like this to a client) and answers
/// every later one with `200` and a fixed body.
final class SilentThenAnsweringServer: Sendable {
    let port: Int
    private let listener: Int32
    let connections = Atomic<Int>(0)

    init(silent: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw DeltaError(.internal, "cannot listen on loopback") }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            var held: [Int32] = []
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { break }
                let number = self.connections.wrappingAdd(1, ordering: .relaxed).newValue
                if number <= silent {
                    held.append(client)  // read nothing, answer nothing
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 65536)
                _ = read(client, &buffer, buffer.count)
                let response = "HTTP/1.1 200 OK\r\ncontent-length: 5\r\netag: \"e1\"\r\nconnection: close\r\n\r\nhello"
                _ = response.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
                close(client)
            }
            for client in held { close(client) }
        }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}

@Suite("S3 client retries")
struct S3ClientRetryTests {
    func client(port: Int) throws -> S3Client {
        let configuration = try S3Configuration(endpoint: "127.0.0.1:\(port)", accessKey: "a", secretKey: "s")
        return S3Client(configuration: configuration, readAttemptTimeout: .milliseconds(300))
    }

    @Test("a read whose connection never answers is retried on a new one and succeeds")
    func readRetried() async throws {
        let server = try SilentThenAnsweringServer(silent: 1)
        defer { server.stop() }
        let object = try await client(port: server.port).getObject("files/db/k.entity")
        #expect(object?.body == Array("hello".utf8))
        #expect(server.connections.load(ordering: .relaxed) == 2)
    }

    @Test("a read fails with storage_failure after three silent attempts, naming the object")
    func readGivesUp() async throws {
        let server = try SilentThenAnsweringServer(silent: 3)
        defer { server.stop() }
        let error = await #expect(throws: DeltaError.self) {
            _ = try await client(port: server.port).getObject("files/db/k.entity")
        }
        #expect(error?.code == .storageFailure)
        #expect(error?.message.contains("files/db/k.entity") == true)
        #expect(server.connections.load(ordering: .relaxed) == 3)
    }
}
