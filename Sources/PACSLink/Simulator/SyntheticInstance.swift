import DICOMProtocol

/// One instance of a `SyntheticStudies` archive, named by its indices: a few bytes, from which
/// the data set is rebuilt and encoded whenever it is sent.
///
/// Pixel Data (7FE0,0010) is OW, 16 bits allocated, 12 stored, MONOCHROME2 (PS3.3 §C.7.6.3):
/// `rows` × `columns` × 2 bytes, the largest such payload not above the archive's
/// `pixelBytes` (at least one pixel; at most 2³¹ − 1 pixels, so that the length fits the
/// 32-bit length field), each pixel a deterministic
/// ramp of its position and instance number.
public struct SyntheticInstance: Equatable, Sendable {
    public let archive: SyntheticStudies
    public let study: Int
    public let series: Int
    public let instance: Int

    public var rows: Int { geometry.rows }
    public var columns: Int { geometry.columns }
    /// Length of Pixel Data in bytes.
    public var pixelDataLength: Int { rows * columns * 2 }

    /// The complete data set; without Pixel Data when `includingPixelData` is false (what
    /// the database indexes).
    public func dataSet(includingPixelData: Bool = true) -> DataSet {
        var ds = attributes(extending: archive.seriesAttributes(study, series))
        if includingPixelData {
            ds.insert(DataElement(tag: .pixelData, vr: .OW, bytes: pixels(0..<pixelDataLength, ramp: ramp)))
        }
        return ds
    }

    /// The data set encoded in `transferSyntax`, delivered in chunks of at most
    /// `maximumLength` bytes, pixels generated as the chunks are taken: sending a large
    /// instance never holds more than one chunk of its pixels. Throws `unsupported` for a
    /// transfer syntax other than Implicit or Explicit VR Little Endian (the simulator never
    /// compresses).
    public func chunks(in transferSyntax: TransferSyntax, maximumLength: Int = 64 * 1024) throws(ProtocolError) -> Chunks {
        precondition(maximumLength > 0, "chunks hold at least one byte")
        guard transferSyntax.byteOrder == .littleEndian, !transferSyntax.isEncapsulated, !transferSyntax.isDeflated,
            transferSyntax.isKnown
        else {
            throw ProtocolError(
                .unsupported, field: "Transfer Syntax UID",
                "synthetic instances are encoded only in Implicit or Explicit VR Little Endian, not \(transferSyntax.name)")
        }
        let encoder = DataSetEncoder(encoding: DataSetEncoding(explicitVR: transferSyntax.isExplicitVR, byteOrder: .littleEndian))
        var head = try encoder.encode(dataSet(includingPixelData: false))
        // The Pixel Data header with an empty value; its last four bytes are the length field
        // in both encodings (PS3.5 §7.1.2, §7.1.3).
        head += try encoder.encode(DataSet([DataElement(tag: .pixelData, vr: .OW, bytes: [])]))
        let length = UInt32(pixelDataLength)
        for i in 0..<4 { head[head.count - 4 + i] = UInt8(truncatingIfNeeded: length >> (8 * i)) }
        return Chunks(instance: self, head: head, ramp: ramp, maximumLength: maximumLength)
    }

    /// The data set without Pixel Data, built on `series` (the series' attributes).
    func attributes(extending series: DataSet) -> DataSet {
        archive.instanceAttributes(study, self.series, instance, rows: rows, columns: columns, extending: series)
    }

    /// The whole encoded data set (for small instances and tests).
    public func encoded(in transferSyntax: TransferSyntax) throws(ProtocolError) -> [UInt8] {
        Array(try chunks(in: transferSyntax).joined())
    }

    /// Bytes `range` of the pixel payload: little endian 16-bit words, pixel (x, y) at byte
    /// 2 × (y × columns + x) holding (x + y + 17 × instance number) mod 4096. Each row is a
    /// slice of `ramp`, so making pixels is copying.
    private func pixels(_ range: Range<Int>, ramp: [UInt8]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(range.count)
        let rowBytes = columns * 2, offset = (instance + 1) * 17
        var position = range.lowerBound
        while position < range.upperBound {
            let (y, inRow) = position.quotientAndRemainder(dividingBy: rowBytes)
            let end = Swift.min(range.upperBound, position - inRow + rowBytes)
            let start = 2 * ((y + offset) % 4096) + inRow
            bytes += ramp[start..<start + (end - position)]
            position = end
        }
        return bytes
    }

    /// The values 0, 1, … 4095, 0, 1, … as little endian words, long enough that any row
    /// starts within the first 4096 and fits.
    private var ramp: [UInt8] {
        var words = [UInt8]()
        words.reserveCapacity(2 * (4096 + columns))
        for k in 0..<(4096 + columns) {
            words.append(UInt8(k & 0xFF))
            words.append(UInt8((k & 0x0FFF) >> 8))
        }
        return words
    }

    private var geometry: (rows: Int, columns: Int) {
        let pixels = min(max(1, archive.pixelBytes / 2), Int(Int32.max))
        let rows = max(1, min(65535, Int(Double(pixels).squareRoot())))
        return (rows, min(65535, max(1, pixels / rows)))
    }

    /// The encoded data set in chunks: the attributes and the Pixel Data header first, then
    /// the pixels, each chunk filled up to the maximum length.
    public struct Chunks: Sequence, IteratorProtocol, Sendable {
        let instance: SyntheticInstance
        let head: [UInt8]
        let ramp: [UInt8]
        let maximumLength: Int
        private var position = 0

        init(instance: SyntheticInstance, head: [UInt8], ramp: [UInt8], maximumLength: Int) {
            self.instance = instance
            self.head = head
            self.ramp = ramp
            self.maximumLength = maximumLength
        }

        /// Total encoded length in bytes.
        public var totalLength: Int { head.count + instance.pixelDataLength }

        public mutating func next() -> [UInt8]? {
            guard position < totalLength else { return nil }
            let end = Swift.min(totalLength, position + maximumLength)
            var chunk: [UInt8] = []
            chunk.reserveCapacity(end - position)
            if position < head.count { chunk += head[position..<Swift.min(end, head.count)] }
            if end > head.count { chunk += instance.pixels(Swift.max(position, head.count) - head.count..<end - head.count, ramp: ramp) }
            position = end
            return chunk
        }
    }
}
