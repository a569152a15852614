import DeltaCore
import Testing

@testable import DeltaCLI

/// `-metrics-addr` and `-log-format` as every executable parses them.
@Suite("Observability flags")
struct ObservabilityOptionsTests {
    @Test("no -metrics-addr, or an empty one, serves no metrics")
    func metricsOff() throws {
        #expect(try ObservabilityOptions.parse([]).resolvedMetricsAddress() == nil)
        #expect(try ObservabilityOptions.parse(["-metrics-addr="]).resolvedMetricsAddress() == nil)
    }

    @Test("-metrics-addr host:port is where metrics are served; :port listens on every interface")
    func metricsAddress() throws {
        let loopback = try #require(try ObservabilityOptions.parse(["-metrics-addr=127.0.0.1:9101"]).resolvedMetricsAddress())
        #expect(loopback.host == "127.0.0.1" && loopback.port == 9101)
        let any = try #require(try ObservabilityOptions.parse(["-metrics-addr", ":9090"]).resolvedMetricsAddress())
        #expect(any.host == "0.0.0.0" && any.port == 9090)
    }

    @Test("a -metrics-addr that is not host:port is refused with an example")
    func badMetricsAddress() {
        #expect { try ObservabilityOptions.parse(["-metrics-addr=localhost"]) } throws: { error in
            "\(error)".contains("-metrics-addr must be host:port (e.g. 127.0.0.1:9090)")
        }
    }

    @Test("-log-format takes text (the default) or json, and names both when wrong")
    func logFormat() throws {
        #expect(try ObservabilityOptions.parse([]).resolvedLogFormat() == .text)
        #expect(try ObservabilityOptions.parse(["-log-format=json"]).resolvedLogFormat() == .json)
        #expect { try ObservabilityOptions.parse(["-log-format=xml"]) } throws: { error in
            "\(error)".contains("-log-format must be 'text' or 'json', not 'xml'")
        }
    }
}
