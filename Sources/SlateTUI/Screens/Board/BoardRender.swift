import SlateCore
import SlateStore

/// At 120 columns and more the board shows a column per day, a week at least.
let boardWideFrom = 120

/// Width of a day column: a week across the screen, wider columns on wider screens.
func boardColumnWidth(_ state: AppState) -> Int { max(16, min(32, state.width / 7)) }

/// Draws the draft board: the schedule list, or the open schedule's days, then the pane.
func drawBoard(_ canvas: inout Canvas, _ state: AppState, _ area: Rect) {
    let bodyY = area.y + 1
    let bodyHeight = area.height - 1 - Layout.paneRows
    canvas.fill(x: 0, y: area.y, width: state.width, height: 1, role: .header)
    if let board = state.board.board {
        let summary = board.schedule
        let selected = state.board.selection.isEmpty ? "" : " · \(state.board.selection.count) selected"
        let clashing = board.shows.filter { !$0.clashes.isEmpty }.count
        canvas.put("\(summary.name) · \(summary.client) · \(summary.studio) · \(summary.status.rawValue) · \(Plural.count(summary.shows, "show"))"
                   + (clashing > 0 ? " · \(clashing) clashing" : "") + selected + " · \(LocalTime.placeName(board.zone)) time",
                   x: 0, y: area.y, role: .header, limit: state.width)
        if state.width >= boardWideFrom {
            drawColumns(&canvas, state, board, y: bodyY, height: bodyHeight)
        } else {
            drawDayRows(&canvas, state, board, y: bodyY, height: bodyHeight)
        }
    } else {
        canvas.put("Draft board · schedules · Enter opens · n new", x: 0, y: area.y, role: .header, limit: state.width)
        drawScheduleList(&canvas, state, y: bodyY, height: bodyHeight)
    }
    let paneY = area.y + area.height - Layout.paneRows
    canvas.fill(x: 0, y: paneY, width: state.width, height: Layout.paneRows, role: .pane)
    for (index, line) in boardPaneLines(state).prefix(Layout.paneRows).enumerated() {
        canvas.put(line, x: 1, y: paneY + index, role: index == 0 ? .paneTitle : .pane, limit: state.width - 2)
    }
    if let picker = state.board.picker { drawPicker(&canvas, state, picker) }
    if case .prompt(let prompt) = state.mode, prompt.detail.contains("\n") {
        // A plan: as much as fits, then where to read it all.
        var lines = prompt.detail.components(separatedBy: "\n").flatMap { Canvas.wrap($0, width: state.width - 8) }
        let room = state.height - 4
        if lines.count > room { lines = Array(lines.prefix(room - 1)) + ["… \(lines.count - room + 1) more lines (slate schedule confirm --plan lists them all)"] }
        box(&canvas, state, title: "The plan · y applies it as one command · n cancels", lines: lines)
    }
    if let form = state.board.form {
        var lines = form.form.lines(unicode: state.unicode)
        if case .newShow = form.purpose {
            lines += ["", "Times are \(state.board.zone.placeName) time; Talent, Platforms: names with commas between",
                      "Repeat (optional): weekly;byday=TU;count=8 makes a draft for every day of the series"]
        }
        if !form.problem.isEmpty { lines += ["", form.problem] }
        lines.append("↑↓ field · Space toggles a choice · Enter saves · Esc cancels")
        box(&canvas, state, title: form.title, lines: lines)
    }
}

private func drawScheduleList(_ canvas: inout Canvas, _ state: AppState, y: Int, height: Int) {
    let schedules = state.board.schedules
    guard !schedules.isEmpty else {
        canvas.put(state.board.loaded ? "No schedules you may see. n makes one (studio managers)." : "Loading schedules…", x: 2, y: y + 1, role: .dim, limit: state.width - 4)
        return
    }
    // The studio column comes in when there is room for it.
    let withStudio = state.width >= 100
    let nameWidth = max(16, state.width - (withStudio ? 72 : 57))
    let columns = [TableColumn("Schedule", width: nameWidth), TableColumn("Client", width: 14)] + (withStudio ? [TableColumn("Studio", width: 14)] : [])
        + [TableColumn("Window", width: 23), TableColumn("Shows", width: 5), TableColumn("Status", width: 9)]
    let rows = schedules.map { schedule -> [String] in
        // The days the shows span, without weekdays so that a month fits: `10 déc. – 1 janv.`
        let days = [schedule.first, schedule.last].map { $0.flatMap { Day(iso: String($0.local.prefix(10))) } }
        let window = days[0].map { first in state.words.days(first, days[1] ?? first) } ?? "no shows yet"
        return [schedule.name, schedule.client] + (withStudio ? [schedule.studio] : []) + [window, "\(schedule.shows)", schedule.status.rawValue]
    }
    canvas.table(Rect(x: 0, y: y, width: state.width, height: height), columns: columns, rows: rows, list: state.board.list)
}

