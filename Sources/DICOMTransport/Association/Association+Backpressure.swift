extension Association {
    /// Read backpressure: when the sinks of the requests being performed (`sink`, and under an
    /// Asynchronous Operations Window those still writing earlier data sets) hold more than
    /// `dataSetSinkHighWaterMark` unconsumed bytes (a disk slower than the network), stop
    /// reading from the connection — TCP flow control then slows the peer — until they drain
    /// to half the mark.
    func pauseReadingIfBackedUp(_ sink: any DIMSEDataSetSink) {
        guard readPausedBy == nil, pendingSinkBytes > dataSetSinkHighWaterMark, let channel else { return }
        readPausedBy = sink
        idleTimer?.cancel()  // waiting for our own disk is not the peer being idle
        for case let performed? in performing.values {
            performed.setDrainHandler { [weak self] in self?.enterFromLoop { $0.dataSetSinkDrained() } }
        }
        channel.pauseReading()
    }

    /// Bytes held unconsumed by the sinks of the requests being performed.
    private var pendingSinkBytes: Int {
        performing.values.reduce(0) { $0 + ($1?.pendingByteCount ?? 0) }
    }

    /// A sink consumed some bytes, or a request was answered: resume reading once the sinks
    /// are at half the mark.
    func dataSetSinkDrained() {
        guard readPausedBy != nil, pendingSinkBytes <= dataSetSinkHighWaterMark / 2 else { return }
        readPausedBy = nil
        if core.state == .sta6 { armIdleTimer() }
        channel?.resumeReading()
    }
}
