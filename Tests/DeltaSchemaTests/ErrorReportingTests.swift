import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

@Suite struct ErrorReportingTests {
    static let chat = #"""
    {"$schema":"http://json-schema.org/draft-07/schema#","$id":"chat.v1","type":"object","required":["messages"],
     "properties":{"messages":{"type":"array","items":{"type":"object","required":["role","content"],
     "properties":{"role":{"type":"string","enum":["user","assistant","system"]},"content":{"type":"string"}}}}}}
    """#

    @Test func missingContentIsReportedAtTheMessage() throws {
        let schema = try compiled(Self.chat, id: "chat.v1")
        let errors = schema.validate(try json(#"{"messages":[{"role":"user"}]}"#))
        #expect(errors.count == 1)
        #expect(errors.first?.instancePointer == "/messages/0")
        #expect(errors.first?.schemaPointer == "/properties/messages/items/required")
        #expect(errors.first?.message == "required property 'content' is missing")
    }

    @Test func reportsAllErrors() throws {
        let schema = try compiled(Self.chat, id: "chat.v1")
        let instance = try json(#"{"messages":[{"role":"robot","content":1},{"content":"x"},{"role":"user","content":"ok"},7]}"#)
        let errors = schema.validate(instance)
        let summary = errors.map { "\($0.instancePointer) \($0.keyword)" }
        #expect(summary == [
            "/messages/0/role enum", "/messages/0/content type", "/messages/1 required", "/messages/3 type",
        ])
        #expect(errors[1].message == "expected string, got number")
        #expect(errors[0].message == #"value is not one of the allowed values ["user","assistant","system"]"#)
    }

    @Test func throwsSchemaViolationWithDetails() throws {
        let schema = try compiled(Self.chat, id: "chat.v1")
        do {
            try schema.check(try json(#"{"messages":[{"role":"user"}],"x":1}"#))
            Issue.record("expected a violation")
        } catch let error as DeltaError {
            #expect(error.code == .schemaViolation)
            #expect(error.message == "document does not match schema 'chat.v1': 1 error(s)")
            #expect(error.details == [DeltaError.Detail(
                pointer: "/messages/0", schemaPointer: "/properties/messages/items/required",
                message: "required property 'content' is missing")])
        }
        #expect(throws: Never.self) { try schema.check(try json(#"{"messages":[]}"#)) }
    }

    @Test func pointersEscapeMemberNames() throws {
        let schema = try compiled(#"{"additionalProperties":{"type":"string"}}"#)
        let errors = schema.validate(try json(#"{"a/b~c":1}"#))
        #expect(errors.map(\.instancePointer) == ["/a~1b~0c"])
        #expect(errors.map(\.schemaPointer) == ["/additionalProperties/type"])
    }

    @Test func messagesNeverQuoteInstanceValues() throws {
        let schema = try compiled(#"{"properties":{"s":{"maxLength":2,"pattern":"^a","format":"email"},"n":{"maximum":1}}}"#)
        let errors = schema.validate(try json(#"{"s":"SECRET","n":99}"#))
        #expect(errors.count == 4)
        for error in errors {
            #expect(!error.message.contains("SECRET"))
            #expect(!error.message.contains("99"))
        }
    }

    @Test func additionalPropertyErrorsNameTheProperty() throws {
        let schema = try compiled(#"{"properties":{"a":{}},"additionalProperties":false}"#)
        let errors = schema.validate(try json(#"{"a":1,"b":2,"c":3}"#))
        #expect(errors.map(\.instancePointer) == ["/b", "/c"])
        #expect(errors.first?.message == "additional property 'b' is not allowed")
    }

    @Test func combinatorErrorsAreSummarised() throws {
        let schema = try compiled(#"{"anyOf":[{"type":"string"},{"type":"integer"}],"oneOf":[{"minimum":0},{"maximum":10}],"not":{"const":5}}"#)
        let errors = schema.validate(.number(5))
        #expect(errors.map(\.keyword) == ["oneOf", "not"])
        #expect(errors.first?.message == "value matches more than one schema in oneOf (0 and 1)")
        #expect(schema.validate(.bool(true)).map(\.keyword) == ["anyOf", "oneOf"])
    }
}
