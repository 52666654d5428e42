/// A-ABORT PDU (PS3.8 §9.3.8, Table 9-26).
public struct AAbort: Sendable, Hashable, CustomStringConvertible {
    public var source: Source
    /// Significant only when the source is the service provider; 0 otherwise.
    public var reason: Reason

    public init(source: Source, reason: Reason = .reasonNotSpecified) {
        self.source = source
        self.reason = reason
    }

    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// 0: DICOM UL service-user (initiated abort).
        case serviceUser
        /// 2: DICOM UL service-provider (initiated abort).
        case serviceProvider
        /// 1 and 3–255.
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 0: self = .serviceUser
            case 2: self = .serviceProvider
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .serviceUser: 0
            case .serviceProvider: 2
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .serviceUser: "service user"
            case .serviceProvider: "service provider"
            case .reserved(let value): "reserved source \(value)"
            }
        }
    }

    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case reasonNotSpecified  // 0
        case unrecognizedPDU  // 1
        case unexpectedPDU  // 2
        case unrecognizedPDUParameter  // 4
        case unexpectedPDUParameter  // 5
        case invalidPDUParameterValue  // 6
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 0: self = .reasonNotSpecified
            case 1: self = .unrecognizedPDU
            case 2: self = .unexpectedPDU
            case 4: self = .unrecognizedPDUParameter
            case 5: self = .unexpectedPDUParameter
            case 6: self = .invalidPDUParameterValue
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .reasonNotSpecified: 0
            case .unrecognizedPDU: 1
            case .unexpectedPDU: 2
            case .unrecognizedPDUParameter: 4
            case .unexpectedPDUParameter: 5
            case .invalidPDUParameterValue: 6
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .reasonNotSpecified: "reason not specified"
            case .unrecognizedPDU: "unrecognized PDU"
            case .unexpectedPDU: "unexpected PDU"
            case .unrecognizedPDUParameter: "unrecognized PDU parameter"
            case .unexpectedPDUParameter: "unexpected PDU parameter"
            case .invalidPDUParameterValue: "invalid PDU parameter value"
            case .reserved(let value): "reserved reason \(value)"
            }
        }
    }

    /// "aborted by the service provider: unexpected PDU"; the reason is omitted for a user abort.
    public var description: String {
        source == .serviceProvider ? "aborted by the \(source): \(reason)" : "aborted by the \(source)"
    }

    init(decoding body: inout ItemCursor) throws {
        try body.skip(2, "reserved")
        source = Source(rawValue: try body.uint8("Source"))
        reason = Reason(rawValue: try body.uint8("Reason/Diag."))
        try body.expectEnd("A-ABORT")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeUInt8(0)
        writer.writeUInt8(0)
        writer.writeUInt8(source.rawValue)
        writer.writeUInt8(reason.rawValue)
    }
}
