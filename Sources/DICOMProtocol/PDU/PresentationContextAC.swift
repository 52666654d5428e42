/// Presentation Context item of an A-ASSOCIATE-AC (PS3.8 §9.3.3.2, Table 9-18): the acceptor's
/// answer for one proposed context, with the single transfer syntax it chose.
public struct PresentationContextAC: Sendable, Hashable {
    static let itemType: UInt8 = 0x21

    public var id: UInt8
    public var result: Result
    /// The chosen transfer syntax; not significant (and usually empty) when rejected.
    public var transferSyntax: String

    public init(id: UInt8, result: Result, transferSyntax: String = "") {
        self.id = id
        self.result = result
        self.transferSyntax = transferSyntax
    }

    /// Result/Reason field (PS3.8 Table 9-18).
    public enum Result: Sendable, Hashable, CustomStringConvertible {
        case acceptance
        case userRejection
        /// "no-reason (provider rejection)".
        case providerRejection
        case abstractSyntaxNotSupported
        case transferSyntaxesNotSupported
        case reserved(UInt8)

        public init(rawValue: UInt8) {
            switch rawValue {
            case 0: self = .acceptance
            case 1: self = .userRejection
            case 2: self = .providerRejection
            case 3: self = .abstractSyntaxNotSupported
            case 4: self = .transferSyntaxesNotSupported
            default: self = .reserved(rawValue)
            }
        }

        public var rawValue: UInt8 {
            switch self {
            case .acceptance: 0
            case .userRejection: 1
            case .providerRejection: 2
            case .abstractSyntaxNotSupported: 3
            case .transferSyntaxesNotSupported: 4
            case .reserved(let value): value
            }
        }

        public var description: String {
            switch self {
            case .acceptance: "acceptance"
            case .userRejection: "user rejection"
            case .providerRejection: "no reason (provider rejection)"
            case .abstractSyntaxNotSupported: "abstract syntax not supported"
            case .transferSyntaxesNotSupported: "transfer syntaxes not supported"
            case .reserved(let value): "reserved result \(value)"
            }
        }
    }

    init(decoding body: inout ItemCursor) throws {
        id = try body.uint8("Presentation-context-ID")
        try body.skip(1, "reserved")
        result = Result(rawValue: try body.uint8("Result/Reason"))
        try body.skip(1, "reserved")
        var chosen: String?
        while let (type, _, item) = try body.item() {
            var sub = item
            guard type == PresentationContextRQ.transferSyntaxType, chosen == nil else {
                throw body.error(.malformed, "sub-item", "unexpected sub-item \(String(hexByte: type))")
            }
            chosen = try sub.uid(sub.reader.remaining, "Transfer-syntax-name")
        }
        if chosen == nil && result == .acceptance {
            throw body.error(.malformed, "Transfer Syntax sub-item", "is missing in an accepted context")
        }
        transferSyntax = chosen ?? ""
    }

    func encode(into writer: inout ByteWriter) {
        writer.writeItem(Self.itemType) { w in
            w.writeUInt8(id)
            w.writeUInt8(0)
            w.writeUInt8(result.rawValue)
            w.writeUInt8(0)
            w.writeItem(PresentationContextRQ.transferSyntaxType) { $0.writeASCII(transferSyntax) }
        }
    }
}
