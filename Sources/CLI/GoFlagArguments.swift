/// Command-line compatibility with the Go original's `flag` package, applied to
/// the raw arguments before ArgumentParser sees them.
///
/// Go accepts a boolean flag as `-flag`, `-flag=true` or `-flag=false` (also
/// `1`, `0`, `t`, `f`, `T`, `F`, `TRUE`, `FALSE`, `True`, `False`); ArgumentParser
/// accepts only the bare form. So `-s3-use-ssl=false` (the seed's own example) is
/// rewritten to nothing and `-s3-use-ssl=true` to `-s3-use-ssl`. Anything else
/// passes unchanged; a malformed value is left for ArgumentParser to refuse.
public enum GoFlagArguments {
    /// The boolean flags of our executables (without dashes).
    public static let booleanFlags: Set<String> = ["s3-use-ssl", "from-s3-use-ssl", "dry-run"]

    /// `arguments` (without the program name) with Go-style boolean values rewritten.
    public static func normalized(_ arguments: some Sequence<String>) -> [String] {
        var result: [String] = []
        var afterTerminator = false
        for argument in arguments {
            if afterTerminator || argument == "--" {
                afterTerminator = true
                result.append(argument)
                continue
            }
            guard argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") else {
                result.append(argument)
                continue
            }
            let name = argument[..<equals].drop { $0 == "-" }
            guard booleanFlags.contains(String(name)) else {
                result.append(argument)
                continue
            }
            switch argument[argument.index(after: equals)...] {
            case "1", "t", "T", "true", "TRUE", "True": result.append(String(argument[..<equals]))
            case "0", "f", "F", "false", "FALSE", "False": break
            default: result.append(argument)
            }
        }
        return result
    }
}
