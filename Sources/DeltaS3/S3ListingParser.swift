import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One page of a ListObjectsV2 response.
public struct S3ListPage: Sendable, Equatable {
    /// Object keys (`<Contents><Key>`), in the order the server sent them.
    public var keys: [String]
    /// Common prefixes when a delimiter was given (`<CommonPrefixes><Prefix>`).
    public var commonPrefixes: [String]
    /// `<NextContinuationToken>` when `<IsTruncated>` is true; nil on the last page.
    public var continuationToken: String?

    public init(keys: [String], commonPrefixes: [String], continuationToken: String?) {
        self.keys = keys
        self.commonPrefixes = commonPrefixes
        self.continuationToken = continuationToken
    }
}

/// Parses S3 XML bodies: ListObjectsV2 results and `<Error>` documents.
///
/// Uses Foundation's `XMLParser` (no network, no external entities). It does not
/// validate against S3's schema: unknown elements are ignored. Returns nil for a
/// body that is not well-formed XML.
enum S3ListingParser {
    /// Parses a ListObjectsV2 result; nil if the body is not well-formed XML or not a
    /// `ListBucketResult`.
    static func parseListPage(_ body: [UInt8]) -> S3ListPage? {
        guard let elements = collect(body), elements.root == "ListBucketResult" else { return nil }
        let truncated = elements.values["ListBucketResult/IsTruncated"]?.first == "true"
        let token = elements.values["ListBucketResult/NextContinuationToken"]?.first
        if truncated && (token ?? "").isEmpty { return nil }
        return S3ListPage(
            keys: elements.values["ListBucketResult/Contents/Key"] ?? [],
            commonPrefixes: elements.values["ListBucketResult/CommonPrefixes/Prefix"] ?? [],
            continuationToken: truncated ? token : nil)
    }

    /// `(Code, Message)` of an S3 `<Error>` body, or nil.
    static func parseError(_ body: [UInt8]) -> (code: String, message: String)? {
        guard let elements = collect(body), elements.root == "Error" else { return nil }
        return (elements.values["Error/Code"]?.first ?? "", elements.values["Error/Message"]?.first ?? "")
    }

    /// Text of every leaf element, keyed by its slash-joined path from the root.
    private static func collect(_ body: [UInt8]) -> (root: String, values: [String: [String]])? {
        let delegate = Collector()
        let parser = XMLParser(data: Data(body))
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse(), delegate.closed, let root = delegate.root else { return nil }
        return (root, delegate.values)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var path: [String] = []
        var text = ""
        var root: String?
        /// Whether the root element was closed (some XMLParser builds accept truncated input).
        var closed = false
        var values: [String: [String]] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if root == nil { root = name }
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            values[path.joined(separator: "/"), default: []].append(text)
            path.removeLast()
            if path.isEmpty { closed = true }
            text = ""
        }
    }
}
