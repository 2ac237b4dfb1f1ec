import SlateCore
import SlateStore

/// Something that happened: a key, a resize, time passing, data arriving, a command's result.
public enum Action: Sendable {
    /// The program started: load what the first screen shows.
    case started
    case key(Key)
    case resized(width: Int, height: Int)
    case tick(now: Int64)
    case resourcesLoaded([GridResource])
    /// A window of data for a period and the resources (uids) it covers.
    case windowLoaded(GridWindow, Interval, Set<String>)
    case databaseChanged
    case succeeded(String, warnings: [String])
    case failed(SlateError)
    /// A confirmation was refused; a manager may force it over the holds above.
    case confirmRefused(booking: String, version: Int, SlateError)
    case movePlanned(String)
    /// A record's history arrived (`:log`).
    case historyLoaded(title: String, lines: [String])
}

/// Work for the runtime: reads and commands through the domain library, and terminal chores.
public enum Effect: Equatable, Sendable {
    case loadResources
    case loadWindow(Interval)
    case place(resource: String, interval: Interval, status: BookingStatus, show: String?, note: String, orHold: Bool)
    /// A booking typed in the form: the times are read in the resource's studio zone by
    /// the domain library, exactly as `slate book` reads them.
    case placeTyped(resource: String, start: String, end: String, status: BookingStatus, show: String?, note: String)
    case confirm(String, version: Int, force: String?)
    case release(String, version: Int)
    case cancel(String, version: Int)
    /// Cancel the show a booking belongs to (with all its bookings).
    case cancelShow(booking: String, version: Int)
    case challenge(String, version: Int)
    case move(String, Interval, version: Int, plan: Bool)
    case loadHistory(String)
    case undo
    case redo
    case setTheme(String)
    case redraw
    case quit
}

/// The command names the `:` line completes.
public let commandNames = ["filter", "goto", "help", "log", "messages", "quit", "redo", "theme", "today", "undo", "zoom"]

/// The Elm-style update: a new state and the effects to run. Pure: no I/O, no clock.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let width, let height):
        state.width = width
        state.height = height
        state.grid.rows = gridRows(state)
        keepCursorVisible(&state)
        return state.grid.needsWindow && !state.grid.allResources.isEmpty ? [.redraw, .loadWindow(state.grid.period)] : [.redraw]
    case .tick(let now):
        state.now = now
        return []
    case .started:
        return [.loadResources]
    case .resourcesLoaded(let resources):
        state.grid.allResources = resources
        state.grid.zonesInPlay = Set(resources.map(\.zone) + [state.zone.timeZone.identifier]).count > 1
        if state.grid.cursorResource == nil || !resources.contains(where: { $0.uid == state.grid.cursorResource }) {
            state.grid.cursorResource = state.grid.resources.first?.uid
        }
        keepCursorVisible(&state)
        return [.loadWindow(state.grid.period)]
    case .windowLoaded(let window, let period, let resources):
        guard period == state.grid.period else { return [] }
        state.grid.window = window
        state.grid.loadedPeriod = period
        state.grid.loadedResources = resources
        return []
    case .databaseChanged:
        return [.loadResources]
    case .succeeded(let message, let warnings):
        if case .move = state.mode { state.mode = .normal }
        state.grid.pendingForm = nil
        state.status = warnings.isEmpty ? StatusMessage(.ok, message) : StatusMessage(.warning, message + " — " + warnings.joined(separator: "; "))
        return [.loadResources]
    case .failed(let error):
        return failed(&state, error)
    case .confirmRefused(let booking, let version, let error):
        if case .refused(let violations, _) = error, !violations.isEmpty, violations.allSatisfy({ $0.kind == .holdAbove }) {
            let holds = violations.compactMap(\.otherUID).joined(separator: ", ")
            state.mode = .reason(ReasonEntry(question: "Force-confirm \(booking)? It releases \(holds). Reason (managers; Esc cancels):",
                                             booking: booking, version: version))
            state.status = StatusMessage(.warning, error.description.replacingOccurrences(of: "\n", with: " "))
            return []
        }
        return failed(&state, error)
    case .historyLoaded(let title, let lines):
        state.mode = .overlay(title: title, lines: lines.isEmpty ? ["No history."] : lines)
        return []
    case .movePlanned(let feedback):
        if case .move(var move) = state.mode {
            move.feedback = feedback
            state.mode = .move(move)
        }
        return []
    case .key(let key):
        var effects = handle(&state, key)
        if state.grid.needsWindow, !effects.contains(where: { if case .loadWindow = $0 { true } else { false } }), !state.grid.allResources.isEmpty {
            effects.append(.loadWindow(state.grid.period))
        }
        return effects
    }
}

