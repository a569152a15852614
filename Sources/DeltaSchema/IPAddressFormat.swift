/// IPv4 and IPv6 address syntax, with the rules of Python's `ipaddress`
/// module (the reference the differential test compares against).
enum IPAddressFormat {
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    /// Dotted quad, each part 0-255 in ASCII digits without leading zeros.
    static func isIPv4(_ text: Substring) -> Bool {
        ipv4Value(text) != nil
    }

    static func ipv4Value(_ text: Substring) -> UInt32? {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3,
                part.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                part.count == 1 || part.first != UInt8(ascii: "0")
            else { return nil }
            let octet = part.reduce(0) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
            guard octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    /// RFC 4291 text form (with `::` and an embedded IPv4 tail); zone ids
    /// (`%eth0`) are rejected, as JSON Schema's `ipv6` does not allow them.
    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains("%") else { return false }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Substring($0) }
        guard parts.count >= 3 else { return false }
        if parts[parts.count - 1].contains(".") {
            guard let value = ipv4Value(parts.removeLast()) else { return false }
            parts.append(Substring(String(value >> 16, radix: 16)))
            parts.append(Substring(String(value & 0xFFFF, radix: 16)))
        }
        guard parts.count <= 9 else { return false }
        var skipIndex: Int?
        for index in 1..<(parts.count - 1) where parts[index].isEmpty {
            if skipIndex != nil { return false }
            skipIndex = index
        }
        var checked = parts
        if let skipIndex {
            var high = skipIndex
            var low = parts.count - skipIndex - 1
            if parts[0].isEmpty {
                high -= 1
                if high != 0 { return false }
            }
            if parts[parts.count - 1].isEmpty {
                low -= 1
                if low != 0 { return false }
            }
            guard 8 - (high + low) >= 1 else { return false }
            checked = Array(parts[0..<high]) + Array(parts[(parts.count - low)...])
        } else {
            guard parts.count == 8, !parts[0].isEmpty, !parts[7].isEmpty else { return false }
        }
        for part in checked {
            guard !part.isEmpty, part.utf8.count <= 4, part.utf8.allSatisfy(isHexDigit) else { return false }
        }
        return true
    }
}

/// RFC 3986 `URI` and `URI-reference`, the grammar `rfc3986-validator` uses,
/// evaluated by `ECMARegex`.
enum URIFormat {
    private static let hex = "[0-9A-Fa-f]"
    private static let h16 = "\(hex){1,4}"
    private static let octet = "(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)"
    private static let ipv4 = "(?:\(octet)\\.){3}\(octet)"
    private static let ls32 = "(?:\(h16):\(h16)|\(ipv4))"
    private static let ipv6 =
        "(?:(?:\(h16):){6}\(ls32)|::(?:\(h16):){5}\(ls32)|(?:\(h16))?::(?:\(h16):){4}\(ls32)"
        + "|(?:(?:\(h16):)?\(h16))?::(?:\(h16):){3}\(ls32)|(?:(?:\(h16):){0,2}\(h16))?::(?:\(h16):){2}\(ls32)"
        + "|(?:(?:\(h16):){0,3}\(h16))?::(?:\(h16):)\(ls32)|(?:(?:\(h16):){0,4}\(h16))?::\(ls32)"
        + "|(?:(?:\(h16):){0,5}\(h16))?::\(h16)|(?:(?:\(h16):){0,6}\(h16))?::)"
    private static let pctEncoded = "%\(hex){2}"
    private static let authority =
        "(?:(?:[a-zA-Z0-9_.~\\-!$&'()*+,;=:]|\(pctEncoded))*@)?"
        + "(?:\\[(?:\(ipv6)|v\(hex)+\\.[a-zA-Z0-9_.~\\-!$&'()*+,;=:]+)\\]|\(ipv4)|(?:[a-zA-Z0-9_.~\\-!$&'()*+,;=]|\(pctEncoded))*)"
        + "(?::[0-9]*)?"
    private static let pchar = "(?:[a-zA-Z0-9_.~\\-!$&'()*+,;=:@]|\(pctEncoded))"
    private static let query = "(?:[a-zA-Z0-9_.~\\-!$&'()*+,;=:@/?]|\(pctEncoded))*"
    private static let tail = "(?:\\?\(query))?(?:#\(query))?"
    private static let absolute =
        "[a-zA-Z][a-zA-Z0-9+.-]*:(?://\(authority)(?:/\(pchar)*)*|/(?:\(pchar)+(?:/\(pchar)*)*)?|\(pchar)+(?:/\(pchar)*)*|)\(tail)"
    private static let relative =
        "(?://\(authority)(?:/\(pchar)*)*|/(?:\(pchar)+(?:/\(pchar)*)*)?"
        + "|(?:[a-zA-Z0-9_.~\\-!$&'()*+,;=@]|\(pctEncoded))+(?:/\(pchar)*)*|)\(tail)"

    static let uri = try! ECMARegex("^\(absolute)$")
    static let uriReference = try! ECMARegex("^(?:\(absolute)|\(relative))$")
}
