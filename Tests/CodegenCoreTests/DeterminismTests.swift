import Testing

@testable import CodegenCore

@Suite("Determinism")
struct DeterminismTests {
    @Test("generating twice gives identical files in identical order")
    func twice() throws {
        let spec = try TestSupport.committedSpec()
        let first = try GeneratorPipeline().run(yaml: spec)
        let second = try GeneratorPipeline().run(yaml: spec)
        #expect(first.files == second.files)
        #expect(first.outputDirectories == second.outputDirectories)
    }

    @Test("two translators producing one path is a failure, not a silent overwrite")
    func duplicatePaths() throws {
        let pipeline = GeneratorPipeline(translators: [SwiftServerTranslator(), SwiftServerTranslator()])
        #expect(throws: CodegenError.self) { try pipeline.run(yaml: try TestSupport.committedSpec()) }
    }
}
