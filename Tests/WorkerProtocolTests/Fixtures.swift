import Foundation
import WorkerProtocol

/// The messages `scripts/proto_interop.py` builds too, field for field.
enum Fixtures {
    static var subscribeRequest: SubscribeRequest {
        var message = SubscribeRequest()
        message.workerId = "worker-1"
        message.pubkey = Data([0x00, 0x01, 0xFE, 0xFF])
        message.tags = ["grpc_addr": "127.0.0.1:50052", "zone": "eu"]
        return message
    }

    static var subscribeResponse: SubscribeResponse {
        var message = SubscribeResponse()
        message.token = "tok"
        message.wrappedKey = Data([0x10, 0x20])
        message.keyId = "main-key-v2"
        message.keyring = [wrappedKey("main-key-v1", 0x01, active: false), wrappedKey("main-key-v2", 0x02, active: true)]
        message.tokenExpiresAtUnixMs = 42
        message.heartbeatIntervalMs = 5000
        return message
    }

    static var processRequest: ProcessRequest {
        var message = ProcessRequest()
        message.databaseName = "chatdb"
        message.entityKey = "Chat_id"
        message.schemaId = "chat.v1"
        message.operation = "PUT"
        message.payload = Data(#"{"msg":"héllo"}"#.utf8)
        message.token = "t"
        message.expectedVersion = 0
        message.contentType = "application/json-patch+json"
        message.ifMatch = "\"3\""
        message.ifNoneMatch = "*"
        return message
    }

    static var processResponse: ProcessResponse {
        var message = ProcessResponse()
        message.status = "OK"
        message.result = Data(#"{"a":1}"#.utf8)
        message.version = -5
        message.error = "kept for the seed"
        message.workerId = "proc-1"
        return message
    }

    static var heartbeatRequest: HeartbeatRequest {
        var message = HeartbeatRequest()
        message.workerId = "worker-1"
        message.status = .draining
        message.inFlight = 300
        message.cacheEntries = 1 << 40
        message.keyId = "main-key-v2"
        message.cacheHits = 7
        message.cacheBytes = 1 << 33
        return message
    }

    static var renewTokenResponse: RenewTokenResponse {
        var message = RenewTokenResponse()
        message.token = "new"
        message.expiresAtUnixMs = 1 << 62
        return message
    }

    private static func wrappedKey(_ id: String, _ byte: UInt8, active: Bool) -> WrappedKey {
        var key = WrappedKey()
        key.keyId = id
        key.wrappedKey = Data([byte])
        key.active = active
        return key
    }
}

extension Data {
    /// Lower-case hex, two digits a byte.
    var hex: String { map { String(format: "%02x", $0) }.joined() }

    /// Bytes from hex; nil if malformed.
    init?(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
