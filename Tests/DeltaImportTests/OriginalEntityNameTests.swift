import DeltaCore
import DeltaImport
import Testing

@Suite("The original's file ids → database and key")
struct OriginalEntityNameTests {
    func sidecar(database: String? = nil, key: String? = nil, schema: String? = nil) -> OriginalSidecar {
        OriginalSidecar(database: database, entityKey: key, schema: schema)
    }

    @Test("the sidecar's database and entity_key decide, even with '_' on both sides")
    func sidecarDecides() throws {
        let name = try OriginalEntityName.resolve(fileID: "chat_db_session_001", sidecar: sidecar(database: "chat_db", key: "session_001"))
        #expect(name == OriginalEntityName(database: "chat_db", key: "session_001", guessed: false))
    }

    @Test("the later version's 'schema' field names the database")
    func schemaField() throws {
        let name = try OriginalEntityName.resolve(fileID: "chat.v1_s_1", sidecar: sidecar(key: "s_1", schema: "chat.v1"))
        #expect(name == OriginalEntityName(database: "chat.v1", key: "s_1", guessed: false))
    }

    @Test("one of the two names is enough")
    func oneName() throws {
        #expect(try OriginalEntityName.resolve(fileID: "a_b_c", sidecar: sidecar(key: "c"))
            == OriginalEntityName(database: "a_b", key: "c", guessed: false))
        #expect(try OriginalEntityName.resolve(fileID: "a_b_c", sidecar: sidecar(database: "a"))
            == OriginalEntityName(database: "a", key: "b_c", guessed: false))
    }

    @Test("without names: split at the first '_', a guess only when there are several")
    func firstUnderscore() throws {
        #expect(try OriginalEntityName.resolve(fileID: "chatdb_Chat_id", sidecar: sidecar())
            == OriginalEntityName(database: "chatdb", key: "Chat_id", guessed: true))
        #expect(try OriginalEntityName.resolve(fileID: "users_alice", sidecar: sidecar())
            == OriginalEntityName(database: "users", key: "alice", guessed: false))
    }

    @Test("ids that cannot be split, and sidecars that contradict the file name, are refused", arguments: [
        ("nounderscore", nil as String?, nil as String?),
        ("_key", nil, nil),
        ("db_", nil, nil),
        ("a_b", "x", "b"),
        ("a_b", nil, "c"),
        ("a_b", "b", nil),
    ])
    func refused(fileID: String, database: String?, key: String?) {
        let error = #expect(throws: DeltaError.self) {
            try OriginalEntityName.resolve(fileID: fileID, sidecar: sidecar(database: database, key: key))
        }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains(fileID) == true)
    }
}
