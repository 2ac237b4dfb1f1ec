import SlateCore
import SlateStore

/// Fixed parts of the screen.
public enum Layout {
    /// Smallest size every view supports.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let nameWidth = 20
    static let paneRows = 4
    /// Top bar, header, pane, status line.
    static let chromeRows = 1 + 1 + paneRows + 1
}

/// Draws the whole screen for a state. Pure: the same state always gives the same canvas.
public func render(_ state: AppState) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    canvas.ascii = !state.unicode
    guard state.width >= Layout.minimumWidth, state.height >= Layout.minimumHeight else {
        drawTooSmall(&canvas, state)
        return canvas
    }
    drawTopBar(&canvas, state)
    drawGrid(&canvas, state)
    drawPane(&canvas, state)
    drawStatus(&canvas, state)
    switch state.mode {
    case .help: drawHelp(&canvas, state)
    case .detail: drawDetail(&canvas, state)
    case .form(let form): drawForm(&canvas, state, form)
    default: break
    }
    return canvas
}

private func drawTooSmall(_ canvas: inout Canvas, _ state: AppState) {
    let lines = ["Terminal too small", "Slate needs \(Layout.minimumWidth)×\(Layout.minimumHeight),", "this is \(state.width)×\(state.height).", "Enlarge it, or press q."]
    let top = max(0, (state.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
        let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
        canvas.put(line, x: x, y: top + index, role: index == 0 ? .statusWarning : .normal)
    }
}

private func drawTopBar(_ canvas: inout Canvas, _ state: AppState) {
    canvas.fill(x: 0, y: 0, width: state.width, height: 1, role: .topBar)
    var x = canvas.put(" Slate ", x: 0, y: 0, role: .topBar)
    for view in ViewID.available {
        x = canvas.put(" \(view.rawValue) \(view.title) ", x: x + 1, y: 0, role: view == state.view ? .tabActive : .tabInactive)
    }
    let clock = state.zone.format(state.now).prefix(16).suffix(5)
    let right = "\(state.workspaceName) · \(state.user) · \(clock) "
    let width = DisplayWidth.of(right)
    if state.width - width > x + 1 { canvas.put(right, x: state.width - width, y: 0, role: .topBar) }
}

private func cellWidth(_ state: AppState) -> Int {
    max(1, (state.width - Layout.nameWidth) / state.zoom.slots)
}

private func drawGrid(_ canvas: inout Canvas, _ state: AppState) {
    let cw = cellWidth(state)
    let left = Layout.nameWidth
    let y0 = 1
    canvas.fill(x: 0, y: y0, width: state.width, height: 1, role: .header)
    canvas.put(periodTitle(state), x: 0, y: y0, role: .header, limit: left - 1)
    for slot in 0..<state.zoom.slots {
        let span = state.slotInterval(slot)
        let x = left + slot * cw
        let label: String
        switch state.zoom {
        case .day:
            let hour = state.zone.format(span.start).dropFirst(11).prefix(2)
            label = cw >= 2 || slot % 2 == 0 ? String(hour) : ""
        case .week:
            guard slot % 6 == 0 else { continue }
            let text = state.zone.format(span.start)
            let weekday = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"][state.zone.weekdayAndMinute(span.start).weekday - 1]
            label = "\(weekday) \(text.dropFirst(8).prefix(2))"
        case .month:
            let day = String(state.zone.format(span.start).dropFirst(8).prefix(2))
            label = cw >= 2 ? day : (state.zone.weekdayAndMinute(span.start).weekday == 1 ? day : "")
        }
        if !label.isEmpty { canvas.put(label, x: x, y: y0, role: .header, limit: state.width - x) }
    }

    let rows = gridRows(state)
    let list = state.resources
    if list.isEmpty {
        let message = state.allResources.isEmpty ? "No resources you can see. An admin adds rooms, talent and equipment (slate room add ...)." : "No resource matches \(state.filter.summary); Esc clears the search, :filter clears filters."
        canvas.put(message, x: 2, y: y0 + 2, role: .dim)
        return
    }
    let spans = state.spans
    let moving: MoveState? = if case .move(let move) = state.mode { move } else { nil }

    for row in 0..<rows {
        let index = state.scroll + row
        guard index < list.count else { break }
        let resource = list[index]
        let y = y0 + 1 + row
        let selected = resource.uid == state.cursorResource
        let tag = resource.kind == .room ? "R" : resource.kind == .talent ? "T" : "E"
        canvas.fill(x: 0, y: y, width: left, height: 1, role: selected ? .selection : .normal)
        canvas.put(tag, x: 0, y: y, role: selected ? .selection : .dim)
        canvas.put(resource.name, x: 2, y: y, role: selected ? .selection : .normal, limit: left - 3)
        canvas.put(state.unicode ? "│" : "|", x: left - 1, y: y, role: .dim)
        let hours = OpeningHours.cached(resource.openingHours)
        let zone = LocalTime.cached(resource.zone) ?? state.zone
        let bookings = state.bookingsByResource[resource.uid] ?? []
        let drafts = state.draftsByResource[resource.uid] ?? []
        let off = state.timeOffByResource[resource.uid] ?? []
        for (slot, span) in spans.enumerated() {
            var content = CellContent.free
            let here = bookings.filter { Interval(start: $0.start, end: $0.end).overlaps(span) && $0.uid != moving?.booking.uid }
            if here.contains(where: { $0.status == .confirmed }) {
                content = .confirmed
            } else if let rank = here.compactMap(\.rank).min() {
                content = .hold(rank: rank)
            } else if drafts.contains(where: { $0.interval.overlaps(span) }) {
                content = .draft
            } else if let period = off.first(where: { $0.interval.overlaps(span) }) {
                content = .timeOff(hard: period.hard)
            } else if !hours.alwaysOpen {
                let middle = span.start + span.duration / 2
                if !hours.contains(Interval(start: middle, end: middle + 60), in: zone) { content = .outsideHours }
            }
            var role = content.role
            var glyph = content.glyph(unicode: state.unicode)
            if let moving, moving.booking.resourceUID == resource.uid, moving.interval.overlaps(span) {
                role = .selection
                glyph = moving.booking.status == .hold ? String(moving.booking.rank ?? 1) : (state.unicode ? "█" : "#")
            }
            if selected && slot == state.cursorSlot { role = .cursor }
            canvas.put(String(repeating: glyph, count: cw), x: left + slot * cw, y: y, role: role)
        }
    }
}

private func periodTitle(_ state: AppState) -> String {
    let start = state.zone.format(state.anchor).prefix(10)
    switch state.zoom {
    case .day: return "Day \(start)"
    case .week: return "Week of \(start)"
    case .month: return "5 weeks from \(start)"
    }
}

private func drawPane(_ canvas: inout Canvas, _ state: AppState) {
    let top = state.height - 1 - Layout.paneRows
    canvas.fill(x: 0, y: top, width: state.width, height: Layout.paneRows, role: .pane)
    guard let resource = state.cursorRow else {
        canvas.put(" Nothing selected", x: 0, y: top, role: .paneTitle)
        return
    }
    let span = state.slotInterval(state.cursorSlot)
    let position = " \((state.cursorIndex ?? 0) + 1)/\(state.resources.count) · \(state.filter.summary) · \(state.zoom.name) "
    let positionWidth = DisplayWidth.of(position)
    canvas.put(" \(resource.name) · \(resource.kind.rawValue) · \(resource.studioName)", x: 0, y: top, role: .paneTitle,
               limit: state.width - positionWidth - 1)
    canvas.put(position, x: max(0, state.width - positionWidth), y: top, role: .pane)
    var lines: [String] = []
    let stack = state.stack(resource: resource, slot: state.cursorSlot)
    if case .prompt(let prompt) = state.mode, !prompt.detail.isEmpty {
        lines.append(prompt.detail)
    } else if case .move(let move) = state.mode {
        lines.append("Moving \(move.booking.uid) to \(state.zone.format(move.interval))")
        lines.append(move.feedback.map { $0.isEmpty ? "No clash: Enter saves." : "Clash: \($0)" } ?? "Checking…")
    } else if let booking = stack.topBooking {
        lines.append("\(booking.uid)  \(booking.statusText)  \(state.zone.format(Interval(start: booking.start, end: booking.end)))  held by \(booking.holder)")
        var second: [String] = []
        if let title = booking.showTitle { second.append("show: \(title)" + (booking.clientName.map { " for \($0)" } ?? "")) }
        if let expires = booking.expiresAt { second.append("expires \(state.zone.format(expires))") }
        if let deadline = booking.challengeDeadline { second.append("challenged: decide by \(state.zone.format(deadline))") }
        if !booking.note.isEmpty { second.append("note: \(booking.note)") }
        if !second.isEmpty { lines.append(second.joined(separator: " · ")) }
        let others = stack.bookings.filter { $0.uid != booking.uid }
        if !others.isEmpty {
            lines.append("also here: " + others.map { "\($0.uid) (\($0.statusText), \($0.holder))" }.joined(separator: ", "))
        }
    }
    for draft in stack.drafts.prefix(1) { lines.append("draft show: \(draft.title) (\(draft.showUID)) \(state.zone.format(draft.interval)) — reserves nothing until confirmed") }
    for off in stack.timeOff.prefix(1) { lines.append("\(off.hard ? "hard " : "")time off \(state.zone.format(off.interval))\(off.reason.isEmpty ? "" : ": \(off.reason)")") }
    if lines.isEmpty { lines.append("Free \(state.zone.format(span)). n: new booking · p: hold · Enter: details") }
    for (index, line) in lines.prefix(Layout.paneRows - 1).enumerated() {
        canvas.put(" " + line, x: 0, y: top + 1 + index, role: .pane)
    }
}

private func drawStatus(_ canvas: inout Canvas, _ state: AppState) {
    let y = state.height - 1
    canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .statusBar)
    switch state.mode {
    case .command(let text):
        canvas.put(":" + text, x: 0, y: y, role: .prompt)
        canvas.put(state.unicode ? "▏" : "_", x: 1 + DisplayWidth.of(text), y: y, role: .prompt)
        return
    case .search(let text):
        canvas.put("/" + text, x: 0, y: y, role: .prompt)
        canvas.put("  \(state.resources.count) match(es) · Enter keeps · Esc clears", x: 2 + DisplayWidth.of(text), y: y, role: .statusBar)
        return
    case .prompt(let prompt):
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: .statusWarning)
        canvas.put(" " + prompt.question + " (y/n)" + (prompt.detail.isEmpty ? "" : " · " + prompt.detail), x: 0, y: y, role: .statusWarning)
        return
    default:
        break
    }
    if let status = state.status {
        let role: StyleRole = switch status.kind {
        case .info: .statusBar
        case .ok: .statusOK
        case .warning: .statusWarning
        case .error: .statusError
        }
        canvas.fill(x: 0, y: y, width: state.width, height: 1, role: role)
        canvas.put(" " + status.text, x: 0, y: y, role: role)
        return
    }
    canvas.put(" ?:help  n:new  p:hold  c:confirm  x:release  m:move  </>:resize  C:challenge  u:undo  /:search  ::command  q:quit", x: 0, y: y, role: .statusBar)
}

