import SlateCore
import SlateStore

// The booking grid's update: its commands, its form, move and reason modes, and
// navigation over its period and rows.

/// Runs a booking grid command.
func runGrid(_ state: inout AppState, _ command: GridCommand) -> [Effect] {
    let stack = state.grid.cursorStack
    let picked = state.grid.pickedBooking
    let before = (state.grid.cursorResource, state.grid.cursorSlot, state.grid.anchor)
    defer { if before != (state.grid.cursorResource, state.grid.cursorSlot, state.grid.anchor) { state.grid.pick = 0 } }
    switch command {
    case .nextPick, .previousPick:
        guard let count = stack?.bookings.count, count > 1 else {
            state.status = StatusMessage(.info, "Only one booking here; ] and [ pick among stacked bookings.")
            return []
        }
        state.grid.pick = ((state.grid.pick + (command == .nextPick ? 1 : -1)) % count + count) % count
    case .search:
        state.mode = .search(state.grid.filter.search)
    case .cancel:
        state.status = nil
        if !state.grid.filter.search.isEmpty {
            state.grid.filter.search = ""
            keepCursorVisible(&state)
        }
    case .left:
        return moveCursor(&state, columns: -1)
    case .right:
        return moveCursor(&state, columns: 1)
    case .down:
        moveRow(&state, by: 1)
    case .up:
        moveRow(&state, by: -1)
    case .pageDown:
        moveRow(&state, by: max(1, gridRows(state) - 1))
    case .pageUp:
        moveRow(&state, by: -max(1, gridRows(state) - 1))
    case .first:
        state.grid.cursorResource = state.grid.resources.first?.uid
        keepCursorVisible(&state)
    case .last:
        state.grid.cursorResource = state.grid.resources.last?.uid
        keepCursorVisible(&state)
    case .previousPeriod:
        return page(&state, by: -1)
    case .nextPeriod:
        return page(&state, by: 1)
    case .today:
        return goTo(&state, state.now)
    case .zoomIn:
        return zoom(&state, in: true)
    case .zoomOut:
        return zoom(&state, in: false)
    case .cycleKind:
        let kinds: [ResourceKind?] = [nil, .room, .talent, .equipment]
        let next = kinds[((kinds.firstIndex(of: state.grid.filter.kind) ?? 0) + 1) % kinds.count]
        state.grid.filter.kind = next
        keepCursorVisible(&state)
        state.status = StatusMessage(.info, "Showing \(state.grid.filter.summary).")
    case .open:
        // A show's booking (or a lone draft) opens the show's card.
        if let show = state.grid.pickedBooking?.showUID ?? (stack?.bookings.isEmpty == true && stack?.drafts.count == 1 ? stack?.drafts.first?.showUID : nil) {
            return [.loadCard(show, edit: false)]
        }
        if stack.map({ !$0.bookings.isEmpty || !$0.drafts.isEmpty || !$0.timeOff.isEmpty }) == true {
            state.mode = .detail
        } else {
            return openForm(&state)
        }
    case .new:
        return openForm(&state)
    case .hold:
        guard let row = state.grid.cursorRow else { return [] }
        let span = state.grid.slotInterval(state.grid.cursorSlot)
        let place = Effect.place(resource: row.uid, interval: span, status: .hold, show: nil, note: "", orHold: false)
        if state.grid.isClosed(row, span) {
            state.mode = .prompt(Prompt(question: "\(row.name) is closed then (opening hours \(OpeningHours.cached(row.openingHours).text)). Hold it anyway?",
                                        onYes: [place]))
            return []
        }
        return [place]
    case .confirm:
        guard let hold = picked?.status == .hold ? picked : stack?.topHold else {
            state.status = StatusMessage(.info, "No hold under the cursor to confirm.")
            return []
        }
        return [.confirm(hold.uid, version: hold.version, force: nil)]
    case .challenge:
        // A 1st hold has nothing above it: the lowest hold challenges unless another is picked.
        let lowest = stack?.bookings.filter { $0.status == .hold }.max { ($0.rank ?? 0) < ($1.rank ?? 0) }
        guard let hold = picked?.status == .hold && (picked?.rank ?? 1) > 1 ? picked : lowest else {
            state.status = StatusMessage(.info, "No hold under the cursor to challenge from.")
            return []
        }
        return [.challenge(hold.uid, version: hold.version)]
    case .releaseOrCancel:
        guard let booking = picked else {
            state.status = StatusMessage(.info, "No booking under the cursor.")
            return []
        }
        if let show = booking.showUID, booking.status == .confirmed {
            state.mode = .prompt(Prompt(question: "Cancel show '\(booking.showTitle ?? show)' (\(show)) with all its bookings?",
                                        detail: "\(booking.uid) is the show's booking of \(booking.resourceName); a show's bookings are cancelled together.",
                                        onYes: [.cancelShow(booking: booking.uid, version: booking.version)]))
            return []
        }
        let verb = booking.status == .hold ? "Release" : "Cancel"
        let effect: Effect = booking.status == .hold ? .release(booking.uid, version: booking.version) : .cancel(booking.uid, version: booking.version)
        if let series = booking.series.map({ String($0.prefix { $0 != " " }) }) {
            // An occurrence of a series: this one, this and following, or all (rule 14).
            state.mode = .prompt(Prompt(question: "\(verb) \(booking.uid) of series \(series):", onYes: [], choices: [
                .init(key: "o", label: "only this", effects: [.cancelSeries(series, .only(booking.uid))]),
                .init(key: "f", label: "this and following", effects: [.cancelSeries(series, .following(booking.uid))]),
                .init(key: "a", label: "all", effects: [.cancelSeries(series, .all)]),
            ]))
            return []
        }
        state.mode = .prompt(Prompt(question: "\(verb) \(booking.uid) (\(booking.resourceName) \(booking.when(labelled: state.grid.zonesInPlay)))?", onYes: [effect]))
    case .move:
        guard let booking = picked else {
            state.status = StatusMessage(.info, "No booking under the cursor to move.")
            return []
        }
        let move = MoveState(booking: booking, interval: Interval(start: booking.start, end: booking.end), feedback: nil)
        state.mode = .move(move)
        let whole = booking.showUID.map { " (with all of show \($0))" } ?? ""
        state.status = StatusMessage(.info, "Moving \(booking.uid)\(whole): h/l shift, </> shorten/lengthen, Enter to save, Esc to cancel.")
        // The clash check runs at once, before the first step.
        return [.move(booking.uid, move.interval, version: booking.version, plan: true)]
    case .shorten, .lengthen:
        guard let booking = picked else {
            state.status = StatusMessage(.info, "No booking under the cursor to resize.")
            return []
        }
        let step = state.grid.zoom.slotSeconds * (command == .shorten ? -1 : 1)
        let end = booking.end + step
        guard end > booking.start else {
            state.status = StatusMessage(.error, "\(booking.uid) cannot be shorter than one column.")
            return []
        }
        return [.move(booking.uid, Interval(start: booking.start, end: end), version: booking.version, plan: false)]
    }
    return []
}

