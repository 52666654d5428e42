import Foundation

/// A bounded hand-over from a producer task on the global pool (reading files) to one
/// consumer (an association sending them), so that reading runs ahead of the wire without
/// either side waking the other for every item.
///
/// The producer suspends once `byteBudget` bytes (or `itemBudget` items) wait, and is resumed
/// only when the consumer has taken them down to half — one wake-up of a pool thread per many
/// small files. The consumer suspends only when nothing is ready. Either side may end it:
/// `finish()` (nothing more comes) or `cancel()` (nothing more is wanted; a suspended or later
/// `push` returns false).
final class ReadAhead<Element: Sendable>: @unchecked Sendable {
    let byteBudget: Int
    let itemBudget: Int
    private let lock = NSLock()
    private var items: [(element: Element, bytes: Int)] = []
    private var head = 0
    private var bytes = 0
    private var isFinished = false
    private var isCancelled = false
    private var consumer: CheckedContinuation<Element?, Never>?
    private var producer: CheckedContinuation<Bool, Never>?

    init(byteBudget: Int = 4 << 20, itemBudget: Int = 128) {
        self.byteBudget = byteBudget
        self.itemBudget = itemBudget
    }

    private var count: Int { items.count - head }

    private enum PushStep { case resumeConsumer(CheckedContinuation<Element?, Never>), done(Bool), wait }
    private enum NextStep { case item(Element, CheckedContinuation<Bool, Never>?), end, wait }

    /// Hands `element` over (costing `bytes` of the budget); suspends while the budget is
    /// spent. False once the consumer cancelled: stop producing.
    nonisolated(nonsending) func push(_ element: Element, bytes cost: Int) async -> Bool {
        let next: PushStep = lock.withLock {
            if isCancelled { return .done(false) }
            if let consumer {
                self.consumer = nil
                return .resumeConsumer(consumer)
            }
            items.append((element, cost))
            bytes += cost
            return bytes >= byteBudget || count >= itemBudget ? .wait : .done(true)
        }
        switch next {
        case .resumeConsumer(let consumer):
            consumer.resume(returning: element)
            return true
        case .done(let more):
            return more
        case .wait:
            return await withCheckedContinuation { continuation in
                let resumeNow: Bool? = lock.withLock {
                    if isCancelled { return false }
                    if bytes < byteBudget / 2 && count < itemBudget / 2 { return true }
                    producer = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        }
    }

    /// Nothing more will be pushed; the consumer gets `nil` after the last item.
    func finish() {
        let waiting: CheckedContinuation<Element?, Never>? = lock.withLock {
            isFinished = true
            defer { consumer = nil }
            return count == 0 ? consumer : nil
        }
        waiting?.resume(returning: nil)
    }

    /// The next item, in order; `nil` once the producer finished and everything was taken.
    nonisolated(nonsending) func next() async -> Element? {
        if let taken = lock.withLock({ take() }) {
            taken.producer?.resume(returning: true)
            return taken.element
        }
        return await withCheckedContinuation { continuation in
            let now: NextStep = lock.withLock {
                if let taken = take() { return .item(taken.element, taken.producer) }
                if isFinished || isCancelled { return .end }
                consumer = continuation
                return .wait
            }
            switch now {
            case .item(let element, let producer):
                producer?.resume(returning: true)
                continuation.resume(returning: element)
            case .end: continuation.resume(returning: nil)
            case .wait: break
            }
        }
    }

    /// Takes the first item, and the producer to resume when that brought the queue down to
    /// half the budget; call with the lock held.
    private func take() -> (element: Element, producer: CheckedContinuation<Bool, Never>?)? {
        guard count > 0 else { return nil }
        let (element, cost) = items[head]
        head += 1
        bytes -= cost
        if head > 64, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        guard let producer, bytes < byteBudget / 2, count < itemBudget / 2 else { return (element, nil) }
        self.producer = nil
        return (element, producer)
    }

    /// The consumer wants nothing more: a waiting producer is told to stop, items are dropped.
    func cancel() {
        let (waitingProducer, waitingConsumer) = lock.withLock {
            isCancelled = true
            items = []
            head = 0
            bytes = 0
            defer { producer = nil; consumer = nil }
            return (producer, consumer)
        }
        waitingProducer?.resume(returning: false)
        waitingConsumer?.resume(returning: nil)
    }
}
