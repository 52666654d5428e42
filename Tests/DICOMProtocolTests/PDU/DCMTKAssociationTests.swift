#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport
@testable import DICOMProtocol

/// Our encoder, decoder, negotiation, fragmenter and assembler against DCMTK's storescp over a
/// plain blocking socket, in both roles: A-ASSOCIATE, a C-ECHO, A-RELEASE; storescp's A-ASSOCIATE-RJ.
@Suite("PS3.8 9.3 PDUs against DCMTK storescp and echoscu", .serialized)
struct DCMTKAssociationTests {
    static let verification = "1.2.840.10008.1.1"

    static func rq(implementationClassUID: String?) -> AssociateRQ {
        AssociateRQ(
            calledAETitle: AETitle("STORESCP"), callingAETitle: AETitle("PACSLINK"),
            presentationContexts: [
                PresentationContextRQ(
                    id: 1, abstractSyntax: verification, transferSyntaxes: ["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"])
            ],
            userInformation: UserInformation(
                maximumLength: 16_384, implementationClassUID: implementationClassUID,
                implementationVersionName: "PACSLINK_TEST",
                asynchronousOperationsWindow: AsynchronousOperationsWindow(
                    maximumNumberOperationsInvoked: 2, maximumNumberOperationsPerformed: 2)))
    }

    /// A command set (Implicit VR LE, group 0000) with its group length (0000,0000) first.
    static func commandSet(_ elements: [(element: UInt16, value: [UInt8])]) -> [UInt8] {
        var body = ByteWriter()
        for (element, value) in elements {
            body.writeUInt16(0x0000, .littleEndian); body.writeUInt16(element, .littleEndian)
            body.writeUInt32(UInt32(value.count), .littleEndian); body.writeBytes(contentsOf: value)
        }
        var command = ByteWriter()
        command.writeUInt16(0, .littleEndian); command.writeUInt16(0, .littleEndian)
        command.writeUInt32(4, .littleEndian); command.writeUInt32(UInt32(body.count), .littleEndian)
        command.writeBytes(contentsOf: body.bytes)
        return command.bytes
    }

    /// C-ECHO-RQ (PS3.7 §9.3.5.1): Affected SOP Class UID, Command Field 0x0030, Message ID 1,
    /// Command Data Set Type 0x0101 (none).
    static let cEchoRQ = commandSet([
        (0x0002, Array(verification.utf8) + [0]), (0x0100, [0x30, 0x00]), (0x0110, [0x01, 0x00]),
        (0x0800, [0x01, 0x01]),
    ])

    /// C-ECHO-RSP (PS3.7 §9.3.5.2) to message `id`: Command Field 0x8030, Status 0x0000.
    static func cEchoRSP(to id: UInt16) -> [UInt8] {
        commandSet([
            (0x0002, Array(verification.utf8) + [0]), (0x0100, [0x30, 0x80]),
            (0x0120, [UInt8(id & 0xFF), UInt8(id >> 8)]), (0x0800, [0x01, 0x01]), (0x0900, [0x00, 0x00]),
        ])
    }

    /// The US value of element (0000,eeee) in an Implicit VR LE command set.
    static func commandUS(_ element: UInt16, in command: [UInt8]) -> UInt16? {
        var reader = ByteReader(command)
        while let _ = reader.readUInt16(.littleEndian), let e = reader.readUInt16(.littleEndian),
            let length = reader.readUInt32(.littleEndian), let value = reader.readSlice(Int(length))
        {
            if e == element { var v = ByteReader(value); return v.readUInt16(.littleEndian) }
        }
        return nil
    }

    @Test("PS3.8 9.3 associate, C-ECHO and release with storescp using our PDUs")
    func echo() throws {
        let (scp, port) = try Self.startStoreSCP([])
        defer { scp.stop() }
        let connection = try BlockingConnection(port: port)
        var decoder = PDUDecoder()
        let rq = Self.rq(implementationClassUID: "1.2.826.0.1.3680043.10.1")
        try connection.send(PDU.associateRQ(rq).encoded())
        guard case .associateAC(let ac) = try connection.receive(&decoder) else {
            Issue.record("no A-ASSOCIATE-AC; storescp said: \(scp.stderr)"); return
        }
        let negotiated = try AssociationNegotiation.accepted(ac, proposed: rq)
        let context = try #require(negotiated.context(abstractSyntax: Self.verification))
        #expect(context.transferSyntax == "1.2.840.10008.1.2.1")
        #expect(negotiated.peerMaximumLength > 0)
        #expect(negotiated.peerImplementationClassUID?.hasPrefix("1.2.276.0.7230010.3") == true)

        var writer = ByteWriter()
        var fragmenter = MessageFragmenter(presentationContextID: context.id, peerMaximumLength: negotiated.peerMaximumLength)
        fragmenter.writeCommand(Self.cEchoRQ, hasDataSet: false, into: &writer)
        try connection.send(writer.bytes)

        var assembler = MessageAssembler()
        var response: [UInt8]?
        var complete = false
        while !complete {
            guard case .pDataTF(let p) = try connection.receive(&decoder) else {
                Issue.record("expected P-DATA-TF"); return
            }
            try assembler.consume(p) { event in
                switch event {
                case .command(_, let bytes, let hasDataSet):
                    response = bytes
                    #expect(!hasDataSet)
                case .messageComplete: complete = true
                case .dataSetFragment: Issue.record("C-ECHO-RSP has no data set")
                }
            }
        }
        #expect(response.flatMap { Self.commandUS(0x0100, in: $0) } == 0x8030)  // C-ECHO-RSP
        #expect(response.flatMap { Self.commandUS(0x0900, in: $0) } == 0x0000)  // Success

        try connection.send(PDU.releaseRQ.encoded())
        #expect(try connection.receive(&decoder) == .releaseRP)
    }

