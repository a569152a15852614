/// The permissions of the seed's RBAC model.
///
/// `read` covers GET of entities; `write` covers PUT/PATCH/DELETE of entities and
/// schemas; `admin` covers key management and worker administration. The admin
/// key holds all three. As in the original, `admin` satisfies every check (an
/// `admin` key may also read and write, within its databases if scoped); `read`
/// and `write` do not imply each other: a key created with `["write"]` cannot
/// read unless it also has `read`.
public enum Permission: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case read, write, admin

    public static func < (lhs: Permission, rhs: Permission) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
