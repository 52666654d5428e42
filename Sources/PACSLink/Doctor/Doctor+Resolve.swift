import DICOMProtocol
import DICOMTransport

extension Doctor {
    /// Step 1: the server's host name to every address, IPv4 and IPv6 (an IP literal is its
    /// own answer).
    mutating func resolve() async -> DoctorStep {
        let start = ContinuousClock.now
        do {
            addresses = try await NameResolver.resolve(host: entry.connectHost, port: entry.port, on: loop)
        } catch {
            return DoctorStep(
                .resolve, .failed, duration: .now - start, finding: error.detail,
                advice: "Check the host \"\(entry.host)\" of this server (`pacslink servers edit \(entry.name) --host …`), "
                    + "or ask your network team why this machine cannot resolve it (or use the PACS's IP address).",
                data: [("host", .string(entry.host)), ("error", .string(error.detail))])
        }
        let listed = addresses.map { "\($0.host) (\($0.isIPv6 ? "IPv6" : "IPv4"))" }
        return DoctorStep(
            .resolve, .ok, duration: .now - start, finding: listed.joined(separator: ", "),
            data: [
                ("host", .string(entry.host)),
                ("ipv4", .array(addresses.filter { !$0.isIPv6 }.map { .string($0.host) })),
                ("ipv6", .array(addresses.filter(\.isIPv6).map { .string($0.host) })),
            ])
    }
}
