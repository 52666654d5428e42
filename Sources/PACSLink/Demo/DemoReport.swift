/// What `DemoScenario.run` did: every step that ran (the first failure ends the demo), and
/// where the retrieved files are.
public struct DemoReport: Sendable {
    public var steps: [DemoStep]
    /// The folder the study was retrieved into (`<out>/RetrievedFiles/<Study>/<Series>/<SOP>.dcm`).
    public var outputFolder: String
    /// The retrieved files, as the storage listener wrote them.
    public var retrievedFiles: [String]
    /// The temporary servers file the demo registered its simulators in.
    public var configurationFile: String
    /// False when the demo removed its temporary folder (output included) at the end.
    public var kept: Bool

    /// Every step of the scenario ran and succeeded.
    public var succeeded: Bool {
        steps.map(\.kind) == DemoStep.Kind.allCases && steps.allSatisfy(\.succeeded)
    }

    public init(steps: [DemoStep], outputFolder: String, retrievedFiles: [String], configurationFile: String, kept: Bool) {
        self.steps = steps
        self.outputFolder = outputFolder
        self.retrievedFiles = retrievedFiles
        self.configurationFile = configurationFile
        self.kept = kept
    }
}
