import DeltaCore
import Foundation
import Testing

@Suite("Version")
struct VersionTests {
    @Test("the server reports the version of the REST API it serves (spec/openapi.yaml info.version)")
    func matchesSpec() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../spec/openapi.yaml").standardized
        let lines = try String(contentsOf: spec, encoding: .utf8).split(separator: "\n")
        let info = try #require(lines.firstIndex(of: "info:"))
        let version = try #require(lines[info...].first { $0.hasPrefix("  version:") })
        #expect(version.dropFirst("  version:".count).trimmingCharacters(in: .whitespaces) == DeltaVersion.current)
    }
}
