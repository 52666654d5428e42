/// The presentation context item an A-ASSOCIATE PDU carries: the RQ's (PS3.8 Table 9-13) or
/// the AC's (Table 9-18) — the only difference between the two PDUs.
public protocol AssociatePresentationContext: Sendable, Hashable {}

/// How such an item is coded (internal, as the item cursor is).
protocol AssociatePresentationContextCoding: AssociatePresentationContext {
    static var itemType: UInt8 { get }
    init(decoding body: inout ItemCursor) throws
    func encode(into writer: inout ByteWriter)
}

extension PresentationContextRQ: AssociatePresentationContextCoding {}
extension PresentationContextAC: AssociatePresentationContextCoding {}

/// A-ASSOCIATE-RQ (what the requestor proposes) is `AAssociate<PresentationContextRQ>`.
public typealias AssociateRQ = AAssociate<PresentationContextRQ>
/// A-ASSOCIATE-AC (the acceptor's answer) is `AAssociate<PresentationContextAC>`; its AE title
/// fields are reserved (they should echo the RQ but are not tested, PS3.8 §9.3.3.1).
public typealias AssociateAC = AAssociate<PresentationContextAC>

/// A-ASSOCIATE-RQ and A-ASSOCIATE-AC PDUs (PS3.8 §9.3.2, Table 9-11; §9.3.3, Table 9-17): one
/// body, differing only in the presentation context item they carry.
public struct AAssociate<Context: AssociatePresentationContext>: Sendable, Hashable {
    /// The DICOM Application Context Name (PS3.7 Annex A.2.1), the only one defined.
    public static var dicomApplicationContextName: String { "1.2.840.10008.3.1.1.1" }

    /// Bit 0 set: version 1 (PS3.8 §9.3.2).
    public var protocolVersion: UInt16
    public var calledAETitle: AETitle
    public var callingAETitle: AETitle
    public var applicationContextName: String
    public var presentationContexts: [Context]
    public var userInformation: UserInformation

    public init(
        calledAETitle: AETitle, callingAETitle: AETitle, presentationContexts: [Context],
        userInformation: UserInformation, applicationContextName: String = Self.dicomApplicationContextName,
        protocolVersion: UInt16 = 1
    ) {
        self.protocolVersion = protocolVersion
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }
}

extension AAssociate where Context: AssociatePresentationContextCoding {
    static var applicationContextType: UInt8 { 0x10 }

    init(decoding body: inout ItemCursor) throws {
        protocolVersion = try body.uint16("Protocol-version")
        try body.skip(2, "reserved")
        calledAETitle = AETitle(field: try body.bytes(16, "Called-AE-title"))!
        callingAETitle = AETitle(field: try body.bytes(16, "Calling-AE-title"))!
        try body.skip(32, "reserved")
        var applicationContext: String?
        var contexts: [Context] = []
        var userInformation: UserInformation?
        while let (type, _, item) = try body.item() {
            var sub = item
            switch type {
            case Self.applicationContextType where applicationContext == nil:
                applicationContext = try sub.uid(sub.reader.remaining, "Application-context-name")
            case Context.itemType:
                contexts.append(try Context(decoding: &sub))
            case UserInformation.itemType where userInformation == nil:
                userInformation = try UserInformation(decoding: &sub)
            default:
                throw body.error(.malformed, "item", "unexpected or repeated item \(String(hexByte: type))")
            }
        }
        guard let applicationContext else {
            throw body.error(.malformed, "Application Context item", "is missing")
        }
        applicationContextName = applicationContext
        presentationContexts = contexts
        // Mandatory in the standard; some old peers omit it, and nothing in it is essential.
        self.userInformation = userInformation ?? UserInformation()
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeUInt16(protocolVersion, .bigEndian)
        writer.writeUInt16(0, .bigEndian)
        writer.writeBytes(contentsOf: calledAETitle.field)
        writer.writeBytes(contentsOf: callingAETitle.field)
        writer.writeBytes(contentsOf: repeatElement(0, count: 32))
        writer.writeItem(Self.applicationContextType) { $0.writeASCII(applicationContextName) }
        for context in presentationContexts { context.encode(into: &writer) }
        userInformation.encode(into: &writer)
    }
}
