import DICOMProtocol
import DICOMTransport
import Foundation

extension Doctor {
    /// Who answers on a port of this machine.
    enum PortHolder {
        case nobody
        /// A PACSLink Verification/Storage SCP (its A-ASSOCIATE-AC carries our implementation
        /// class UID, PS3.7 §D.3.3.2): instances sent there are filed by it.
        case pacslink
        case other(String)
    }

    /// Step 7: our side of the retrieve path. The listen port is free (the doctor then listens
    /// on it, on every interface, for steps 8 and 9) or held by a running PACSLink listener;
    /// this machine has an address a remote PACS can reach; and the address the PACS sees us
    /// from (step 2) is the one to register.
    mutating func listener() async -> DoctorStep {
        let start = ContinuousClock.now
        let port = entry.listenPort
        let interfaces = NetworkInterfaces.addresses()
        var data: [(String, JSONValue)] = [
            ("listen_port", .number(String(port))), ("ae_title", .string(ourAETitle)),
            ("seen_from", localAddress.map { .string($0.host) } ?? .null),
            ("interfaces", .array(interfaces.map { .object([("name", .string($0.interface)), ("address", .string($0.address))]) })),
        ]
        let seenAs = localAddress.map { "; the PACS sees us as \($0.host)" } ?? ""
        let move = "ask the PACS administrator to send to it for AE \(ourAETitle)"
        let finding: String
        switch await portHolder(port) {
        case .pacslink:
            receiver = .runningListener
            data.append(("holder", .string("pacslink")))
            finding = "port \(port) is held by a running PACSLink listener\(seenAs)"
        case .other(let holder):
            data.append(("holder", .string(holder)))
            return DoctorStep(
                .listener, .failed, duration: .now - start, finding: "port \(port) is held by another program (\(holder))",
                advice: "Stop the program using port \(port), or choose another listen port (`pacslink servers edit \(entry.name) --listen-port N`) and \(move).",
                data: data)
        case .nobody:
            do {
                let bound = try await startReceiver(port)
                data += [("holder", .string("doctor")), ("bound", .array(bound.map { .string($0.description) }))]
                finding = "port \(port) is free; the doctor listens on all interfaces\(seenAs)"
            } catch {
                data.append(("error", .string(error.detail)))
                return DoctorStep(
                    .listener, .failed, duration: .now - start, finding: "cannot listen on port \(port): \(error.detail)",
                    advice: port < 1024
                        ? "Ports below 1024 need administrator rights: choose a listen port above 1023 (`pacslink servers edit \(entry.name) --listen-port N`) and \(move)."
                        : "Free port \(port) or choose another listen port (`pacslink servers edit \(entry.name) --listen-port N`) and \(move).",
                    data: data)
            }
        }
        let serverIsRemote = !addresses.isEmpty && !addresses.contains { NetworkInterfaces.isLoopback($0.host) }
        if serverIsRemote && interfaces.allSatisfy(\.isLoopback) {
            return DoctorStep(
                .listener, .warning, duration: .now - start, finding: finding + ", but this machine has loopback addresses only",
                advice: "The PACS is remote but this machine has no network address it can reach: ask your IT team to connect this machine to the PACS's network.",
                data: data)
        }
        return DoctorStep(.listener, .ok, duration: .now - start, finding: finding, data: data)
    }

    /// Associates with `port` on loopback as our AE calling our AE, to learn who holds it.
    private func portHolder(_ port: UInt16) async -> PortHolder {
        let probe = EchoTarget(
            host: "127.0.0.1", port: port, calledAETitle: ourAETitle, callingAETitle: ourAETitle,
            timeout: min(options.timeout, .seconds(3)))
        let association: Association
        do {
            association = try await Association.request(try EchoSCU.associationRequest(for: probe), on: loop)
        } catch let error as AssociationError {
            if case .transport(.connectionRefused) = error.kind { return .nobody }
            return .other("it does not accept a DICOM association for AE \(ourAETitle): \(error.detail)")
        } catch {
            return .other("\(error)")
        }
        let implementation = await association.run { association in
            let uid = association.negotiated?.peerImplementationClassUID
            try? await association.release()
            return uid
        }
        return implementation == UID.implementationClassUID ? .pacslink : .other("a DICOM listener, implementation \(implementation ?? "unknown")")
    }

    /// Starts the doctor's Storage SCP on `port`, every interface, as our AE.
    private mutating func startReceiver(_ port: UInt16) async throws(TransportError) -> [SocketAddress] {
        let store = InstanceStore(layout: StorageLayout(root: URL(fileURLWithPath: storage)))
        let observations = observations
        let acceptor: MultiplexedAcceptor
        do {
            acceptor = try StorageListener.make(
                addresses: [.init(port: port)], aeTitle: ourAETitle, store: store, coordinator: coordinator, group: group,
                onEvent: { observations.record($0) })
        } catch {
            throw TransportError(phase: .listen, kind: .other, detail: "\(error)")
        }
        let bound = try await acceptor.start()
        receiver = .doctor(acceptor)
        return bound
    }
}
