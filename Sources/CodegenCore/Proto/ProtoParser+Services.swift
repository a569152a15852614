extension ProtoParser {
    /// `service Name { rpc M(Req) returns (Res); … }`, at `service`.
    mutating func parseService() -> ProtoService? {
        let start = current
        advance()
        guard let name = expectIdentifier("a service name") else {
            skipStatement()
            return nil
        }
        var service = ProtoService(name: name, fullName: Self.qualify(name, in: packageName), doc: doc(start: start, end: current))
        guard expectSymbol("{") else {
            skipStatement()
            return service
        }
        while !current.isSymbol("}") && current.kind != .end {
            if current.isKeyword("option") {
                skipOption()
            } else if current.isKeyword("rpc") {
                if let method = parseRPC() { service.methods.append(method) }
            } else if current.isSymbol(";") {
                advance()
            } else {
                error(current, "expected 'rpc' in service \(name), found '\(current.text)'")
                skipStatement()
            }
        }
        expectSymbol("}")
        var names: Set<String> = []
        for method in service.methods where !names.insert(method.name).inserted {
            error(start, "\(service.fullName).\(method.name): duplicate rpc name")
        }
        return service
    }

    /// `rpc Name (stream? Req) returns (stream? Res) ;` or `{ option…; }`, at `rpc`.
    private mutating func parseRPC() -> ProtoService.Method? {
        let start = current
        advance()
        guard let name = expectIdentifier("an rpc name"), expectSymbol("(") else {
            skipStatement()
            return nil
        }
        let clientStreaming = consumeStream()
        guard let input = parseFullIdentifier(), expectSymbol(")") else {
            skipStatement()
            return nil
        }
        guard current.isKeyword("returns") else {
            error(current, "expected 'returns', found '\(current.text)'")
            skipStatement()
            return nil
        }
        advance()
        guard expectSymbol("(") else {
            skipStatement()
            return nil
        }
        let serverStreaming = consumeStream()
        guard let output = parseFullIdentifier(), expectSymbol(")") else {
            skipStatement()
            return nil
        }
        let end = current
        if current.isSymbol("{") {
            advance()
            while !current.isSymbol("}") && current.kind != .end {
                if current.isKeyword("option") { skipOption() } else if current.isSymbol(";") { advance() } else {
                    error(current, "expected 'option' in rpc \(name), found '\(current.text)'")
                    skipStatement()
                }
            }
            expectSymbol("}")
        } else {
            expectSymbol(";")
        }
        return ProtoService.Method(
            name: name, input: input, output: output,
            clientStreaming: clientStreaming, serverStreaming: serverStreaming, doc: doc(start: start, end: end),
            location: start.location
        )
    }

    private mutating func consumeStream() -> Bool {
        // `stream` is only a marker when a type name follows it.
        guard current.isKeyword("stream"), position + 1 < tokens.count,
              tokens[position + 1].kind == .identifier || tokens[position + 1].isSymbol(".")
        else { return false }
        advance()
        return true
    }
}
