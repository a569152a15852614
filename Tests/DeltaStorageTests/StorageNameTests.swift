import Testing
@testable import DeltaStorage

@Suite("StorageName encoding")
struct StorageNameTests {
    @Test("names encode to [a-z0-9_-] plus %xx escapes and decode back", arguments: [
        "user:1", "a b", "User", "é", "e\u{301}", "日本語", "🙂", "%", "a.b", "-_", String(repeating: "Z", count: 512),
    ])
    func roundTrip(name: String) throws {
        let encoded = StorageName.encode(name)
        #expect(!encoded.contains("."))
        #expect(!encoded.contains("/"))
        #expect(encoded == encoded.lowercased())
        let decoded = try #require(StorageName.decode(encoded))
        #expect(decoded.utf8.elementsEqual(name.utf8))
    }

    @Test("examples are readable")
    func examples() {
        #expect(StorageName.encode("user:1") == "user%3a1")
        #expect(StorageName.encode("Shop") == "%53hop")
        #expect(StorageName.encode("a.b") == "a%2eb")
        #expect(StorageName.encode("%2e") == "%252e")
    }

    @Test("decode accepts only the canonical spelling", arguments: [
        "%61",  // a literal byte written as an escape
        "%2E",  // upper-case hex
        "%2", "%", "%zz", "A", "a.b", "", "%ff",  // truncated, bad hex, unescaped, invalid UTF-8
    ])
    func rejectsNonCanonical(encoded: String) {
        #expect(StorageName.decode(encoded) == nil)
    }

    @Test("chunks never split an escape and join back to the encoded name")
    func chunking() {
        for length in [1, 179, 180, 181, 400, 512] {
            for filler in ["a", "É", "x:"] {
                let name = String(String(repeating: filler, count: length).utf8.prefix(512))!
                let encoded = StorageName.encode(name)
                let pieces = StorageName.chunks(encoded)
                #expect(pieces.joined() == encoded)
                #expect(pieces.allSatisfy { !$0.isEmpty && $0.utf8.count <= StorageName.maxChunkBytes })
                #expect(pieces.allSatisfy { StorageName.decode($0) != nil || $0.utf8.count > 0 })
                for piece in pieces {
                    // A piece never ends in the middle of "%xx".
                    let tail = Array(piece.utf8.suffix(2))
                    #expect(!tail.contains(UInt8(ascii: "%")))
                }
            }
        }
    }

    @Test("the file-name parser recognises each kind and rejects look-alikes")
    func fileNames() {
        #expect(FileName.parse("user%3a1.meta.json") == .sidecar(stem: "user%3a1"))
        #expect(FileName.parse("user%3a1.42.json.enc") == .blob(stem: "user%3a1", version: 42))
        #expect(FileName.parse("user%3a1.lock") == .lock(stem: "user%3a1"))
        #expect(FileName.parse(".tmp-user%3a1.w-1b") == .temp(stem: "user%3a1"))
        #expect(FileName.parse("user.042.json.enc") == .unknown)
        #expect(FileName.parse("User.meta.json") == .unknown)
        #expect(FileName.parse("user.meta.json.bak") == .unknown)
        #expect(FileName.parse("README") == .unknown)
        #expect(FileName.parse("k.1.json.enc") == .blob(stem: "k", version: 1))
        #expect(FileName.parse("k.18446744073709551615.json.enc") == .blob(stem: "k", version: .max))
        #expect(FileName.parse("k.18446744073709551616.json.enc") == .unknown)  // overflows
        #expect(FileName.parse("k.+5.json.enc") == .unknown)
        #expect(FileName.parse("k..json.enc") == .unknown)
        #expect(FileName.parse("k.1.json.encx") == .unknown)
        #expect(FileName.parse("k.lock.meta.json") == .unknown)
        #expect(FileName.parse("é.meta.json") == .unknown)
        #expect(FileName.parse(".meta.json") == .unknown)
        #expect(FileName.parse(".tmp-k") == .unknown)
        #expect(FileName.parse(".tmp-.w-1b") == .unknown)
        #expect(FileName.parse(".tmp-k%c3%a9.w-1m") == .temp(stem: "k%c3%a9"))
    }

    @Test("decoding accepts exactly what encoding produces")
    func decodeIsStrict() {
        #expect(StorageName.decode("plain_key-1") == "plain_key-1")
        #expect(StorageName.decode("") == nil)
        #expect(StorageName.decode("user%3a1") == "user:1")
        #expect(StorageName.decode("%61") == nil)  // a literal byte escaped: a second spelling
        #expect(StorageName.decode("%3A") == nil)  // upper-case hex is not what encode writes
        #expect(StorageName.decode("a%3") == nil)
        #expect(StorageName.decode("%ff") == nil)  // not UTF-8
    }
}
