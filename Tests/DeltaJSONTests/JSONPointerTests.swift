import Testing
import DeltaJSON

@Suite struct JSONPointerTests {
    private let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5,
        "k\"l": 6, " ": 7, "m~n": 8,
    ]

    /// The examples of RFC 6901 section 5.
    @Test(arguments: [
        ("", nil), ("/foo", nil), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3),
        ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ] as [(String, JSONValue?)])
    func resolvesRFC6901Examples(pointer: String, expected: JSONValue?) throws {
        let resolved = try JSONPointer(pointer).resolve(in: document)
        if let expected { #expect(resolved == expected) } else { #expect(resolved != nil) }
    }

    @Test func resolvesURIFragments() throws {
        #expect(try JSONPointer(uriFragment: "#/c%25d").resolve(in: document) == 2)
        #expect(try JSONPointer(uriFragment: "#/a~1b").resolve(in: document) == 1)
        #expect(try JSONPointer(uriFragment: "#/%20").resolve(in: document) == 7)
        #expect(try JSONPointer(uriFragment: "#").tokens.isEmpty)
    }

    @Test func missingStepsResolveToNil() throws {
        #expect(try JSONPointer("/foo/2").resolve(in: document) == nil)
        #expect(try JSONPointer("/foo/01").resolve(in: document) == nil)
        #expect(try JSONPointer("/foo/-").resolve(in: document) == nil)
        #expect(try JSONPointer("/nope").resolve(in: document) == nil)
        #expect(try JSONPointer("/foo/0/x").resolve(in: document) == nil)
    }

    @Test func rejectsMalformedPointers() {
        #expect(throws: JSONPointerError.self) { try JSONPointer("foo") }
        #expect(throws: JSONPointerError.self) { try JSONPointer("/a~2") }
        #expect(throws: JSONPointerError.self) { try JSONPointer("/a~") }
        #expect(throws: JSONPointerError.self) { try JSONPointer(uriFragment: "#/a%2") }
    }

    @Test func escapesAndRendersTokens() throws {
        let pointer = JSONPointer(tokens: ["a/b", "m~n", "0"])
        #expect(pointer.description == "/a~1b/m~0n/0")
        #expect(try JSONPointer(pointer.description) == pointer)
        #expect(JSONPointer().appending("x").appending(3).description == "/x/3")
    }
}
