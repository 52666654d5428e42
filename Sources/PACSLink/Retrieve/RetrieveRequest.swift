/// What we asked a PACS to retrieve, as the router needs it to recognise the instances that
/// come back (PS3.4 §C.4.2 C-MOVE, §C.4.3 C-GET).
public struct RetrieveRequest: Sendable, Equatable {
    /// The registry name of the server asked.
    public var serverName: String
    /// The PACS's AE title: the Called AE of our association, and the Calling AE we expect on
    /// its sub-associations when it omits the Move Originator fields.
    public var calledAETitle: String
    /// Our AE title: Calling AE of our association and, for C-MOVE, the Move Destination
    /// (0000,0600) — so the Move Originator AE Title (0000,1030) the PACS echoes back.
    public var ourAETitle: String
    /// The host as configured (a name or a literal address).
    public var peerHost: String
    /// The addresses `peerHost` resolved to: sub-associations are expected from one of them.
    public var peerAddresses: [String]
    public var studyInstanceUID: String
    /// Empty for a study-level retrieve.
    public var seriesInstanceUIDs: [String]
    /// With one series: an image-level retrieve of these instances (empty: every instance).
    public var sopInstanceUIDs: [String] = []
    public var method: RetrieveMethod

    public init(
        serverName: String, calledAETitle: String, ourAETitle: String, peerHost: String,
        peerAddresses: [String], studyInstanceUID: String, seriesInstanceUIDs: [String] = [],
        method: RetrieveMethod = .move
    ) {
        self.serverName = serverName
        self.calledAETitle = calledAETitle
        self.ourAETitle = ourAETitle
        self.peerHost = peerHost
        self.peerAddresses = peerAddresses
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUIDs = seriesInstanceUIDs
        self.method = method
    }

    /// Whether an instance of `study`/`series` belongs to what was asked.
    func covers(studyInstanceUID study: String, seriesInstanceUID series: String) -> Bool {
        study == studyInstanceUID && (seriesInstanceUIDs.isEmpty || seriesInstanceUIDs.contains(series))
    }
}
