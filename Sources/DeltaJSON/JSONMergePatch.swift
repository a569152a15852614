
/// RFC 7396 JSON Merge Patch over `JSONValue`.
///
/// An object patch merges member by member (a `null` member removes it, an
/// object member merges recursively); any other patch replaces the target. It
/// cannot fail and cannot set a member to `null` (that is the RFC's design; use
/// JSON Patch for that). Pure: no I/O.
public enum JSONMergePatch {
    /// `target` with `patch` applied.
    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(let patchObject) = patch else { return patch }
        var result = target.objectValue ?? JSONObject()
        for (key, value) in patchObject.members {
            if value.isNull {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? .null)
            }
        }
        return .object(result)
    }
}
