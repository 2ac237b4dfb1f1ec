import SlateCore
import SlateStore

// Drawing the booking grid: the header, the rows of cells, the pane under the cursor,
// and its panels (help, details, the new-booking form).

func cellWidth(_ state: AppState) -> Int {
    max(1, (state.width - Layout.nameWidth) / state.grid.zoom.slots)
}

func drawGrid(_ canvas: inout Canvas, _ state: AppState, _ area: Rect) {
    let cw = cellWidth(state)
    let left = Layout.nameWidth
    let y0 = area.y
    canvas.fill(x: 0, y: y0, width: state.width, height: 1, role: .header)
    canvas.put(periodTitle(state), x: 0, y: y0, role: .header, limit: left - 1)
    for slot in 0..<state.grid.zoom.slots {
        let span = state.grid.slotInterval(slot)
        let x = left + slot * cw
        let label = columnLabel(state, slot: slot, span: span, cellWidth: cw)
        if !label.isEmpty { canvas.put(label, x: x, y: y0, role: .header, limit: state.width - x) }
    }

    let rows = gridRows(state)
    let list = state.grid.resources
    if list.isEmpty {
        let message = state.grid.allResources.isEmpty ? "No resources you can see. An admin adds rooms, talent and equipment (slate room add ...)." : "No resource matches \(state.grid.filter.summary); Esc clears the search, :filter clears filters."
        canvas.put(message, x: 2, y: y0 + 2, role: .dim)
        return
    }
    let spans = state.grid.spans
    let moving: MoveState? = if case .move(let move) = state.mode { move } else { nil }

    for row in 0..<rows {
        let index = state.grid.scroll + row
        guard index < list.count else { break }
        let resource = list[index]
        let y = y0 + 1 + row
        let selected = resource.uid == state.grid.cursorResource
        let tag = resource.kind == .room ? "R" : resource.kind == .talent ? "T" : "E"
        canvas.fill(x: 0, y: y, width: left, height: 1, role: selected ? .selection : .normal)
        canvas.put(tag, x: 0, y: y, role: selected ? .selection : .dim)
        // A row of a studio in another zone says how far its clock is from the grid's.
        let offset = resource.zone == state.zone.timeZone.identifier ? "" : state.grid.zone(of: resource).offsetLabel(from: state.zone, at: state.grid.anchor)
        let nameLimit = left - 3 - (offset.isEmpty ? 0 : DisplayWidth.of(offset) + 1)
        canvas.put(resource.name, x: 2, y: y, role: selected ? .selection : .normal, limit: nameLimit)
        if !offset.isEmpty { canvas.put(offset, x: left - 1 - DisplayWidth.of(offset), y: y, role: selected ? .selection : .dim) }
        canvas.put(state.unicode ? "│" : "|", x: left - 1, y: y, role: .dim)
        var shownHold: String?
        let hours = OpeningHours.cached(resource.openingHours)
        let rowZone = state.grid.zone(of: resource)
        var row = state.grid.row(resource)
        if let moving { row.bookings.removeAll { $0.uid == moving.booking.uid } }
        for (slot, span) in spans.enumerated() {
            let stack = row.stack(in: span)
            let content = stack.content(closed: BookingGridState.isClosed(hours, in: rowZone, span), continuing: shownHold)
            shownHold = content == .confirmed ? nil : stack.topHold?.uid
            var role = content.role
            var glyph = content.glyph(unicode: state.unicode)
            var cellText = String(repeating: glyph, count: cw)
            if case .hold = content, cw > 1 { cellText = glyph + String(repeating: CellContent.holdContinued.glyph(unicode: state.unicode), count: cw - 1) }
            if let moving, moving.booking.resourceUID == resource.uid, moving.interval.overlaps(span) {
                role = .selection
                glyph = moving.booking.status == .hold ? String(moving.booking.rank ?? 1) : (state.unicode ? "█" : "#")
                cellText = String(repeating: glyph, count: cw)
            }
            if selected && slot == state.grid.cursorSlot { role = .cursor }
            canvas.put(cellText, x: left + slot * cw, y: y, role: role)
        }
    }
}

