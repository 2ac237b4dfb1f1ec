import SlateCore
import SlateStore


/// Draws the timeline: the axis, a line per project and phase (only those on screen), the pane.
func drawTimeline(_ canvas: inout Canvas, _ state: AppState, _ area: Rect) {
    let timeline = state.timeline
    let nameWidth = timelineNameWidth(state.width)
    let chartX = nameWidth + 1
    let chartWidth = state.width - chartX
    drawAxis(&canvas, state, y: area.y, nameWidth: nameWidth, chartX: chartX, chartWidth: chartWidth)
    let bodyY = area.y + 2
    if timeline.lines.isEmpty {
        let message = timeline.loaded ? ["No projects yet.", "Create one: slate project add NAME, or slate project import FILE.json;", "then n here adds phases."]
            : ["Loading projects…"]
        for (index, line) in message.enumerated() { canvas.put(line, x: 2, y: bodyY + 1 + index, role: index == 0 ? .normal : .dim) }
    }
    let todayColumn = timeline.column(of: timeline.today)
    for row in 0..<timeline.rows {
        let index = timeline.list.scroll + row
        guard index < timeline.lines.count else { break }
        let y = bodyY + row
        let selected = index == timeline.list.selected
        switch timeline.lines[index] {
        case .project(let p):
            let project = timeline.projects[p]
            let marker = timeline.collapsed.contains(project.uid) ? (state.unicode ? "▸ " : "+ ") : (state.unicode ? "▾ " : "- ")
            canvas.fill(x: 0, y: y, width: nameWidth, height: 1, role: selected ? .cursor : .header)
            canvas.put(marker + project.name + " (\(project.phases.count))", x: 0, y: y, role: selected ? .cursor : .header, limit: nameWidth)
            drawBackground(&canvas, timeline, project, y: y, chartX: chartX, width: chartWidth, today: todayColumn, unicode: state.unicode)
            drawSpan(&canvas, timeline, from: project.start, through: project.finish, y: y, chartX: chartX, width: chartWidth, glyph: state.unicode ? "━" : "=", role: .header)
        case .phase(let p, let f):
            let project = timeline.projects[p]
            let phase = project.phases[f]
            let critical = timeline.showCritical && phase.critical
            let marker = !phase.violatedBy.isEmpty ? "!" : critical ? (state.unicode ? "●" : "*") : " "
            let role: StyleRole = selected ? .cursor : !phase.violatedBy.isEmpty ? .statusError : critical ? .critical : .normal
            if selected { canvas.fill(x: 0, y: y, width: nameWidth, height: 1, role: .cursor) }
            if case .pick(let successor, _) = timeline.edit, successor == phase.uid { canvas.put("→", x: 0, y: y, role: .prompt) }
            canvas.put("  " + marker + " " + phase.name, x: 0, y: y, role: role, limit: nameWidth)
            drawBackground(&canvas, timeline, project, y: y, chartX: chartX, width: chartWidth, today: todayColumn, unicode: state.unicode)
            var days = (first: phase.start, last: phase.end)
            var drafting = false
            if case .move(let draft) = timeline.edit, draft.uid == phase.uid {
                days = timeline.drafted(phase, in: project, draft)
                drafting = true
            }
            drawBar(&canvas, timeline, phase, days: days, y: y, chartX: chartX, width: chartWidth, critical: critical, drafting: drafting, unicode: state.unicode)
        }
    }
    drawTimelinePane(&canvas, state, y: area.y + area.height - Layout.paneRows)
}

