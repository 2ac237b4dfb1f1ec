import SlateCore
import SlateStore

/// Draws the task view: a heading, the checklist lines on screen, the pane.
func drawTasks(_ canvas: inout Canvas, _ state: AppState, _ area: Rect) {
    let tasks = state.tasks
    let open = tasks.tasks.filter(\.status.isOpen).count
    let heading = tasks.editor != nil ? "Task templates · n item · e edit · d remove · N template · A on/off · Esc closes"
        : "Tasks · \(tasks.grouping.title) · " + (tasks.total.map { "the first \(tasks.tasks.count) of \($0) (slate task list shows all)" } ?? "\(open) open of \(tasks.tasks.count)")
            + (tasks.search.isEmpty ? "" : " · filter: \(tasks.search)")
    canvas.fill(x: 0, y: area.y, width: state.width, height: 1, role: .header)
    canvas.put(heading, x: 0, y: area.y, role: .header, limit: state.width)
    let bodyY = area.y + 1
    if let editor = tasks.editor {
        drawEditor(&canvas, state, editor, y: bodyY)
    } else {
        drawChecklist(&canvas, state, y: bodyY)
    }
    let paneY = area.y + area.height - Layout.paneRows
    canvas.fill(x: 0, y: paneY, width: state.width, height: Layout.paneRows, role: .pane)
    for (index, line) in tasksPaneLines(state).prefix(Layout.paneRows).enumerated() {
        canvas.put(line, x: 1, y: paneY + index, role: index == 0 ? .paneTitle : .pane, limit: state.width - 2)
    }
}

private func drawChecklist(_ canvas: inout Canvas, _ state: AppState, y: Int) {
    let tasks = state.tasks
    if tasks.lines.isEmpty {
        let message = !tasks.loaded ? "Loading tasks…"
            : tasks.search.isEmpty ? "No tasks \(tasks.grouping.title). Confirmed shows get their checklists from the studio's templates (T)." : "No task matches '\(tasks.search)'."
        canvas.put(message, x: 2, y: y + 1, role: .dim, limit: state.width - 4)
        return
    }
    let width = state.width
    // Due times in the workspace's words (`jeu. 3 déc. 10:00`), the column as wide as the
    // widest shown.
    func due(_ task: TaskSummary) -> String {
        task.dueAt.map { $0.shown + (state.tasks.severalZones ? " " + String(LocalTime.placeName(task.timeZone).prefix(3)) : "") } ?? ""
    }
    let visible = tasks.lines.dropFirst(tasks.list.scroll).prefix(tasks.rows)
    let dueWidth = visible.map { line in if case .task(let index) = line { DisplayWidth.of(due(tasks.tasks[index])) + 1 } else { 0 } }.max() ?? 0
    let titleWidth = max(16, width - 46 - dueWidth)
    for row in 0..<tasks.rows {
        let index = tasks.list.scroll + row
        guard index < tasks.lines.count else { break }
        let selected = index == tasks.list.selected
        let lineY = y + row
        switch tasks.lines[index] {
        case .group(let title, let done, let total, let show):
            canvas.fill(x: 0, y: lineY, width: width, height: 1, role: selected ? .cursor : .header)
            let progress = "\(done)/\(total) done"
            canvas.put((show == nil ? "" : state.unicode ? "▾ " : "- ") + title, x: 0, y: lineY, role: selected ? .cursor : .header, limit: width - DisplayWidth.of(progress) - 2)
            canvas.put(progress, x: width - DisplayWidth.of(progress) - 1, y: lineY, role: selected ? .cursor : .header)
        case .type(let type):
            canvas.put("  " + type.rawValue.replacingOccurrences(of: "_", with: " "), x: 0, y: lineY, role: selected ? .cursor : .dim, limit: width)
        case .task(let taskIndex):
            let task = tasks.tasks[taskIndex]
            let box: String = switch task.status {
            case .completed: state.unicode ? "[✓]" : "[x]"
            case .cancelled: "[-]"
            case .blocked: "[!]"
            case .inProgress, .review: "[~]"
            default: "[ ]"
            }
            let role: StyleRole = selected ? .cursor : task.status == .cancelled ? .dim : task.overdue ? .statusError : task.status == .blocked ? .statusWarning
                : task.status == .completed ? .barDone : .normal
            if selected { canvas.fill(x: 0, y: lineY, width: width, height: 1, role: .cursor) }
            var x = canvas.put("    " + box + (task.required ? " * " : "   "), x: 0, y: lineY, role: role)
            x = canvas.put(DisplayWidth.pad(DisplayWidth.truncate(task.title, to: titleWidth, ascii: !state.unicode), to: titleWidth), x: x, y: lineY, role: role)
            x = canvas.put(" " + DisplayWidth.pad(due(task) + (task.overdue ? "!" : ""), to: dueWidth), x: x, y: lineY, role: role)
            x = canvas.put(" " + DisplayWidth.pad(DisplayWidth.truncate(task.assignee ?? "—", to: 10, ascii: !state.unicode), to: 10), x: x, y: lineY, role: role)
            x = canvas.put(" " + DisplayWidth.pad(task.status.text, to: 11), x: x, y: lineY, role: role)
            canvas.put(" " + task.value, x: x, y: lineY, role: role, limit: max(0, width - x))
        }
    }
}

