/// Asynchronous Operations Window sub-item (PS3.8 §D.3.3.3, Table D.3-7): how many operations
/// the sender may invoke, and perform, without waiting for responses. 0 means unlimited; the
/// default when absent is 1/1 (synchronous).
public struct AsynchronousOperationsWindow: Sendable, Hashable {
    static let itemType: UInt8 = 0x53

    public var maximumNumberOperationsInvoked: UInt16
    public var maximumNumberOperationsPerformed: UInt16

    public init(maximumNumberOperationsInvoked: UInt16, maximumNumberOperationsPerformed: UInt16) {
        self.maximumNumberOperationsInvoked = maximumNumberOperationsInvoked
        self.maximumNumberOperationsPerformed = maximumNumberOperationsPerformed
    }

    /// One operation each way: what PACSLink answers (PS3.8 §D.3.3.3.2).
    public static let synchronous = AsynchronousOperationsWindow(
        maximumNumberOperationsInvoked: 1, maximumNumberOperationsPerformed: 1)

    init(decoding body: inout ItemCursor) throws {
        maximumNumberOperationsInvoked = try body.uint16("Maximum-number-operations-invoked")
        maximumNumberOperationsPerformed = try body.uint16("Maximum-number-operations-performed")
        try body.expectEnd("Asynchronous Operations Window")
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) {
            $0.writeUInt16(maximumNumberOperationsInvoked, .bigEndian)
            $0.writeUInt16(maximumNumberOperationsPerformed, .bigEndian)
        }
    }
}
