import Foundation

/// Where the two configuration files are: the user's (editable) and the administrator's
/// (read-only for every command).
public struct ConfigurationFiles: Sendable, Equatable {
    public var user: String
    public var admin: String

    public init(user: String, admin: String) {
        self.user = user
        self.admin = admin
    }

    /// The default administrator's file.
    public static let defaultAdmin = "/etc/pacslink/servers.ini"

    /// The files chosen by options, else the environment (`PACSLINK_CONFIG`,
    /// `PACSLINK_ADMIN_CONFIG`), else the defaults: `$XDG_CONFIG_HOME/pacslink/servers.ini`
    /// (XDG default `~/.config`) and `/etc/pacslink/servers.ini`.
    public static func resolve(
        config: String?, adminConfig: String?, environment: [String: String]
    ) -> ConfigurationFiles {
        let user = config ?? environment["PACSLINK_CONFIG"].nonEmpty
            ?? xdgDirectory("XDG_CONFIG_HOME", fallback: ".config", environment: environment) + "/pacslink/servers.ini"
        let admin = adminConfig ?? environment["PACSLINK_ADMIN_CONFIG"].nonEmpty ?? defaultAdmin
        return ConfigurationFiles(user: user, admin: admin)
    }

    /// An XDG base directory: `$variable` when set to an absolute path (XDG Base Directory
    /// Specification), else `$HOME/fallback`.
    static func xdgDirectory(_ variable: String, fallback: String, environment: [String: String]) -> String {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        let home = environment["HOME"].nonEmpty ?? NSHomeDirectory()
        return home + "/" + fallback
    }
}

extension Optional where Wrapped == String {
    /// The string unless it is nil or empty (an empty variable counts as unset).
    fileprivate var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
