extension Association {
    /// Read backpressure: when `sink` holds more than `dataSetSinkHighWaterMark` unconsumed
    /// bytes (a disk slower than the network), stop reading from the connection — TCP flow
    /// control then slows the peer — until the sink drains to half the mark.
    func pauseReadingIfBackedUp(_ sink: any DIMSEDataSetSink) {
        guard readPausedBy == nil, sink.pendingByteCount > dataSetSinkHighWaterMark, let channel else { return }
        readPausedBy = sink
        idleTimer?.cancel()  // waiting for our own disk is not the peer being idle
        sink.setDrainHandler { [weak self] in self?.enterFromLoop { $0.dataSetSinkDrained() } }
        channel.pauseReading()
    }

    /// The pausing sink consumed some bytes: resume reading once it is at half the mark.
    private func dataSetSinkDrained() {
        guard let sink = readPausedBy, sink.pendingByteCount <= dataSetSinkHighWaterMark / 2 else { return }
        readPausedBy = nil
        if core.state == .sta6 { armIdleTimer() }
        channel?.resumeReading()
    }
}