/// The title of the period, short enough for the name column (19 cells).
func periodTitle(_ state: AppState) -> String {
    let start = state.words.day(state.zone.day(of: state.grid.anchor))
    switch state.grid.zoom {
    case .day: return start
    case .week: return "Week \(start)"
    case .month: return "5 wks \(start)"
    }
}

/// The weekday in two columns, in the workspace's words (`lu`, `Mo`, `月`).
func weekdayName(_ state: AppState, _ instant: Int64) -> String {
    state.words.weekdayLetters(state.zone.weekdayAndMinute(instant).weekday)
}

/// The label over a column, or "" where a label would run into the next one: hours where
/// each fits with a gap (every other hour at 80 columns), `Mo 30` at the start of each
/// day of a week and of each week of five, day numbers when the columns are wide.
func columnLabel(_ state: AppState, slot: Int, span: Interval, cellWidth cw: Int) -> String {
    let text = state.zone.format(span.start)
    switch state.grid.zoom {
    case .day:
        let every = cw >= 3 ? 1 : cw == 2 ? 2 : 3
        return slot % every == 0 ? String(text.dropFirst(11).prefix(2)) : ""
    case .week:
        return slot % 6 == 0 ? "\(weekdayName(state, span.start)) \(text.dropFirst(8).prefix(2))" : ""
    case .month:
        if cw >= 3 { return String(text.dropFirst(8).prefix(2)) }
        return state.zone.weekdayAndMinute(span.start).weekday == 1 && cw * 7 >= 6 ? "\(weekdayName(state, span.start)) \(text.dropFirst(8).prefix(2))" : ""
    }
}

func drawPane(_ canvas: inout Canvas, _ state: AppState, _ area: Rect) {
    let top = area.maxY - Layout.paneRows
    canvas.fill(x: 0, y: top, width: state.width, height: Layout.paneRows, role: .pane)
    guard let resource = state.grid.cursorRow else {
        canvas.put(" Nothing selected", x: 0, y: top, role: .paneTitle)
        return
    }
    let span = state.grid.slotInterval(state.grid.cursorSlot)
    let position = " \((state.grid.cursorIndex ?? 0) + 1)/\(state.grid.resources.count) · \(state.grid.filter.summary) · \(state.grid.zoom.name) "
    let positionWidth = DisplayWidth.of(position)
    canvas.put(" \(resource.name) · \(resource.kind.rawValue) · \(resource.studioName)", x: 0, y: top, role: .paneTitle,
               limit: state.width - positionWidth - 1)
    canvas.put(position, x: max(0, state.width - positionWidth), y: top, role: .pane)
    var lines: [String] = []
    let stack = state.grid.stack(resource: resource, slot: state.grid.cursorSlot)
    let zone = state.grid.zone(of: resource)
    let labelled = state.grid.zonesInPlay
    if case .prompt(let prompt) = state.mode, !prompt.detail.isEmpty {
        lines.append(prompt.detail)
    } else if case .reason(let entry) = state.mode {
        lines.append(entry.question)
        lines.append("> " + entry.text + (state.unicode ? "▏" : "_"))
    } else if case .move(let move) = state.mode {
        let movingZone = LocalTime.cached(move.booking.timeZone) ?? zone
        lines.append("Moving \(move.booking.uid)\(move.booking.showUID.map { " with show \($0)" } ?? "") to \(state.when(move.interval, in: movingZone))")
        lines.append(move.feedback.map { $0.isEmpty ? "No clash: Enter saves." : $0 } ?? "Checking…")
    } else if let booking = state.grid.pickedBooking {
        let ordered = stack.ordered
        // The time leads, as on a free cell, so a step along a row rewrites the least.
        lines.append("\(booking.when(labelled: labelled))  \(booking.uid) \(booking.statusText), held by \(booking.holder)")
        var second: [String] = []
        if let title = booking.showTitle { second.append("show: \(title)" + (booking.clientName.map { " for \($0)" } ?? "")) }
        if let phase = booking.phase { second.append("phase: \(phase) (moves with it; 1 opens the timeline)") }
        if let series = booking.series {
            let parts = series.split(separator: " ", maxSplits: 1).map(String.init)
            second.append("\(state.unicode ? "↻" : "(r)") repeats \(parts.count > 1 ? parts[1] : "") (series \(parts[0]))")
        }
        if let expires = booking.expiresAt { second.append("expires \(state.when(expires, in: zone))") }
        if let deadline = booking.challengeDeadline { second.append("challenged: decide by \(state.when(deadline, in: zone))") }
        if !booking.note.isEmpty { second.append("note: \(booking.note)") }
        if !second.isEmpty { lines.append(second.joined(separator: " · ")) }
        if ordered.count > 1 {
            let marker = state.unicode ? "▸" : ">"
            lines.append("\(ordered.count) here (] [ pick): " + ordered.map { ($0.uid == booking.uid ? marker : "") + "\($0.uid) \($0.statusText) \($0.holder)" }.joined(separator: ", "))
        }
    }
    for draft in stack.drafts.prefix(1) { lines.append("draft show: \(draft.title) (\(draft.showUID)) \(state.when(draft.interval, in: zone)) — reserves nothing until confirmed") }
    for off in stack.timeOff.prefix(1) { lines.append("\(off.hard ? "hard " : "")time off \(state.when(off.interval, in: zone))\(off.reason.isEmpty ? "" : ": \(off.reason)")") }
    if lines.isEmpty {
        if state.grid.isClosed(resource, span) {
            lines.append("\(state.when(span, in: zone))  closed (opening hours \(OpeningHours.cached(resource.openingHours).text)); p asks before holding")
        } else {
            lines.append("\(state.when(span, in: zone))  free")
        }
    }
    if resource.zone != state.zone.timeZone.identifier {
        lines.append("Times in \(zone.placeName) (\(zone.offsetLabel(from: state.zone, at: span.start)) from the grid's \(state.zone.placeName) columns).")
    }
    // Long lines wrap; what does not fit in the pane is in the detail view (Enter).
    let wrapped = lines.flatMap { Canvas.wrap($0, width: state.width - 2) }
    for (index, line) in wrapped.prefix(Layout.paneRows - 1).enumerated() {
        canvas.put(" " + line, x: 0, y: top + 1 + index, role: .pane)
    }
}

