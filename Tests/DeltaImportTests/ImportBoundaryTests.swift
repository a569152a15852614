import Foundation
import Testing

/// The importer knows no framework (the S3 source lives in DeltaImportS3): the
/// compiler enforces it through Package.swift, and this test keeps an import from
/// creeping in through a module that happens to be visible.
@Suite("DeltaImport imports no framework")
struct ImportBoundaryTests {
    static let forbidden = [
        "Hummingbird", "NIO", "GRPC", "ArgumentParser", "AsyncHTTPClient", "DeltaS3", "Generated", "APIRuntime",
        "DeltaServer", "DeltaCluster",
    ]

    static var sources: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DeltaImportTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/DeltaImport")
    }

    @Test("no source file of DeltaImport imports a web, RPC, HTTP client or CLI framework")
    func noFrameworkImports() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5, "DeltaImport's sources were not found at \(Self.sources.path)")
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = line.split(separator: " ").last.map(String.init) ?? ""
                #expect(Self.forbidden.first { module.hasPrefix($0) } == nil, "\(file): \(line)")
            }
        }
    }
}
