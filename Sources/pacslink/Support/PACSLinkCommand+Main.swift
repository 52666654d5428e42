import ArgumentParser
import Foundation
import PACSLink

extension PACSLinkCommand {
    /// Runs the command line, mapping ArgumentParser's usage errors (its exit code 64) to 2 and
    /// the registry's errors to their codes; help and version print as usual.
    static func main() async {
        AllocatorTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as RegistryError {
            FileHandle.standardError.write(Data("pacslink: error: \(error)\n".utf8))
            Foundation.exit(ExitStatus(error.kind).rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
