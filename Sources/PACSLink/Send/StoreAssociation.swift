import DICOMProtocol

/// An established association as `StoreSCU` uses it: the peer's answers to the proposed
/// presentation contexts, and C-STOREs on them. `AssociationStoreOpener` provides the real
/// one over `DICOMTransport.Association`; tests provide their own.
public protocol StoreAssociation: Sendable {
    /// The peer's answer to every proposed context, by Presentation-context-ID (PS3.8
    /// §9.3.3.2, Table 9-18).
    func contextResults() async -> [UInt8: PresentationContextAC]
    /// Sends `request` on `contextID` with the data set read from `dataSet` chunk by chunk, and
    /// returns the C-STORE-RSP (PS3.7 §9.1.1). A throw leaves the association unusable.
    func store(_ request: CStoreRQ, contextID: UInt8, dataSet: DataSetChunks) async throws -> CStoreRSP
    /// A-RELEASE (PS3.8 §7.2).
    func release() async throws
    /// A-ABORT (PS3.8 §7.3); also what an interrupted send does.
    func abort() async
}

/// Opens associations to one peer, proposing the given presentation contexts.
public protocol StoreAssociationOpener: Sendable {
    func open(proposing contexts: [PresentationContextRQ]) async throws -> any StoreAssociation
}
