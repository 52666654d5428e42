/// The counts a send ends with: files per category, bytes stored, time taken.
public struct SendSummary: Sendable, Hashable {
    public var counts: [SendFileResult.Category: Int]
    /// Data set bytes of the files stored (success or warning).
    public var bytesStored: Int
    public var duration: Duration

    public init(_ results: [SendFileResult], duration: Duration) {
        counts = [:]
        bytesStored = 0
        for result in results {
            let category = result.category
            counts[category, default: 0] += 1
            if category == .success || category == .warning { bytesStored += result.file?.dataSetLength ?? 0 }
        }
        self.duration = duration
    }

    public func count(_ category: SendFileResult.Category) -> Int { counts[category, default: 0] }

    /// Everything given was stored or skipped: nothing failed, nothing was left unsent.
    public var allSent: Bool { count(.failure) == 0 && count(.notSent) == 0 }

    /// "12 stored (1 with warnings), 2 failed, 1 skipped, 0 not sent; 4.1 MB in 1.2 s (3.4 MB/s)".
    public var line: String {
        let stored = count(.success) + count(.warning)
        let warnings = count(.warning) > 0 ? " (\(count(.warning)) with warnings)" : ""
        var text = "\(stored) stored\(warnings), \(count(.failure)) failed, \(count(.skipped)) skipped"
        if count(.notSent) > 0 { text += ", \(count(.notSent)) not sent (interrupted)" }
        let seconds = duration.seconds
        text += "; " + ByteCount.format(bytesStored) + " in " + String(format1: seconds) + " s"
        if seconds > 0 { text += " (" + ByteCount.format(Int(Double(bytesStored) / seconds)) + "/s)" }
        return text
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

extension String {
    /// One decimal, without Foundation's locale.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
