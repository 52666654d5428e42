import DICOMProtocol

/// A Part 10 file ready to be sent with C-STORE (PS3.4 Annex B): what its File Meta
/// Information (PS3.10 §7.1) says the data set is — the SOP class and instance the C-STORE-RQ
/// names and the transfer syntax its presentation context must carry.
public struct SendFile: Sendable, Hashable {
    public var path: String
    /// Media Storage SOP Class UID (0002,0002): the abstract syntax and Affected SOP Class UID.
    public var sopClassUID: String
    /// Media Storage SOP Instance UID (0002,0003): the Affected SOP Instance UID.
    public var sopInstanceUID: String
    /// Transfer Syntax UID (0002,0010): the data set is sent as stored, in this syntax.
    public var transferSyntax: TransferSyntax
    /// Bytes of the data set (the file without preamble, prefix and group 0002).
    public var dataSetLength: Int
    /// Where the data set starts in the file: sending reads from here without parsing the
    /// File Meta Information again.
    public var dataSetOffset: Int
    /// The data set's bytes when the scan read the whole file anyway (a small file, within the
    /// scan's memory budget): sending then neither opens nor reads the file again. Not part of
    /// the file's identity (equality and hashing ignore it).
    public var preloaded: PreloadedFile?

    public init(
        path: String, sopClassUID: String, sopInstanceUID: String, transferSyntax: TransferSyntax, dataSetLength: Int,
        dataSetOffset: Int = 0, preloaded: PreloadedFile? = nil
    ) {
        self.path = path
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.transferSyntax = transferSyntax
        self.dataSetLength = dataSetLength
        self.dataSetOffset = dataSetOffset
        self.preloaded = preloaded
    }

    /// The data set's bytes of a file the scan kept.
    public var preloadedDataSet: ArraySlice<UInt8>? { preloaded.map { $0.bytes[dataSetOffset...] } }

    public static func == (lhs: SendFile, rhs: SendFile) -> Bool {
        lhs.path == rhs.path && lhs.sopClassUID == rhs.sopClassUID && lhs.sopInstanceUID == rhs.sopInstanceUID
            && lhs.transferSyntax == rhs.transferSyntax && lhs.dataSetLength == rhs.dataSetLength
            && lhs.dataSetOffset == rhs.dataSetOffset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(sopInstanceUID)
        hasher.combine(dataSetOffset)
    }

    /// The presentation context this file needs: its SOP class in its own transfer syntax.
    public var syntaxPair: SyntaxPair { SyntaxPair(abstractSyntax: sopClassUID, transferSyntax: transferSyntax.uid) }

    /// An abstract syntax with one transfer syntax: one proposed presentation context.
    public struct SyntaxPair: Sendable, Hashable, Comparable {
        public var abstractSyntax: String
        public var transferSyntax: String

        public init(abstractSyntax: String, transferSyntax: String) {
            self.abstractSyntax = abstractSyntax
            self.transferSyntax = transferSyntax
        }

        public static func < (lhs: SyntaxPair, rhs: SyntaxPair) -> Bool {
            (lhs.abstractSyntax, lhs.transferSyntax) < (rhs.abstractSyntax, rhs.transferSyntax)
        }
    }
}

/// A small file read whole by the scan, shared (not copied) by every copy of its `SendFile`.
public final class PreloadedFile: Sendable {
    /// The whole file, preamble and File Meta Information included.
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}
