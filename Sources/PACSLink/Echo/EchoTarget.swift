import DICOMTransport

/// Whom to C-ECHO: an endpoint and the AE titles to use, with one timeout for every phase.
public struct EchoTarget: Sendable, Equatable {
    /// The registry name, when the target came from it.
    public var name: String?
    public var host: String
    public var port: UInt16
    public var calledAETitle: String
    public var callingAETitle: String
    public var timeout: Duration
    /// TLS settings (PS3.15 Annex B.1); `nil`: plain TCP.
    public var tls: TLSConfiguration?

    public init(
        name: String? = nil, host: String, port: UInt16, calledAETitle: String, callingAETitle: String = "PACSLINK",
        timeout: Duration = .seconds(10), tls: TLSConfiguration? = nil
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.timeout = timeout
        self.tls = tls
    }
}
