extension CodeNode {
    /// A Swift `switch` with its `case` lines at the switch's own level (Swift style),
    /// which `braces` would indent one level too far.
    static func switchStatement(_ subject: String, cases: [CodeNode]) -> CodeNode {
        .group([.line("switch \(subject) {")] + cases + [.line("}")])
    }
}
