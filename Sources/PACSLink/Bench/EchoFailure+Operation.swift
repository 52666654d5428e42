import DICOMTransport

extension EchoFailure {
    /// An association failure during operation `name` ("store", "find", "move"): the
    /// association phase, or the operation when it failed in the DIMSE exchange.
    init(_ error: AssociationError, operation name: String) {
        self.init(error)
        if error.phase == .dimse { phase = name }
    }
}
