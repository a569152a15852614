import DeltaCore
import DeltaStorage
import Foundation

/// An `If-Match` / `If-None-Match` condition on an entity's version.
///
/// Entity tags are the entity's version in quotes (`"3"`), as GET returns in
/// `ETag`; weak tags (`W/"3"`) compare the same way, and `*` means "any existing
/// version". The condition is checked inside the storage write or delete
/// closure, under the entity's lock, so nothing can change between the check
/// and the commit. It does not know about HTTP beyond parsing the header values.
public struct EntityPrecondition: Sendable, Equatable {
    /// Which versions an entity tag list accepts.
    public enum Tags: Sendable, Equatable {
        /// `*`: any existing version.
        case any
        /// One of these versions.
        case versions([UInt64])

        func matches(_ version: UInt64) -> Bool {
            switch self {
            case .any: true
            case .versions(let versions): versions.contains(version)
            }
        }
    }

    /// `If-Match`: the current version must be one of these.
    public var ifMatch: Tags?
    /// `If-None-Match`: the current version must not be one of these (`*`: must not exist).
    public var ifNoneMatch: Tags?

    /// Parses the header values; nil when neither header is present.
    ///
    /// - Throws: `.badRequest` if a value is neither `*` nor a list of quoted versions.
    public init?(ifMatch: String?, ifNoneMatch: String? = nil) throws(DeltaError) {
        guard ifMatch != nil || ifNoneMatch != nil else { return nil }
        self.ifMatch = try ifMatch.map { (value) throws(DeltaError) in try Self.parse(value, header: "If-Match") }
        self.ifNoneMatch = try ifNoneMatch.map { (value) throws(DeltaError) in try Self.parse(value, header: "If-None-Match") }
    }

    /// Throws `.preconditionFailed` (with the current version) unless `current` satisfies the condition.
    ///
    /// A missing entity fails `If-Match` and satisfies `If-None-Match`.
    public func check(_ current: EntityMetadata?, for id: EntityID) throws(DeltaError) {
        if let ifMatch {
            guard let current else {
                throw DeltaError(
                    .preconditionFailed,
                    "If-Match failed: entity '\(id.key)' does not exist in database '\(id.database)'; "
                        + "create it without If-Match (or with If-None-Match: *)"
                )
            }
            guard ifMatch.matches(current.version) else {
                throw DeltaError(
                    .preconditionFailed,
                    "If-Match failed: entity '\(id.key)' is at version \(current.version); "
                        + "read it again (GET returns the ETag) and retry with that version",
                    currentVersion: current.version
                )
            }
        }
        if let ifNoneMatch, let current, ifNoneMatch.matches(current.version) {
            throw DeltaError(
                .preconditionFailed,
                ifNoneMatch == .any
                    ? "If-None-Match: * failed: entity '\(id.key)' already exists (version \(current.version)); "
                        + "update it with If-Match instead"
                    : "If-None-Match failed: entity '\(id.key)' is at version \(current.version)",
                currentVersion: current.version
            )
        }
    }

    /// `*`, or a comma-separated list of `"<version>"` / `W/"<version>"`.
    private static func parse(_ value: String, header: String) throws(DeltaError) -> Tags {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return .any }
        var versions: [UInt64] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            var tag = Substring(part.trimmingCharacters(in: .whitespaces))
            if tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
            guard tag.count >= 3, tag.first == "\"", tag.last == "\"",
                  let version = UInt64(tag.dropFirst().dropLast()), version > 0
            else {
                throw DeltaError(
                    .badRequest,
                    "\(header) must be * or quoted entity versions such as \"3\" (the ETag a GET returned)"
                )
            }
            versions.append(version)
        }
        return .versions(versions)
    }
}
