import Foundation
import SwiftProtobuf
import Testing
import WorkerProtocol

@Suite("WorkerProtocol: binary round trips")
struct RoundTripTests {
    private func roundTrip<M: SwiftProtobuf.Message & Equatable>(_ message: M) throws -> M {
        let bytes: [UInt8] = try message.serializedBytes()
        return try M(serializedBytes: bytes)
    }

    @Test("every message with every field set survives encode → decode")
    func populated() throws {
        #expect(try roundTrip(Fixtures.subscribeRequest) == Fixtures.subscribeRequest)
        #expect(try roundTrip(Fixtures.subscribeResponse) == Fixtures.subscribeResponse)
        #expect(try roundTrip(Fixtures.processRequest) == Fixtures.processRequest)
        #expect(try roundTrip(Fixtures.processResponse) == Fixtures.processResponse)
        #expect(try roundTrip(Fixtures.heartbeatRequest) == Fixtures.heartbeatRequest)
        #expect(try roundTrip(Fixtures.renewTokenResponse) == Fixtures.renewTokenResponse)
        var response = HeartbeatResponse()
        response.resubscribe = true
        response.activeKeyId = "k2"
        response.heartbeatIntervalMs = 1
        #expect(try roundTrip(response) == response)
    }

    @Test("== compares every field, presence and unknown fields")
    func equality() throws {
        var other = Fixtures.processRequest
        other.token = "u"
        #expect(other != Fixtures.processRequest)
        var unset = Fixtures.processRequest
        unset.clearExpectedVersion()
        #expect(unset != Fixtures.processRequest, "expected_version = 0 differs from unset")
        #expect(unset.expectedVersion == 0 && !unset.hasExpectedVersion)
        let withUnknown = try ProcessRequest(serializedBytes: [0xA0, 0x06, 0x01] as [UInt8])  // field 100, varint 1
        #expect(withUnknown != ProcessRequest())
    }

    @Test("the empty message encodes to nothing and decodes from nothing")
    func empty() throws {
        #expect(try ProcessRequest().serializedBytes() as [UInt8] == [])
        #expect(try SubscribeResponse(serializedBytes: [] as [UInt8]) == SubscribeResponse())
    }
}
