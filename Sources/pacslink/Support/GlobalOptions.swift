import ArgumentParser
import Foundation
import PACSLink

/// `--config` and `--admin-config`, given before or after the command (docs/cli.md).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "The user's servers file (default: $PACSLINK_CONFIG, else $XDG_CONFIG_HOME/pacslink/servers.ini).",
        valueName: "FILE"))
    var config: String?

    @Option(name: .customLong("admin-config"), help: ArgumentHelp(
        "The administrator's servers file, read-only (default: $PACSLINK_ADMIN_CONFIG, else /etc/pacslink/servers.ini).",
        valueName: "FILE"))
    var adminConfig: String?

    /// The registry over the files these options and the environment select.
    var registry: ServerRegistry {
        let environment = ProcessInfo.processInfo.environment
        return ServerRegistry(
            files: .resolve(config: config, adminConfig: adminConfig, environment: environment),
            environment: environment)
    }
}
