import Foundation
import SlateCore
import SlateStore
import SlateTUI

/// Starts the terminal UI: the ncurses terminal as the backend of SlateTUI's program loop,
/// effects through the domain library.
public enum TerminalApp {
    /// Runs the UI until the user quits or a signal arrives; the terminal is always restored.
    /// `focus` opens the grid on another time than now (the first busy week).
    public static func run(session: Session, theme: Theme, noColor: Bool, clock: Clock, focus: Int64? = nil) throws {
        let (name, zoneName, locale) = try session.workspaceInfo()
        let watcher = try session.workspace.changeWatcher()
        let terminal = try Terminal(theme: theme, noColor: noColor)
        defer { terminal.restore() }
        var state = AppState(width: terminal.width, height: terminal.height, now: clock.now(), zone: LocalTime.cached(zoneName) ?? LocalTime(timeZone: .gmt), words: .of(locale),
                             workspaceName: name, user: session.login, unicode: terminal.unicode, themeName: theme.name)
        if let focus { state.focus(on: focus) }
        let program = Program(state: state, backend: terminal, performer: EffectRunner(session: session), clock: clock,
                              changed: { watcher.changed() }, idle: { session.workspace.checkpoint() })
        program.run()
    }
}