func drawDetail(_ canvas: inout Canvas, _ state: AppState) {
    guard let resource = state.grid.cursorRow else { return }
    let stack = state.grid.stack(resource: resource, slot: state.grid.cursorSlot)
    let zone = state.grid.zone(of: resource)
    var lines: [String] = []
    for booking in stack.ordered {
        lines.append("\(booking.uid)  \(booking.statusText)  \(booking.when(labelled: state.grid.zonesInPlay))  \(booking.holder)\(booking.showTitle.map { "  show: \($0)" } ?? "")"
                     + (booking.phase.map { "  phase: \($0)" } ?? ""))
        if !booking.note.isEmpty { lines.append("    note: \(booking.note)") }
    }
    for draft in stack.drafts { lines.append("\(draft.showUID)  draft  \(state.when(draft.interval, in: zone))  \(draft.title)") }
    for off in stack.timeOff { lines.append("time off \(state.when(off.interval, in: zone))\(off.hard ? " (hard)" : "")  \(off.reason)") }
    box(&canvas, state, title: "\(resource.name) · \(state.when(state.grid.slotInterval(state.grid.cursorSlot), in: zone))", lines: lines)
}

func drawForm(_ canvas: inout Canvas, _ state: AppState, _ booking: BookingForm) {
    var lines = booking.form.lines(unicode: state.unicode)
    let zone = LocalTime.cached(booking.zone) ?? state.zone
    lines += ["", "Times are \(zone.placeName) time (\(zone.timeZone.identifier)), e.g. 2026-12-03T14:00",
              "Repeat (optional): weekly;byday=MO,WE;count=10 or daily;until=2026-12-24",
              "Tab completes names / next field · ↑↓ field · Enter saves · Esc cancels"]
    box(&canvas, state, title: "New booking", lines: lines)
}
