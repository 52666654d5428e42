/// The events that drive the upper layer protocol machine (PS3.8 §9.2.1, Table 9-2).
///
/// Two events carry what the action they trigger must decide: Evt6 whether the service
/// provider finds the A-ASSOCIATE-RQ acceptable (AE-6), Evt16 the source field of the
/// received A-ABORT PDU (AA-3 issues A-ABORT or A-P-ABORT accordingly).
public enum ULEvent: Hashable, Sendable, CustomStringConvertible {
    /// Evt1: A-ASSOCIATE request (local user).
    case evt1
    /// Evt2: Transport connect confirmation (local transport service).
    case evt2
    /// Evt3: A-ASSOCIATE-AC PDU (received on transport connection).
    case evt3
    /// Evt4: A-ASSOCIATE-RJ PDU (received on transport connection).
    case evt4
    /// Evt5: Transport connection indication (local transport service).
    case evt5
    /// Evt6: A-ASSOCIATE-RQ PDU (received on transport connection); `acceptable` is false when
    /// the service provider itself must reject it (e.g. an unsupported protocol version).
    case evt6(acceptable: Bool)
    /// Evt7: A-ASSOCIATE response primitive (accept).
    case evt7
    /// Evt8: A-ASSOCIATE response primitive (reject).
    case evt8
    /// Evt9: P-DATA request primitive.
    case evt9
    /// Evt10: P-DATA-TF PDU (received on transport connection).
    case evt10
    /// Evt11: A-RELEASE request primitive.
    case evt11
    /// Evt12: A-RELEASE-RQ PDU (received on transport connection).
    case evt12
    /// Evt13: A-RELEASE-RP PDU (received on transport connection).
    case evt13
    /// Evt14: A-RELEASE response primitive.
    case evt14
    /// Evt15: A-ABORT request primitive.
    case evt15
    /// Evt16: A-ABORT PDU (received on transport connection), with its source field.
    case evt16(source: ULAbortSource)
    /// Evt17: Transport connection closed indication (local transport service).
    case evt17
    /// Evt18: ARTIM timer expired (association reject/release timer).
    case evt18
    /// Evt19: Unrecognized or invalid PDU received.
    case evt19

    /// The event's number in the standard: 1 for Evt1 … 19 for Evt19.
    public var number: Int {
        switch self {
        case .evt1: 1
        case .evt2: 2
        case .evt3: 3
        case .evt4: 4
        case .evt5: 5
        case .evt6: 6
        case .evt7: 7
        case .evt8: 8
        case .evt9: 9
        case .evt10: 10
        case .evt11: 11
        case .evt12: 12
        case .evt13: 13
        case .evt14: 14
        case .evt15: 15
        case .evt16: 16
        case .evt17: 17
        case .evt18: 18
        case .evt19: 19
        }
    }

    /// "Evt1" … "Evt19", as the standard writes it.
    public var description: String { "Evt\(number)" }
}
