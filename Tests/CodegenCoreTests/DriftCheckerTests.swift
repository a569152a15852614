import Foundation
import Testing

@testable import CodegenCore

@Suite("DriftChecker: check and generate")
struct DriftCheckerTests {
    /// A temporary repository with the committed spec, generated once.
    private func makeRepository() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("spec"), withIntermediateDirectories: true)
        try TestSupport.committedSpec().write(to: root.appendingPathComponent("spec/openapi.yaml"), atomically: true, encoding: .utf8)
        try DriftChecker(root: root).write(try GeneratorPipeline().run(root: root))
        return root
    }

    @Test("a fresh generation has no drift")
    func clean() throws {
        let root = try makeRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(DriftChecker(root: root).check(try GeneratorPipeline().run(root: root)).isEmpty)
    }

    @Test("changing a description makes check name exactly the affected files")
    func descriptionChange() throws {
        let root = try makeRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let specURL = root.appendingPathComponent("spec/openapi.yaml")
        let spec = try String(contentsOf: specURL, encoding: .utf8)
        #expect(spec.contains("description: Always \"ok\"."))
        try spec.replacingOccurrences(of: "description: Always \"ok\".", with: "description: Always the string ok.")
            .write(to: specURL, atomically: true, encoding: .utf8)
        let drifts = DriftChecker(root: root).check(try GeneratorPipeline().run(root: root))
        let swiftDrifts = drifts.filter { $0.path.hasPrefix("Sources/") }
        #expect(swiftDrifts == [
            .differs("Sources/ClientSDK/Generated/Models.swift"),
            .differs("Sources/Generated/Server/Models.swift"),
        ])
    }

    @Test("missing and stale files are reported; generate repairs both")
    func missingAndStale() throws {
        let root = try makeRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("Sources/Generated/Server/Routes.swift"))
        try "old".write(to: root.appendingPathComponent("Sources/Generated/Server/Old.swift"), atomically: true, encoding: .utf8)
        let output = try GeneratorPipeline().run(root: root)
        let drifts = DriftChecker(root: root).check(output)
        #expect(drifts.contains(.missing("Sources/Generated/Server/Routes.swift")))
        #expect(drifts.contains(.stale("Sources/Generated/Server/Old.swift")))
        try DriftChecker(root: root).write(output)
        #expect(DriftChecker(root: root).check(output).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Sources/Generated/Server/Old.swift").path))
    }
}
