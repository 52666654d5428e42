/// Textual IP addresses compared the way sub-association routing needs: an IPv4 peer seen on a
/// dual-stack socket as `::ffff:10.0.0.1` is the same peer as `10.0.0.1`; IPv6 is
/// case-insensitive and may be written in brackets.
enum PeerAddress {
    static func normalized(_ address: String) -> String {
        var text = address.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        let mapped = "::ffff:"
        if text.hasPrefix(mapped), text.dropFirst(mapped.count).contains(".") {
            text = String(text.dropFirst(mapped.count))
        }
        return text
    }
}