private func failed(_ state: inout AppState, _ error: SlateError) -> [Effect] {
    let text = error.description.replacingOccurrences(of: "\n", with: " ")
    let form = state.grid.pendingForm
    state.grid.pendingForm = nil
    if case .refused(_, let offer?) = error {
        state.mode = .prompt(Prompt(question: "Place it as a \(HoldQueue.ordinal(offer.rank)) hold instead?", detail: text,
                                    onYes: [.place(resource: offer.resourceUID, interval: offer.interval, status: .hold, show: nil, note: "", orHold: false)]))
        return []
    }
    state.status = StatusMessage(.error, text)
    if let form { state.mode = .form(form) }
    return []
}

private func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .ctrl("l") { return [.redraw] }
    switch state.mode {
    case .help, .overlay:
        // Long panels scroll; any other key closes them.
        switch key {
        case .char("j"), .down, .char(" "), .pageDown: state.overlayScroll += key == .pageDown ? 10 : 1
        case .char("k"), .up, .pageUp: state.overlayScroll = max(0, state.overlayScroll - (key == .pageUp ? 10 : 1))
        default:
            state.mode = .normal
            state.overlayScroll = 0
        }
        return []
    case .detail:
        state.mode = .normal
        return []
    case .reason(let entry):
        return editReason(&state, entry, key)
    case .prompt(let prompt):
        state.mode = .normal
        if key == .char("y") || key == .char("Y") { return prompt.onYes }
        state.status = StatusMessage(.info, "Cancelled.")
        return []
    case .command(let text):
        return editLine(&state, text, key, search: false)
    case .search(let text):
        return editLine(&state, text, key, search: true)
    case .form(let form):
        return editForm(&state, form, key)
    case .move(let move):
        return editMove(&state, move, key)
    case .normal:
        return normalKey(&state, key)
    }
}

/// A key outside any mode: the shell's keys first, then the active screen's.
private func normalKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if let command = globalKeys.command(for: key) { return run(&state, command, key) }
    if let command = gridKeys.command(for: key) { return run(&state, command) }
    return []
}

private func run(_ state: inout AppState, _ command: GlobalCommand, _ key: Key) -> [Effect] {
    switch command {
    case .quit:
        state.quitting = true
        return [.quit]
    case .help:
        state.mode = .help
    case .commandLine:
        state.mode = .command("")
    case .redraw:
        return [.redraw]
    case .undo:
        return [.undo]
    case .redo:
        return [.redo]
    case .nextView, .previousView:
        state.status = StatusMessage(.info, "The booking grid is the only view in this version; more views come with their own releases.")
    case .view:
        guard case .char(let c) = key, let number = c.wholeNumberValue else { return [] }
        if let view = ViewID(rawValue: number), ViewID.available.contains(view) {
            state.view = view
        } else {
            state.status = StatusMessage(.info, "View \(c) is not in this version; press 2 for the booking grid.")
        }
    }
    return []
}

