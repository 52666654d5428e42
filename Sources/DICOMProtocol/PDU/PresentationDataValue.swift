/// One Presentation Data Value item of a P-DATA-TF PDU (PS3.8 §9.3.5.1, Table 9-23, and
/// Annex E.2): a fragment of a DIMSE command or data set for one presentation context.
public struct PresentationDataValue: Sendable, Hashable {
    public var presentationContextID: UInt8
    /// Message Control Header bit 0: a command fragment (1) or a data set fragment (0).
    public var isCommand: Bool
    /// Message Control Header bit 1: the last fragment of the command or data set.
    public var isLastFragment: Bool
    /// The fragment; a slice of the receive buffer when decoded, so no bytes were copied.
    public var data: ArraySlice<UInt8>

    public init(presentationContextID: UInt8, isCommand: Bool, isLastFragment: Bool, data: ArraySlice<UInt8>) {
        self.presentationContextID = presentationContextID
        self.isCommand = isCommand
        self.isLastFragment = isLastFragment
        self.data = data
    }

    /// Presentation-context-ID and Message Control Header, the 2 bytes before the data.
    static let headerLength = 2
    /// Item-length field plus header: the bytes a PDV adds around its data.
    static let overhead = 4 + headerLength

    var messageControlHeader: UInt8 { (isCommand ? 0b01 : 0) | (isLastFragment ? 0b10 : 0) }

    init(presentationContextID: UInt8, messageControlHeader: UInt8, data: ArraySlice<UInt8>) {
        self.init(
            presentationContextID: presentationContextID, isCommand: messageControlHeader & 0b01 != 0,
            isLastFragment: messageControlHeader & 0b10 != 0, data: data)
    }

    /// Writes the PDV item: a 4-byte length, the context ID, the header and `data`.
    static func write(
        presentationContextID: UInt8, messageControlHeader: UInt8, data: some Collection<UInt8>,
        into writer: inout ByteWriter
    ) {
        writer.writeUInt32(UInt32(data.count + headerLength), .bigEndian)
        writer.writeUInt8(presentationContextID)
        writer.writeUInt8(messageControlHeader)
        writer.writeContiguousBytes(data)
    }
}