func openForm(_ state: inout AppState) -> [Effect] {
    guard let row = state.grid.cursorRow else { return [] }
    let span = state.grid.slotInterval(state.grid.cursorSlot)
    let zone = state.grid.zone(of: row)
    state.mode = .form(BookingForm(resource: row.uid, start: zone.format(span.start), end: zone.format(span.end), zone: row.zone))
    return []
}

/// Resources whose id or name starts with (or else contains) `text`, for completion.
func resourceCandidates(_ state: AppState, _ text: String) -> [GridResource] {
    let needle = text.lowercased()
    guard !needle.isEmpty else { return [] }
    let starting = state.grid.allResources.filter { $0.uid == text || $0.name.lowercased().hasPrefix(needle) }
    return starting.isEmpty ? state.grid.allResources.filter { $0.name.lowercased().contains(needle) } : starting
}

/// Shows (id and title) the grid knows of whose id or title starts with `text`.
func showCandidates(_ state: AppState, _ text: String) -> [(uid: String, title: String)] {
    let needle = text.lowercased()
    var seen = Set<String>()
    var shows: [(uid: String, title: String)] = []
    for booking in state.grid.window.bookings { if let uid = booking.showUID, let title = booking.showTitle, seen.insert(uid).inserted { shows.append((uid, title)) } }
    for draft in state.grid.window.drafts where seen.insert(draft.showUID).inserted { shows.append((draft.showUID, draft.title)) }
    return shows.filter { $0.uid == text || $0.title.lowercased().hasPrefix(needle) }
}

