import ArgumentParser
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import WorkerProtocol

/// gRPC `MainWorker.Process` GET or PUT through a running Main Worker, with a
/// fixed number of concurrent callers for a fixed time: ops/s, p50 and p99.
struct GRPCBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpc",
        abstract: "Load a Main Worker's gRPC Process (GET or PUT of 1 KiB documents) and report ops/s, p50, p99."
    )

    @Option(help: "The Main Worker's gRPC address (host:port).")
    var addr = "127.0.0.1:50051"

    @Option(help: "Admin or API key (or $ADMIN_KEY).")
    var key: String?

    @Option(help: "GET or PUT.")
    var op = "GET"

    @Option(help: "Concurrent callers (over one HTTP/2 connection).")
    var concurrency = 32

    @Option(help: "Seconds to measure.")
    var seconds = 5.0

    @Option(help: "Distinct keys (preloaded before a GET run).")
    var keys = 1000

    @Option(help: "Database to use.")
    var database = "benchgrpc"

    @Option(help: "Where to write the result as JSON.")
    var json = "bench/results/grpc.json"

    func run() async throws {
        guard let credential = key ?? ProcessInfo.processInfo.environment["ADMIN_KEY"] else {
            throw ValidationError("pass --key or set ADMIN_KEY")
        }
        guard let colon = addr.lastIndex(of: ":"), let port = Int(addr[addr.index(after: colon)...]) else {
            throw ValidationError("--addr must be host:port")
        }
        let operation = op.uppercased()
        guard ["GET", "PUT"].contains(operation) else { throw ValidationError("--op must be GET or PUT") }
        let document = Data(ChatWorkload.document(targetBytes: 1024).utf8)
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(host: String(addr[..<colon]), port: port), transportSecurity: .plaintext)
        let result = try await withGRPCClient(transport: transport) { client in
            let main = MainWorkerService.Client(wrapping: client)
            let metadata: Metadata = ["authorization": "Bearer \(credential)"]
            for index in 0..<keys {  // every key exists, so GETs hit and PUTs make new versions
                _ = try await main.process(request("PUT", index, document), metadata: metadata)
            }
            return try await load(main, metadata: metadata, operation: operation, document: document)
        }
        let line = String(
            format: "grpc %@ c=%d: %.0f ops/s, p50 %.3f ms, p99 %.3f ms, %d errors",
            operation, concurrency, result.opsPerSecond, result.p50, result.p99, result.errors)
        print(line)
        let object: [String: Any] = [
            "workload": "grpc \(operation) c=\(concurrency)", "ops_per_s": result.opsPerSecond,
            "p50_ms": result.p50, "p99_ms": result.p99, "errors": result.errors, "requests": result.count,
        ]
        let url = URL(fileURLWithPath: json)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]).write(to: url)
        if result.errors > 0 { throw ExitCode(1) }
    }

    private func request(_ operation: String, _ index: Int, _ document: Data) -> ProcessRequest {
        var request = ProcessRequest()
        request.operation = operation
        request.databaseName = database
        request.entityKey = "k\(index)"
        if operation == "PUT" { request.payload = document }
        return request
    }

    private struct Result {
        var count: Int
        var errors: Int
        var opsPerSecond: Double
        var p50: Double
        var p99: Double
    }

    private func load(
        _ main: MainWorkerService.Client<HTTP2ClientTransport.Posix>, metadata: Metadata, operation: String, document: Data
    ) async throws -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
        let perCaller = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for caller in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    var errors = 0
                    var index = caller
                    while clock.now < deadline {
                        let request = request(operation, index % keys, document)
                        index += concurrency
                        let began = clock.now
                        do {
                            _ = try await main.process(request, metadata: metadata)
                        } catch {
                            errors += 1
                        }
                        let elapsed = began.duration(to: clock.now)
                        latencies.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                    }
                    return (latencies, errors)
                }
            }
            var all: [([Double], Int)] = []
            for try await part in group { all.append(part) }
            return all
        }
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let latencies = perCaller.flatMap(\.0).sorted()
        let errors = perCaller.map(\.1).reduce(0, +)
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return Result(
            count: latencies.count, errors: errors, opsPerSecond: Double(latencies.count) / seconds,
            p50: percentile(0.50), p99: percentile(0.99))
    }
}
