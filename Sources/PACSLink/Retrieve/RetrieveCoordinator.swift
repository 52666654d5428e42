import DICOMProtocol
import DICOMTransport
import Foundation

/// The `SubAssociationRouter` shared by the retrieves of one process and the Storage SCP
/// that receives their instances: thread-safe (associations run on several loops), with a
/// way to wait for a retrieve's outcome and a stream of what happens, for progress.
///
/// Every routed store must reach `finishStore`; a store that ends the retrieve (the last
/// counted instance after the final response) completes its waiter.
public final class RetrieveCoordinator: @unchecked Sendable {
    /// What a retrieve's progress display hears.
    public enum Event: Sendable {
        /// A C-MOVE-RSP/C-GET-RSP (pending or final) with its sub-operation counts.
        case response(PendingMove.ID, status: DIMSEStatus, SubOperationCounts)
        /// An instance was stored (or failed to be) for a retrieve, or unsolicited (`nil`).
        case stored(PendingMove.ID?, sopInstanceUID: String, file: String?, failure: StorageError?)
    }

    private let lock = NSLock()
    private var router: SubAssociationRouter
    private var outcomes: [PendingMove.ID: RetrieveOutcome] = [:]
    private var waiters: [PendingMove.ID: CheckedContinuation<RetrieveOutcome, Never>] = [:]
    private let onEvent: @Sendable (Event) -> Void
    private var inFlight = 0
    private var activityHooks: [PendingMove.ID: @Sendable () -> Void] = [:]

    /// Stores routed and not yet finished: a listener shutting down waits for them.
    public var storesInFlight: Int { lock.withLock { inFlight } }

    public init(router: SubAssociationRouter = SubAssociationRouter(), onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        self.router = router
        self.onEvent = onEvent
    }

    public func register(_ request: RetrieveRequest) throws(RetrieveError) -> PendingMove {
        lock.lock()
        defer { lock.unlock() }
        return try router.register(request, at: .now)
    }

    /// Calls `hook` whenever a store for the open retrieve of `messageID` begins or ends, until
    /// it completes: a C-MOVE SCU keeps its wait for the final response alive with it while
    /// instances arrive on other associations.
    public func onActivity(ofMessageID messageID: UInt16, _ hook: @escaping @Sendable () -> Void) {
        lock.withLock {
            guard let id = router.retrieve(messageID: messageID)?.id else { return }
            activityHooks[id] = hook
        }
    }

    /// Routes one incoming C-STORE (PS3.7 §9.1.1.1.7–8 fields first, then the fallback).
    public func route(_ store: IncomingStore) -> StoreRoute {
        let (route, hook) = lock.withLock {
            inFlight += 1
            let route = router.route(store)
            return (route, route.retrieveID.flatMap { activityHooks[$0] })
        }
        hook?()
        return route
    }

    /// C-GET: a store on the association of retrieve `id`.
    public func beginStore(_ sopInstanceUID: String, for id: PendingMove.ID) -> StoreRoute {
        lock.withLock {
            inFlight += 1
            return (try? router.beginStore(sopInstanceUID, for: id, at: .now)) ?? .unsolicited(reason: "\(id) is no longer open")
        }
    }

    /// The store routed by `route` ended: with the stored file, or the failure answered.
    public func finishStore(_ route: StoreRoute, sopInstanceUID: String, result: Result<StoredInstance, StorageError>) {
        let status: DIMSEStatus
        switch result {
        case .success: status = .success
        case .failure(let error): status = error.status
        }
        var id = route.retrieveID
        let outcome: RetrieveOutcome? = lock.withLock {
            inFlight -= 1
            if case .ambiguous(let candidates) = route, case .success(let stored) = result,
                case .retrieve(let chosen, _) = router.resolve(
                    candidates, sopInstanceUID: sopInstanceUID, studyInstanceUID: stored.studyInstanceUID,
                    seriesInstanceUID: stored.seriesInstanceUID, at: .now)
            {
                id = chosen
            }
            guard let id else { return nil }
            return router.finishStore(sopInstanceUID, for: id, status: status, at: .now)
        }
        if let id, outcome == nil { lock.withLock { activityHooks[id] }?() }
        switch result {
        case .success(let stored): onEvent(.stored(id, sopInstanceUID: sopInstanceUID, file: stored.file, failure: nil))
        case .failure(let error): onEvent(.stored(id, sopInstanceUID: sopInstanceUID, file: nil, failure: error))
        }
        if let outcome { complete(outcome) }
    }

    /// A C-MOVE-RSP or C-GET-RSP for one of the open retrieves.
    public func receive(_ response: some RetrieveResponse) {
        let outcome = lock.withLock { () -> (RetrieveOutcome?, PendingMove.ID?) in
            let id = router.retrieve(messageID: response.messageIDBeingRespondedTo)?.id
            return (router.receive(response, at: .now), id)
        }
        if let id = outcome.1 { onEvent(.response(id, status: response.status, response.subOperations)) }
        if let done = outcome.0 { complete(done) }
    }

    /// Waits until retrieve `id` completes, or until nothing happened for the router's
    /// inactivity timeout (checked every `tick`).
    public func outcome(of id: PendingMove.ID, tick: Duration = .milliseconds(250)) async -> RetrieveOutcome {
        let expiry = Task { [self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                let expired = lock.withLock { router.expire(at: .now) }
                for outcome in expired { complete(outcome) }
            }
        }
        defer { expiry.cancel() }
        return await withCheckedContinuation { continuation in
            let done: RetrieveOutcome? = lock.withLock {
                if let outcome = outcomes.removeValue(forKey: id) { return outcome }
                waiters[id] = continuation
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    /// Ends a retrieve that cannot complete (its association failed before any final
    /// response): it is closed now, with what was missing.
    public func abandon(_ id: PendingMove.ID) {
        let outcome = lock.withLock { router.close(id).map { RetrieveOutcome(move: $0, ending: .timedOut(missing: $0.missing)) } }
        if let outcome { complete(outcome) }
    }

    private func complete(_ outcome: RetrieveOutcome) {
        let waiter = lock.withLock { () -> CheckedContinuation<RetrieveOutcome, Never>? in
            activityHooks[outcome.move.id] = nil
            guard let waiter = waiters.removeValue(forKey: outcome.move.id) else {
                outcomes[outcome.move.id] = outcome
                return nil
            }
            return waiter
        }
        waiter?.resume(returning: outcome)
    }
}