private func drawEditor(_ canvas: inout Canvas, _ state: AppState, _ editor: TemplateEditor, y: Int) {
    if editor.items.isEmpty {
        canvas.put("No templates yet: N makes one (studio admins).", x: 2, y: y + 1, role: .dim)
        return
    }
    for row in 0..<state.tasks.rows {
        let index = editor.list.scroll + row
        guard index < editor.items.count else { break }
        let item = editor.items[index]
        let selected = index == editor.list.selected
        let first = index == 0 || editor.items[index - 1].template != item.template
        let text = item.title.map { title in
            "    \(title) · \((item.itemType?.rawValue ?? "").replacingOccurrences(of: "_", with: " ")) · \(item.inputType?.rawValue ?? "")"
                + (item.required == true ? " · required" : "") + " · due \(item.due ?? "0") from \((item.dueFrom ?? .start).rawValue)"
                + ((item.assignee ?? "").isEmpty ? "" : " · to \(item.assignee ?? "")")
        } ?? "    (no items: n adds one)"
        let label = (first ? "\(item.name) (\(item.active ? "active" : "inactive"), v\(item.templateVersion))  " : "")
        if selected { canvas.fill(x: 0, y: y + row, width: state.width, height: 1, role: .cursor) }
        if first && item.title != nil {
            canvas.put(label, x: 0, y: y + row, role: selected ? .cursor : .header, limit: state.width)
            canvas.put(text, x: DisplayWidth.of(label), y: y + row, role: selected ? .cursor : .normal, limit: max(0, state.width - DisplayWidth.of(label)))
        } else {
            canvas.put(first ? label + text.trimmingWhitespace() : text, x: 0, y: y + row, role: selected ? .cursor : first ? .header : .normal, limit: state.width)
        }
    }
}

/// The pane's lines (also the text tests read).
func tasksPaneLines(_ state: AppState) -> [String] {
    if let editor = state.tasks.editor {
        guard editor.items.indices.contains(editor.list.selected) else { return ["Templates give every confirmed show of the studio its checklist."] }
        let item = editor.items[editor.list.selected]
        return ["\(item.name) · \(item.template) · \(item.active ? "active" : "inactive")",
                "Editing a template never changes tasks already generated; shows confirmed later get the new items."]
    }
    if let task = state.tasks.cursorTask {
        var lines = ["\(task.title) · \(task.uid) · \(task.itemType.rawValue.replacingOccurrences(of: "_", with: " ")) · \(task.inputType.rawValue)"
                        + (task.required ? " · required" : "")]
        var second = "\(task.status.text)" + (task.blockedReason.isEmpty ? "" : ": \(task.blockedReason)")
        if let due = task.dueAt {
            second += " · due \(due.shown)" + (state.tasks.severalZones ? " " + LocalTime.placeName(task.timeZone) : "")
                + (task.overdue ? " (overdue)" : "")
        }
        second += " · " + (task.assignee.map { "assigned to \($0)" } ?? "nobody assigned")
        lines.append(second)
        lines.append("Show: \(task.show) (\(task.showStatus.rawValue))" + (task.value.isEmpty ? "" : " · value: \(task.value)"))
        if let by = task.doneBy, let at = task.doneAt { lines.append("Completed by \(by) at \(at.shown)") }
        return lines
    }
    if let show = state.tasks.cursorShow { return [show.title] + showLines(state, show.uid).filter { !$0.isEmpty }.prefix(3) }
    return ["Checklists of confirmed shows; v changes the grouping."]
}

/// The task view's form, over the screen.
func drawTaskForm(_ canvas: inout Canvas, _ state: AppState, _ form: TaskForm) {
    var lines = form.form.lines(unicode: state.unicode)
    if case .editItem = form.purpose { lines += ["", "Due: before (-2d) or after (4h) the show's start or end; Assignee: a login, talent, or empty"] }
    if case .newItem = form.purpose { lines += ["", "Due: before (-2d) or after (4h) the show's start or end; Assignee: a login, talent, or empty"] }
    if !form.problem.isEmpty { lines += ["", form.problem] }
    lines.append("↑↓ field · Space toggles a choice · Enter saves · Esc cancels")
    box(&canvas, state, title: form.title, lines: lines)
}
