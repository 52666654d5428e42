/// What the I/O code must do for `AssociationCore`, in order (PS3.8 §9.2: the state machine's
/// outputs with the PDUs already encoded).
public enum AssociationAction: Sendable, Hashable {
    /// TRANSPORT CONNECT: open the connection to the peer, then call `transportConnected()`.
    case openTransport
    /// Write these bytes (one or more whole PDUs) to the transport, in one write.
    case write([UInt8])
    /// Start (or restart) the ARTIM timer (PS3.8 §9.1.5); call `artimExpired()` when it fires.
    case startARTIM
    case stopARTIM
    /// Close the transport connection.
    case closeTransport
    /// Tell the user.
    case indicate(AssociationIndication)
}
