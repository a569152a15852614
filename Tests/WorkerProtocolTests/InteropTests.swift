import Foundation
import SwiftProtobuf
import Testing
import WorkerProtocol

/// Python's protobuf runtime (spec/deltadb.proto compiled by grpcio-tools at test
/// time, see `Tests/System/support/proto_interop.py`) and our generated Swift types read each
/// other's bytes.
@Suite("WorkerProtocol: interop with Python protobuf")
struct InteropTests {
    private static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // WorkerProtocolTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// Runs the interop script with `mode`, feeding `input`; returns stdout, or records why it failed.
    private func runScript(_ mode: String, input: Data = Data()) throws -> (status: Int32, output: Data, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.repositoryRoot.appendingPathComponent("Tests/System/support/proto_interop.py").path, mode]
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let error = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, String(decoding: error, as: UTF8.self))
    }

    private func decode<M: SwiftProtobuf.Message>(_ type: M.Type, _ hex: String?) throws -> M {
        let data = try #require(hex.flatMap { Data(hex: $0) }, "no bytes for \(M.protoMessageName)")
        return try M(serializedBytes: data)
    }

    @Test("bytes encoded by Python decode to the same messages in Swift")
    func pythonToSwift() throws {
        let result = try runScript("encode")
        try #require(result.status == 0, "proto_interop.py encode failed (make deps, or pip install -r Tests/System/requirements.txt?): \(result.error)")
        let encoded = try JSONDecoder().decode([String: String].self, from: result.output)
        #expect(try decode(SubscribeRequest.self, encoded["SubscribeRequest"]) == Fixtures.subscribeRequest)
        #expect(try decode(SubscribeResponse.self, encoded["SubscribeResponse"]) == Fixtures.subscribeResponse)
        #expect(try decode(ProcessRequest.self, encoded["ProcessRequest"]) == Fixtures.processRequest)
        #expect(try decode(ProcessResponse.self, encoded["ProcessResponse"]) == Fixtures.processResponse)
        #expect(try decode(HeartbeatRequest.self, encoded["HeartbeatRequest"]) == Fixtures.heartbeatRequest)
        #expect(try decode(RenewTokenResponse.self, encoded["RenewTokenResponse"]) == Fixtures.renewTokenResponse)
    }

    @Test("bytes encoded by Swift decode to the same messages in Python")
    func swiftToPython() throws {
        let messages: [String: any SwiftProtobuf.Message] = [
            "SubscribeRequest": Fixtures.subscribeRequest,
            "SubscribeResponse": Fixtures.subscribeResponse,
            "ProcessRequest": Fixtures.processRequest,
            "ProcessResponse": Fixtures.processResponse,
            "HeartbeatRequest": Fixtures.heartbeatRequest,
            "RenewTokenResponse": Fixtures.renewTokenResponse,
        ]
        var hex: [String: String] = [:]
        for (name, message) in messages {
            let bytes: Data = try message.serializedBytes()
            hex[name] = bytes.hex
        }
        let result = try runScript("verify", input: try JSONEncoder().encode(hex))
        #expect(result.status == 0, "Python could not read Swift's bytes: \(result.error)")
    }
}
