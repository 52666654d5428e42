import Testing
@testable import DICOMProtocol

@Suite("Byte cursor")
struct ByteReaderTests {
    @Test("reads both byte orders and stops at the end without trapping")
    func readsAndStops() {
        var writer = ByteWriter()
        writer.writeUInt16(0x0102, .bigEndian)
        writer.writeUInt32(0x0304_0506, .littleEndian)
        var reader = ByteReader(writer.bytes)
        #expect(reader.readUInt16(.bigEndian) == 0x0102)
        #expect(reader.readUInt32(.littleEndian) == 0x0304_0506)
        #expect(reader.readUInt8() == nil)
        #expect(reader.readSlice(1) == nil)
        #expect(reader.remaining == 0)
    }

    @Test("slices keep the storage's indices and offsets count from the slice start")
    func slices() {
        let base: [UInt8] = [9, 9, 1, 2, 3, 4]
        var reader = ByteReader(base[2...])
        #expect(reader.offset == 0)
        #expect(reader.readSlice(2).map(Array.init) == [1, 2])
        #expect(reader.offset == 2)
        #expect(reader.peek() == 3)
        #expect(reader.readUInt16(.littleEndian) == 0x0403)
    }

    @Test("patching a length rewrites it in place")
    func patch() {
        var writer = ByteWriter()
        writer.writeUInt16(0, .bigEndian)
        writer.writeUInt32(0, .bigEndian)
        writer.patch(0xAABB_CCDD, at: 2, .bigEndian)
        #expect(writer.bytes == [0, 0, 0xAA, 0xBB, 0xCC, 0xDD])
    }
}
