/// Byte counts for people, in decimal units (1 MB = 1,000,000 bytes) as disk tools show them.
enum ByteCount {
    static func format(_ bytes: Int) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format1: value) + " " + units[unit]
    }
}
