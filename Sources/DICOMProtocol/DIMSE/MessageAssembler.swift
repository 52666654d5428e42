/// Rebuilds DIMSE messages from the PDVs of received P-DATA-TF PDUs (PS3.8 §9.3.5, Annex E;
/// PS3.7 §6.3.1).
///
/// The command set is gathered whole (it is small); data set fragments are passed on as they
/// arrive — slices of the receive buffer, not copies — so a C-STORE can be written to disk
/// while it is still being received. Protocol violations throw `ProtocolError`, which the
/// association turns into an A-ABORT.
public struct MessageAssembler: Sendable {
    public enum Event: Sendable, Hashable {
        /// The command set is complete. `hasDataSet` is read from its Command Data Set Type
        /// (0000,0800); when false, `messageComplete` follows at once.
        case command(presentationContextID: UInt8, bytes: [UInt8], hasDataSet: Bool)
        /// A piece of the data set, in order.
        case dataSetFragment(presentationContextID: UInt8, bytes: ArraySlice<UInt8>, isLast: Bool)
        /// The message (command and any data set) is complete.
        case messageComplete(presentationContextID: UInt8)
    }

    /// Command sets beyond this size are refused (a few hundred bytes is usual).
    public var maximumCommandLength: Int

    private enum State: Sendable {
        case idle
        case command(contextID: UInt8, bytes: [UInt8])
        case dataSet(contextID: UInt8)
    }

    private var state = State.idle

    public init(maximumCommandLength: Int = 65_536) {
        self.maximumCommandLength = maximumCommandLength
    }

    /// True between messages.
    public var isIdle: Bool {
        if case .idle = state { return true }
        return false
    }

    /// Consumes every PDV of a P-DATA-TF in order.
    public mutating func consume(_ pdu: PDataTF, _ handle: (Event) throws -> Void) throws {
        for pdv in pdu.pdvs { try consume(pdv, handle) }
    }

    /// Consumes one PDV, calling `handle` for each event it completes (none, one or two).
    public mutating func consume(_ pdv: PresentationDataValue, _ handle: (Event) throws -> Void) throws {
        let id = pdv.presentationContextID
        switch state {
        case .idle:
            guard pdv.isCommand else {
                throw violation("a data set fragment arrived before any command (context \(id))")
            }
            var bytes: [UInt8] = []
            try appendCommand(pdv, to: &bytes, handle)
        case .command(let current, var bytes):
            try requireSame(current, id)
            guard pdv.isCommand else {
                throw violation("a data set fragment arrived before the last command fragment (context \(id))")
            }
            state = .idle  // release the state's reference so appending does not copy `bytes`
            try appendCommand(pdv, to: &bytes, handle)
        case .dataSet(let current):
            try requireSame(current, id)
            guard !pdv.isCommand else {
                throw violation("a command fragment arrived after the last command fragment (context \(id))")
            }
            if pdv.isLastFragment { state = .idle }
            try handle(.dataSetFragment(presentationContextID: id, bytes: pdv.data, isLast: pdv.isLastFragment))
            if pdv.isLastFragment { try handle(.messageComplete(presentationContextID: id)) }
        }
    }

    private mutating func appendCommand(
        _ pdv: PresentationDataValue, to bytes: inout [UInt8], _ handle: (Event) throws -> Void
    ) throws {
        guard bytes.count + pdv.data.count <= maximumCommandLength else {
            throw ProtocolError(
                .tooLong, field: "DIMSE command set",
                "exceeds \(maximumCommandLength) bytes (context \(pdv.presentationContextID))")
        }
        bytes.append(contentsOf: pdv.data)
        let id = pdv.presentationContextID
        guard pdv.isLastFragment else {
            state = .command(contextID: id, bytes: bytes)
            return
        }
        let hasDataSet = try Self.announcesDataSet(bytes[...])
        state = hasDataSet ? .dataSet(contextID: id) : .idle
        try handle(.command(presentationContextID: id, bytes: bytes, hasDataSet: hasDataSet))
        if !hasDataSet { try handle(.messageComplete(presentationContextID: id)) }
    }

    private func requireSame(_ current: UInt8, _ id: UInt8) throws {
        guard current == id else {
            throw violation("the presentation context changed from \(current) to \(id) in the middle of a message")
        }
    }

    private func violation(_ detail: String) -> ProtocolError {
        ProtocolError(.malformed, field: "P-DATA-TF PDV", detail)
    }

    /// Command Data Set Type (0000,0800), PS3.7 §E.1: 0x0101 means "no data set", anything else
    /// that one follows. Command sets are Implicit VR Little Endian (PS3.7 §6.3.1), so the scan
    /// walks tag, 4-byte length, value.
    static func announcesDataSet(_ command: ArraySlice<UInt8>) throws -> Bool {
        var reader = ByteReader(command)
        while let group = reader.readUInt16(.littleEndian), let element = reader.readUInt16(.littleEndian),
            let length = reader.readUInt32(.littleEndian)
        {
            guard let value = reader.readSlice(Int(length)) else { break }
            if group == 0x0000 && element == 0x0800 {
                var v = ByteReader(value)
                guard length == 2, let type = v.readUInt16(.littleEndian) else {
                    throw ProtocolError(.malformed, field: "(0000,0800) CommandDataSetType", "must be a 2-byte US")
                }
                return type != 0x0101
            }
        }
        throw ProtocolError(.malformed, field: "(0000,0800) CommandDataSetType", "missing from the command set")
    }
}
