import Foundation
import SlateCore
import SlateStore
import SlateTUI

/// The event loop: keys, resizes, the clock and other processes' commits become actions;
/// effects run through the domain library; only changed cells are drawn.
public enum TerminalApp {
    /// Runs the UI until the user quits or a signal arrives; the terminal is always restored.
    /// `focus` opens the grid on another time than now (the first busy week).
    public static func run(session: Session, theme: Theme, noColor: Bool, clock: Clock, focus: Int64? = nil) throws {
        let (name, zoneName) = try session.workspaceInfo()
        let watcher = try session.workspace.changeWatcher()
        let terminal = try Terminal(theme: theme, noColor: noColor)
        defer { terminal.restore() }
        var state = AppState(width: terminal.width, height: terminal.height, now: clock.now(), zone: LocalTime.cached(zoneName) ?? LocalTime(timeZone: .gmt),
                             workspaceName: name, user: session.login, unicode: terminal.unicode, themeName: theme.name)
        if let focus { state.focus(on: focus) }
        let runner = EffectRunner(session: session)
        var drawn: AppState?
        var forceDraw = true

        func dispatch(_ action: Action) {
            var queue = [action]
            while !queue.isEmpty {
                let next = queue.removeFirst()
                for effect in update(&state, next) {
                    switch effect {
                    case .redraw:
                        terminal.invalidate()
                        forceDraw = true
                    case .setTheme(let name):
                        do {
                            terminal.setTheme(try Theme.load(name))
                            forceDraw = true
                            state.themeName = name
                            state.status = StatusMessage(.ok, "Theme \(name).")
                        } catch {
                            state.status = StatusMessage(.error, "\(error)")
                        }
                    case .quit:
                        state.quitting = true
                    default:
                        queue += runner.run(effect, state: state)
                    }
                }
            }
        }

        dispatch(.resourcesLoaded(try session.gridResources()))
        var lastPoll = Date()
        var lastCheckpoint = Date()
        while !state.quitting && !terminal.signalled && !terminal.hungUp {
            // Idle costs nothing: a frame is drawn only when the state changed.
            if forceDraw || drawn != state {
                terminal.draw(render(state))
                drawn = state
                forceDraw = false
            }
            if let event = terminal.next(timeout: 200) {
                switch event {
                case .key(let key): dispatch(.key(key))
                case .resized(let width, let height): dispatch(.resized(width: width, height: height))
                }
            }
            let now = clock.now()
            if now / 60 != state.now / 60 { dispatch(.tick(now: now)) }
            if Date().timeIntervalSince(lastPoll) >= 0.25 {
                lastPoll = Date()
                if watcher.changed() { dispatch(.databaseChanged) }
            }
            // Automatic checkpoints are off the edit path; a long session folds the
            // write-ahead log back while it waits for keys.
            if Date().timeIntervalSince(lastCheckpoint) >= 60 {
                lastCheckpoint = Date()
                session.workspace.checkpoint()
            }
        }
    }
}
