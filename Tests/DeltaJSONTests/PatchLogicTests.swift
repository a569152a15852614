import Testing

@testable import DeltaJSON

/// RFC 6902 and RFC 7396 over `JSONValue`, without a server.
@Suite("JSON Patch and JSON Merge Patch logic")
struct PatchLogicTests {
    private func json(_ text: String) throws -> JSONValue {
        try JSONParser.parse(text)
    }

    private func patch(_ patch: String, _ document: String) throws -> String {
        try JSONPatch(json(patch)).apply(to: json(document)).description
    }

    private func failure(_ patch: String, _ document: String) throws -> JSONPatch.Failure? {
        let (patch, document) = (try json(patch), try json(document))
        do {
            _ = try JSONPatch(patch).apply(to: document)
            return nil
        } catch {
            return error
        }
    }

    @Test("RFC 7396 merge: objects merge, null removes, other values replace")
    func mergePatch() throws {
        let cases: [(target: String, patch: String, expected: String)] = [
            (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
            (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
            (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
            (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
            (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
            (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
            (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
            (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
            (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        ]
        for (target, patch, expected) in cases {
            #expect(JSONMergePatch.apply(try json(patch), to: try json(target)).description == expected)
        }
    }

    @Test("add sets members, inserts into arrays and appends with '-'")
    func add() throws {
        #expect(try patch(#"[{"op":"add","path":"/b","value":2}]"#, #"{"a":1}"#) == #"{"a":1,"b":2}"#)
        #expect(try patch(#"[{"op":"add","path":"/a/1","value":"x"}]"#, #"{"a":[1,2]}"#) == #"{"a":[1,"x",2]}"#)
        #expect(try patch(#"[{"op":"add","path":"/a/2","value":3}]"#, #"{"a":[1,2]}"#) == #"{"a":[1,2,3]}"#)
        #expect(try patch(#"[{"op":"add","path":"/messages/-","value":{"n":1}}]"#, #"{"messages":[]}"#) == #"{"messages":[{"n":1}]}"#)
        #expect(try patch(#"[{"op":"add","path":"","value":[1]}]"#, #"{"a":1}"#) == "[1]")
        #expect(try patch(#"[{"op":"add","path":"/a~1b","value":1}]"#, #"{}"#) == #"{"a/b":1}"#)
    }

    @Test("remove, replace, move, copy and test")
    func otherOperations() throws {
        #expect(try patch(#"[{"op":"remove","path":"/a/0"}]"#, #"{"a":[1,2]}"#) == #"{"a":[2]}"#)
        #expect(try patch(#"[{"op":"remove","path":"/b"}]"#, #"{"a":1,"b":2}"#) == #"{"a":1}"#)
        #expect(try patch(#"[{"op":"replace","path":"/a","value":9}]"#, #"{"a":1,"b":2}"#) == #"{"a":9,"b":2}"#)
        #expect(try patch(#"[{"op":"move","from":"/a","path":"/c"}]"#, #"{"a":1,"b":2}"#) == #"{"b":2,"c":1}"#)
        #expect(try patch(#"[{"op":"move","from":"/l/0","path":"/l/-"}]"#, #"{"l":[1,2,3]}"#) == #"{"l":[2,3,1]}"#)
        #expect(try patch(#"[{"op":"copy","from":"/a","path":"/b"}]"#, #"{"a":{"x":1}}"#) == #"{"a":{"x":1},"b":{"x":1}}"#)
        #expect(try patch(#"[{"op":"test","path":"/a","value":1.0},{"op":"add","path":"/ok","value":true}]"#, #"{"a":1}"#)
            == #"{"a":1,"ok":true}"#)
    }

    @Test("a failing operation reports its index and changes nothing")
    func failures() throws {
        let document = #"{"a":1,"l":[1]}"#
        let cases: [(patch: String, index: Int?, test: Bool)] = [
            (#"[{"op":"add","path":"/x","value":1},{"op":"remove","path":"/missing"}]"#, 1, false),
            (#"[{"op":"replace","path":"/nope","value":1}]"#, 0, false),
            (#"[{"op":"add","path":"/l/5","value":1}]"#, 0, false),
            (#"[{"op":"add","path":"/l/01","value":1}]"#, 0, false),
            (#"[{"op":"add","path":"/a/b","value":1}]"#, 0, false),
            (#"[{"op":"move","from":"/l","path":"/l/0"}]"#, 0, false),
            (#"[{"op":"test","path":"/a","value":2}]"#, 0, true),
            (#"[{"op":"test","path":"/a","value":true}]"#, 0, true),
            (#"[{"op":"remove","path":""}]"#, 0, false),
        ]
        for (patchText, index, isTest) in cases {
            let failure = try #require(try failure(patchText, document), "\(patchText)")
            #expect(failure.index == index, "\(patchText)")
            #expect(failure.isTestFailure == isTest, "\(patchText)")
        }
    }

    @Test("malformed patches are refused before anything is applied")
    func malformed() throws {
        let cases: [(String, Int?)] = [
            (#"{"op":"add"}"#, nil),
            (#"[{"op":"add","path":"/a","value":1},{"op":"frobnicate","path":"/a"}]"#, 1),
            (#"[{"op":"add","path":"/a"}]"#, 0),
            (#"[{"op":"add","path":"a","value":1}]"#, 0),
            (#"[{"op":"move","path":"/a"}]"#, 0),
            (#"[42]"#, 0),
        ]
        for (text, index) in cases {
            #expect(throws: JSONPatch.Failure.self, "\(text)") { try JSONPatch(try json(text)) }
            do {
                _ = try JSONPatch(try json(text))
            } catch let failure as JSONPatch.Failure {
                #expect(failure.index == index, "\(text)")
            }
        }
    }
}