private func drawAxis(_ canvas: inout Canvas, _ state: AppState, y: Int, nameWidth: Int, chartX: Int, chartWidth: Int) {
    let timeline = state.timeline
    canvas.fill(x: 0, y: y, width: state.width, height: 2, role: .header)
    canvas.put("Projects · \(timeline.zoom.name)", x: 0, y: y, role: .header, limit: nameWidth)
    canvas.put(timeline.showCritical ? (state.unicode ? "● critical ! late" : "* critical ! late") : "! starts too early", x: 0, y: y + 1, role: .header, limit: nameWidth)
    var monthEnd = 0
    var dayEnd = 0
    var previous: Day?
    var column = 0
    while column < chartWidth {
        let day = timeline.day(atColumn: column)
        let (year, month, date) = day.fields
        if previous.map({ $0.fields.month != month }) ?? true {
            // At quarter zoom months are short; the first label and January carry the year.
            let label = timeline.zoom == .quarter && month != 1 && monthEnd > 0 ? state.words.month(month) : "\(state.words.month(month)) \(year)"
            // The month at the left edge is named only when its label fits before the next.
            let room = (1...DisplayWidth.of(label)).allSatisfy { timeline.day(atColumn: column + $0).fields.month == month }
            if column >= monthEnd, previous != nil || room { monthEnd = canvas.put(label, x: chartX + column, y: y, role: .header, limit: chartWidth - column) - chartX + 1 }
        }
        previous = day
        if timeline.zoom == .day {
            if column % timeline.zoom.cellsPerDay == 0 {
                canvas.put(state.words.weekdayLetters(day.weekday) + (date < 10 ? "0" : "") + String(date), x: chartX + column, y: y + 1, role: .header, limit: chartWidth - column)
            }
        } else if let monday = (0..<timeline.zoom.daysPerCell).map({ day + $0 }).first(where: { $0.weekday == 1 }), column >= dayEnd {
            dayEnd = canvas.put(String(monday.fields.day), x: chartX + column, y: y + 1, role: .header, limit: chartWidth - column) - chartX + 1
        }
        column += 1
    }
}

/// Closed days (at day and week zoom) and the today line behind a line's bars.
private func drawBackground(_ canvas: inout Canvas, _ timeline: TimelineState, _ project: ProjectSchedule, y: Int, chartX: Int, width: Int, today: Int, unicode: Bool) {
    if timeline.zoom.daysPerCell == 1 {
        let open = Set(project.openWeekdays)
        for column in 0..<width where !open.contains(timeline.day(atColumn: column).weekday) {
            canvas.put(unicode ? "·" : ".", x: chartX + column, y: y, role: .outsideHours)
        }
    }
    if (0..<width).contains(today) { canvas.put(unicode ? "│" : "|", x: chartX + today, y: y, role: .today) }
}

/// A plain span from one day through another.
private func drawSpan(_ canvas: inout Canvas, _ timeline: TimelineState, from: Day, through: Day, y: Int, chartX: Int, width: Int, glyph: String, role: StyleRole) {
    let first = max(0, timeline.column(of: from))
    let last = min(width - 1, max(timeline.column(of: from), timeline.column(of: through + 1) - 1))
    guard first <= last else { return }
    for column in first...last { canvas.put(glyph, x: chartX + column, y: y, role: role) }
}

/// A phase's bar: done part, rest (critical in its own glyph), or a milestone's diamond.
private func drawBar(_ canvas: inout Canvas, _ timeline: TimelineState, _ phase: PhaseSchedule, days: (first: Day, last: Day), y: Int, chartX: Int, width: Int,
                     critical: Bool, drafting: Bool, unicode: Bool) {
    let start = timeline.column(of: days.first)
    if phase.milestone {
        guard (0..<width).contains(start) else { return }
        canvas.put(unicode ? "◆" : "<>", x: chartX + start, y: y, role: drafting ? .selection : critical ? .critical : .milestone, limit: width - start)
        return
    }
    let end = max(start, timeline.column(of: days.last + 1) - 1)
    let length = end - start + 1
    let done = drafting ? 0 : (length * phase.progress + 50) / 100
    for offset in 0..<length {
        let column = start + offset
        guard (0..<width).contains(column) else { continue }
        let glyph: String
        let role: StyleRole
        if drafting {
            (glyph, role) = (unicode ? "▒" : "~", .selection)
        } else if offset < done {
            (glyph, role) = (unicode ? "█" : "#", .barDone)
        } else if critical {
            (glyph, role) = (unicode ? "▓" : "=", .critical)
        } else {
            (glyph, role) = (unicode ? "░" : "-", .bar)
        }
        canvas.put(glyph, x: chartX + column, y: y, role: role)
    }
}

/// The pane: what is under the cursor, or what an edit under way would do.
private func drawTimelinePane(_ canvas: inout Canvas, _ state: AppState, y: Int) {
    canvas.fill(x: 0, y: y, width: state.width, height: Layout.paneRows, role: .pane)
    let lines = timelinePaneLines(state)
    for (index, line) in lines.prefix(Layout.paneRows).enumerated() {
        canvas.put(line, x: 1, y: y + index, role: index == 0 ? .paneTitle : .pane, limit: state.width - 2)
    }
}

