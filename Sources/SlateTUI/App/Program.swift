import Foundation
import SlateCore

/// Performs effects: the domain library in the real program, a script in tests.
public protocol EffectPerformer {
    /// The actions an effect's result produces.
    func run(_ effect: Effect, state: AppState) -> [Action]
}

extension EffectRunner: EffectPerformer {}

/// The event loop: keys, resizes, the clock's minute and other processes' commits become
/// actions; `update` turns them into effects, which run through the performer and come
/// back as actions. A frame is rendered only when the state changed, and only the cells
/// that differ from the last frame are sent.
public final class Program {
    public private(set) var state: AppState
    private let backend: TerminalBackend
    private let performer: EffectPerformer
    private let clock: Clock
    private let changed: () -> Bool
    private let idle: () -> Void
    private let loadTheme: (String) throws -> Theme
    private var lastFrame: Canvas?
    private var drawnState: AppState?
    /// Frames sent so far and the cells they carried (for tests and benchmarks).
    public private(set) var framesDrawn = 0
    public private(set) var cellsSent = 0

    /// - Parameters:
    ///   - changed: true when another process committed since the last call.
    ///   - idle: chores while waiting for keys (a checkpoint), called about once a minute.
    public init(state: AppState, backend: TerminalBackend, performer: EffectPerformer, clock: Clock,
                changed: @escaping () -> Bool, idle: @escaping () -> Void = {}, loadTheme: @escaping (String) throws -> Theme = Theme.load) {
        self.state = state
        self.backend = backend
        self.performer = performer
        self.clock = clock
        self.changed = changed
        self.idle = idle
        self.loadTheme = loadTheme
    }

    /// Applies an action and everything it leads to.
    public func dispatch(_ action: Action) {
        var queue = [action]
        while !queue.isEmpty {
            for effect in update(&state, queue.removeFirst()) {
                queue += perform(effect)
            }
        }
    }

    /// Runs one effect: terminal chores here, everything else through the performer.
    private func perform(_ effect: Effect) -> [Action] {
        switch effect {
        case .redraw:
            invalidate()
            return []
        case .setTheme(let name):
            do {
                backend.setTheme(try loadTheme(name))
                invalidate()
                state.themeName = name
                state.status = StatusMessage(.ok, "Theme \(name).")
            } catch {
                state.status = StatusMessage(.error, "\(error)")
            }
            return []
        case .quit:
            state.quitting = true
            return []
        default:
            return performer.run(effect, state: state)
        }
    }

    private func invalidate() {
        backend.invalidate()
        lastFrame = nil
        drawnState = nil
    }

    /// Draws the state if it changed since the last frame.
    public func drawIfNeeded() {
        guard drawnState != state else { return }
        let frame = render(state)
        let (changes, full) = frame.changes(from: lastFrame)
        backend.write(changes, full: full)
        framesDrawn += 1
        cellsSent += changes.count
        lastFrame = frame
        drawnState = state
    }

    /// Handles what happened while waiting up to `timeout` milliseconds: one event, the
    /// minute tick, and other processes' commits.
    public func step(timeout: Int32 = 200) {
        drawIfNeeded()
        switch backend.next(timeout: timeout) {
        case .key(let key)?: dispatch(.key(key))
        case .resized(let width, let height)?:
            invalidate()
            dispatch(.resized(width: width, height: height))
        case nil: break
        }
        let now = clock.now()
        if now / 60 != state.now / 60 { dispatch(.tick(now: now)) }
    }

    /// Reloads when another process committed since the last look.
    public func pollChanges() {
        if changed() { dispatch(.databaseChanged) }
    }

    /// Runs until the user quits, a signal arrives or the terminal goes away.
    public func run() {
        dispatch(.started)
        var lastPoll = Date()
        var lastIdle = Date()
        while !state.quitting && !backend.mustStop {
            step()
            if Date().timeIntervalSince(lastPoll) >= 0.25 {
                lastPoll = Date()
                pollChanges()
            }
            // Automatic checkpoints are off the edit path; a long session folds the
            // write-ahead log back while it waits for keys.
            if Date().timeIntervalSince(lastIdle) >= 60 {
                lastIdle = Date()
                idle()
            }
        }
    }
}
