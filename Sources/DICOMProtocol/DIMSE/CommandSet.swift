/// A DIMSE command set (PS3.7 §6.3.1, §9.3): group 0000 elements, always encoded Implicit VR
/// Little Endian, led by Command Group Length (0000,0000), which is computed on encoding and
/// not trusted on decoding (the PDVs that carry the command set delimit it, PS3.8 Annex E).
public enum CommandSet {
    /// Command Data Set Type (0000,0800) value meaning "no data set follows" (PS3.7 Table E.1-1).
    public static let noDataSet: UInt16 = 0x0101
    /// The value we send when a data set follows; any value but 0x0101 means so (DCMTK sends 1).
    public static let dataSetPresent: UInt16 = 0x0001

    public static func encode(_ commandSet: DataSet) throws(ProtocolError) -> [UInt8] {
        let encoder = DataSetEncoder(encoding: .implicitVRLittleEndian)
        var bytes = CommandSetBytes()
        for element in commandSet.elements where element.tag != .commandGroupLength {
            try bytes.add(element, using: encoder)
        }
        return bytes.finish()
    }

    public static func decode(_ bytes: ArraySlice<UInt8>) throws(ProtocolError) -> DataSet {
        try DataSetDecoder(encoding: .implicitVRLittleEndian, maximumDepth: 0).decode(bytes)
    }

    /// The command set of a message that lists its own fields (`FieldListing`).
    static func dataSet(of message: some FieldListing) -> DataSet {
        var dataSet = DataSet()
        dataSet.reserveCapacity(10)
        message.add(to: &dataSet)
        return dataSet
    }

    /// Its encoding, made without the data set.
    static func bytes(of message: some FieldListing) -> [UInt8] {
        var bytes = CommandSetBytes()
        message.add(to: &bytes)
        return bytes.finish()
    }

    /// A command set holding Command Field and Command Data Set Type.
    static func make(_ field: CommandField, hasDataSet: Bool) -> DataSet {
        var dataSet = DataSet()
        dataSet.reserveCapacity(10)
        dataSet.setUInt16(field.rawValue, for: .commandField)
        dataSet.setUInt16(hasDataSet ? dataSetPresent : noDataSet, for: .commandDataSetType)
        return dataSet
    }

    /// Whether Command Data Set Type (0000,0800), required in every command set, announces a
    /// data set.
    static func hasDataSet(_ commandSet: DataSet, in message: CommandField) throws(ProtocolError) -> Bool {
        try Fields(commandSet, message).uint16(.commandDataSetType) != noDataSet
    }

    /// Reads the fields of one message's command set, naming the message and the field in
    /// the error when a required one is missing or malformed.
    struct Fields {
        let dataSet: DataSet
        let message: CommandField

        init(_ dataSet: DataSet, _ message: CommandField) {
            self.dataSet = dataSet
            self.message = message
        }

        func uint16(_ tag: Tag) throws(ProtocolError) -> UInt16 {
            guard let value = dataSet.uint16(tag) else { throw missing(tag) }
            return value
        }

        func string(_ tag: Tag) throws(ProtocolError) -> String {
            guard let value = dataSet.string(tag) else { throw missing(tag) }
            return value
        }

        func status() throws(ProtocolError) -> DIMSEStatus {
            DIMSEStatus(code: try uint16(.status))
        }

        func priority() throws(ProtocolError) -> Priority {
            Priority(rawValue: try uint16(.priority))
        }

        private func missing(_ tag: Tag) -> ProtocolError {
            let name = DataDictionary.entry(for: tag)?.name ?? "element"
            return ProtocolError(.malformed, field: "\(message) \(name) \(tag)", "required field is missing or malformed")
        }
    }
}
