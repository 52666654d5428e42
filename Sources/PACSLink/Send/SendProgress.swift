/// A send's progress as a terminal line: files and bytes done out of the total, and the rate.
public struct SendProgress: Sendable, Hashable {
    public var filesTotal: Int
    public var bytesTotal: Int
    public var filesDone = 0
    public var bytesDone = 0

    public init(filesTotal: Int, bytesTotal: Int) {
        self.filesTotal = filesTotal
        self.bytesTotal = bytesTotal
    }

    public mutating func record(_ event: SendEvent) {
        switch event {
        case .bytes(let count): bytesDone += count
        case .finished: filesDone += 1
        }
    }

    /// "[##########..........]  12/40 files  3.2 MB/10.0 MB  1.1 MB/s", the bar `width` cells.
    public func line(elapsed: Duration, width: Int = 24) -> String {
        let fraction = bytesTotal > 0 ? Double(min(bytesDone, bytesTotal)) / Double(bytesTotal)
            : filesTotal > 0 ? Double(filesDone) / Double(filesTotal) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let seconds = elapsed.seconds
        let rate = seconds > 0 ? ByteCount.format(Int(Double(bytesDone) / seconds)) + "/s" : "-"
        return "[\(bar)]  \(filesDone)/\(filesTotal) files  \(ByteCount.format(bytesDone))/\(ByteCount.format(bytesTotal))  \(rate)"
    }
}
