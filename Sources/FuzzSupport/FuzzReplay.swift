import Foundation

/// Runs a fuzz target's input function over files: each argument is a file or
/// a directory of files (a corpus). Used by the ordinary (non-libFuzzer) build
/// of every fuzz target.
public enum FuzzReplay {
    /// Feeds every file named on the command line to `body`; prints a count.
    public static func main(_ body: ([UInt8]) -> Void) {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            for path in files(at: argument) {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    exit(2)
                }
                body(Array(data))
                count += 1
            }
        }
        print("replayed \(count) input(s)")
    }

    private static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [path] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }.filter { !$0.hasSuffix("/.gitkeep") }
    }
}
