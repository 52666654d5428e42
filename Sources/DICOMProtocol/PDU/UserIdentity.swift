/// User Identity Negotiation sub-item, A-ASSOCIATE-RQ form (PS3.8 §D.3.3.7.1, Table D.3-14).
public struct UserIdentityRQ: Sendable, Hashable {
    static let itemType: UInt8 = 0x58

    /// User-Identity-Type (1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JWT);
    /// an open set, so kept as its wire value.
    public var userIdentityType: UInt8
    public var positiveResponseRequested: Bool
    public var primaryField: [UInt8]
    /// Only meaningful for type 2 (the passcode); empty otherwise.
    public var secondaryField: [UInt8]

    public init(
        userIdentityType: UInt8, positiveResponseRequested: Bool, primaryField: [UInt8],
        secondaryField: [UInt8] = []
    ) {
        self.userIdentityType = userIdentityType
        self.positiveResponseRequested = positiveResponseRequested
        self.primaryField = primaryField
        self.secondaryField = secondaryField
    }

    /// Username (type 1) or username and passcode (type 2).
    public static func username(_ name: String, passcode: String? = nil, positiveResponseRequested: Bool = false)
        -> UserIdentityRQ
    {
        UserIdentityRQ(
            userIdentityType: passcode == nil ? 1 : 2, positiveResponseRequested: positiveResponseRequested,
            primaryField: Array(name.utf8), secondaryField: Array((passcode ?? "").utf8))
    }

    init(decoding body: inout ItemCursor) throws {
        userIdentityType = try body.uint8("User-Identity-Type")
        positiveResponseRequested = try body.uint8("Positive-response-requested") == 1
        primaryField = Array(try body.bytes(Int(try body.uint16("Primary-field-length")), "Primary-field"))
        secondaryField = Array(try body.bytes(Int(try body.uint16("Secondary-field-length")), "Secondary-field"))
        try body.expectEnd("User Identity")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) {
            $0.writeUInt8(userIdentityType)
            $0.writeUInt8(positiveResponseRequested ? 1 : 0)
            $0.writeLengthPrefixed(primaryField)
            $0.writeLengthPrefixed(secondaryField)
        }
    }
}

/// User Identity Negotiation sub-item, A-ASSOCIATE-AC form (PS3.8 §D.3.3.7.2, Table D.3-15):
/// the server response (a Kerberos ticket, SAML response or JWT; empty for username types).
public struct UserIdentityAC: Sendable, Hashable {
    static let itemType: UInt8 = 0x59

    public var serverResponse: [UInt8]

    public init(serverResponse: [UInt8]) { self.serverResponse = serverResponse }

    init(decoding body: inout ItemCursor) throws {
        serverResponse = Array(try body.bytes(Int(try body.uint16("Server-response-length")), "Server-response"))
        try body.expectEnd("User Identity")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) { $0.writeLengthPrefixed(serverResponse) }
    }
}
