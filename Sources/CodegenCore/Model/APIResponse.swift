/// One response of an operation, with `$ref`s to `components/responses` resolved.
public struct APIResponse: Sendable, Hashable {
    /// The status code, e.g. 200; nil for the `default` response.
    public var statusCode: Int?
    /// `description`.
    public var description: String
    /// Response headers, in spec order.
    public var headers: [APIHeader]
    /// The body, if the response has content.
    public var body: APIContent?
    /// The name of the `components/responses` entry this came from, if any (e.g. `NotFound`).
    public var componentName: String?

    /// Creates a response.
    public init(
        statusCode: Int?, description: String, headers: [APIHeader] = [], body: APIContent? = nil,
        componentName: String? = nil
    ) {
        self.statusCode = statusCode
        self.description = description
        self.headers = headers
        self.body = body
        self.componentName = componentName
    }

    /// Whether the status code is 2xx.
    public var isSuccess: Bool {
        guard let statusCode else { return false }
        return (200..<300).contains(statusCode)
    }
}

/// A response header.
public struct APIHeader: Sendable, Hashable {
    /// The wire name, e.g. `ETag`.
    public var name: String
    /// `description`, if any.
    public var description: String?
    /// Whether the response always carries it.
    public var required: Bool
    /// Its type (a string in practice).
    public var type: SchemaType

    /// Creates a header.
    public init(name: String, description: String? = nil, required: Bool = false, type: SchemaType = .string()) {
        self.name = name
        self.description = description
        self.required = required
        self.type = type
    }
}

/// A request or response body: one media type and its schema.
public struct APIContent: Sendable, Hashable {
    /// The media type, e.g. `application/json`.
    public var mediaType: String
    /// The body's type; usually `.reference` to a component schema.
    public var type: SchemaType

    /// Creates content.
    public init(mediaType: String, type: SchemaType) {
        self.mediaType = mediaType
        self.type = type
    }

    /// Whether the body is text sent as it is (a `text/*` media type with a
    /// string schema), not JSON: translators read and write it as a string.
    public var isText: Bool {
        guard mediaType.hasPrefix("text/"), case .string = type else { return false }
        return true
    }
}

/// The request body of an operation.
public struct APIRequestBody: Sendable, Hashable {
    /// Every media type the body may use, in spec order (JSON first when the
    /// spec lists `application/json`), e.g. merge patch and JSON patch for PATCH.
    public var contents: [APIContent]
    /// Whether the body is required.
    public var required: Bool
    /// `description`, if any.
    public var description: String?

    /// Creates a request body.
    public init(contents: [APIContent], required: Bool, description: String? = nil) {
        self.contents = contents
        self.required = required
        self.description = description
    }

    /// Creates a request body with one media type.
    public init(content: APIContent, required: Bool, description: String? = nil) {
        self.init(contents: [content], required: required, description: description)
    }

    /// The first media type: the one translators use when they support only one.
    public var content: APIContent { contents[0] }
}
