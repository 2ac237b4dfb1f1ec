import SlateCore
import SlateStore

// The shell around every view: the top bar with the tabs, the status line, and the
// notice for a terminal too small.

func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = ["Terminal too small", "Slate needs \(Layout.minimumWidth)×\(Layout.minimumHeight),", "this is \(state.width)×\(state.height).", "Enlarge it, or press q."]
    let top = max(0, (state.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
        let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
        canvas.put(line, x: x, y: top + index, role: index == 0 ? .statusWarning : .normal)
    }
}

func drawTopBar(_ canvas: inout Canvas, _ state: AppState) {
    canvas.fill(x: 0, y: 0, width: state.width, height: 1, role: .topBar)
    let clock = state.words.clock(state.now - state.now % 60, in: state.zone) + (state.grid.zonesInPlay ? " " + state.zone.placeName : "")
    // Tabs in full when the user and the time still fit, else the other views shortened,
    // then without the name of the program, then every view shortened, then the other
    // views by number alone.
    let levels: [(brand: Bool, active: (ViewID) -> String, other: (ViewID) -> String)] = [
        (true, \.title, \.title), (true, \.title, \.shortTitle), (false, \.title, \.shortTitle), (false, \.shortTitle, \.shortTitle), (false, \.shortTitle, { _ in "" }),
    ]
    let labelled = levels.map { level in
        (brand: level.brand, tabs: ViewID.available.map { view in
            let name = view == state.view ? level.active(view) : level.other(view)
            return name.isEmpty ? " \(view.rawValue) " : " \(view.rawValue) \(name) "
        })
    }
    let right = DisplayWidth.of("\(state.user) · \(clock) ")
    let chosen = labelled.first { level in (level.brand ? 7 : 0) + level.tabs.reduce(0) { $0 + 1 + DisplayWidth.of($1) } + right < state.width } ?? labelled[labelled.count - 1]
    var x = chosen.brand ? canvas.put(" Slate ", x: 0, y: 0, role: .topBar) : -1
    for (view, label) in zip(ViewID.available, chosen.tabs) {
        x = canvas.put(label, x: x + 1, y: 0, role: view == state.view ? .tabActive : .tabInactive)
    }
    // The workspace, the user and the time; on a narrow screen the time at least.
    for right in ["\(state.workspaceName) · \(state.user) · \(clock) ", "\(state.user) · \(clock) ", "\(clock) "] {
        let width = DisplayWidth.of(right)
        if state.width - width > x + 1 {
            canvas.put(right, x: state.width - width, y: 0, role: .topBar)
            break
        }
    }
}


