import DICOMTransport

/// Who receives C-MOVE sub-operations on the server's listen port while the doctor runs,
/// as step 7 found it.
enum DoctorReceiver: Sendable {
    /// Nobody: the port is held by another program, or nothing could listen.
    case none
    /// The doctor's own Storage SCP, started on the free port.
    case doctor(MultiplexedAcceptor)
    /// A PACSLink listener that was already running (`pacslink listen`): instances go there.
    case runningListener

    func stop() async {
        if case .doctor(let acceptor) = self { await acceptor.stop() }
    }
}
