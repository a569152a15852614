extension KeyedDecodingContainer {
    /// Like `decodeIfPresent`, but an explicit `null` is an error rather than
    /// "absent": the spec says the member is optional, not nullable, so a request
    /// that sends `null` gets a 400 instead of being read as if it left it out.
    ///
    /// - Throws: `DecodingError.valueNotFound` for `null`; whatever
    ///   `decodeIfPresent` throws otherwise.
    public func decodeIfPresentNonNull<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        if contains(key), try decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(
                Value.self,
                .init(codingPath: codingPath + [key], debugDescription: "'\(key.stringValue)' must not be null; leave it out instead")
            )
        }
        return try decodeIfPresent(Value.self, forKey: key)
    }
}
