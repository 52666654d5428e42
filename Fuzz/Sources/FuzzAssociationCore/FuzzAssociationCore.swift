import DICOMProtocol
import FuzzSupport

/// The acceptor side of an association (PS3.8 §9.2, Table 9-10) fed by a hostile peer: bytes
/// cut at arbitrary places go through the PDU decoder, the state machine and, for P-DATA, the
/// DIMSE message assembler, as the association actor drives them.
///
/// Input: byte 0 — bits 0–5 seed the piece sizes (1…256 bytes), bit 6 rejects the
/// A-ASSOCIATE-RQ instead of accepting it, bit 7 ends with ARTIM expiry instead of the
/// connection closing; the rest is what the peer sends. Checked:
/// - no trap, whatever the bytes;
/// - once the core asks to close the transport and is told it closed, it is idle (Sta1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAssociationCore(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let control = input.takeByte()
    var chunker = Chunker(seed: control & 0x3F, maximumPiece: 256)
    var acceptor = Acceptor(rejects: control & 0x40 != 0)

    acceptor.carryOut(acceptor.core.transportConnectionIndication())
    for piece in chunker.pieces(of: input.takeRest()) where !acceptor.closed {
        acceptor.carryOut(acceptor.core.receive(Array(piece)))
    }
    if !acceptor.closed {
        acceptor.carryOut(control & 0x80 != 0 ? acceptor.core.artimExpired() : acceptor.core.transportClosed())
    }
    return 0
}

/// What `AssociationActor` does with the core's actions, minus the I/O.
private struct Acceptor {
    var core = AssociationCore(maximumAssociatePDULength: 16_384)
    var assembler = MessageAssembler(maximumCommandLength: 4_096)
    let rejects: Bool
    private(set) var closed = false

    init(rejects: Bool) { self.rejects = rejects }

    mutating func carryOut(_ actions: [AssociationAction]) {
        for action in actions where !closed {
            switch action {
            case .closeTransport:
                closed = true
                _ = core.transportClosed()
                require(core.state == .sta1, "not idle (\(core.state)) after the transport closed")
                return
            case .indicate(let indication):
                carryOut(answer(indication))
            case .openTransport, .write, .startARTIM, .stopARTIM:
                break
            }
        }
    }

    private mutating func answer(_ indication: AssociationIndication) -> [AssociationAction] {
        switch indication {
        case .associateRequest:
            return rejects
                ? core.reject(AssociateRJ(result: .rejectedPermanent, source: .serviceUser(.noReasonGiven)))
                : core.accept(policy: policy)
        case .pData(let pdu):
            do {
                try assembler.consume(pdu) { event in
                    if case .command(_, let bytes, _) = event { _ = try DIMSECommand(decoding: bytes[...]) }
                }
                return []
            } catch let error as ProtocolError {
                return core.abort(for: error)
            } catch {
                return core.abort()
            }
        case .releaseRequested:
            return core.releaseResponse()
        case .accepted, .rejected, .released, .aborted, .providerAborted, .notPermitted:
            return []
        }
    }
}

/// Verification and CT Image Storage in Implicit and Explicit VR Little Endian, 16 KiB PDUs.
private let policy = AcceptorPolicy(
    presentationContexts: PresentationContextPolicy(transferSyntaxes: [
        SOPClass.verification.uid: [TransferSyntax.implicitVRLittleEndian.uid],
        SOPClass.ctImageStorage.uid: [
            TransferSyntax.explicitVRLittleEndian.uid, TransferSyntax.implicitVRLittleEndian.uid,
        ],
    ]),
    implementationClassUID: "1.2.826.0.1.3680043.10.1507.99", implementationVersionName: "PACSLINK_FUZZ")