/// A day heading in the workspace's words: `lun. 7 déc.`, or `lu 7` in a narrow column.
private func dayTitle(_ day: Day, _ state: AppState, narrow: Bool = false) -> String {
    narrow ? "\(state.words.weekdayLetters(day.weekday)) \(day.fields.day)" : state.words.day(day)
}

/// A card's lines: time and markers, title, room and cast, platforms, type and status.
private func cardLines(_ show: BoardShow, _ state: AppState) -> [String] {
    // Markers first, so a narrow column never cuts them off.
    let clash = show.clashes.isEmpty ? "" : state.unicode ? "⚠ " : "! "
    let mark = (state.board.selection.contains(show.uid) ? (state.unicode ? "● " : "* ") : "") + (show.series == nil ? "" : state.unicode ? "↻ " : "r ")
    return ["\(mark)\(clash)\(show.start.clock)–\(show.end.clock)", show.title,
            ([show.room ?? "no room"] + show.talent).joined(separator: " · "),
            ([show.status.rawValue] + show.platforms + ["\(show.type.rawValue)/\(show.standard.rawValue)"]).joined(separator: " · ")]
}

private func cardRole(_ show: BoardShow, cursor: Bool, selected: Bool) -> StyleRole {
    cursor ? .cursor : !show.clashes.isEmpty ? .statusWarning : selected ? .selection : show.status == .draft ? .draft : .confirmed
}

/// Wide: a column per day, its cards stacked (four lines each), scrolled to the cursor.
private func drawColumns(_ canvas: inout Canvas, _ state: AppState, _ board: Board, y: Int, height: Int) {
    let columnWidth = boardColumnWidth(state)
    let visible = max(1, state.width / columnWidth)
    let first = boardFirstColumn(state, visible: visible)
    for column in 0..<visible {
        let index = first + column
        guard state.board.days.indices.contains(index) else { break }
        let day = state.board.days[index]
        let x = column * columnWidth
        let width = columnWidth - 1
        let shows = state.board.byDay[index]
        let title = dayTitle(day, state, narrow: columnWidth < 22)
        let heading = "\(title)\(shows.isEmpty ? "" : " (\(shows.count))")\(day == state.board.today ? " today" : "")"
        canvas.fill(x: x, y: y, width: width, height: 1, role: index == state.board.day && shows.isEmpty ? .cursor : .header)
        canvas.put(heading, x: x, y: y, role: index == state.board.day && shows.isEmpty ? .cursor : .header, limit: width)
        let perCard = 5
        let fit = max(1, (height - 1) / perCard)
        let cursorCard = index == state.board.day ? state.board.card : 0
        let top = max(0, min(cursorCard - fit + 1, shows.count - fit))
        for (slot, showIndex) in shows.dropFirst(top).prefix(fit).enumerated() {
            let show = board.shows[showIndex]
            let cursor = index == state.board.day && top + slot == state.board.card
            let role = cardRole(show, cursor: cursor, selected: state.board.selection.contains(show.uid))
            let cardY = y + 1 + slot * perCard
            canvas.fill(x: x, y: cardY, width: width, height: perCard - 1, role: role)
            for (line, text) in cardLines(show, state).enumerated() {
                canvas.put(text, x: x + 1, y: cardY + line, role: role, limit: width - 1)
            }
        }
        let hidden = shows.count - top - min(fit, shows.count - top)
        if hidden > 0 || top > 0 {
            canvas.put("\(top > 0 ? "↑\(top) " : "")\(hidden > 0 ? "↓\(hidden) more" : "")", x: x + 1, y: y + height - 1, role: .dim, limit: width - 1)
        }
    }
}

/// The first day column shown, keeping the cursor's day on screen.
func boardFirstColumn(_ state: AppState, visible: Int) -> Int {
    let day = state.board.day
    return max(0, min(day - visible / 2, state.board.days.count - visible))
}

