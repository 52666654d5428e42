/// One step of `DemoScenario` as it ends: what was done, whether it worked, how long it took,
/// and the lines worth showing (timings, studies found, files stored).
public struct DemoStep: Sendable, Equatable {
    /// The steps, in the order the demo runs them.
    public enum Kind: String, Sendable, CaseIterable {
        /// Our Storage SCP on a free loopback port (the C-MOVE destination).
        case listen
        /// The simulated PACS (and the second AE the files are sent back to).
        case simulate
        /// Both registered in a temporary servers file.
        case register
        /// C-ECHO (PS3.4 Annex A).
        case echo
        /// C-FIND at study level (PS3.4 C.4.1).
        case find
        /// C-MOVE of one study into our listen port (PS3.4 C.4.2).
        case retrieve
        /// C-STORE of the retrieved files (PS3.4 Annex B).
        case send
        /// The receiving AE holds every instance sent.
        case verify
    }

    public var kind: Kind
    public var title: String
    public var succeeded: Bool
    public var duration: Duration
    /// Human-readable lines; on failure the last one says why.
    public var details: [String]

    public init(kind: Kind, title: String, succeeded: Bool, duration: Duration, details: [String]) {
        self.kind = kind
        self.title = title
        self.succeeded = succeeded
        self.duration = duration
        self.details = details
    }
}
