/// The actions of the upper layer protocol machine (PS3.8 §9.2.2, Tables 9-6 to 9-9).
///
/// Each doc comment is the standard's definition; `ULStateMachine` carries them out as
/// `ULOutput`s for the I/O code.
public enum ULAction: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    // Table 9-6, association establishment related actions.
    /// AE-1: Issue TRANSPORT CONNECT request primitive to local transport service. Next: Sta4.
    case ae1
    /// AE-2: Send A-ASSOCIATE-RQ PDU. Next: Sta5.
    case ae2
    /// AE-3: Issue A-ASSOCIATE confirmation (accept) primitive. Next: Sta6.
    case ae3
    /// AE-4: Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection.
    /// Next: Sta1.
    case ae4
    /// AE-5: Issue transport connection response primitive; start ARTIM timer. Next: Sta2.
    case ae5
    /// AE-6: Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue
    /// A-ASSOCIATE indication primitive, next Sta3; otherwise: issue A-ASSOCIATE-RJ PDU and
    /// start ARTIM timer, next Sta13.
    case ae6
    /// AE-7: Send A-ASSOCIATE-AC PDU. Next: Sta6.
    case ae7
    /// AE-8: Send A-ASSOCIATE-RJ PDU and start ARTIM timer. Next: Sta13.
    case ae8

    // Table 9-7, data transfer related actions.
    /// DT-1: Send P-DATA-TF PDU. Next: Sta6.
    case dt1
    /// DT-2: Send P-DATA indication primitive. Next: Sta6.
    case dt2

    // Table 9-8, association release related actions.
    /// AR-1: Send A-RELEASE-RQ PDU. Next: Sta7.
    case ar1
    /// AR-2: Issue A-RELEASE indication primitive. Next: Sta8.
    case ar2
    /// AR-3: Issue A-RELEASE confirmation primitive, and close transport connection. Next: Sta1.
    case ar3
    /// AR-4: Issue A-RELEASE-RP PDU and start ARTIM timer. Next: Sta13.
    case ar4
    /// AR-5: Stop ARTIM timer. Next: Sta1.
    case ar5
    /// AR-6: Issue P-DATA indication. Next: Sta7.
    case ar6
    /// AR-7: Issue P-DATA-TF PDU. Next: Sta8.
    case ar7
    /// AR-8: Issue A-RELEASE indication (release collision): if association-requestor, next
    /// Sta9; if not, next Sta10.
    case ar8
    /// AR-9: Send A-RELEASE-RP PDU. Next: Sta11.
    case ar9
    /// AR-10: Issue A-RELEASE confirmation primitive. Next: Sta12.
    case ar10

    // Table 9-9, association abort related actions.
    /// AA-1: Send A-ABORT PDU (service-user source) and start (or restart if already started)
    /// ARTIM timer. Next: Sta13.
    case aa1
    /// AA-2: Stop ARTIM timer if running. Close transport connection. Next: Sta1.
    case aa2
    /// AA-3: If service-user initiated abort: issue A-ABORT indication and close transport
    /// connection; otherwise (service-provider initiated abort): issue A-P-ABORT indication and
    /// close transport connection. Next: Sta1.
    case aa3
    /// AA-4: Issue A-P-ABORT indication primitive. Next: Sta1.
    case aa4
    /// AA-5: Stop ARTIM timer. Next: Sta1.
    case aa5
    /// AA-6: Ignore PDU. Next: Sta13.
    case aa6
    /// AA-7: Send A-ABORT PDU. Next: Sta13.
    case aa7
    /// AA-8: Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and
    /// start ARTIM timer. Next: Sta13.
    case aa8

    /// "AE-1", "DT-2", "AR-10", "AA-8", as the standard writes it.
    public var description: String {
        switch self {
        case .ae1: "AE-1"
        case .ae2: "AE-2"
        case .ae3: "AE-3"
        case .ae4: "AE-4"
        case .ae5: "AE-5"
        case .ae6: "AE-6"
        case .ae7: "AE-7"
        case .ae8: "AE-8"
        case .dt1: "DT-1"
        case .dt2: "DT-2"
        case .ar1: "AR-1"
        case .ar2: "AR-2"
        case .ar3: "AR-3"
        case .ar4: "AR-4"
        case .ar5: "AR-5"
        case .ar6: "AR-6"
        case .ar7: "AR-7"
        case .ar8: "AR-8"
        case .ar9: "AR-9"
        case .ar10: "AR-10"
        case .aa1: "AA-1"
        case .aa2: "AA-2"
        case .aa3: "AA-3"
        case .aa4: "AA-4"
        case .aa5: "AA-5"
        case .aa6: "AA-6"
        case .aa7: "AA-7"
        case .aa8: "AA-8"
        }
    }
}
