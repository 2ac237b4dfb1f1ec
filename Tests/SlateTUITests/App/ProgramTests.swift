import Foundation
import Testing
@testable import SlateCore
@testable import SlateStore
@testable import SlateTUI

/// A terminal in memory: it keeps what a real terminal would show after each write, so a
/// test can compare incremental drawing with a full repaint.
final class FakeTerminal: TerminalBackend {
    var width: Int
    var height: Int
    var unicode = true
    var events: [TerminalEvent?] = []
    var stop = false
    private(set) var screen: [[String]]
    private(set) var writes: [(cells: Int, full: Bool)] = []
    private(set) var invalidations = 0

    init(width: Int = 80, height: Int = 24) {
        self.width = width
        self.height = height
        screen = Array(repeating: Array(repeating: " ", count: width), count: height)
    }

    var mustStop: Bool { stop }

    func write(_ changes: [CellChange], full: Bool) {
        if full { screen = Array(repeating: Array(repeating: " ", count: width), count: height) }
        for change in changes { put(change.cell.text, x: change.x, y: change.y) }
        writes.append((changes.count, full))
    }

    /// What a terminal does with one cell: a wide character covers the next cell, and
    /// overwriting either half of a wide character blanks its other half.
    private func put(_ text: String, x: Int, y: Int) {
        guard y < height, x < width else { return }
        if screen[y][x].isEmpty, x > 0 { screen[y][x - 1] = " " }
        if x + 1 < width, screen[y][x + 1].isEmpty { screen[y][x + 1] = " " }
        screen[y][x] = text
        if DisplayWidth.of(text) == 2, x + 1 < width {
            if x + 2 < width, screen[y][x + 2].isEmpty { screen[y][x + 2] = " " }
            screen[y][x + 1] = ""
        }
    }

    func invalidate() { invalidations += 1 }

    func next(timeout milliseconds: Int32) -> TerminalEvent? {
        if case .resized(let w, let h)?? = events.first {
            width = w
            height = h
            screen = Array(repeating: Array(repeating: " ", count: w), count: h)
        }
        if events.isEmpty { stop = true; return nil }
        return events.removeFirst()
    }

    func setTheme(_ theme: Theme) {}

    var text: String { screen.map { $0.joined() }.joined(separator: "\n") }
}

/// Answers loads with the test scene and records every other effect.
final class ScenePerformer: EffectPerformer {
    private(set) var performed: [Effect] = []

    func run(_ effect: Effect, state: AppState) -> [Action] {
        performed.append(effect)
        switch effect {
        case .loadResources: return [.resourcesLoaded(Scene.resources)]
        case .loadWindow(let period): return [.windowLoaded(Scene.window, period, Set(Scene.resources.map(\.uid)))]
        default: return []
        }
    }
}

@Suite("The program loop over a terminal backend")
struct ProgramTests {
    func program(_ terminal: FakeTerminal, changed: @escaping () -> Bool = { false }) -> (Program, ScenePerformer) {
        let performer = ScenePerformer()
        let state = AppState(width: terminal.width, height: terminal.height, now: Scene.now, zone: Scene.zone, workspaceName: "Demo", user: "alice")
        let program = Program(state: state, backend: terminal, performer: performer, clock: .fixed(Scene.now), changed: changed)
        program.dispatch(.started)
        return (program, performer)
    }

    @Test func idleDrawsNothingAndAKeyDrawsOnlyTheCellsThatChanged() {
        let terminal = FakeTerminal()
        let (program, _) = program(terminal)
        terminal.events = [nil, nil, nil]
        for _ in 0..<3 { program.step() }
        #expect(program.framesDrawn == 1 && terminal.writes.first?.full == true)
        terminal.events = [.key(.char("l")), nil]
        program.step()
        program.step()
        #expect(program.framesDrawn == 2)
        let step = terminal.writes.last
        #expect(step?.full == false && (step?.cells ?? 999) < 120, "a cursor step sent \(step?.cells ?? -1) cells")
        #expect(terminal.text == render(program.state).text)
    }

    @Test func incrementalDrawingAlwaysEqualsAFullRepaint() {
        let terminal = FakeTerminal(width: 100, height: 30)
        let (program, _) = program(terminal)
        let keys: [Key] = [.char("j"), .char("l"), .char("+"), .char("L"), .char("j"), .char("j"), .char("-"), .char("-"), .char("/"), .char("z"), .escape,
                           .char("?"), .escape, .char("n"), .escape, .enter, .escape, .char("G"), .char("g"), .char("]"), .char(":"), .char("t"), .tab, .escape]
        for key in keys {
            terminal.events = [.key(key)]
            program.step()
            program.drawIfNeeded()
            #expect(terminal.text == render(program.state).text, "after \(key)")
        }
    }

    @Test func aResizeRepaintsEverythingAtTheNewSize() {
        let terminal = FakeTerminal()
        let (program, _) = program(terminal)
        program.drawIfNeeded()
        terminal.events = [.resized(width: 120, height: 40)]
        program.step()
        program.drawIfNeeded()
        #expect(program.state.width == 120 && terminal.writes.last?.full == true)
        #expect(terminal.text == render(program.state).text)
    }

    @Test func anotherProcessesCommitReloadsTheView() {
        var commits = [false, true]
        let terminal = FakeTerminal()
        let (program, performer) = program(terminal, changed: { commits.isEmpty ? false : commits.removeFirst() })
        let before = performer.performed.filter { $0 == .loadResources }.count
        program.pollChanges()
        program.pollChanges()
        #expect(performer.performed.filter { $0 == .loadResources }.count == before + 1)
    }

    @Test func qEndsTheLoopAndEffectsGoThroughThePerformer() {
        let terminal = FakeTerminal()
        let (program, performer) = program(terminal)
        terminal.events = [.key(.char("p")), .key(.char("q"))]
        program.run()
        #expect(program.state.quitting)
        #expect(performer.performed.contains { if case .place = $0 { true } else { false } })
    }
}