/// The pane's lines (also the text tests read).
func timelinePaneLines(_ state: AppState) -> [String] {
    let timeline = state.timeline
    guard let (project, phase) = timeline.cursor else { return ["Timeline: projects and their phases on working days."] }
    guard let phase else {
        let names = Dictionary(project.phases.map { ($0.uid, $0.name) }, uniquingKeysWith: { a, _ in a })
        return ["\(project.name) · \(project.uid) · \(project.studio)\(project.client.map { " · for \($0)" } ?? "")",
                "\(state.words.date(project.start)) to \(state.words.date(project.finish)) · \(project.phases.count) phases · working days \(workingDays(project.openWeekdays, state.words))",
                "Critical chain: " + project.criticalChain.map { names[$0] ?? $0 }.joined(separator: " → "),
                "Enter/Space opens or closes · n adds a phase"]
    }
    let timing = phase.milestone ? "milestone" + (phase.fixed ? " on a set day" : ", placed after its dependencies")
        : phase.fixed ? "fixed days, \(phase.workingDays) working" : "\(phase.workingDays) working days, auto-scheduled"
    let words = state.words
    let first = phase.milestone ? words.day(phase.start) : words.days(phase.start, phase.end)
    var lines = ["\(phase.name) · \(phase.uid) · \(first) · \(timing) · \(phase.progress) % done",
                 "Early \(words.days(phase.earlyStart, phase.earlyFinish)) · late \(words.days(phase.lateStart, phase.lateFinish)) · float \(phase.totalFloat)d"
                    + (phase.critical ? " · critical" : "")]
    switch timeline.edit {
    case .move(let draft) where draft.uid == phase.uid:
        let days = timeline.drafted(phase, in: project, draft)
        lines.append((draft.cascade ? "Cascade move" : "Move") + " to \(words.days(days.first, days.last)) (\(draft.shift >= 0 ? "+" : "")\(draft.shift)d"
                     + (draft.resize != 0 ? ", length \(phase.workingDays + draft.resize)d" : "") + ")")
        lines.append(draft.feedback ?? (draft.shift == 0 && draft.resize == 0 ? "h/l shift, < > length, Enter saves, Esc cancels" : "Checking…"))
        return lines
    default:
        break
    }
    let after = phase.predecessors.map(\.text)
    let before = phase.successors.map(\.text)
    lines.append("After: " + (after.isEmpty ? "—" : after.joined(separator: ", ")) + " · before: " + (before.isEmpty ? "—" : before.joined(separator: ", ")))
    var last: [String] = []
    if !phase.violatedBy.isEmpty { last.append("! starts before " + phase.violatedBy.joined(separator: ", ") + " allows (M cascades)") }
    last.append("Assigned: " + (phase.assigned.isEmpty ? "nobody (a assigns)" : phase.assigned.joined(separator: ", ")))
    if phase.budget.minor > 0 || phase.actual.minor > 0 {
        let difference = MoneyValue(minor: phase.actual.minor - phase.budget.minor, currency: phase.budget.currency, locale: phase.budget.locale)
        last.append("Budget \(phase.budget.text), actual \(phase.actual.text) (\(difference.minor > 0 ? "+" : "")\(difference.text))")
    }
    lines.append(last.joined(separator: " · "))
    return lines
}

private func workingDays(_ weekdays: [Int], _ words: LocaleFormat) -> String {
    weekdays.count == 7 ? "every day" : weekdays.map { words.weekdayLetters($0) }.joined(separator: " ")
}

/// The timeline's form, over the screen.
func drawTimelineForm(_ canvas: inout Canvas, _ state: AppState, _ form: TimelineForm) {
    var lines = form.form.lines(unicode: state.unicode)
    switch form.purpose {
    case .newPhase, .edit:
        lines += ["", "Timing: working days (5d), first..last days (2026-12-07..2026-12-11);", "a milestone: auto, or its day (2026-12-18)"]
    case .assign:
        lines += ["", "A booking over the phase's days; it moves with the phase."]
    default:
        break
    }
    if !form.problem.isEmpty { lines += ["", form.problem] }
    lines.append("↑↓ field · Space toggles a choice · Enter saves · Esc cancels")
    box(&canvas, state, title: form.title, lines: lines)
}

/// The status line while a timeline edit is under way, if one is.
func timelineEditStatus(_ state: AppState) -> String? {
    switch state.timeline.edit {
    case .move(let draft): " \(draft.cascade ? "Cascade move" : "Move"): ← → a working day · < > length · Enter \(draft.cascade ? "shows the plan" : "saves") · Esc cancels"
    case .pick(_, let name): " Pick the phase '\(name)' comes after: j k, Enter · Esc cancels"
    default: nil
    }
}
