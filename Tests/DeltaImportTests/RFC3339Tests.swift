import DeltaImport
import Foundation
import Testing

@Suite("The original's RFC 3339 times")
struct RFC3339Tests {
    @Test("nanoseconds and offsets become our UTC millisecond form, without rounding drift", arguments: [
        ("2025-06-01T10:20:30.123456789+02:00", "2025-06-01T08:20:30.123Z"),
        ("2025-06-01T08:20:30Z", "2025-06-01T08:20:30.000Z"),
        ("2025-06-01T08:20:30.5Z", "2025-06-01T08:20:30.500Z"),
    ])
    func metadataTime(text: String, expected: String) {
        #expect(RFC3339.metadataTime(text) == expected)
    }

    @Test("the key store's form has whole seconds; garbage is nil")
    func keyStoreTime() {
        #expect(RFC3339.keyStoreTime("2030-01-02T03:04:05.999999999-01:00") == "2030-01-02T04:04:05Z")
        #expect(RFC3339.keyStoreTime("yesterday") == nil)
        #expect(RFC3339.metadataTime("2025-06-01T08:20:30.Z") == nil)
        #expect(RFC3339.parse("2025-06-01T08:20:30.250Z")?.timeIntervalSince1970 == 1_748_766_030.25)
    }
}
