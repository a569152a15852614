import DeltaCore
import Foundation
import Testing

@Suite("Percent decoding")
struct PercentDecodingTests {
    @Test("path values decode like Foundation's removingPercentEncoding", arguments: [
        "chatdb", "user:1", "a%20b", "%E2%82%AC", "%e2%82%ac", "a+b", "%2F", "%25", "100%25", "%41%42c",
        "", "%", "a%", "a%2", "%zz", "%2g", "%C3", "%FF", "%C3%A9t%C3%A9", "ключ", "%00",
    ])
    func matchesFoundation(encoded: String) {
        #expect(PercentDecoding.decode(encoded) == encoded.removingPercentEncoding)
    }

    @Test("a value without escapes comes back unchanged; a broken escape is rejected")
    func examples() {
        #expect(PercentDecoding.decode("session_001") == "session_001")
        #expect(PercentDecoding.decode("my%20db") == "my db")
        #expect(PercentDecoding.decode("my%2") == nil)
        #expect(PercentDecoding.decode("%C3%28") == nil)  // not UTF-8
    }
}
