import Foundation
import Testing

@testable import CodegenCore

/// The whole pipeline over the committed spec must reproduce the committed files.
@Suite("Reference: spec/openapi.yaml → committed generated files")
struct ReferenceTests {
    @Test("every generated file matches the repository byte for byte")
    func matchesRepository() throws {
        let root = TestSupport.repositoryRoot
        let output = try GeneratorPipeline().run(root: root)
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics.map(\.description))")
        #expect(output.files.contains { $0.path == "Sources/Generated/Server/Routes.swift" })
        #expect(output.files.contains { $0.path == "Sources/ClientSDK/Generated/Models.swift" })
        TestSupport.expectCommitted(output.files)
    }

    @Test("every generated file starts with the one header line")
    func headers() throws {
        let output = try GeneratorPipeline().run(root: TestSupport.repositoryRoot)
        for file in output.files {
            let first = file.contents.prefix { $0 != "\n" }
            #expect(first.hasSuffix("Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT."), "\(file.path)")
            #expect(file.contents.components(separatedBy: "DO NOT EDIT.").count == 2, "\(file.path)")
        }
    }
}
