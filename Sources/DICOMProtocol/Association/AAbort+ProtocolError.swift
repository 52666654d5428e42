extension AAbort.Reason {
    /// The A-ABORT reason for a decoding error (PS3.8 §9.3.8, Table 9-26): the one place where
    /// a `ProtocolError` from the PDU decoder, the negotiation or the DIMSE assembler becomes
    /// what we tell the peer when we abort (AA-8).
    ///
    /// - an unknown PDU-type: "unrecognized PDU" (1);
    /// - any other unsupported field (an item we cannot interpret): "unrecognized PDU
    ///   parameter" (4);
    /// - an item or sub-item where none may stand, or repeated: "unexpected PDU parameter" (5);
    /// - everything else — truncated structures, lengths over the limit, values breaking a
    ///   rule: "invalid PDU parameter value" (6).
    public init(for error: ProtocolError) {
        switch error.kind {
        case .unsupported where error.field == "PDU-type": self = .unrecognizedPDU
        case .unsupported: self = .unrecognizedPDUParameter
        case .malformed where error.field.hasSuffix("item"): self = .unexpectedPDUParameter
        case .malformed, .truncated, .tooLong, .invalidValue: self = .invalidPDUParameterValue
        }
    }
}