func drawStatus(_ canvas: inout Canvas, _ state: AppState) {
    let y = state.height - 1
    canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .statusBar)
    switch state.mode {
    case .command(let text):
        let end = canvas.put(":" + text, x: 0, y: y, role: .prompt)
        canvas.put(state.unicode ? "▏" : "_", x: end, y: y, role: .prompt)
        // Tab's candidates show beside the line being typed.
        if let status = state.status, status.kind == .info { canvas.put("   " + status.text, x: end + 1, y: y, role: .statusBar) }
        return
    case .reason:
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .statusWarning)
        canvas.put(" Type the reason, Enter forces, Esc cancels", x: 0, y: y, role: .statusWarning)
        return
    case .search(let text):
        canvas.put("/" + text, x: 0, y: y, role: .prompt)
        canvas.put("  \(Plural.count(state.grid.resources.count, "match")) · Enter keeps · Esc clears", x: 2 + DisplayWidth.of(text), y: y, role: .statusBar)
        return
    case .prompt(let prompt):
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .statusWarning)
        // A detail of several lines is drawn by the view (a plan); one line follows the question.
        let detail = prompt.detail.isEmpty || prompt.detail.contains("\n") ? "" : " · " + prompt.detail
        let keys = prompt.choices.isEmpty ? " (y/n)" : " " + prompt.choices.map { "\($0.key) \($0.label)" }.joined(separator: " · ") + " · Esc"
        canvas.put(" " + prompt.question + keys + detail, x: 0, y: y, role: .statusWarning)
        return
    default:
        if state.view == .tasks, state.tasks.searching {
            canvas.put("/" + state.tasks.search, x: 0, y: y, role: .prompt)
            canvas.put("  \(Plural.count(state.tasks.lines.filter { if case .task = $0 { true } else { false } }.count, "task")) · Enter keeps · Esc clears",
                       x: 2 + DisplayWidth.of(state.tasks.search), y: y, role: .statusBar)
            return
        }
        if state.view == .timeline, let hint = timelineEditStatus(state) {
            canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .prompt)
            canvas.put(hint, x: 0, y: y, role: .prompt)
            if let status = state.status, status.kind == .error { canvas.put("  " + status.text, x: DisplayWidth.of(hint), y: y, role: .statusError) }
            return
        }
    }
    if let status = state.status {
        let role: StyleRole = switch status.kind {
        case .info: .statusBar
        case .ok: .statusOK
        case .warning: .statusWarning
        case .error: .statusError
        }
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: role)
        let text = " " + status.text
        if DisplayWidth.of(text) > state.width {
            // A message too long for the line ends with where to read it whole.
            let more = " (:messages)"
            canvas.put(DisplayWidth.truncate(text, to: state.width - DisplayWidth.of(more), ascii: !state.unicode) + more, x: 0, y: y, role: role)
        } else {
            canvas.put(text, x: 0, y: y, role: role)
        }
        return
    }
    canvas.put(" " + footerHints(state.view).joined(separator: "  "), x: 0, y: y, role: .statusBar)
}

/// The footer's hints: the active view's, then the shell's, from their keymaps.
func footerHints(_ view: ViewID) -> [String] {
    [globalKeys.hints.first { $0.hasPrefix("?") } ?? ""] + screenRows(view).hints + globalKeys.hints.filter { !$0.hasPrefix("?") }
}

/// The `?` overlay: the active view's keys, then every view's, and its glyphs.
func drawHelp(_ canvas: inout Canvas, _ state: AppState) {
    let screen = screenRows(state.view)
    let rows = screen.rows + globalKeys.rows
    let keyWidth = rows.map { DisplayWidth.of($0.keys) }.max() ?? 10
    let glyphs = state.view == .timeline
        ? (state.unicode ? ["Glyphs: █ done · ░ to do · ▓ critical · ◆ milestone · │ today · · closed", "        ● critical phase · ! starts before a predecessor allows"]
                         : ["Glyphs: # done, - to do, = critical, <> milestone, | today, . closed", "        * critical phase, ! starts before a predecessor allows"])
        : state.unicode ? ["Glyphs: █ confirmed · 1 2 3 hold rank (─ the rest of its span)", "        ░ draft · × hard / ~ soft time off · · closed"]
                               : ["Glyphs: # confirmed, 1 2 3 hold rank (- the rest of its span)", "        : draft, x hard / ~ soft time off, . closed"]
    // Long descriptions wrap under themselves, so nothing is cut at 80 columns.
    let helpWidth = max(10, min(state.width - 4, 80) - 4 - keyWidth - 2)
    let lines = rows.flatMap { row in
        Canvas.wrap(row.help, width: helpWidth).enumerated().map { index, part in
            DisplayWidth.pad(index == 0 ? row.keys : "", to: keyWidth) + "  " + part
        }
    } + [""] + glyphs + ["", "Typing (forms, the command line, search): Backspace takes off a character, Ctrl-U clears the line, Ctrl-W takes off its last word"].flatMap { Canvas.wrap($0, width: helpWidth + keyWidth + 2) }
    box(&canvas, state, title: "\(screen.title) keys (Esc closes)", lines: lines, scroll: state.overlayScroll)
}
