import ArgumentParser
import CodegenCore
import DeltaSchemaExport
import Foundation

extension SchemaExportLanguage: ExpressibleByArgument {}

/// `deltadb-codegen types`: prints Pydantic v2 models or TypeScript types for one JSON Schema.
struct TypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "Print Pydantic v2 models or TypeScript types for a JSON Schema (draft-07) file."
    )

    @Option(name: .long, help: "The JSON Schema file.")
    var schema: String

    @Option(name: .long, help: "The output language: \(SchemaExportLanguage.allCases.map(\.rawValue).joined(separator: " or ")).")
    var lang: SchemaExportLanguage

    @Option(name: .long, help: "The schema id naming the root type (default: the schema's $id, else the file name).")
    var id: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: schema) else {
            throw ValidationError("cannot read \(schema)")
        }
        let bytes = [UInt8](data)
        do {
            let schemaID = try id ?? SchemaExporter.declaredID(schemaJSON: bytes) ?? Self.fileID(schema)
            print(try SchemaExporter.export(schemaJSON: bytes, schemaID: schemaID, language: lang), terminator: "")
        } catch let error as CodegenError {
            printError("error: \(schema): \(error.message)")
            throw ExitCode(1)
        }
    }

    /// `schemas/chat.v1.json` → `chat.v1`.
    static func fileID(_ path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasSuffix(".json") ? String(name.dropLast(5)) : name
    }
}
