import ArgumentParser
import PACSLink

/// `pacslink local show [--json]`: the merged local settings.
struct LocalShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the local settings (defaults, then the administrator's, then yours).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print one JSON document.") var json = false

    func run() throws {
        let local = try global.registry.load().local
        if json {
            try JSONOutput.print(LocalJSON(local: local))
            return
        }
        print(Table.render(local.all.map { [$0.key, $0.value.isEmpty ? "-" : $0.value] }), terminator: "")
    }
}
