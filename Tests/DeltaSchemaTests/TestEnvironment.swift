#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An environment variable, without Foundation.
func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

struct FileReadError: Error, CustomStringConvertible {
    var path: String
    var description: String { "cannot read \(path)" }
}

/// The bytes of a file, without Foundation.
func readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw FileReadError(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}
