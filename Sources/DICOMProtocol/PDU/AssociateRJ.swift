/// A-ASSOCIATE-RJ PDU (PS3.8 §9.3.4, Table 9-21): the acceptor refuses the association.
/// A rejection is a result to report, with the standard's words for why.
public struct AssociateRJ: Sendable, Hashable, CustomStringConvertible {
    public var result: Result
    public var source: Source

    public init(result: Result, source: Source) {
        self.result = result
        self.source = source
    }

    /// Result field: 1 rejected-permanent, 2 rejected-transient.
    public enum Result: Sendable, Hashable, CustomStringConvertible {
        case rejectedPermanent
        case rejectedTransient
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .rejectedPermanent
            case 2: self = .rejectedTransient
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .rejectedPermanent: 1
            case .rejectedTransient: 2
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .rejectedPermanent: "rejected (permanent)"
            case .rejectedTransient: "rejected (transient)"
            case .reserved(let value): "reserved result \(value)"
            }
        }
    }

    /// Source and Reason/Diag. fields together: the meaning of a reason depends on its source.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// Source 1, DICOM UL service-user.
        case serviceUser(ServiceUserReason)
        /// Source 2, DICOM UL service-provider (ACSE related function).
        case serviceProviderACSE(ServiceProviderACSEReason)
        /// Source 3, DICOM UL service-provider (Presentation related function).
        case serviceProviderPresentation(ServiceProviderPresentationReason)
        case reserved(source: UInt8, reason: UInt8)

        public init(source: UInt8, reason: UInt8) {
            switch source {
            case 1: self = .serviceUser(ServiceUserReason(rawValue: reason))
            case 2: self = .serviceProviderACSE(ServiceProviderACSEReason(rawValue: reason))
            case 3: self = .serviceProviderPresentation(ServiceProviderPresentationReason(rawValue: reason))
            default: self = .reserved(source: source, reason: reason)
            }
        }

        public var rawValues: (source: UInt8, reason: UInt8) {
            switch self {
            case .serviceUser(let r): (1, r.rawValue)
            case .serviceProviderACSE(let r): (2, r.rawValue)
            case .serviceProviderPresentation(let r): (3, r.rawValue)
            case .reserved(let source, let reason): (source, reason)
            }
        }

        public var description: String {
            switch self {
            case .serviceUser(let r): "\(r) (service user)"
            case .serviceProviderACSE(let r): "\(r) (service provider, ACSE)"
            case .serviceProviderPresentation(let r): "\(r) (service provider, presentation)"
            case .reserved(let source, let reason): "reserved source \(source), reason \(reason)"
            }
        }
    }

    public enum ServiceUserReason: Sendable, Hashable, CustomStringConvertible {
        case noReasonGiven  // 1
        case applicationContextNameNotSupported  // 2
        case callingAETitleNotRecognized  // 3
        case calledAETitleNotRecognized  // 7
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .noReasonGiven
            case 2: self = .applicationContextNameNotSupported
            case 3: self = .callingAETitleNotRecognized
            case 7: self = .calledAETitleNotRecognized
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .noReasonGiven: 1
            case .applicationContextNameNotSupported: 2
            case .callingAETitleNotRecognized: 3
            case .calledAETitleNotRecognized: 7
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .noReasonGiven: "no reason given"
            case .applicationContextNameNotSupported: "application context name not supported"
            case .callingAETitleNotRecognized: "calling AE title not recognized"
            case .calledAETitleNotRecognized: "called AE title not recognized"
            case .reserved(let value): "reserved reason \(value)"
            }
        }
    }

    public enum ServiceProviderACSEReason: Sendable, Hashable, CustomStringConvertible {
        case noReasonGiven  // 1
        case protocolVersionNotSupported  // 2
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .noReasonGiven
            case 2: self = .protocolVersionNotSupported
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .noReasonGiven: 1
            case .protocolVersionNotSupported: 2
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .noReasonGiven: "no reason given"
            case .protocolVersionNotSupported: "protocol version not supported"
            case .reserved(let value): "reserved reason \(value)"
            }
        }
    }

    public enum ServiceProviderPresentationReason: Sendable, Hashable, CustomStringConvertible {
        case temporaryCongestion  // 1
        case localLimitExceeded  // 2
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 1: self = .temporaryCongestion
            case 2: self = .localLimitExceeded
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .temporaryCongestion: 1
            case .localLimitExceeded: 2
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .temporaryCongestion: "temporary congestion"
            case .localLimitExceeded: "local limit exceeded"
            case .reserved(let value): "reserved reason \(value)"
            }
        }
    }

    /// "rejected (permanent): called AE title not recognized (service user)".
    public var description: String { "\(result): \(source)" }

    init(decoding body: inout ItemCursor) throws {
        try body.skip(1, "reserved")
        result = Result(rawValue: try body.uint8("Result"))
        let source = try body.uint8("Source")
        self.source = Source(source: source, reason: try body.uint8("Reason/Diag."))
        try body.expectEnd("A-ASSOCIATE-RJ")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeUInt8(0)
        writer.writeUInt8(result.rawValue)
        writer.writeUInt8(source.rawValues.source)
        writer.writeUInt8(source.rawValues.reason)
    }
}
