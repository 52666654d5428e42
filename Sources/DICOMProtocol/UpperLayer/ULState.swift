/// The states of the DICOM upper layer protocol machine (PS3.8 §9.2.1, Table 9-1).
public enum ULState: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Sta1: Idle.
    case sta1 = 1
    /// Sta2: Transport connection open (awaiting A-ASSOCIATE-RQ PDU).
    case sta2
    /// Sta3: Awaiting local A-ASSOCIATE response primitive (from local user).
    case sta3
    /// Sta4: Awaiting transport connection opening to complete (from local transport service).
    case sta4
    /// Sta5: Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU.
    case sta5
    /// Sta6: Association established and ready for data transfer.
    case sta6
    /// Sta7: Awaiting A-RELEASE-RP PDU.
    case sta7
    /// Sta8: Awaiting local A-RELEASE response primitive (from local user).
    case sta8
    /// Sta9: Release collision requestor side; awaiting A-RELEASE response (from local user).
    case sta9
    /// Sta10: Release collision acceptor side; awaiting A-RELEASE-RP PDU.
    case sta10
    /// Sta11: Release collision requestor side; awaiting A-RELEASE-RP PDU.
    case sta11
    /// Sta12: Release collision acceptor side; awaiting A-RELEASE response primitive
    /// (from local user).
    case sta12
    /// Sta13: Awaiting transport connection close indication (association no longer exists).
    case sta13

    /// "Sta1" … "Sta13", as the standard writes it.
    public var description: String { "Sta\(rawValue)" }
}
