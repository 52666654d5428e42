/// User Information item (PS3.8 §9.3.2.3, Table 9-16) and its sub-items (Annex D).
///
/// Encoded in item-type order (0x51 … 0x59, then unknown sub-items as received), which is the
/// order DCMTK and pynetdicom use. Sub-items we do not know survive as raw bytes so that a
/// proxy or a log can show them.
public struct UserInformation: Sendable, Hashable {
    static let itemType: UInt8 = 0x50
    static let maximumLengthType: UInt8 = 0x51
    static let implementationClassUIDType: UInt8 = 0x52
    static let implementationVersionNameType: UInt8 = 0x55

    /// Maximum Length sub-item (PS3.8 §D.1): the largest P-DATA-TF PDU the sender can receive;
    /// 0 means unlimited.
    public var maximumLength: UInt32?
    /// Implementation Class UID (PS3.8 §D.3.3.2), mandatory in practice.
    public var implementationClassUID: String?
    /// Implementation Version Name (PS3.8 §D.3.3.2), 1–16 characters.
    public var implementationVersionName: String?
    public var asynchronousOperationsWindow: AsynchronousOperationsWindow?
    public var roleSelections: [RoleSelection]
    public var sopClassExtendedNegotiations: [SOPClassExtendedNegotiation]
    public var sopClassCommonExtendedNegotiations: [SOPClassCommonExtendedNegotiation]
    public var userIdentityRQ: UserIdentityRQ?
    public var userIdentityAC: UserIdentityAC?
    /// Sub-items of types this implementation does not know, as received.
    public var unknownItems: [RawItem]

    public init(
        maximumLength: UInt32? = nil, implementationClassUID: String? = nil,
        implementationVersionName: String? = nil,
        asynchronousOperationsWindow: AsynchronousOperationsWindow? = nil,
        roleSelections: [RoleSelection] = [],
        sopClassExtendedNegotiations: [SOPClassExtendedNegotiation] = [],
        sopClassCommonExtendedNegotiations: [SOPClassCommonExtendedNegotiation] = [],
        userIdentityRQ: UserIdentityRQ? = nil, userIdentityAC: UserIdentityAC? = nil,
        unknownItems: [RawItem] = []
    ) {
        self.maximumLength = maximumLength
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
        self.asynchronousOperationsWindow = asynchronousOperationsWindow
        self.roleSelections = roleSelections
        self.sopClassExtendedNegotiations = sopClassExtendedNegotiations
        self.sopClassCommonExtendedNegotiations = sopClassCommonExtendedNegotiations
        self.userIdentityRQ = userIdentityRQ
        self.userIdentityAC = userIdentityAC
        self.unknownItems = unknownItems
    }

    /// A sub-item kept as its type, reserved byte and body.
    public struct RawItem: Sendable, Hashable {
        public var type: UInt8
        public var reserved: UInt8
        public var body: [UInt8]

        public init(type: UInt8, reserved: UInt8 = 0, body: [UInt8]) {
            self.type = type
            self.reserved = reserved
            self.body = body
        }
    }

    init(decoding body: inout ItemCursor) throws {
        self.init()
        while let (type, reserved, item) = try body.item() {
            var sub = item
            switch type {
            case Self.maximumLengthType:
                maximumLength = try sub.uint32("Maximum-length-received")
                try sub.expectEnd("Maximum Length")
            case Self.implementationClassUIDType:
                implementationClassUID = try sub.uid(sub.reader.remaining, "Implementation-class-uid")
            case Self.implementationVersionNameType:
                implementationVersionName = String(decoding: sub.rest(), as: UTF8.self)
            case AsynchronousOperationsWindow.itemType:
                asynchronousOperationsWindow = try AsynchronousOperationsWindow(decoding: &sub)
            case RoleSelection.itemType:
                roleSelections.append(try RoleSelection(decoding: &sub))
            case SOPClassExtendedNegotiation.itemType:
                sopClassExtendedNegotiations.append(try SOPClassExtendedNegotiation(decoding: &sub))
            case SOPClassCommonExtendedNegotiation.itemType:
                sopClassCommonExtendedNegotiations.append(
                    try SOPClassCommonExtendedNegotiation(decoding: &sub, version: reserved))
            case UserIdentityRQ.itemType:
                userIdentityRQ = try UserIdentityRQ(decoding: &sub)
            case UserIdentityAC.itemType:
                userIdentityAC = try UserIdentityAC(decoding: &sub)
            default:
                unknownItems.append(RawItem(type: type, reserved: reserved, body: Array(sub.rest())))
            }
        }
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) { w in
            if let maximumLength {
                w.writeItem(Self.maximumLengthType) { $0.writeUInt32(maximumLength, .bigEndian) }
            }
            if let implementationClassUID {
                w.writeItem(Self.implementationClassUIDType) { $0.writeASCII(implementationClassUID) }
            }
            asynchronousOperationsWindow?.encode(into: &w)
            for role in roleSelections { role.encode(into: &w) }
            if let implementationVersionName {
                w.writeItem(Self.implementationVersionNameType) { $0.writeASCII(implementationVersionName) }
            }
            for item in sopClassExtendedNegotiations { item.encode(into: &w) }
            for item in sopClassCommonExtendedNegotiations { item.encode(into: &w) }
            userIdentityRQ?.encode(into: &w)
            userIdentityAC?.encode(into: &w)
            for raw in unknownItems {
                w.writeItem(raw.type, reserved: raw.reserved) { $0.writeBytes(contentsOf: raw.body) }
            }
        }
    }
}
