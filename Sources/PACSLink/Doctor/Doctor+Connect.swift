import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Step 2: a TCP connection to each resolved address in turn, noting the local address
    /// of the first that answers (the address the server sees us from, unless a NAT rewrites it).
    mutating func connect() async -> DoctorStep {
        let start = ContinuousClock.now
        var attempts: [JSONValue] = []
        var failures: [(SocketAddress, TransportError)] = []
        for address in addresses {
            let attemptStart = ContinuousClock.now
            do {
                let channel = try await TCPChannel.connect(to: [address], on: loop, timeout: options.timeout)
                let local = try? await loop.submit { () -> SocketAddress? in
                    defer { channel.close() }
                    return channel.localAddress
                }
                if localAddress == nil { localAddress = local ?? nil }
                attempts.append(.object([
                    ("address", .string(address.description)), ("result", .string("connected")),
                    ("milliseconds", .number(DoctorStep.milliseconds(.now - attemptStart))),
                    ("local_address", (local ?? nil).map { .string($0.host) } ?? .null),
                ]))
            } catch {
                failures.append((address, error))
                attempts.append(.object([
                    ("address", .string(address.description)), ("result", .string(error.detail)),
                    ("milliseconds", .number(DoctorStep.milliseconds(.now - attemptStart))),
                ]))
            }
        }
        let data: [(String, JSONValue)] = [("attempts", .array(attempts)), ("local_address", localAddress.map { .string($0.host) } ?? .null)]
        let duration = ContinuousClock.now - start
        guard let (address, error) = failures.first else {
            return DoctorStep(.connect, .ok, duration: duration, finding: "\(addresses.count == 1 ? "connected" : "all \(addresses.count) addresses connected"); we are \(ourHost) to the server", data: data)
        }
        if failures.count < addresses.count {
            return DoctorStep(
                .connect, .warning, duration: duration,
                finding: "\(address) did not connect (\(error.detail)); another address did",
                advice: "Ask the network team why \(address) does not answer on port \(entry.port): connections work only through the other address(es).",
                data: data)
        }
        return DoctorStep(.connect, .failed, duration: duration, finding: "\(address): \(error.detail)", advice: Self.connectAdvice(error, entry: entry, timeout: options.timeout), data: data)
    }

    /// What to do when no address accepted the connection.
    static func connectAdvice(_ error: TransportError, entry: ServerEntry, timeout: Duration) -> String {
        switch error.kind {
        case .connectionRefused:
            "Nothing accepts connections on port \(entry.port) of \(entry.host): check the port with the PACS administrator and that its DICOM service is running."
        case .timedOut:
            "No answer from \(entry.host) port \(entry.port) within \(timeout): a firewall probably drops the connection; ask the network team to allow TCP from this machine to \(entry.host) port \(entry.port)."
        case .unreachable:
            "There is no route to \(entry.host): ask the network team to check the routing between this machine and the PACS."
        default:
            "The connection to \(entry.host) port \(entry.port) failed (\(error.detail)): ask the network team to check the path to the PACS."
        }
    }
}
