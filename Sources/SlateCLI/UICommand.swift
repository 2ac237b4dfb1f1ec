import ArgumentParser
import Foundation
import SlateCore
import SlateStore
import SlateTerminal
import SlateTUI

/// `slate` with no subcommand: the full-screen terminal UI.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen terminal UI (what `slate` alone does).",
        discussion: "NO_COLOR selects the mono theme. Press ? inside for the keys of the current view.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Theme: \(Theme.builtinNames.joined(separator: ", ")), or a path to a .theme file.") var theme = "default"
    @Flag(help: "Open the demo workspace, creating it when there is none.") var demo = false
    @Flag(help: "With --demo: replace an existing demo with a new one (practice work in it is lost).") var fresh = false

    func validate() throws {
        if fresh && !demo { throw ValidationError("--fresh goes with --demo") }
    }

    func run() throws {
        let env = global.environment
        if try demo && (fresh || !DemoWorkspace.exists(at: global.path)) {
            _ = try DemoWorkspace.build(at: global.path, login: env.login, userName: env.userName, clock: env.clock)
        }
        let noColor = !(env.variables["NO_COLOR"] ?? "").isEmpty
        let chosen = try Theme.load(noColor ? "mono" : theme)
        let session = try global.session()
        try TerminalApp.run(session: session, theme: chosen, noColor: noColor, clock: env.clock, focus: try session.busyFocus())
    }
}