/// The keys of the booking grid, for the help overlay.
let gridKeys: [(String, String)] = [
    ("←→ h l / ↑↓ j k", "move the cursor"), ("H / L", "previous / next period"), ("t", "today"), ("+ / -", "zoom in / out (day, week, 5 weeks)"),
    ("g / G", "first / last resource"), ("Enter", "details of the cell (or a new booking)"), ("n", "new booking or hold (form)"),
    ("p", "place a hold on the cell"), ("c", "confirm the hold"), ("C", "challenge the holds above yours"), ("x / d", "release or cancel (asks)"),
    ("m / e", "move: ←→ shift, </> resize, Enter saves"), ("< / >", "shorten / lengthen by one column"), ("f", "rooms / talent / equipment / all"),
    ("/", "search by name"), (":", "command: filter, goto, zoom, theme, undo, redo, quit"), ("u / Ctrl-R", "undo / redo"),
    ("Ctrl-L", "redraw"), ("Esc", "cancel"), ("q", "quit"),
]

private func box(_ canvas: inout Canvas, _ state: AppState, title: String, lines: [String]) {
    let width = min(state.width - 4, max(DisplayWidth.of(title) + 6, (lines.map(DisplayWidth.of).max() ?? 0) + 4))
    let height = min(state.height - 2, lines.count + 2)
    let x = (state.width - width) / 2
    let y = max(1, (state.height - height) / 2)
    canvas.fill(x: x, y: y, width: width, height: height, role: .overlay)
    canvas.put(" \(title) ", x: x + 2, y: y, role: .overlayTitle)
    for (index, line) in lines.prefix(height - 2).enumerated() {
        canvas.put(line, x: x + 2, y: y + 1 + index, role: .overlay, limit: width - 3)
    }
}

