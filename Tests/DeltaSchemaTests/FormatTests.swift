import Testing
import DeltaSchema

@Suite struct FormatTests {
    @Test(arguments: [
        (SchemaFormat.dateTime, "2024-02-29T23:59:59Z", true),
        (.dateTime, "2024-02-29t23:59:59.123+05:30", true),
        (.dateTime, "2023-02-29T00:00:00Z", false),
        (.dateTime, "2024-01-01T24:00:00Z", false),
        (.dateTime, "2024-01-01T00:00:60Z", false),
        (.dateTime, "2024-01-01T00:00:00", false),
        (.dateTime, "2024-01-01 00:00:00Z", false),
        (.dateTime, "0000-01-01T00:00:00Z", false),
        (.dateTime, "2024-01-01T00:00:00Z\n", false),
        (.date, "2024-12-31", true),
        (.date, "2024-13-01", false),
        (.date, "2024-1-01", false),
        (.time, "12:30:00Z", true),
        (.time, "12:30:00.5-01:00", true),
        (.time, "12:30:00", false),
        (.email, "a@b", true),
        (.email, "no-at-sign", false),
        (.hostname, "example.com", true),
        (.hostname, "example.com.", true),
        (.hostname, "-bad.com", false),
        (.hostname, "a_b.com", false),
        (.hostname, String(repeating: "a", count: 64) + ".com", false),
        (.hostname, "", false),
        (.ipv4, "192.168.0.1", true),
        (.ipv4, "256.1.1.1", false),
        (.ipv4, "01.1.1.1", false),
        (.ipv4, "1.1.1", false),
        (.ipv6, "::1", true),
        (.ipv6, "2001:db8::8a2e:370:7334", true),
        (.ipv6, "::ffff:192.168.0.1", true),
        (.ipv6, "1:2:3:4:5:6:7:8", true),
        (.ipv6, "1:2:3:4:5:6:7:8:9", false),
        (.ipv6, "1::2::3", false),
        (.ipv6, "fe80::1%eth0", false),
        (.ipv6, "12345::", false),
        (.uri, "https://example.com/a?b=c#d", true),
        (.uri, "urn:isbn:0451450523", true),
        (.uri, "/relative/path", false),
        (.uri, "http://exa mple.com", false),
        (.uriReference, "/relative/path", true),
        (.uriReference, "#frag", true),
        (.uriReference, "a b", false),
        (.uuid, "123e4567-e89b-12d3-a456-426614174000", true),
        (.uuid, "123e4567e89b12d3a456426614174000", false),
        (.uuid, "123e4567-e89b-12d3-a456-42661417400g", false),
        (.regex, "^[a-z]+$", true),
        (.regex, "(", false),
        (.jsonPointer, "/a/b~0c", true),
        (.jsonPointer, "", true),
        (.jsonPointer, "a/b", false),
        (.jsonPointer, "/a~2", false),
    ] as [(SchemaFormat, String, Bool)])
    func format(_ format: SchemaFormat, _ text: String, _ valid: Bool) {
        #expect(format.accepts(text) == valid)
    }

    @Test func formatKeywordChecksStringsOnlyAndIgnoresUnknownFormats() throws {
        try expectCase(SchemaCase(#"{"format":"ipv4"}"#, "\"1.2.3.4\"", true))
        try expectCase(SchemaCase(#"{"format":"ipv4"}"#, "\"1.2.3\"", false))
        try expectCase(SchemaCase(#"{"format":"ipv4"}"#, "12", true))
        try expectCase(SchemaCase(#"{"format":"made-up"}"#, "\"anything\"", true))
    }
}
