import Foundation
import Testing

@testable import CodegenCore

/// The proto pipeline over the committed spec/deltadb.proto must reproduce the committed Swift.
@Suite("Reference: spec/deltadb.proto → committed generated files")
struct ProtoReferenceTests {
    @Test("every proto-generated file matches the repository byte for byte, without diagnostics")
    func matchesRepository() throws {
        let root = TestSupport.repositoryRoot
        let output = try ProtoGeneratorPipeline().run(root: root)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description))")
        #expect(output.files.map(\.path) == [
            "Sources/WorkerProtocol/Generated/Messages.swift", "Sources/WorkerProtocol/Generated/Services.swift",
        ])
        #expect(output.outputDirectories == ["Sources/WorkerProtocol/Generated"])
        TestSupport.expectCommitted(output.files)
    }

    @Test("the generated file starts with the one header line naming spec/deltadb.proto")
    func header() throws {
        let output = try ProtoGeneratorPipeline().run(root: TestSupport.repositoryRoot)
        for file in output.files {
            #expect(file.contents.hasPrefix("// Generated from spec/deltadb.proto by deltadb-codegen. DO NOT EDIT.\n"), "\(file.path)")
            #expect(file.contents.components(separatedBy: "DO NOT EDIT.").count == 2, "\(file.path)")
        }
    }

    @Test("generating twice gives identical files; merging with the REST output keeps both, rejects clashes")
    func determinismAndMerge() throws {
        let root = TestSupport.repositoryRoot
        let first = try ProtoGeneratorPipeline().run(root: root)
        let second = try ProtoGeneratorPipeline().run(root: root)
        #expect(first.files == second.files)
        let rest = try GeneratorPipeline().run(root: root)
        let merged = try rest.merged(with: first)
        #expect(merged.files.count == rest.files.count + first.files.count)
        #expect(merged.outputDirectories.contains("Sources/WorkerProtocol/Generated"))
        #expect(throws: CodegenError.self) { try first.merged(with: second) }
    }

    @Test("check reports a stale proto output; generate repairs it")
    func drift() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("spec"), withIntermediateDirectories: true)
        let spec = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("spec/deltadb.proto"), encoding: .utf8)
        try spec.write(to: root.appendingPathComponent("spec/deltadb.proto"), atomically: true, encoding: .utf8)
        let output = try ProtoGeneratorPipeline().run(root: root)
        #expect(DriftChecker(root: root).check(output) == [
            .missing("Sources/WorkerProtocol/Generated/Messages.swift"), .missing("Sources/WorkerProtocol/Generated/Services.swift"),
        ])
        try DriftChecker(root: root).write(output)
        #expect(DriftChecker(root: root).check(output).isEmpty)
        try (spec + "\nmessage Extra { int32 x = 1; }\n").write(to: root.appendingPathComponent("spec/deltadb.proto"), atomically: true, encoding: .utf8)
        let changed = try ProtoGeneratorPipeline().run(root: root)
        #expect(DriftChecker(root: root).check(changed) == [.differs("Sources/WorkerProtocol/Generated/Messages.swift")])
    }
}
