import DICOMProtocol
import DICOMTransport

/// C-MOVE SCP (PS3.4 §C.4.2): the destination AE title is looked up in the simulator's own
/// table (unknown: 0xA801, PS3.4 §C.4.2.1.5); a sub-association to it proposes the storage
/// classes the instances need and carries one C-STORE per instance, with Move Originator AE
/// Title and Message ID (PS3.7 §9.1.1.1.7–8) unless the simulator is set to omit them.
extension SimulatorSCP {
    func move(_ request: CMoveRQ, identifier: [UInt8], context: AcceptedPresentationContext, on association: isolated Association) async {
        let destinationAE = AETitle(request.moveDestination).value
        guard let destination = pacs.configuration.destinations[destinationAE] else {
            await delay()
            association.respond(
                CMoveRSP(
                    messageIDBeingRespondedTo: request.messageID, affectedSOPClassUID: request.affectedSOPClassUID,
                    status: .moveDestinationUnknown, errorComment: "move destination \(destinationAE) unknown"),
                contextID: context.id)
            pacs.onEvent(.service(.moved(
                calling: callingAETitle.value, destination: destinationAE, subOperations: SubOperationCounts(), status: .moveDestinationUnknown)))
            return
        }
        let originator = pacs.configuration.omitMoveOriginator ? nil : (aeTitle: callingAETitle.value, messageID: request.messageID)
        let (counts, status) = await retrieve(
            CMoveRSP.self, messageID: request.messageID, sopClassUID: request.affectedSOPClassUID, identifier: identifier,
            sopClass: \.moveSOPClass, context: context, on: association,
            target: { association, instances in
                await self.openSubAssociation(
                    to: destinationAE, at: destination, for: instances, originator: originator, on: association)
            },
            finished: { _, target in await self.close(target.association) })
        pacs.onEvent(.service(.moved(calling: callingAETitle.value, destination: destinationAE, subOperations: counts, status: status)))
    }

    /// Opens the sub-association (PS3.4 §C.4.2.3.1), one presentation context per storage
    /// class among `instances`, offering the transfer syntaxes each can be sent in.
    private func openSubAssociation(
        to aeTitle: String, at destination: SimulatedPACS.MoveDestination, for instances: [IndexedInstance],
        originator: (aeTitle: String, messageID: UInt16)?, on association: isolated Association
    ) async -> Result<SubOperationTarget, Refusal> {
        var classes: [String] = []
        var syntaxes: [String: [String]] = [:]
        for instance in instances {
            if syntaxes[instance.sopClassUID] == nil { classes.append(instance.sopClassUID) }
            for syntax in instance.source.proposableTransferSyntaxes where !(syntaxes[instance.sopClassUID]?.contains(syntax) ?? false) {
                syntaxes[instance.sopClassUID, default: []].append(syntax)
            }
        }
        // PS3.8 §9.3.2.2: at most 128 presentation contexts (odd IDs 1–255).
        let contexts = classes.prefix(128).enumerated().map { index, sopClass in
            PresentationContextRQ(id: UInt8(2 * index + 1), abstractSyntax: sopClass, transferSyntaxes: syntaxes[sopClass] ?? [])
        }
        let request = AssociationRequest(
            host: destination.host, port: destination.port, calledAETitle: AETitle(aeTitle), callingAETitle: pacs.aeTitle,
            presentationContexts: contexts, timeouts: pacs.configuration.timeouts)
        do {
            let sub = try await Association.request(request, on: association.eventLoop)
            return .success(SubOperationTarget(association: sub, originator: originator, requireRequestorSCP: false))
        } catch {
            return .failure(Refusal(status: .outOfResourcesSubOperations, comment: "cannot associate with \(aeTitle): \(error.detail)"))
        }
    }

    /// Releases the sub-association (PS3.4 §C.4.2.3.1), or keeps it open when misbehaving so.
    private func close(_ sub: Association) async {
        if misbehaviour.neverReleaseSubAssociations {
            pacs.hold(sub)
        } else {
            try? await sub.release()
        }
    }
}
