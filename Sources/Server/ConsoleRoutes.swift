import ConsoleAssets
import DeltaCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Serves the web console (`ConsoleAssets`, compiled from console/) at `/` and
/// `/assets/<name>.<hash>.<ext>`, next to the REST API's own paths.
///
/// Every response carries a strict Content-Security-Policy (the console has no
/// inline script or style and loads nothing from elsewhere), `nosniff` and
/// `Referrer-Policy: no-referrer`. The page at `/` is revalidated on every load
/// (`no-cache`, with an ETag); the content-hashed assets are cached for a year.
/// An unknown asset is a 404. It does not authenticate: the console is public
/// code, and every request it makes carries the user's credential.
struct ConsoleRoutes: Sendable {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    static let immutableCaching = "public, max-age=31536000, immutable"
    static let pageCaching = "no-cache"
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!

    /// One asset, ready to send.
    struct Prepared: Sendable {
        let body: ByteBuffer
        let headers: HTTPFields
        let etag: String
    }

    /// The embedded console, prepared once per process.
    static let shared = ConsoleRoutes()

    let page: Prepared
    let assets: [String: Prepared]

    init(assets all: [ConsoleAssets.Asset] = ConsoleAssets.all) {
        var page: Prepared?
        var assets: [String: Prepared] = [:]
        for asset in all {
            let prepared = Self.prepare(asset)
            if asset.path == "/" {
                page = prepared
            } else {
                assets[String(asset.path.dropFirst("/assets/".count))] = prepared
            }
        }
        self.page = page!
        self.assets = assets
    }

    func register(on router: Router<DeltaRequestContext>) {
        router.get("/") { request, _ in
            respond(page, to: request)
        }
        router.get("/assets/:name") { request, context in
            let name = try context.parameters.require("name")
            guard let asset = assets[name] else {
                throw DeltaError(.notFound, "no console asset named \(name)")
            }
            return respond(asset, to: request)
        }
    }

    private func respond(_ asset: Prepared, to request: Request) -> Response {
        if let condition = request.headers[.ifNoneMatch],
           condition.split(separator: ",").contains(where: { $0.filter { $0 != " " } == asset.etag }) {
            return Response(status: .notModified, headers: asset.headers)
        }
        return Response(status: .ok, headers: asset.headers, body: .init(byteBuffer: asset.body))
    }

    static func prepare(_ asset: ConsoleAssets.Asset) -> Prepared {
        let body = ByteBuffer(string: asset.body)
        let etag = "\"\(asset.body.utf8.count)-\(fnv1a(asset.body))\""
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = asset.immutable ? immutableCaching : pageCaching
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[referrerPolicy] = "no-referrer"
        headers[.eTag] = etag
        return Prepared(body: body, headers: headers, etag: etag)
    }

    /// A 64-bit FNV-1a hash as hex: enough to tell one build's page from another's.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
