import DICOMProtocol
import DICOMTransport
import Foundation

/// `pacslink doctor`: diagnoses the whole query/retrieve path to one registered server, in
/// the order a connection is built — name resolution, TCP, TLS, association, C-ECHO, C-FIND —
/// then the way back to us, which is where retrieves fail most often: our listen port, the
/// PACS's registration of our AE as a move destination (PS3.4 §C.4.2.1.5: 0xA801), and, on
/// request, a real one-instance retrieve. Each step has a verdict and, when not ok, one
/// sentence of advice (docs/troubleshooting.md explains them).
///
/// A failure in resolution, connection, TLS or association skips the steps that need the
/// association; the listener step is local and always runs.
public struct Doctor: Sendable {
    let entry: ServerEntry
    let ourAETitle: String
    let options: DoctorOptions
    let group: EventLoopGroup
    let loop: EventLoop
    /// The server as C-ECHO, C-FIND and C-MOVE see it, with the doctor's timeout.
    let target: EchoTarget
    /// What the retrieve listener and the coordinator observed, for steps 8 and 9.
    let observations = DoctorObservations()
    let coordinator: RetrieveCoordinator
    /// Where the retrieve test stores its instance: `options.storage`, else a temporary folder
    /// removed at the end.
    let storage: String
    /// Learned by step 1.
    var addresses: [SocketAddress] = []
    /// Learned by step 2: the address the server sees us from.
    var localAddress: SocketAddress?
    /// Set by step 7: who receives C-MOVE sub-operations on the listen port.
    var receiver: DoctorReceiver = .none

    init(entry: ServerEntry, local: LocalSettings, options: DoctorOptions, group: EventLoopGroup) {
        self.entry = entry
        ourAETitle = entry.localAETitle ?? local.aeTitle
        self.options = options
        self.group = group
        loop = group.next()
        var target = EchoTarget(entry, local: local, defaultTimeout: options.timeout)
        target.timeout = options.timeout
        self.target = target
        storage = options.storage ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("pacslink-doctor-\(UUID().uuidString)").path
        let observations = observations
        coordinator = RetrieveCoordinator(router: SubAssociationRouter(inactivityTimeout: options.timeout)) { event in
            observations.record(event)
        }
    }

    /// Runs every step against `entry`, as our AE (the entry's `local_ae_title`, else the local
    /// one). Never throws: what fails is a step's verdict.
    public static func diagnose(
        _ entry: ServerEntry, local: LocalSettings, options: DoctorOptions = DoctorOptions(), group: EventLoopGroup
    ) async -> DoctorReport {
        var doctor = Doctor(entry: entry, local: local, options: options, group: group)
        var steps: [DoctorStep] = []
        /// The first of steps 1–4 that failed: the remote steps after it cannot run.
        var blocker: DoctorStep.Kind?
        func record(_ step: DoctorStep, blocking: Bool = true) {
            steps.append(step)
            if blocking, step.verdict == .failed, blocker == nil { blocker = step.kind }
        }
        func skip(_ kind: DoctorStep.Kind) {
            steps.append(.skipped(kind, "not run: the \(blocker?.title ?? "") step failed"))
        }
        record(await doctor.resolve())
        if blocker == nil { record(await doctor.connect()) } else { skip(.connect) }
        if blocker == nil { record(await doctor.tls()) } else { skip(.tls) }
        if blocker == nil {
            let (associate, echo) = await doctor.associateAndEcho()
            record(associate)
            record(echo, blocking: false)
        } else {
            skip(.associate)
            skip(.echo)
        }
        if blocker == nil { record(await doctor.find(), blocking: false) } else { skip(.find) }
        record(await doctor.listener(), blocking: false)
        if blocker == nil { record(await doctor.registration(), blocking: false) } else { skip(.registration) }
        if options.retrieveTestStudy == nil {
            steps.append(.skipped(.retrieveTest, "not asked for (--retrieve-test STUDY_UID)"))
        } else if blocker == nil {
            let test = await doctor.retrieveTest()
            record(test, blocking: false)
            if let index = steps.firstIndex(where: { $0.kind == .registration }) {
                steps[index] = Self.reconcile(registration: steps[index], retrieveTest: test)
            }
        } else {
            skip(.retrieveTest)
        }
        await doctor.receiver.stop()
        if options.storage == nil { try? FileManager.default.removeItem(atPath: doctor.storage) }
        return DoctorReport(
            server: entry.name, target: "\(entry.aeTitle) at \(entry.host):\(entry.port)", ourAETitle: doctor.ourAETitle,
            listenPort: entry.listenPort, steps: steps)
    }

    /// The address the server sees us from (step 2), or "this machine's address" before it is known.
    var ourHost: String { localAddress?.host ?? "this machine's address" }

    /// The sentence asking the PACS administrator to register us as a move destination.
    var registrationRequest: String {
        "ask the PACS administrator to register AE \(ourAETitle), host \(ourHost), port \(entry.listenPort)"
    }

    /// A Study Instance UID no archive holds: a fresh UUID as one decimal integer under the
    /// 2.25 root (PS3.5 §B.2).
    static func nonexistentStudyUID() -> String {
        var number = withUnsafeBytes(of: UUID().uuid) { Array($0) }
        var digits: [Character] = []
        while number.contains(where: { $0 != 0 }) {
            var remainder = 0
            for index in number.indices {
                let value = remainder * 256 + Int(number[index])
                number[index] = UInt8(value / 10)
                remainder = value % 10
            }
            digits.append(Character(String(remainder)))
        }
        return "2.25." + String(digits.reversed())
    }
}
