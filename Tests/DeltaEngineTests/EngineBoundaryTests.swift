import Foundation
import Testing

/// The data plane knows no framework: the compiler enforces it through
/// Package.swift (DeltaEngine depends only on domain modules), and this test
/// keeps an import from creeping in through a module that happens to be visible.
@Suite("DeltaEngine imports no framework")
struct EngineBoundaryTests {
    static let forbidden = ["Hummingbird", "NIO", "GRPC", "ArgumentParser", "Generated", "APIRuntime", "DeltaServer", "DeltaCluster"]

    static var engineSources: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // DeltaEngineTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
            .appendingPathComponent("Sources/DeltaEngine")
    }

    @Test("no source file of DeltaEngine imports a web, RPC or CLI framework")
    func noFrameworkImports() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.engineSources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5, "DeltaEngine's sources were not found at \(Self.engineSources.path)")
        for file in files {
            let text = try String(contentsOf: Self.engineSources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("import ") {
                let module = line.split(separator: " ").last.map(String.init) ?? ""
                let offending = Self.forbidden.first { module.hasPrefix($0) }
                #expect(offending == nil, "\(file): \(line)")
            }
        }
    }
}
