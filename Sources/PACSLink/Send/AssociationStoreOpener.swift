import DICOMProtocol
import DICOMTransport

/// Opens real associations for `StoreSCU` (PS3.8 §9.3.2): to `host`:`port` as
/// `callingAETitle` calling `calledAETitle`, each on the next loop of `group`.
public struct AssociationStoreOpener: StoreAssociationOpener {
    public var host: String
    public var port: UInt16
    public var calledAETitle: AETitle
    public var callingAETitle: AETitle
    public var timeouts: AssociationTimeouts
    public let group: EventLoopGroup

    /// Throws `ProtocolError` naming the AE title that is not valid.
    public init(
        host: String, port: UInt16, calledAETitle: String, callingAETitle: String, timeouts: AssociationTimeouts,
        group: EventLoopGroup
    ) throws(ProtocolError) {
        self.host = host
        self.port = port
        self.calledAETitle = try AETitle(validating: calledAETitle, field: "called AE title")
        self.callingAETitle = try AETitle(validating: callingAETitle, field: "calling AE title")
        self.timeouts = timeouts
        self.group = group
    }

    public func open(proposing contexts: [PresentationContextRQ]) async throws -> any StoreAssociation {
        let request = AssociationRequest(
            host: host, port: port, calledAETitle: calledAETitle, callingAETitle: callingAETitle,
            presentationContexts: contexts, timeouts: timeouts)
        return AssociationStore(association: try await Association.request(request, on: group.next()))
    }
}

/// `StoreAssociation` over a `DICOMTransport.Association` in the requestor role.
struct AssociationStore: StoreAssociation {
    let association: Association

    func contextResults() async -> [UInt8: PresentationContextAC] {
        let results = await association.negotiated?.results ?? []
        return Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func store(_ request: CStoreRQ, contextID: UInt8, dataSet: DataSetChunks) async throws -> CStoreRSP {
        let response = try await association.send(request, contextID: contextID) { try dataSet.next() }
        guard case .cStoreRSP(let rsp) = response else {
            throw StoreError("the peer answered the C-STORE-RQ with \(response.commandField)")
        }
        return rsp
    }

    func release() async throws { try await association.release() }

    func abort() async { await association.abort() }
}

/// A C-STORE exchange that went wrong in a way the association layer does not describe.
struct StoreError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
