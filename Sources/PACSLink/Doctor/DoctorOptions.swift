/// What `pacslink doctor` is asked to do beyond the always-run steps.
public struct DoctorOptions: Sendable {
    /// The longest any one network operation may take (connect, handshake, association,
    /// each DIMSE exchange, and the wait for a retrieve test's instance).
    public var timeout: Duration
    /// With a Study Instance UID: retrieve one instance of that study (step 9).
    public var retrieveTestStudy: String?
    /// Where the retrieve test stores its instance (a temporary folder when nil).
    public var storage: String?

    public init(timeout: Duration = .seconds(10), retrieveTestStudy: String? = nil, storage: String? = nil) {
        self.timeout = timeout
        self.retrieveTestStudy = retrieveTestStudy
        self.storage = storage
    }
}
