import Foundation
import Testing

@testable import ClientSDK

@Suite("ClientSDK: URL building, JSONDocument, errors")
struct ClientRequestTests {
    @Test("path segments and query components are percent-encoded")
    func encoding() {
        #expect(ClientRequest.encodePathSegment("chat db/../x?#%") == "chat%20db%2F..%2Fx%3F%23%25")
        #expect(ClientRequest.encodePathSegment("user:1") == "user%3A1")
        let request = ClientRequest(
            method: "GET", path: "/entity/\(ClientRequest.encodePathSegment("a b"))",
            query: [.init("key", "k&x=1+2"), .init("prefix", nil)]
        )
        #expect(request.url(relativeTo: URL(string: "http://h:8080/api/")!) == "http://h:8080/api/entity/a%20b?key=k%26x%3D1%2B2")
    }

    @Test("JSONDocument round-trips and decodes to Decodable")
    func document() throws {
        struct Chat: Codable, Equatable { var messages: [String]; var count: Int64 }
        let document = try JSONDocument(encoding: Chat(messages: ["hi"], count: 9_007_199_254_740_993))
        #expect(document["count"] == JSONDocument(.integer(9_007_199_254_740_993)))
        #expect(try document.decode(Chat.self) == Chat(messages: ["hi"], count: 9_007_199_254_740_993))
        let literal: JSONDocument = ["a": [1, 2.5, "x", true, nil]]
        #expect(try JSONDocument(data: literal.data()) == literal)
        #expect(String(decoding: try literal.data(), as: UTF8.self) == #"{"a":[1,2.5,"x",true,null]}"#)
    }

    @Test("DeltaClientError reads the JSON error body, or falls back to the text")
    func error() {
        let body = Array(#"{"error":"bad","code":"schema_violation","details":[{"pointer":"/a","message":"m"}]}"#.utf8)
        let error = DeltaClientError(statusCode: 400, body: body)
        #expect(error.code == "schema_violation")
        #expect(error.message == "bad")
        #expect(error.details == [ErrorDetail(pointer: "/a", message: "m")])
        let plain = DeltaClientError(statusCode: 502, body: Array("gateway".utf8))
        #expect(plain.code == "http_502")
        #expect(plain.message == "gateway")
    }
}
