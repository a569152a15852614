/// Every runtime name and path the swift-protobuf translator emits, defined once.
enum SwiftProtobufNames {
    /// The module the generated messages import.
    static let runtimeModule = "SwiftProtobuf"
    /// The folder the translator owns.
    static let outputDirectory = "Sources/WorkerProtocol/Generated"
    /// The one generated file.
    static let outputFile = "Messages.swift"
    /// The default spec path.
    static let specPath = "spec/deltadb.proto"

    static let message = "SwiftProtobuf.Message"
    static let messageImplementationBase = "SwiftProtobuf._MessageImplementationBase"
    static let nameProviding = "SwiftProtobuf._ProtoNameProviding"
    static let enumeration = "SwiftProtobuf.Enum"
    static let nameMap = "SwiftProtobuf._NameMap"
    static let unknownStorage = "SwiftProtobuf.UnknownStorage"
    static let decoder = "SwiftProtobuf.Decoder"
    static let visitor = "SwiftProtobuf.Visitor"
    static let apiVersionCheck = "SwiftProtobuf.ProtobufAPIVersionCheck"
    static let apiVersion = "SwiftProtobuf.ProtobufAPIVersion_2"

    /// The swift-protobuf field-type marker for a map key or scalar value, e.g. `SwiftProtobuf.ProtobufString`.
    static func fieldType(_ scalar: ProtoScalar) -> String {
        "SwiftProtobuf.Protobuf\(scalar.runtimeName)"
    }

    /// The Swift type for a fully qualified proto message or enum name:
    /// the package is dropped, nested types stay nested (`deltadb.Outer.Inner` → `Outer.Inner`).
    static func typeName(_ fullName: String, package: String) -> String {
        var name = Substring(fullName)
        if !package.isEmpty, name.hasPrefix(package + ".") { name = name.dropFirst(package.count + 1) }
        return name.split(separator: ".").map { Naming.swiftTypeName(String($0)) }.joined(separator: ".")
    }

    /// The Swift property for a proto field: `worker_id` → `workerId`.
    static func propertyName(_ fieldName: String) -> String {
        Naming.swiftIdentifier(fieldName)
    }

    /// The Swift case for an enum value, without the enum's `SCREAMING_NAME_` prefix:
    /// `WORKER_STATUS_READY` in `WorkerStatus` → `ready`.
    static func caseName(_ valueName: String, enumName: String) -> String {
        let prefix = Naming.snakeCase(enumName).uppercased() + "_"
        var name = valueName
        if valueName.hasPrefix(prefix), let first = valueName.dropFirst(prefix.count).first, first.isLetter {
            name = String(valueName.dropFirst(prefix.count))
        }
        return Naming.swiftIdentifier(name.lowercased())
    }

    /// The JSON name protobuf derives from a field name: `worker_id` → `workerId`.
    static func jsonName(_ fieldName: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in fieldName {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