    @Test("PS3.8 9.3.4 storescp --reject answers an RQ without implementation class UID with an A-ASSOCIATE-RJ we decode")
    func reject() throws {
        let (scp, port) = try Self.startStoreSCP(["--reject"])
        defer { scp.stop() }
        let connection = try BlockingConnection(port: port)
        var decoder = PDUDecoder()
        try connection.send(PDU.associateRQ(Self.rq(implementationClassUID: nil)).encoded())
        guard case .associateRJ(let rj) = try connection.receive(&decoder) else {
            Issue.record("expected an A-ASSOCIATE-RJ"); return
        }
        #expect(rj.result == .rejectedPermanent)
        #expect(rj.source == .serviceUser(.noReasonGiven))
        #expect(rj.description == "rejected (permanent): no reason given (service user)")
    }

    @Test("PS3.8 9.3.3 as acceptor: echoscu's RQ negotiated, some contexts rejected, its C-ECHO answered")
    func acceptor() throws {
        let listener = try Listener()
        let scu = try ChildProcess(
            try DCMTK.tool("echoscu"),
            ["-aet", "ECHOSCU", "-aec", "PACSLINK", "--propose-pc", "3", "127.0.0.1", String(listener.port)])
        defer { scu.stop() }
        let connection = try listener.accept()
        var decoder = PDUDecoder()
        guard case .associateRQ(let rq) = try connection.receive(&decoder) else {
            Issue.record("expected an A-ASSOCIATE-RQ"); return
        }
        #expect(rq.calledAETitle.value == "PACSLINK")
        #expect(rq.presentationContexts.count == 3)
        let policy = AcceptorPolicy(
            presentationContexts: PresentationContextPolicy(transferSyntaxes: [Self.verification: ["1.2.840.10008.1.2"]]),
            maximumLength: 16_384, implementationClassUID: "1.2.826.0.1.3680043.10.1", implementationVersionName: "PACSLINK")
        let (answer, negotiated) = AssociationNegotiation.accept(rq, policy: policy)
        var ac = answer
        // Refuse every context but the first, so echoscu reads rejections (with their empty
        // transfer syntax sub-item) next to an acceptance.
        for i in ac.presentationContexts.indices.dropFirst() {
            ac.presentationContexts[i] = PresentationContextAC(id: ac.presentationContexts[i].id, result: .userRejection)
        }
        try connection.send(PDU.associateAC(ac).encoded())
        decoder.maximumPDULength = policy.maximumLength

        var assembler = MessageAssembler()
        var request: [UInt8]?
        var contextID: UInt8 = 0
        while request == nil {
            guard case .pDataTF(let p) = try connection.receive(&decoder) else {
                Issue.record("expected P-DATA-TF"); return
            }
            try assembler.consume(p) { event in
                if case .command(let id, let bytes, _) = event { (contextID, request) = (id, bytes) }
            }
        }
        #expect(contextID == ac.presentationContexts[0].id)
        let messageID = try #require(request.flatMap { Self.commandUS(0x0110, in: $0) })
        var writer = ByteWriter()
        var fragmenter = MessageFragmenter(presentationContextID: contextID, peerMaximumLength: negotiated.peerMaximumLength)
        fragmenter.writeCommand(Self.cEchoRSP(to: messageID), hasDataSet: false, into: &writer)
        try connection.send(writer.bytes)

        #expect(try connection.receive(&decoder) == .releaseRQ)
        try connection.send(PDU.releaseRP.encoded())
        #expect(scu.wait(timeout: 10) == 0, "echoscu: \(scu.stderr)")
    }

    static func startStoreSCP(_ options: [String]) throws -> (ChildProcess, UInt16) {
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = FreePort.next()
            let scp = try ChildProcess(
                try DCMTK.tool("storescp"), options + ["--ignore", "--aetitle", "STORESCP", String(port)])
            do {
                try scp.waitUntilListening(on: port)
                return (scp, port)
            } catch {
                scp.stop()
                lastError = error
            }
        }
        throw lastError!
    }
}

/// A listening socket on 127.0.0.1 and a port the kernel chose; `accept` waits at most 10 s.
final class Listener {
    let fd: Int32
    let port: UInt16

    init() throws {
        let (socketFD, address) = try LoopbackListeningSocket.open(backlog: 4)
        setReceiveTimeout(socketFD)
        fd = socketFD
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(fd) }

    func accept() throws -> BlockingConnection {
        let client = Glibc.accept(fd, nil, nil)
        guard client >= 0 else { throw Failure("no connection within 10 s: errno \(errno)") }
        return BlockingConnection(fd: client)
    }
}

private func setReceiveTimeout(_ fd: Int32) {
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
}

/// A blocking TCP socket with a receive timeout, enough for a scripted exchange.
final class BlockingConnection {
    let fd: Int32

    init(fd: Int32) {
        self.fd = fd
        setReceiveTimeout(fd)
    }

    init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        setReceiveTimeout(fd)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { close(fd); throw Failure("connect to port \(port) failed: errno \(errno)") }
    }

    deinit { close(fd) }

    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure("send failed: errno \(errno)") }
            sent += n
        }
    }

    /// Reads until `decoder` yields a PDU.
    func receive(_ decoder: inout PDUDecoder) throws -> PDU {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let pdu = try decoder.next() { return pdu }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { throw Failure("connection closed or timed out (recv returned \(n))") }
            decoder.feed(buffer[..<n])
        }
    }
}
