/// P-DATA-TF PDU (PS3.8 §9.3.5, Table 9-22): one or more PDV items.
///
/// The value keeps the PDV items as they are on the wire: decoding validates them once and
/// keeps a slice of the receive buffer, and `pdvs` walks them without allocating, so a P-DATA-TF
/// of any size costs no copy and no allocation to decode.
public struct PDataTF: Sendable, Hashable {
    /// The PDV items exactly as on the wire, already validated.
    public let items: ArraySlice<UInt8>

    /// Builds a P-DATA-TF from PDVs (copies their data into the item bytes).
    public init(pdvs: some Sequence<PresentationDataValue>) {
        var writer = ByteWriter()
        for pdv in pdvs {
            PresentationDataValue.write(
                presentationContextID: pdv.presentationContextID, messageControlHeader: pdv.messageControlHeader,
                data: pdv.data, into: &writer)
        }
        items = writer.bytes[...]
    }

    /// Validates received item bytes (PS3.8 §9.3.5.1): at least one item, each at least
    /// 2 bytes long and none running past the end.
    init(decoding body: inout ItemCursor) throws {
        let items = body.rest()
        var check = ItemCursor(items, pduStart: body.pduStart, context: body.context)
        guard !check.isAtEnd else { throw check.error(.malformed, "PDV item", "none present (one or more required)") }
        while !check.isAtEnd {
            let length = Int(try check.uint32("PDV Item-length"))
            guard length >= PresentationDataValue.headerLength else {
                throw check.error(.malformed, "PDV Item-length", "is \(length), must be at least 2")
            }
            try check.skip(length, "PDV item (\(length) bytes declared)")
        }
        self.items = items
    }

    /// The PDV items, parsed as you iterate (no allocation).
    public var pdvs: PDVs { PDVs(items: items) }

    public struct PDVs: Sequence, Sendable {
        let items: ArraySlice<UInt8>

        public func makeIterator() -> Iterator { Iterator(reader: ByteReader(items)) }

        public struct Iterator: IteratorProtocol, Sendable {
            var reader: ByteReader

            public mutating func next() -> PresentationDataValue? {
                // Validated at construction, so every read succeeds while bytes remain.
                guard let length = reader.readUInt32(.bigEndian), let id = reader.readUInt8(),
                    let header = reader.readUInt8(),
                    let data = reader.readSlice(Int(length) - PresentationDataValue.headerLength)
                else { return nil }
                return PresentationDataValue(presentationContextID: id, messageControlHeader: header, data: data)
            }
        }
    }

    func encode(into writer: inout ByteWriter) { writer.writeBytes(contentsOf: items) }

    /// Writes a whole P-DATA-TF PDU holding one PDV straight into `writer`, header and body
    /// together: the fragmenter's path, which copies `data` once and builds no intermediate value.
    public static func encode(
        presentationContextID: UInt8, isCommand: Bool, isLastFragment: Bool, data: some Collection<UInt8>,
        into writer: inout ByteWriter
    ) {
        let pdv = PresentationDataValue(
            presentationContextID: presentationContextID, isCommand: isCommand, isLastFragment: isLastFragment,
            data: [])
        writer.reserveCapacity(additional: PDU.headerLength + PresentationDataValue.overhead + data.count)
        PDU.writeHeader(type: PDU.pDataTFType, length: PresentationDataValue.overhead + data.count, into: &writer)
        PresentationDataValue.write(
            presentationContextID: presentationContextID, messageControlHeader: pdv.messageControlHeader,
            data: data, into: &writer)
    }
}
