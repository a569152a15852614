import DeltaCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a secret (admin key, master key, worker secret, S3 secret key) from the
/// command line, the environment or a file, in that order of precedence.
///
/// A secret on the command line works but draws a warning: every user of the
/// machine can read it in `/proc/<pid>/cmdline`. A secret file must be readable
/// by its owner only (mode 0600 or stricter), or start-up is refused. A missing
/// secret can be generated into a new 0600 file whose path, never the secret, is
/// reported. It never logs or echoes a secret.
public struct SecretInput: Sendable {
    /// What the secret is, for messages ("the admin key").
    public var name: String
    /// The command-line flag (`-admin-key`).
    public var flag: String
    /// The file flag (`-admin-key-file`).
    public var fileFlag: String
    /// The environment variable (`ADMIN_KEY`).
    public var variable: String
    /// Where a generated secret goes when no file is named (in the working directory).
    public var defaultFile: String

    public init(name: String, flag: String, fileFlag: String, variable: String, defaultFile: String) {
        self.name = name
        self.flag = flag
        self.fileFlag = fileFlag
        self.variable = variable
        self.defaultFile = defaultFile
    }

    /// Where a secret came from.
    public enum Source: Sendable, Equatable {
        case commandLine, environment, file(String), generated(String)
    }

    /// The secret from `value` (the flag), the environment or `file`; nil if none is given.
    ///
    /// - Parameter warnings: receives a warning when the secret came from the command line.
    /// - Throws: `.badRequest` if the file is unreadable, empty, or readable by others.
    public func read(
        value: String?, file: String?, environment: [String: String], warnings: inout [String]
    ) throws(DeltaError) -> (secret: String, source: Source)? {
        if let value, !value.isEmpty {
            warnings.append(
                "\(name) was given on the command line (\(flag)), where every user of this machine can read it; "
                    + "use \(fileFlag)=<file> (mode 0600) or \(variable) instead")
            return (value, .commandLine)
        }
        if let value = environment[variable], !value.isEmpty { return (value, .environment) }
        guard let file, !file.isEmpty else { return nil }
        return (try Self.readFile(file, flag: fileFlag), .file(file))
    }

    /// `read(...)`, else a secret made by `generate`, written to `file` (or
    /// `defaultFile`) with mode 0600 when that file does not exist yet. An existing
    /// file is read, so a restart keeps a secret generated on an earlier start.
    ///
    /// - Throws: `.badRequest` for an unusable file; `.storageFailure` if the new file cannot be written.
    public func readOrGenerate(
        value: String?, file: String?, environment: [String: String], warnings: inout [String],
        generate: () -> String
    ) throws(DeltaError) -> (secret: String, source: Source) {
        if let given = try read(value: value, file: nil, environment: environment, warnings: &warnings) { return given }
        let path = file ?? defaultFile
        if FileManager.default.fileExists(atPath: path) {
            return (try Self.readFile(path, flag: fileFlag), .file(path))
        }
        try Self.writeNew(generate(), to: path, name: name)
        return (try Self.readFile(path, flag: fileFlag), .generated(path))
    }

    /// The trimmed contents of a secret file.
    ///
    /// - Throws: `.badRequest` naming `flag` and the path (never the contents) if the
    ///   file is missing, unreadable, empty, or readable or writable by group or others.
    public static func readFile(_ path: String, flag: String) throws(DeltaError) -> String {
        try requirePrivate(path, flag: flag)
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else {
            throw DeltaError(.badRequest, "cannot read \(flag) '\(path)'")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw DeltaError(.badRequest, "\(flag) '\(path)' is empty") }
        return secret
    }

    /// Refuses a key file that others may read or change.
    ///
    /// - Throws: `.badRequest` with the `chmod` that fixes it.
    public static func requirePrivate(_ path: String, flag: String) throws(DeltaError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DeltaError(.badRequest, "cannot read \(flag) '\(path)': \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw DeltaError(
                .badRequest,
                "\(flag) '\(path)' can be read or changed by other users (mode \(String(mode, radix: 8))); "
                    + "run `chmod 600 \(path)` and start again"
            )
        }
    }

    /// Creates `path` exclusively with mode 0600 (whatever the umask) holding `secret`.
    static func writeNew(_ secret: String, to path: String, name: String) throws(DeltaError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeltaError(.storageFailure, "cannot create '\(path)' for the generated \(name): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        _ = fchmod(descriptor, 0o600)
        let bytes = Array((secret + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw DeltaError(.storageFailure, "cannot write the generated \(name) to '\(path)'")
        }
    }
}
