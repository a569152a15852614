import Foundation
import Testing
@testable import DeltaCluster

/// A Processing Worker serving several Main Workers accepts each one's tokens.
@Suite("Worker session tokens from several Main Workers")
struct SessionTokensTests {
    @Test("tokens of every source are accepted; a source's reset or clear touches only its own")
    func sources() {
        let tokens = SessionTokens()
        let mainA = tokens.source(), mainB = tokens.source()
        let later = Date().addingTimeInterval(60)
        mainA.reset("token-a", expiresAt: later)
        mainB.reset("token-b", expiresAt: later)
        #expect(tokens.accepts("token-a") && tokens.accepts("token-b"))
        #expect(!tokens.accepts("token-c"))
        mainA.reset("token-a2", expiresAt: later)
        #expect(!tokens.accepts("token-a") && tokens.accepts("token-a2") && tokens.accepts("token-b"))
        mainB.clear()
        #expect(!tokens.accepts("token-b") && tokens.accepts("token-a2"))
        mainA.reset("token-old", expiresAt: Date().addingTimeInterval(-1))
        #expect(!tokens.accepts("token-old"), "expired tokens are refused whatever their source")
    }
}