func editForm(_ state: inout AppState, _ booking: BookingForm, _ key: Key) -> [Effect] {
    var booking = booking
    let snapshot = state
    let event = booking.form.handle(key) { field, text in
        // The resource and show fields complete names the grid knows; an id is whole.
        switch field {
        case 0: resourceCandidates(snapshot, text).contains { $0.uid == text } ? [] : resourceCandidates(snapshot, text).map(\.name)
        case 3: showCandidates(snapshot, text).contains { $0.uid == text } ? [] : showCandidates(snapshot, text).map(\.title)
        default: []
        }
    }
    switch event {
    case .cancel:
        state.mode = .normal
        state.status = StatusMessage(.info, "Cancelled.")
        return []
    case .candidates(let names):
        state.status = StatusMessage(.info, names.prefix(8).joined(separator: " · ") + (names.count > 8 ? " …" : ""))
    case .completed(field: 0, let name):
        if let zone = state.grid.allResources.first(where: { $0.name == name })?.zone, zone != booking.zone { booking = rezoned(booking, to: zone, state) }
    case .submit:
        do {
            let resource = booking.form["Resource"].trimmingCharacters(in: .whitespaces)
            guard !resource.isEmpty else { throw SlateError.invalidInput("give a resource") }
            if let known = state.grid.allResources.first(where: { $0.uid == resource || $0.name.lowercased() == resource.lowercased() }), known.zone != booking.zone {
                booking = rezoned(booking, to: known.zone, state)
            }
            // Checked here for an immediate message; the library reads the times again in
            // the resource's studio zone, as the command line does.
            let zone = LocalTime.cached(booking.zone) ?? state.zone
            if let problem = booking.form.problems(in: zone).first { throw SlateError.invalidInput(problem) }
            _ = try Interval.validated(start: zone.parse(booking.form["Start"]), end: zone.parse(booking.form["End"]))
            state.mode = .normal
            state.grid.pendingForm = booking
            let show = booking.form["Show"].trimmingCharacters(in: .whitespaces)
            let showRef = showCandidates(state, show).first { $0.title == show }?.uid ?? show
            let repeats = booking.form["Repeat"].trimmingWhitespace()
            if !repeats.isEmpty {
                // A series: every occurrence checked like this one (rule 14).
                return [.placeSeries(resource: resource, start: booking.form["Start"], end: booking.form["End"], status: booking.kind == "book" ? .confirmed : .hold,
                                     show: show.isEmpty ? nil : showRef, note: booking.form["Note"], rule: try RecurrenceRule.parse(repeats), skipClashes: false)]
            }
            return [.placeTyped(resource: resource, start: booking.form["Start"], end: booking.form["End"], status: booking.kind == "book" ? .confirmed : .hold,
                                show: show.isEmpty ? nil : showRef, note: booking.form["Note"])]
        } catch let error as SlateError {
            state.status = StatusMessage(.error, error.description)
        } catch {
            state.status = StatusMessage(.error, "\(error)")
        }
    case .edited, .completed:
        break
    }
    state.mode = .form(booking)
    return []
}

/// The form with its times re-expressed in another zone (the same instants), when its
/// resource turns out to belong to a studio elsewhere.
func rezoned(_ booking: BookingForm, to zoneID: String, _ state: AppState) -> BookingForm {
    var booking = booking
    let from = LocalTime.cached(booking.zone) ?? state.zone
    let to = LocalTime.cached(zoneID) ?? state.zone
    for field in ["Start", "End"] { if let instant = try? from.parse(booking.form[field]) { booking.form[field] = to.format(instant) } }
    booking.zone = zoneID
    return booking
}

func editReason(_ state: inout AppState, _ entry: ReasonEntry, _ key: Key) -> [Effect] {
    var entry = entry
    switch key {
    case .escape:
        state.mode = .normal
        state.status = StatusMessage(.info, "Not forced; \(entry.booking) is still a hold.")
        return []
    case .enter:
        let reason = entry.text.trimmingCharacters(in: .whitespaces)
        guard !reason.isEmpty else {
            state.status = StatusMessage(.error, "Give the reason for forcing (it is kept in the history).")
            return []
        }
        state.mode = .normal
        return [.confirm(entry.booking, version: entry.version, force: reason)]
    default:
        guard LineEdit.apply(key, to: &entry.text) else { return [] }
    }
    state.mode = .reason(entry)
    return []
}

