import Foundation
import Testing

@testable import CodegenCore

/// Helpers shared by the CodegenCore tests.
enum TestSupport {
    /// The repository root, found from this file's path.
    static var repositoryRoot: URL {
        // Resolve symlinks: a dev package may link this folder from elsewhere.
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // CodegenCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The committed spec's text.
    static func committedSpec() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("spec/openapi.yaml"), encoding: .utf8)
    }

    /// Parses a spec fragment, prefixing the `openapi` line and a global bearer requirement.
    static func parse(_ fragment: String) throws -> OpenAPIParser.Result {
        try OpenAPIParser.parse(yaml: minimalHeader + fragment, source: "spec/openapi.yaml")
    }

    static let minimalHeader = """
        openapi: 3.1.0
        info:
          title: Test
          version: 0.0.1
        security:
          - bearerAuth: []

        """

    /// The rendered text of `file` from `translator`'s output for `fragment`.
    static func generate(_ fragment: String, translator: any Translator, file: String) throws -> String {
        let parsed = try parse(fragment)
        var diagnostics: [Diagnostic] = []
        let files = try translator.translate(parsed.model, diagnostics: &diagnostics)
        guard let match = files.first(where: { $0.path.hasSuffix("/" + file) }) else {
            Issue.record("no file \(file) in \(files.map(\.path))")
            return ""
        }
        return match.contents
    }

    /// Records an issue for every file in `files` that is missing from the repository
    /// or differs from its committed text, with a diff.
    static func expectCommitted(_ files: [GeneratedFile]) {
        for file in files {
            let url = repositoryRoot.appendingPathComponent(file.path)
            guard let committed = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("\(file.path) is not committed; run `deltadb-codegen generate`")
                continue
            }
            if committed != file.contents {
                Issue.record("""
                    \(file.path) differs from what the generator produces (- committed, + generated):
                    \(diff(expected: committed, actual: file.contents))
                    """)
            }
        }
    }

    /// A fresh temporary directory; the caller removes it.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codegen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A line diff of `expected` and `actual` in unified style (`-` expected, `+` actual), with line numbers.
    static func diff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append("@@ +\(j + 1) + \(new[j])")
                j += 1
            } else {
                lines.append("@@ -\(i + 1) - \(old[i])")
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
