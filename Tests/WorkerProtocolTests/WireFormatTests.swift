import Foundation
import SwiftProtobuf
import Testing
import WorkerProtocol

/// Exact bytes, computed by hand from the protobuf encoding rules
/// (tag = field number << 3 | wire type; varints 7 bits a byte, low first).
@Suite("WorkerProtocol: wire format")
struct WireFormatTests {
    @Test("a seed-shaped SubscribeRequest encodes to the hand-computed bytes")
    func subscribeRequest() throws {
        var message = SubscribeRequest()
        message.workerId = "w1"
        message.pubkey = Data([0x01, 0x02])
        message.tags = ["a": "b"]
        let expected: [UInt8] = [
            0x0A, 0x02, 0x77, 0x31,  // 1: string "w1"
            0x12, 0x02, 0x01, 0x02,  // 2: bytes 01 02
            0x1A, 0x06, 0x0A, 0x01, 0x61, 0x12, 0x01, 0x62,  // 3: map entry {1: "a", 2: "b"}
        ]
        #expect(try message.serializedBytes() as [UInt8] == expected)
        #expect(try SubscribeRequest(serializedBytes: expected) == message)
    }

    @Test("varints, negative int64, enums, nested repeated messages")
    func numbers() throws {
        var response = ProcessResponse()
        response.version = 300
        #expect(try response.serializedBytes() as [UInt8] == [0x18, 0xAC, 0x02])
        response.version = -1
        #expect(try response.serializedBytes() as [UInt8] == [0x18] + Array(repeating: 0xFF, count: 9) + [0x01])

        var heartbeat = HeartbeatRequest()
        heartbeat.status = .draining
        heartbeat.inFlight = 150
        #expect(try heartbeat.serializedBytes() as [UInt8] == [0x18, 0x02, 0x20, 0x96, 0x01])

        var subscribed = SubscribeResponse()
        var key = WrappedKey()
        key.keyId = "k"
        key.active = true
        subscribed.keyring = [key]
        #expect(try subscribed.serializedBytes() as [UInt8] == [0x22, 0x05, 0x0A, 0x01, 0x6B, 0x18, 0x01])
    }

    @Test("proto3 defaults are not sent; an explicitly set optional zero is")
    func presence() throws {
        var request = ProcessRequest()
        request.operation = ""
        request.payload = Data()
        #expect(try request.serializedBytes() as [UInt8] == [])
        request.expectedVersion = 0
        #expect(try request.serializedBytes() as [UInt8] == [0x38, 0x00])
        let decoded = try ProcessRequest(serializedBytes: [0x38, 0x00] as [UInt8])
        #expect(decoded.hasExpectedVersion && decoded.expectedVersion == 0)
    }

    @Test("unknown fields and unknown enum numbers survive decode → encode")
    func unknown() throws {
        let bytes: [UInt8] = [0x0A, 0x01, 0x78, 0xA0, 0x06, 0x07]  // 1: "x", 100: varint 7
        let request = try ProcessRequest(serializedBytes: bytes)
        #expect(request.databaseName == "x")
        #expect(try request.serializedBytes() as [UInt8] == bytes)

        let heartbeat = try HeartbeatRequest(serializedBytes: [0x18, 0x07] as [UInt8])
        #expect(heartbeat.status == .UNRECOGNIZED(7))
        #expect(try heartbeat.serializedBytes() as [UInt8] == [0x18, 0x07])
    }

    @Test("JSON and text format use the proto names from the generated name maps")
    func names() throws {
        var request = SubscribeRequest()
        request.workerId = "w"
        #expect(try request.jsonString() == #"{"workerId":"w"}"#)
        #expect(request.textFormatString().contains("worker_id: \"w\""))
        #expect(try SubscribeRequest(jsonString: #"{"worker_id":"w"}"#) == request)
        var heartbeat = HeartbeatRequest()
        heartbeat.status = .ready
        #expect(try heartbeat.jsonString() == #"{"status":"WORKER_STATUS_READY"}"#)
        #expect(SubscribeRequest.protoMessageName == "deltadb.SubscribeRequest")
    }
}
