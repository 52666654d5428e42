extension EchoTarget {
    /// Targets from the endpoints CSV of `pacslink echo --endpoints` (docs/cli.md): a header
    /// line `name,ae,host,port,tls`, then one row per endpoint (`tls` is yes/no or empty;
    /// TLS rows verify against the system store). Throws `.invalid` naming the line.
    public static func endpoints(csv text: String, callingAETitle: String, timeout: Duration) throws(RegistryError) -> [EchoTarget] {
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.enumerated()
            .filter { !$0.element.isEmpty }.makeIterator()
        guard let header = lines.next(), header.element.lowercased().replacingOccurrences(of: " ", with: "") == "name,ae,host,port,tls"
        else { throw RegistryError(.invalid, "endpoints CSV: the first line must be name,ae,host,port,tls") }
        var targets: [EchoTarget] = []
        while let (index, line) = lines.next() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func invalid(_ why: String) -> RegistryError { RegistryError(.invalid, "endpoints CSV line \(index + 1): \(why)") }
            guard fields.count == 5 || fields.count == 4 else { throw invalid("expected 5 fields, found \(fields.count)") }
            guard let port = UInt16(fields[3]), port > 0 else { throw invalid("port \"\(fields[3])\" is not 1–65535") }
            let tls: Bool
            switch fields.count == 5 ? fields[4].lowercased() : "" {
            case "yes": tls = true
            case "no", "": tls = false
            case let other: throw invalid("tls \"\(other)\" is not yes or no")
            }
            guard !fields[1].isEmpty, !fields[2].isEmpty else { throw invalid("ae and host are required") }
            targets.append(EchoTarget(
                name: fields[0].isEmpty ? nil : fields[0], host: fields[2], port: port, calledAETitle: fields[1],
                callingAETitle: callingAETitle, timeout: timeout,
                tls: tls ? EchoTarget.tls(caFile: nil, verify: true, certificate: nil, key: nil) : nil))
        }
        return targets
    }
}