/// Runs a booking grid command.
private func run(_ state: inout AppState, _ command: GridCommand) -> [Effect] {
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
        state.mode = .prompt(Prompt(question: "\(verb) \(booking.uid) (\(booking.resourceName) \(booking.startLocal)–\(booking.endLocal))?", onYes: [effect]))
    case .move:
        guard let booking = picked else {
            state.status = StatusMessage(.info, "No booking under the cursor to move.")
            return []
        }
        let move = MoveState(booking: booking, interval: Interval(start: booking.start, end: booking.end), feedback: nil)
        state.mode = .move(move)
        let whole = booking.showUID.map { " (with all of show \($0))" } ?? ""
        state.status = StatusMessage(.info, "Moving \(booking.uid)\(whole): ←/→ shift, </> shorten/lengthen, Enter to save, Esc to cancel.")
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

private func openForm(_ state: inout AppState) -> [Effect] {
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

private func editForm(_ state: inout AppState, _ form: BookingForm, _ key: Key) -> [Effect] {
    var form = form
    switch key {
    case .escape:
        state.mode = .normal
        state.status = StatusMessage(.info, "Cancelled.")
        return []
    case .tab where form.focus == 0 || form.focus == 3:
        // Tab completes a resource or show name; once it is whole, Tab moves on.
        let text = form.values[form.focus]
        let names = form.focus == 0 ? resourceCandidates(state, text).map { ($0.uid, $0.name, $0.zone) } : showCandidates(state, text).map { ($0.uid, $0.title, "") }
        let whole = names.contains { $0.0 == text || $0.1.lowercased() == text.lowercased() }
        if whole || names.isEmpty || text.isEmpty {
            form.focus = (form.focus + 1) % BookingForm.fieldNames.count
        } else if names.count == 1, let only = names.first {
            form.values[form.focus] = only.1
            if form.focus == 0, !only.2.isEmpty, only.2 != form.zone { form = rezoned(form, to: only.2, state) }
        } else {
            state.status = StatusMessage(.info, names.prefix(8).map(\.1).joined(separator: " · ") + (names.count > 8 ? " …" : ""))
        }
    case .tab, .down:
        form.focus = (form.focus + 1) % BookingForm.fieldNames.count
    case .backTab, .up:
        form.focus = (form.focus + BookingForm.fieldNames.count - 1) % BookingForm.fieldNames.count
    case .backspace:
        if form.focus == 5 { break }
        if !form.values[form.focus].isEmpty { form.values[form.focus].removeLast() }
    case .char(" ") where form.focus == 5, .left where form.focus == 5, .right where form.focus == 5:
        form.values[5] = form.kind == "hold" ? "book" : "hold"
    case .char(let c):
        if form.focus != 5 { form.values[form.focus].append(c) }
    case .enter:
        do {
            let resource = form.values[0].trimmingCharacters(in: .whitespaces)
            guard !resource.isEmpty else { throw SlateError.invalidInput("give a resource") }
            if let known = state.grid.allResources.first(where: { $0.uid == resource || $0.name.lowercased() == resource.lowercased() }), known.zone != form.zone {
                form = rezoned(form, to: known.zone, state)
            }
            // Checked here for an immediate message; the library reads the times again in
            // the resource's studio zone, as the command line does.
            let zone = LocalTime.cached(form.zone) ?? state.zone
            _ = try Interval.validated(start: zone.parse(form.values[1]), end: zone.parse(form.values[2]))
            state.mode = .normal
            state.grid.pendingForm = form
            let show = form.values[3].trimmingCharacters(in: .whitespaces)
            let showRef = showCandidates(state, show).first { $0.title == show }?.uid ?? show
            return [.placeTyped(resource: resource, start: form.values[1], end: form.values[2], status: form.kind == "book" ? .confirmed : .hold,
                                show: show.isEmpty ? nil : showRef, note: form.values[4])]
        } catch let error as SlateError {
            state.status = StatusMessage(.error, error.description)
        } catch {
            state.status = StatusMessage(.error, "\(error)")
        }
    default:
        break
    }
    state.mode = .form(form)
    return []
}

/// The form with its times re-expressed in another zone (the same instants), when its
/// resource turns out to belong to a studio elsewhere.
private func rezoned(_ form: BookingForm, to zoneID: String, _ state: AppState) -> BookingForm {
    var form = form
    let from = LocalTime.cached(form.zone) ?? state.zone
    let to = LocalTime.cached(zoneID) ?? state.zone
    for index in [1, 2] { if let instant = try? from.parse(form.values[index]) { form.values[index] = to.format(instant) } }
    form.zone = zoneID
    return form
}

private func editReason(_ state: inout AppState, _ entry: ReasonEntry, _ key: Key) -> [Effect] {
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
    case .backspace:
        if !entry.text.isEmpty { entry.text.removeLast() }
    case .char(let c):
        entry.text.append(c)
    default:
        return []
    }
    state.mode = .reason(entry)
    return []
}

private func editMove(_ state: inout AppState, _ move: MoveState, _ key: Key) -> [Effect] {
    var move = move
    let step = state.grid.zoom.slotSeconds
    switch key {
    case .escape:
        state.mode = .normal
        state.status = StatusMessage(.info, "Move cancelled; \(move.booking.uid) is unchanged.")
        return []
    case .enter:
        return [.move(move.booking.uid, move.interval, version: move.booking.version, plan: false)]
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

private func editLine(_ state: inout AppState, _ text: String, _ key: Key, search: Bool) -> [Effect] {
    var text = text
    switch key {
    case .escape:
        state.mode = .normal
        if search {
            state.grid.filter.search = ""
            keepCursorVisible(&state)
        }
        return []
    case .enter:
        state.mode = .normal
        return search ? [] : runCommand(&state, text)
    case .backspace:
        if !text.isEmpty { text.removeLast() }
    case .tab where !search:
        let matches = commandNames.filter { $0.hasPrefix(text) }
        if matches.count == 1, let only = matches.first { text = only + " " }
        else if !matches.isEmpty { state.status = StatusMessage(.info, matches.joined(separator: "  ")) }
        else { state.status = StatusMessage(.info, "No command starts with '\(text)'; commands: \(commandNames.joined(separator: " "))") }
    case .char(let c):
        text.append(c)
    default:
        return []
    }
    if search {
        state.grid.filter.search = text
        keepCursorVisible(&state)
        state.mode = .search(text)
    } else {
        state.mode = .command(text)
    }
    return []
}

/// Runs a `:` command line.
private func runCommand(_ state: inout AppState, _ line: String) -> [Effect] {
    let words = line.split(separator: " ").map(String.init)
    guard let name = words.first else { return [] }
    let rest = Array(words.dropFirst())
    switch name {
    case "q", "quit":
        state.quitting = true
        return [.quit]
    case "undo":
        return [.undo]
    case "redo":
        return [.redo]
    case "help":
        state.mode = .help
    case "messages":
        state.mode = .overlay(title: "Last \(state.messages.count) messages (newest first)", lines: state.messages.reversed())
    case "log":
        guard let booking = state.grid.pickedBooking else {
            state.status = StatusMessage(.info, "Put the cursor on a booking to see its history.")
            return []
        }
        return [.loadHistory(booking.uid)]
    case "today":
        return goTo(&state, state.now)
    case "theme":
        guard let theme = rest.first else {
            state.status = StatusMessage(.info, "Theme \(state.themeName); built in: \(Theme.builtinNames.joined(separator: ", ")).")
            return []
        }
        return [.setTheme(theme)]
    case "zoom":
        guard let level = rest.first, let zoom = Zoom.allCases.first(where: { $0.name == level }) else {
            state.status = StatusMessage(.error, "Use :zoom day, :zoom week or :zoom month.")
            return []
        }
        let focus = state.grid.slotInterval(state.grid.cursorSlot).start
        state.grid.zoom = zoom
        return goTo(&state, focus)
    case "goto":
        guard let text = rest.first, var instant = try? state.zone.parse(text) else {
            state.status = StatusMessage(.error, "Use :goto 2026-12-03 (or a date-time).")
            return []
        }
        if text.count == 10 {
            // A date alone keeps the cursor's time of day.
            let current = state.grid.slotInterval(state.grid.cursorSlot).start
            instant = state.zone.startOfDay(instant) + (current - state.zone.startOfDay(current))
        }
        return goTo(&state, instant)
    case "filter":
        var filter = GridFilter(search: state.grid.filter.search)
        for word in filterTerms(rest) {
            let pair = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else {
                state.status = StatusMessage(.error, "Use :filter kind=room studio=NAME skill=SKILL tag=TAG (or :filter to clear).")
                return []
            }
            switch pair[0] {
            case "kind":
                guard let kind = ResourceKind(rawValue: pair[1]) else {
                    state.status = StatusMessage(.error, "kind is room, talent or equipment.")
                    return []
                }
                filter.kind = kind
            case "studio": filter.studio = pair[1]
            case "skill": filter.skill = pair[1]
            case "tag": filter.tag = pair[1]
            default:
                state.status = StatusMessage(.error, "Unknown filter '\(pair[0])'; use kind, studio, skill or tag.")
                return []
            }
        }
        state.grid.filter = filter
        keepCursorVisible(&state)
        state.status = StatusMessage(.info, "Showing \(filter.summary) (\(state.grid.resources.count)).")
    default:
        state.status = StatusMessage(.error, "Unknown command '\(TextInput.printable(name))'; try: \(commandNames.joined(separator: ", ")).")
    }
    return []
}

/// `key=value` terms of `:filter`, where a value runs on over spaces until the next
/// `key=` (`studio=Harbour Sound kind=room`).
func filterTerms(_ words: [String]) -> [String] {
    var terms: [String] = []
    for word in words {
        if word.contains("=") || terms.isEmpty { terms.append(word) } else { terms[terms.count - 1] += " " + word }
    }
    return terms
}

// MARK: navigation

private func moveCursor(_ state: inout AppState, columns: Int) -> [Effect] {
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

private func moveRow(_ state: inout AppState, by delta: Int) {
    let list = state.grid.resources
    guard let index = state.grid.cursorIndex else { return }
    state.grid.cursorResource = list[max(0, min(list.count - 1, index + delta))].uid
    keepCursorVisible(&state)
}

private func page(_ state: inout AppState, by periods: Int) -> [Effect] {
    switch state.grid.zoom {
    case .day: state.grid.anchor = state.zone.startOfDay(state.grid.anchor, addingDays: periods)
    case .week: state.grid.anchor = state.zone.startOfDay(state.grid.anchor, addingDays: 7 * periods)
    case .month: state.grid.anchor = state.grid.periodStart(containing: state.zone.startOfDay(state.grid.anchor, addingDays: 35 * periods))
    }
    return [.loadWindow(state.grid.period)]
}

private func goTo(_ state: inout AppState, _ instant: Int64) -> [Effect] {
    state.grid.anchor = state.grid.periodStart(containing: instant)
    state.grid.cursorSlot = state.grid.slot(of: instant)
    return [.loadWindow(state.grid.period)]
}

private func zoom(_ state: inout AppState, in zoomIn: Bool) -> [Effect] {
    let levels = Zoom.allCases
    let index = levels.firstIndex(of: state.grid.zoom) ?? 1
    let next = zoomIn ? max(0, index - 1) : min(levels.count - 1, index + 1)
    guard next != index else { return [] }
    let focus = state.grid.slotInterval(state.grid.cursorSlot).start
    state.grid.zoom = levels[next]
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
    guard let index = state.grid.cursorIndex else {
        state.grid.scroll = 0
        return
    }
    let rows = gridRows(state)
    if index < state.grid.scroll { state.grid.scroll = index }
    if index >= state.grid.scroll + rows { state.grid.scroll = index - rows + 1 }
    state.grid.scroll = max(0, min(state.grid.scroll, max(0, list.count - rows)))
}
