/// Encodes the `_NameMap(bytecode:)` string swift-protobuf reads for text-format
/// and JSON names, as a Swift string literal's contents.
///
/// Format (swift-protobuf `NameMap.swift`, program format 0): the format number,
/// then per field or case in number order an opcode — `1`/`2` when the proto
/// name is also the JSON name, `3`/`4` when the JSON name is derived from it;
/// the even opcodes carry the number's delta from the previous one — and the
/// NUL-terminated name. Integers use 6 bits per byte, `0x40` meaning "more".
enum ProtoNameMapBytecode {
    /// One named number: a field (`json` derived) or an enum case (`json` is the name).
    struct Entry {
        var number: Int
        var protoName: String
        var jsonName: String
    }

    /// The literal contents (escaped, without quotes) for `entries`.
    static func literal(_ entries: [Entry]) -> String {
        var bytes: [UInt8] = []
        bytes += integer(0)
        var previous = 0
        for entry in entries.sorted(by: { $0.number < $1.number }) {
            let same = entry.protoName == entry.jsonName
            if entry.number == previous + 1 {
                bytes += integer(same ? 1 : 3)
            } else {
                bytes += integer(same ? 2 : 4)
                bytes += integer(entry.number - previous)
            }
            bytes += Array(entry.protoName.utf8) + [0]
            previous = entry.number
        }
        return escape(bytes)
    }

    private static func integer(_ value: Int) -> [UInt8] {
        // Deltas are read as 32-bit two's complement (negative enum numbers).
        var remaining = value < 0 ? UInt64(UInt32(bitPattern: Int32(truncatingIfNeeded: value))) : UInt64(value)
        var bytes: [UInt8] = []
        while remaining >= 0x40 {
            bytes.append(UInt8(remaining & 0x3f) | 0x40)
            remaining >>= 6
        }
        bytes.append(UInt8(remaining))
        return bytes
    }

    private static func escape(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case 0: text += "\\0"
            case UInt8(ascii: "\""): text += "\\\""
            case UInt8(ascii: "\\"): text += "\\\\"
            case 0x20..<0x7f: text.append(Character(Unicode.Scalar(byte)))
            default: text += "\\u{\(String(byte, radix: 16))}"
            }
        }
        return text
    }
}
