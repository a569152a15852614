/// One operation of the spec: a method on a path template.
public struct APIOperation: Sendable, Hashable {
    /// The spec's `operationId`, e.g. `getEntity`.
    public var id: String
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path template as written, e.g. `/entity/{database}`.
    public var path: String
    /// `summary`, if any.
    public var summary: String?
    /// `description`, if any (folded YAML already joined into one line).
    public var description: String?
    /// `tags`, in spec order.
    public var tags: [String]
    /// The permission a caller needs (`x-deltadb-permission`); nil for public
    /// operations (`security: []`).
    public var permission: APIPermission?
    /// Path-level parameters first, then operation parameters, in spec order
    /// (an operation parameter replaces a path-level one with the same name and location).
    public var parameters: [APIParameter]
    /// The request body, if the operation takes one.
    public var requestBody: APIRequestBody?
    /// Every response, in spec order.
    public var responses: [APIResponse]
    /// Where the operation sits in the spec, e.g. `paths./health.get`.
    public var location: String

    /// Creates an operation.
    public init(
        id: String, method: HTTPMethod, path: String, summary: String? = nil, description: String? = nil,
        tags: [String] = [], permission: APIPermission? = nil, parameters: [APIParameter] = [],
        requestBody: APIRequestBody? = nil, responses: [APIResponse] = [], location: String = ""
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.summary = summary
        self.description = description
        self.tags = tags
        self.permission = permission
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.location = location
    }

    /// The parameters found in `location`, in order.
    public func parameters(in location: APIParameter.Location) -> [APIParameter] {
        parameters.filter { $0.location == location }
    }

    /// The 2xx responses, in spec order.
    public var successResponses: [APIResponse] {
        responses.filter(\.isSuccess)
    }

    /// The error responses (4xx, 5xx and `default`), in spec order.
    public var errorResponses: [APIResponse] {
        responses.filter { !$0.isSuccess }
    }
}

/// The HTTP methods an operation may use.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get, put, post, delete, patch, head, options, trace

    /// The method as it goes on the wire, e.g. `GET`.
    public var wireName: String { rawValue.uppercased() }
}

/// The permissions of the RBAC model, as `x-deltadb-permission` spells them,
/// plus `authenticated`: any valid credential, no particular permission.
public enum APIPermission: String, Sendable, Hashable, CaseIterable {
    case read, write, admin, authenticated
}
