import Testing
import DeltaJSON

@Suite struct JSONNumberTests {
    private func number(_ literal: String) -> JSONNumber {
        JSONNumber(literal: literal)!
    }

    @Test func integerSemanticsFollowJSONSchema() {
        #expect(number("1").isInteger)
        #expect(number("1.0").isInteger)
        #expect(number("1e2").isInteger)
        #expect(number("-0.0").isInteger)
        #expect(number("123456789012345678901234567890").isInteger)
        #expect(!number("1.5").isInteger)
        #expect(!number("1e400").isInteger)  // infinity
        #expect(number("1.0").int == 1)
        #expect(number("1e2").int == 100)
        #expect(number("1.5").int == nil)
        #expect(number("9223372036854775808").int == nil)
        #expect(number("-9223372036854775808").int == Int64.min)
    }

    @Test func rejectsNonJSONLiterals() {
        for literal in ["", "01", "+1", "1.", ".1", "NaN", "inf", " 1", "1 ", "0x10", "1e"] {
            #expect(JSONNumber(literal: literal) == nil, "\(literal)")
        }
    }

    @Test func comparesExactlyAcrossKinds() {
        #expect(number("1") == number("1.0"))
        #expect(number("100") == number("1e2"))
        #expect(number("0") == number("-0.0"))
        #expect(number("9007199254740993") > number("9007199254740992.0"))
        #expect(number("9007199254740992") == number("9007199254740992.0"))
        #expect(number("100000000000000000000") == number("1e20"))
        #expect(number("100000000000000000001") > number("1e20"))
        #expect(number("-100000000000000000001") < number("-1e20"))
        #expect(number("123456789012345678901234567890") > number("123456789012345678901234567889"))
        #expect(number("-123456789012345678901234567890") < number("5"))
        #expect(number("1e400") > number("123456789012345678901234567890"))
        #expect(number("2") > number("1.9999999999"))
        #expect(number("-2") < number("-1.5"))
        #expect(number("1.5") < number("2"))
    }

    @Test func equalNumbersHashEqually() {
        #expect(number("1").hashValue == number("1.0").hashValue)
        #expect(number("0").hashValue == number("-0.0").hashValue)
        #expect(Set([number("1"), number("1.0"), number("1e0")]).count == 1)
    }

    @Test func multipleOfFollowsPythonJSONSchema() {
        #expect(number("10").isMultiple(of: number("5")))
        #expect(!number("7").isMultiple(of: number("5")))
        #expect(number("4.0").isMultiple(of: number("2")))
        #expect(!number("4.5").isMultiple(of: number("2")))
        #expect(number("1.5").isMultiple(of: number("0.5")))
        #expect(!number("0.3").isMultiple(of: number("0.1")))  // float quotient 2.9999999999999996
        #expect(number("123456789012345678901234567890").isMultiple(of: number("10")))
        #expect(!number("123456789012345678901234567891").isMultiple(of: number("10")))
        #expect(number("246913578024691357802469135780").isMultiple(of: number("123456789012345678901234567890")))
        #expect(!number("7").isMultiple(of: number("123456789012345678901234567890")))
        // The quotient overflows a double: exact rational fallback.
        #expect(number("1e308").isMultiple(of: number("1e-300")) == false)
        #expect(number("1e308").isMultiple(of: number("0.5")) == true)
    }

    @Test func describesItselfByLiteral() {
        #expect(number("1.50").description == "1.50")
        #expect(JSONNumber(0.1).literal == "0.1")
        #expect(JSONNumber(42).literal == "42")
    }
}
