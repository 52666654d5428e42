import DICOMProtocol
import Foundation
import PACSLink
import TestSupport
import Testing

/// PS3.4 Annex B (storage statuses) and PS3.10 §7 (the files we write).
@Suite("Storage: InstanceWriter")
struct StorageInstanceWriterTests {
    @Test("PS3.10 7.1 a streamed instance becomes a Part 10 file with our File Meta Information and the exact data set")
    func streamed() throws {
        let root = try TemporaryDirectory()
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        let sample = SampleInstance(pixelBytes: 200_000)
        let bytes = try sample.encoded()
        let writer = store.begin(sample.incoming())
        writer.append(bytes[..<700])
        #expect(writer.identity?.studyInstanceUID == sample.studyInstanceUID, "identity read from the first 700 bytes")
        writer.append(bytes[700...])
        let series = root.url.appendingPathComponent("RetrievedFiles/\(sample.studyInstanceUID)/\(sample.seriesInstanceUID)")
        let pending = files(under: series)
        #expect(pending.count == 1 && pending[0].hasSuffix(".partial") && pending[0].hasPrefix("."), "\(pending)")
        let stored = try writer.finish().get()
        #expect(stored.file == series.appendingPathComponent(sample.sopInstanceUID + ".dcm").path)
        #expect(files(under: root.url) == ["RetrievedFiles/\(sample.studyInstanceUID)/\(sample.seriesInstanceUID)/\(sample.sopInstanceUID).dcm"])

        let file = try DICOMFile(path: stored.file)
        let meta = try #require(file.header.fileMetaInformation)
        #expect(meta.mediaStorageSOPClassUID == sample.sopClassUID)
        #expect(meta.mediaStorageSOPInstanceUID == sample.sopInstanceUID)
        #expect(meta.transferSyntaxUID == TransferSyntax.explicitVRLittleEndian.uid)
        #expect(meta.implementationClassUID == UID.implementationClassUID)
        #expect(meta.implementationVersionName == UID.implementationVersionName)
        #expect(meta.sourceApplicationEntityTitle == "PACSA")
        var onDisk: [UInt8] = []
        while let chunk = try file.nextDataSetChunk() { onDisk += chunk }
        #expect(onDisk == bytes)
        #expect(stored.size == file.size)
    }

    @Test("DCMTK dcmdump reads the file we wrote")
    func dcmdumpReads() throws {
        let root = try TemporaryDirectory()
        let sample = SampleInstance()
        let stored = try InstanceStore(layout: StorageLayout(root: root.url)).store(sample.incoming(), try sample.encoded()).get()
        let dump = try ChildProcess.run(try DCMTK.tool("dcmdump"), [stored.file])
        #expect(dump.status == 0, "\(dump.stderr)")
        #expect(dump.stdout.contains("(0002,0002) UI =SecondaryCaptureImageStorage"), "\(dump.stdout)")
        #expect(dump.stdout.contains("[\(sample.sopInstanceUID)]"))
        #expect(dump.stdout.contains("(0002,0016) AE [PACSA]"))
    }

    @Test("PS3.5 7.1 the identity scan needs no particular chunking: one byte at a time, Implicit VR LE")
    func byteAtATime() throws {
        let root = try TemporaryDirectory()
        let sample = SampleInstance(pixelBytes: 64)
        let bytes = try sample.encoded(.implicitVRLittleEndian)
        let stored = try InstanceStore(layout: StorageLayout(root: root.url))
            .store(sample.incoming(.implicitVRLittleEndian), bytes, chunk: 1).get()
        let file = try DICOMFile(path: stored.file)
        #expect(try file.readDataSet() == (try sample.dataSet()))
    }

