import Foundation
import Testing

/// Guards the S3 run of the conformance suite against silently not running.
@Suite("S3 conformance setup")
struct S3ConformanceSetupTests {
    @Test("on CI the S3 store is part of the conformance suite")
    func s3RunsOnCI() {
        let onCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false
        if onCI {
            #expect(StoreKind.allCases.contains(.s3), "\(S3TestEndpoint.variable) is not set on CI: \(S3TestEndpoint.howTo)")
        }
        #expect(StoreKind.allCases.contains(.s3) == (S3TestEndpoint.value != nil))
    }
}