func editMove(_ state: inout AppState, _ move: MoveState, _ key: Key) -> [Effect] {
    var move = move
    let step = state.grid.zoom.slotSeconds
    switch key {
    case .escape:
        state.mode = .normal
        state.status = StatusMessage(.info, "Move cancelled; \(move.booking.uid) is unchanged.")
        return []
    case .enter:
        let plain = Effect.move(move.booking.uid, move.interval, version: move.booking.version, plan: false)
        let zone = LocalTime.cached(move.booking.timeZone) ?? state.zone
        // An occurrence of a series kept on its day may take the others with it (rule 14).
        if let series = move.booking.series.map({ String($0.prefix { $0 != " " }) }), zone.day(of: move.interval.start) == zone.day(of: move.booking.start) {
            let at = state.words.clock(move.interval.start, in: zone)
            let minutes = Int(move.interval.duration / 60)
            state.mode = .prompt(Prompt(question: "Move to \(at) for \(minutes) min:", onYes: [], choices: [
                .init(key: "o", label: "only this", effects: [plain]),
                .init(key: "f", label: "this and following", effects: [.retimeSeries(series, .following(move.booking.uid), at: at, minutes: minutes)]),
                .init(key: "a", label: "all", effects: [.retimeSeries(series, .all, at: at, minutes: minutes)]),
            ]))
            return []
        }
        return [plain]
    case .char("h"), .left:
        move.interval = move.interval.shifted(by: -step)
    case .char("l"), .right:
        move.interval = move.interval.shifted(by: step)
    case .char("<"):
        guard move.interval.duration > step else { return [] }
        move.interval.end -= step
    case .char(">"):
        move.interval.end += step
    default:
        return []
    }
    move.feedback = nil
    state.mode = .move(move)
    if !state.grid.period.contains(move.interval.start) { _ = goTo(&state, move.interval.start) }
    state.grid.cursorSlot = state.grid.slot(of: move.interval.start)
    return [.move(move.booking.uid, move.interval, version: move.booking.version, plan: true)]
}


// MARK: navigation

func moveCursor(_ state: inout AppState, columns: Int) -> [Effect] {
    let next = state.grid.cursorSlot + columns
    if next < 0 {
        let effects = page(&state, by: -1)
        state.grid.cursorSlot = state.grid.zoom.slots - 1
        return effects
    }
    if next >= state.grid.zoom.slots {
        let effects = page(&state, by: 1)
        state.grid.cursorSlot = 0
        return effects
    }
    state.grid.cursorSlot = next
    return []
}

func moveRow(_ state: inout AppState, by delta: Int) {
    let list = state.grid.resources
    guard let index = state.grid.cursorIndex else { return }
    state.grid.cursorResource = list[max(0, min(list.count - 1, index + delta))].uid
    keepCursorVisible(&state)
}

func page(_ state: inout AppState, by periods: Int) -> [Effect] {
    state.grid.axis.page(by: periods)
    return [.loadWindow(state.grid.period)]
}

func goTo(_ state: inout AppState, _ instant: Int64) -> [Effect] {
    state.grid.focus(on: instant)
    return [.loadWindow(state.grid.period)]
}

func zoom(_ state: inout AppState, in zoomIn: Bool) -> [Effect] {
    guard let next = state.grid.zoom.zoomed(in: zoomIn) else { return [] }
    let focus = state.grid.slotInterval(state.grid.cursorSlot).start
    state.grid.zoom = next
    return goTo(&state, focus)
}

/// Rows of the grid area at the current size.
func gridRows(_ state: AppState) -> Int {
    max(1, state.height - Layout.chromeRows)
}

func keepCursorVisible(_ state: inout AppState) {
    let list = state.grid.resources
    if let uid = state.grid.cursorResource, !list.contains(where: { $0.uid == uid }) { state.grid.cursorResource = list.first?.uid }
    if state.grid.cursorResource == nil { state.grid.cursorResource = list.first?.uid }
    var rows = ListState(selected: state.grid.cursorIndex ?? 0, scroll: state.grid.scroll)
    rows.clamp(count: list.count, visible: gridRows(state))
    state.grid.scroll = rows.scroll
}
