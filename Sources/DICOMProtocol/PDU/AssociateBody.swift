/// The body shared by A-ASSOCIATE-RQ and A-ASSOCIATE-AC (PS3.8 Tables 9-11 and 9-17): they
/// differ only in the presentation context item they carry.
protocol AssociatePresentationContext: Sendable, Hashable {
    static var itemType: UInt8 { get }
    init(decoding body: inout ItemCursor) throws
    func encode(into writer: inout ByteWriter)
}

extension PresentationContextRQ: AssociatePresentationContext {}
extension PresentationContextAC: AssociatePresentationContext {}

struct AssociateBody<Context: AssociatePresentationContext> {
    static var applicationContextType: UInt8 { 0x10 }

    var protocolVersion: UInt16
    var calledAETitle: AETitle
    var callingAETitle: AETitle
    var applicationContextName: String
    var presentationContexts: [Context]
    var userInformation: UserInformation

    init(
        protocolVersion: UInt16, calledAETitle: AETitle, callingAETitle: AETitle,
        applicationContextName: String, presentationContexts: [Context], userInformation: UserInformation
    ) {
        self.protocolVersion = protocolVersion
        self.calledAETitle = calledAETitle
        self.callingAETitle = callingAETitle
        self.applicationContextName = applicationContextName
        self.presentationContexts = presentationContexts
        self.userInformation = userInformation
    }

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
