/// Setters shared by the typed messages for the fields several commands carry
/// (PS3.7 Table E.1-1).
extension DataSet {
    /// Message ID Being Responded To, Status, and the optional Affected SOP Class UID and
    /// Error Comment of every response.
    mutating func setResponseFields(_ messageID: UInt16, _ status: DIMSEStatus, _ sopClassUID: String?, _ errorComment: String?) {
        setUInt16(messageID, for: .messageIDBeingRespondedTo)
        setUInt16(status.code, for: .status)
        if let sopClassUID { setUID(sopClassUID, for: .affectedSOPClassUID) }
        if let errorComment { setPadded(errorComment, for: .errorComment, vr: .LO) }
    }

    /// Message ID, Affected SOP Class UID and Priority of the C-STORE, C-FIND, C-MOVE and
    /// C-GET requests.
    mutating func setRequestFields(_ messageID: UInt16, _ sopClassUID: String, _ priority: Priority) {
        setUInt16(messageID, for: .messageID)
        setUID(sopClassUID, for: .affectedSOPClassUID)
        setUInt16(priority.rawValue, for: .priority)
    }
}
