import ClientSDK
import Foundation

/// Appends messages to a chat session entity, safely next to other appenders:
/// read the session and its ETag, append, write back with `If-Match`; on 412
/// (someone else wrote in between) read again and retry, so no message is lost.
///
///     DELTADB_TOKEN=<key> deltadb-chat-example http://127.0.0.1:8080 chatdb session_001 alice 10
@main
struct ChatAppender {
    struct Message: Codable, Sendable {
        var role: String
        var content: String
    }

    struct Session: Codable, Sendable {
        var messages: [Message]
    }

    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 5, let url = URL(string: arguments[arguments.startIndex]),
              let count = Int(arguments[arguments.startIndex + 4])
        else {
            FileHandle.standardError.write(Data("usage: deltadb-chat-example <url> <database> <session> <author> <count>\n".utf8))
            exit(2)
        }
        let (database, session, author) = (arguments[arguments.startIndex + 1], arguments[arguments.startIndex + 2], arguments[arguments.startIndex + 3])
        let client = DeltaAPIClient(baseURL: url, bearerToken: ProcessInfo.processInfo.environment["DELTADB_TOKEN"])
        var retries = 0
        for index in 1...count {
            let message = Message(role: "user", content: "\(author)-\(index)")
            retries += try await append(message, to: session, in: database, using: client)
        }
        print("\(author): appended \(count) messages (\(retries) retries after 412)")
    }

    /// Appends `message`; returns how many times it had to retry.
    static func append(_ message: Message, to key: String, in database: String, using client: DeltaAPIClient) async throws -> Int {
        for attempt in 0..<1000 {
            var current = Session(messages: [])
            var etag: String?
            do {
                let stored = try await client.getEntity(database: database, key: key)
                current = try stored.body.decode(Session.self)
                etag = stored.etag
            } catch let error as DeltaClientError where error.statusCode == 404 {
                etag = nil  // a new session: create it only if it still does not exist
            }
            current.messages.append(message)
            do {
                _ = try await client.putEntities(
                    database: database, ifMatch: etag, ifNoneMatch: etag == nil ? "*" : nil,
                    body: [key: try JSONDocument(encoding: current)])
                return attempt
            } catch let error as DeltaClientError where error.statusCode == 412 {
                continue  // another appender won: read again
            }
        }
        throw DeltaClientError(statusCode: 412, code: "precondition_failed", message: "gave up after 1000 conflicts")
    }
}
