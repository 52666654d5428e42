extension EchoTarget {
    /// The C-ECHO target for a registered server: its AE title, host and port, called as its
    /// `local_ae_title` (else ours), within its timeout (else `defaultTimeout`).
    public init(_ entry: ServerEntry, local: LocalSettings, defaultTimeout: Duration) {
        self.init(
            name: entry.name, host: entry.connectHost, port: entry.port, calledAETitle: entry.aeTitle,
            callingAETitle: entry.localAETitle ?? local.aeTitle,
            timeout: entry.timeout.map { .milliseconds(Int64($0 * 1000)) } ?? defaultTimeout)
    }
}