private func drawHelp(_ canvas: inout Canvas, _ state: AppState) {
    let keyWidth = gridKeys.map { DisplayWidth.of($0.0) }.max() ?? 10
    let lines = gridKeys.map { DisplayWidth.pad($0.0, to: keyWidth) + "  " + $0.1 } + ["", "Glyphs: █ confirmed · 1 2 3 hold rank · ░ draft · × time off · · closed"]
    box(&canvas, state, title: "Booking grid keys (any key closes)", lines: lines)
}

private func drawDetail(_ canvas: inout Canvas, _ state: AppState) {
    guard let resource = state.cursorRow else { return }
    let stack = state.stack(resource: resource, slot: state.cursorSlot)
    var lines: [String] = []
    for booking in stack.bookings {
        lines.append("\(booking.uid)  \(booking.statusText)  \(state.zone.format(Interval(start: booking.start, end: booking.end)))  \(booking.holder)\(booking.showTitle.map { "  show: \($0)" } ?? "")")
        if !booking.note.isEmpty { lines.append("    note: \(booking.note)") }
    }
    for draft in stack.drafts { lines.append("\(draft.showUID)  draft  \(state.zone.format(draft.interval))  \(draft.title)") }
    for off in stack.timeOff { lines.append("time off \(state.zone.format(off.interval))\(off.hard ? " (hard)" : "")  \(off.reason)") }
    box(&canvas, state, title: "\(resource.name) · \(state.zone.format(state.slotInterval(state.cursorSlot)))", lines: lines)
}

private func drawForm(_ canvas: inout Canvas, _ state: AppState, _ form: BookingForm) {
    var lines: [String] = []
    for (index, name) in BookingForm.fieldNames.enumerated() {
        let marker = index == form.focus ? (state.unicode ? "▸ " : "> ") : "  "
        let value = index == 5 ? (form.kind == "hold" ? "hold (pencil)  [Space toggles]" : "book (confirmed)  [Space toggles]") : form.values[index]
        lines.append(marker + DisplayWidth.pad(name, to: 9) + value + (index == form.focus && index != 5 ? (state.unicode ? "▏" : "_") : ""))
    }
    lines += ["", "Tab/↑↓ field · Enter saves · Esc cancels · e.g. 2026-12-03T14:00"]
    box(&canvas, state, title: "New booking", lines: lines)
}