/// Narrow: a row per day (its heading, then a line per show), scrolled to the cursor.
private func drawDayRows(_ canvas: inout Canvas, _ state: AppState, _ board: Board, y: Int, height: Int) {
    var lines: [(text: String, role: StyleRole, cursor: Bool)] = []
    var cursorLine = 0
    for (index, day) in state.board.days.enumerated() {
        let shows = state.board.byDay[index]
        let onDay = index == state.board.day
        if onDay && shows.isEmpty { cursorLine = lines.count }
        lines.append(("\(dayTitle(day, state))\(day == state.board.today ? " · today" : "")\(shows.isEmpty ? " · no shows" : "")", .header, onDay && shows.isEmpty))
        for (at, showIndex) in shows.enumerated() {
            let show = board.shows[showIndex]
            let cursor = onDay && at == state.board.card
            if cursor { cursorLine = lines.count }
            let parts = cardLines(show, state)
            lines.append(("  " + [parts[0], show.status.rawValue, parts[1], parts[2], (show.platforms + ["\(show.type.rawValue)/\(show.standard.rawValue)"]).joined(separator: " · ")]
                            .joined(separator: " · "),
                          cardRole(show, cursor: cursor, selected: state.board.selection.contains(show.uid)), cursor))
        }
    }
    let top = max(0, min(cursorLine - height / 2, lines.count - height))
    for (row, line) in lines.dropFirst(top).prefix(height).enumerated() {
        let role = line.cursor ? StyleRole.cursor : line.role
        if line.cursor || line.role == .header { canvas.fill(x: 0, y: y + row, width: state.width, height: 1, role: role) }
        canvas.put(line.text, x: 0, y: y + row, role: role, limit: state.width)
    }
}

/// The pane: the show under the cursor and what it clashes with, or the schedule's.
func boardPaneLines(_ state: AppState) -> [String] {
    guard state.board.board != nil else {
        guard let schedule = state.board.cursorSchedule else { return ["No schedule."] }
        return ["\(schedule.name) (\(schedule.uid)) · \(schedule.client) · \(schedule.status.rawValue)",
                "\(Plural.count(schedule.shows, "show"))" + (schedule.first.map { " from \($0.shown) to \((schedule.last ?? $0).shown)" } ?? ""),
                "Enter opens it on the board; n makes a new schedule."]
    }
    guard let show = state.board.cursorShow else {
        let day = state.board.days.indices.contains(state.board.day) ? dayTitle(state.board.days[state.board.day], state) : ""
        return ["\(day): no shows", "n adds a draft here\(state.board.clipboard == nil ? "" : ", p pastes the copied show")."]
    }
    var lines = ["\(show.title) (\(show.uid)) · \(show.status.rawValue) · \(show.start.span(to: show.end))",
                 (["Room \(show.room ?? "none")", "talent \(show.talent.isEmpty ? "none" : show.talent.joined(separator: ", "))"] + show.platforms).joined(separator: " · ")]
    if let series = show.series { lines[1] += " · \(state.unicode ? "↻" : "(r)") series \(series)" }
    if show.clashes.isEmpty {
        lines.append("No clash. Enter opens the show · e edit · y copy · Space select.")
    } else {
        lines += show.clashes.prefix(Layout.paneRows - 3).map { "Clash: \($0)" }
        lines.append(show.clashes.count > Layout.paneRows - 3 ? "… \(show.clashes.count) clashes in all (c lists them) · s suggests free times" : "s suggests free times where its room and cast are free.")
    }
    return lines
}

private func drawPicker(_ canvas: inout Canvas, _ state: AppState, _ picker: BoardPicker) {
    let visible = pickerRows(state)
    let footer = "j/k choose · Enter \(picker.items.first.map { if case .slot = $0 { "moves the draft there" } else { "goes to the show" } } ?? "") · Esc closes"
    let width = min(state.width - 4, max(DisplayWidth.of(picker.title) + 6, DisplayWidth.of(footer) + 6, (picker.items.map { DisplayWidth.of($0.label) }.max() ?? 0) + 6))
    let height = min(visible, picker.items.count) + 3
    let x = (state.width - width) / 2
    let y = max(1, (state.height - height) / 2)
    canvas.fill(x: x, y: y, width: width, height: height, role: .overlay)
    canvas.put(" \(picker.title) ", x: x + 2, y: y, role: .overlayTitle, limit: width - 3)
    let first = picker.list.scroll
    for (row, index) in (first..<min(picker.items.count, first + visible)).enumerated() {
        let role: StyleRole = index == picker.list.selected ? .cursor : .overlay
        canvas.fill(x: x + 1, y: y + 1 + row, width: width - 2, height: 1, role: role)
        canvas.put(picker.items[index].label, x: x + 2, y: y + 1 + row, role: role, limit: width - 4)
    }
    canvas.put(footer, x: x + 2, y: y + height - 1, role: .overlay, limit: width - 4)
}