    @Test("A data set ending right after the Series Instance UID still stores (the end decides)")
    func identityAtEnd() throws {
        let root = try TemporaryDirectory()
        var sample = SampleInstance()
        var ds = try sample.dataSet()
        _ = ds.remove(Tag(0x7FE0, 0x0010))
        sample.pixelBytes = 0
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds)
        #expect(throws: Never.self) { try InstanceStore(layout: StorageLayout(root: root.url)).store(sample.incoming(disposition: .received), bytes).get() }
        #expect(files(under: root.url).first?.hasPrefix("ReceivedFiles/") == true)
    }

    @Test("PS3.4 B.2.3 a data set whose SOP Instance or Class UID differs from the command's: 0xA900, no file")
    func mismatch() throws {
        let root = try TemporaryDirectory()
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        let sample = SampleInstance()
        var wrongInstance = sample.incoming()
        wrongInstance.sopInstanceUID = "1.2.3.999"
        var wrongClass = sample.incoming()
        wrongClass.sopClassUID = "1.2.840.10008.5.1.4.1.1.2"
        for incoming in [wrongInstance, wrongClass] {
            let result = store.store(incoming, try sample.encoded())
            guard case .failure(let error) = result else { Issue.record("stored \(incoming)"); continue }
            #expect(error.kind == .dataSetMismatch)
            #expect(error.status == .dataSetDoesNotMatchSOPClass)
            #expect(error.errorComment.count <= 64)
        }
        #expect(files(under: root.url).isEmpty)
    }

    @Test("PS3.4 B.2.3 unreadable data sets and UIDs that cannot be paths: 0xC000, nothing written anywhere")
    func cannotUnderstand() throws {
        let parent = try TemporaryDirectory()
        let root = parent.url.appendingPathComponent("root")
        let store = InstanceStore(layout: StorageLayout(root: root))
        var escaping = SampleInstance()
        escaping.studyInstanceUID = "../../escape"
        var noSeries = try SampleInstance().dataSet()
        _ = noSeries.remove(.seriesInstanceUID)
        let cases: [(IncomingInstance, [UInt8])] = [
            (escaping.incoming(), try escaping.encoded()),
            (SampleInstance().incoming(), try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(noSeries)),
            (SampleInstance().incoming(), [0x08, 0x00, 0x16, 0x00, 0x55, 0x49, 0xFF, 0x7F, 1, 2]),  // length past the end
            (SampleInstance().incoming(.deflatedExplicitVRLittleEndian), try SampleInstance().encoded()),
        ]
        for (incoming, bytes) in cases {
            guard case .failure(let error) = store.store(incoming, bytes) else { Issue.record("stored \(incoming)"); continue }
            #expect(error.status == .unableToProcess, "\(error)")
        }
        #expect(files(under: parent.url).isEmpty)
    }

    @Test("A bounded identity prefix: no Series UID within the limit fails instead of buffering the instance")
    func identityLimit() throws {
        let root = try TemporaryDirectory()
        var store = InstanceStore(layout: StorageLayout(root: root.url))
        store.maximumIdentityLength = 4096
        var ds = DataSet()
        ds.setUID("1.2.3", for: .sopClassUID)
        ds.insert(DataElement(tag: Tag(0x0009, 0x1010), vr: .OB, bytes: [UInt8](repeating: 7, count: 100_000)))
        let writer = store.begin(IncomingInstance(sopClassUID: "1.2.3", sopInstanceUID: "1.2.4", transferSyntaxUID: TransferSyntax.explicitVRLittleEndian.uid, callingAETitle: "A", disposition: .retrieved))
        let bytes = try DataSetEncoder(encoding: .explicitVRLittleEndian).encode(ds)
        for start in stride(from: 0, to: 8192, by: 1024) { writer.append(bytes[start..<start + 1024]) }
        #expect(writer.failure?.kind == .cannotUnderstand)
        #expect(files(under: root.url).isEmpty)
    }

    @Test("A duplicate SOP Instance UID replaces the stored file atomically, answered with plain success")
    func duplicate() throws {
        let root = try TemporaryDirectory()
        let store = InstanceStore(layout: StorageLayout(root: root.url))
        let first = SampleInstance(pixelBytes: 100)
        let second = SampleInstance(pixelBytes: 300)
        let a = try store.store(first.incoming(), try first.encoded()).get()
        let b = try store.store(second.incoming(), try second.encoded()).get()
        #expect(a.file == b.file)
        #expect(files(under: root.url).count == 1)
        #expect(try DICOMFile(path: b.file).readDataSet() == (try second.dataSet()))
    }

    @Test("Abort mid-instance (association lost) leaves no file")
    func abort() throws {
        let root = try TemporaryDirectory()
        let sample = SampleInstance(pixelBytes: 50_000)
        let writer = InstanceStore(layout: StorageLayout(root: root.url)).begin(sample.incoming())
        writer.append(try sample.encoded()[..<20_000])
        #expect(files(under: root.url).count == 1)
        writer.abort()
        #expect(files(under: root.url).isEmpty)
    }
}
