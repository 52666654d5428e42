import DICOMProtocol

/// How files are spread over associations (PS3.8 §9.3.2: an A-ASSOCIATE-RQ carries at most
/// 128 presentation contexts, their IDs the odd numbers 1…255).
///
/// Each file needs one presentation context: its SOP class in its own transfer syntax, since
/// PACSLink sends data sets as stored and does not transcode (proposing other syntaxes for the
/// same context would let the peer pick one the file is not in). Files go to `lanes` — the
/// associations run in parallel — largest first onto the lane with the fewest bytes, so the
/// lanes finish together; within a lane, files keep their order and every run of at most 128
/// distinct syntax pairs becomes one association, so more pairs mean more associations.
public struct SendPlan: Sendable, Equatable {
    /// PS3.8 §9.3.2.2: Presentation-context-IDs are odd integers between 1 and 255.
    public static let maximumPresentationContexts = 128

    /// One association: the contexts to propose and the files to send over them, in order.
    public struct Association: Sendable, Equatable {
        public var contexts: [PresentationContextRQ]
        public var files: [SendFile]

        public var bytes: Int { files.reduce(0) { $0 + $1.dataSetLength } }

        /// The context proposed for `file` (its SOP class in its transfer syntax).
        public func contextID(for file: SendFile) -> UInt8? {
            contexts.first {
                $0.transferSyntaxes.count == 1 && $0.transferSyntaxes[0] == file.transferSyntax.uid
                    && $0.abstractSyntax == file.sopClassUID
            }?.id
        }
    }

    /// Associations run one after another within a lane; lanes run in parallel.
    public var lanes: [[Association]]

    public init(files: [SendFile], associations: Int) {
        let laneCount = max(1, min(associations, files.count))
        lanes = Self.balance(files, lanes: laneCount).map(Self.associations)
    }

    public var associationCount: Int { lanes.reduce(0) { $0 + $1.count } }

    /// Longest-processing-time-first: each file, largest first, onto the lightest lane; each
    /// lane's files then back in their original order.
    static func balance(_ files: [SendFile], lanes count: Int) -> [[SendFile]] {
        var lanes = [[Int]](repeating: [], count: count)
        var loads = [Int](repeating: 0, count: count)
        let bySize = files.indices.sorted { (files[$0].dataSetLength, $1) > (files[$1].dataSetLength, $0) }
        for index in bySize {
            let lightest = loads.indices.min { (loads[$0], $0) < (loads[$1], $1) } ?? 0
            lanes[lightest].append(index)
            loads[lightest] += files[index].dataSetLength
        }
        return lanes.map { $0.sorted().map { files[$0] } }
    }

    /// Cuts a lane into associations of at most 128 distinct syntax pairs each.
    static func associations(_ files: [SendFile]) -> [Association] {
        var result: [Association] = []
        var pairs: [SendFile.SyntaxPair] = []
        var current: [SendFile] = []
        func close() {
            guard !current.isEmpty else { return }
            result.append(Association(contexts: contexts(pairs), files: current))
            pairs = []
            current = []
        }
        for file in files {
            let pair = file.syntaxPair
            if !pairs.contains(pair) {
                if pairs.count == maximumPresentationContexts { close() }
                pairs.append(pair)
            }
            current.append(file)
        }
        close()
        return result
    }

    /// One context per pair, IDs 1, 3, 5, …, in the order the pairs were met.
    static func contexts(_ pairs: [SendFile.SyntaxPair]) -> [PresentationContextRQ] {
        pairs.enumerated().map { index, pair in
            PresentationContextRQ(
                id: UInt8(2 * index + 1), abstractSyntax: pair.abstractSyntax, transferSyntaxes: [pair.transferSyntax])
        }
    }
}
