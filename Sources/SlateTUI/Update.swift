import SlateCore
import SlateStore

/// Something that happened: a key, a resize, time passing, data arriving, a command's result.
public enum Action: Sendable {
    case key(Key)
    case resized(width: Int, height: Int)
    case tick(now: Int64)
    case resourcesLoaded([GridResource])
    /// A window of data for a period and the resources (uids) it covers.
    case windowLoaded(GridWindow, Interval, Set<String>)
    case databaseChanged
    case succeeded(String, warnings: [String])
    case failed(SlateError)
    case movePlanned(String)
}

/// Work for the runtime: reads and commands through the domain library, and terminal chores.
public enum Effect: Equatable, Sendable {
    case loadResources
    case loadWindow(Interval)
    case place(resource: String, interval: Interval, status: BookingStatus, show: String?, note: String, orHold: Bool)
    case confirm(String, version: Int, force: String?)
    case release(String, version: Int)
    case cancel(String, version: Int)
    /// Cancel the show a booking belongs to (with all its bookings).
    case cancelShow(booking: String, version: Int)
    case challenge(String, version: Int)
    case move(String, Interval, version: Int, plan: Bool)
    case undo
    case redo
    case setTheme(String)
    case redraw
    case quit
}

/// The command names the `:` line completes.
public let commandNames = ["filter", "goto", "help", "quit", "redo", "theme", "today", "undo", "zoom"]

/// The Elm-style update: a new state and the effects to run. Pure: no I/O, no clock.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let width, let height):
        state.width = width
        state.height = height
        keepCursorVisible(&state)
        return state.needsWindow && !state.allResources.isEmpty ? [.redraw, .loadWindow(state.period)] : [.redraw]
    case .tick(let now):
        state.now = now
        return []
    case .resourcesLoaded(let resources):
        state.allResources = resources
        if state.cursorResource == nil || !resources.contains(where: { $0.uid == state.cursorResource }) {
            state.cursorResource = state.resources.first?.uid
        }
        keepCursorVisible(&state)
        return [.loadWindow(state.period)]
    case .windowLoaded(let window, let period, let resources):
        guard period == state.period else { return [] }
        state.window = window
        state.loadedPeriod = period
        state.loadedResources = resources
        return []
    case .databaseChanged:
        return [.loadResources]
    case .succeeded(let message, let warnings):
        if case .move = state.mode { state.mode = .normal }
        state.status = warnings.isEmpty ? StatusMessage(.ok, message) : StatusMessage(.warning, message + " — " + warnings.joined(separator: "; "))
        return [.loadResources]
    case .failed(let error):
        return failed(&state, error)
    case .movePlanned(let feedback):
        if case .move(var move) = state.mode {
            move.feedback = feedback
            state.mode = .move(move)
        }
        return []
    case .key(let key):
        var effects = handle(&state, key)
        if state.needsWindow, !effects.contains(where: { if case .loadWindow = $0 { true } else { false } }), !state.allResources.isEmpty {
            effects.append(.loadWindow(state.period))
        }
        return effects
    }
}

private func failed(_ state: inout AppState, _ error: SlateError) -> [Effect] {
    let text = error.description.replacingOccurrences(of: "\n", with: " ")
    if case .refused(_, let offer?) = error {
        state.mode = .prompt(Prompt(question: "Place it as a \(HoldQueue.ordinal(offer.rank)) hold instead?", detail: text,
                                    onYes: [.place(resource: offer.resourceUID, interval: offer.interval, status: .hold, show: nil, note: "", orHold: false)]))
        return []
    }
    state.status = StatusMessage(.error, text)
    return []
}

private func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .ctrl("l") { return [.redraw] }
    switch state.mode {
    case .help, .detail:
        state.mode = .normal
        return []
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

private func normalKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    let stack = state.cursorStack
    switch key {
    case .char("q"):
        state.quitting = true
        return [.quit]
    case .char("?"):
        state.mode = .help
    case .char(":"):
        state.mode = .command("")
    case .char("/"):
        state.mode = .search(state.filter.search)
    case .escape:
        state.status = nil
        if !state.filter.search.isEmpty {
            state.filter.search = ""
            keepCursorVisible(&state)
        }
    case .char("h"), .left:
        return moveCursor(&state, columns: -1)
    case .char("l"), .right:
        return moveCursor(&state, columns: 1)
    case .char("j"), .down:
        moveRow(&state, by: 1)
    case .char("k"), .up:
        moveRow(&state, by: -1)
    case .pageDown:
        moveRow(&state, by: max(1, gridRows(state) - 1))
    case .pageUp:
        moveRow(&state, by: -max(1, gridRows(state) - 1))
    case .char("g"), .home:
        state.cursorResource = state.resources.first?.uid
        keepCursorVisible(&state)
    case .char("G"), .end:
        state.cursorResource = state.resources.last?.uid
        keepCursorVisible(&state)
    case .char("H"):
        return page(&state, by: -1)
    case .char("L"):
        return page(&state, by: 1)
    case .char("t"):
        return goTo(&state, state.now)
    case .char("+"), .char("="):
        return zoom(&state, in: true)
    case .char("-"):
        return zoom(&state, in: false)
    case .char("f"):
        let kinds: [ResourceKind?] = [nil, .room, .talent, .equipment]
        let next = kinds[((kinds.firstIndex(of: state.filter.kind) ?? 0) + 1) % kinds.count]
        state.filter.kind = next
        keepCursorVisible(&state)
        state.status = StatusMessage(.info, "Showing \(state.filter.summary).")
    case .tab, .backTab:
        state.status = StatusMessage(.info, "The booking grid is the only view in this version; more views come with their own releases.")
    case .char(let c) where ("1"..."6").contains(c):
        if let number = c.wholeNumberValue, let view = ViewID(rawValue: number), ViewID.available.contains(view) {
            state.view = view
        } else {
            state.status = StatusMessage(.info, "View \(c) is not in this version; press 2 for the booking grid.")
        }
    case .char("u"):
        return [.undo]
    case .ctrl("r"):
        return [.redo]
    case .enter:
        if stack.map({ !$0.bookings.isEmpty || !$0.drafts.isEmpty || !$0.timeOff.isEmpty }) == true {
            state.mode = .detail
        } else {
            return openForm(&state)
        }
    case .char("n"):
        return openForm(&state)
    case .char("p"):
        guard let row = state.cursorRow else { return [] }
        return [.place(resource: row.uid, interval: state.slotInterval(state.cursorSlot), status: .hold, show: nil, note: "", orHold: false)]
    case .char("c"):
        guard let hold = stack?.topHold else {
            state.status = StatusMessage(.info, "No hold under the cursor to confirm.")
            return []
        }
        return [.confirm(hold.uid, version: hold.version, force: nil)]
    case .char("C"):
        guard let hold = stack?.bookings.filter({ $0.status == .hold }).max(by: { ($0.rank ?? 0) < ($1.rank ?? 0) }) else {
            state.status = StatusMessage(.info, "No hold under the cursor to challenge from.")
            return []
        }
        return [.challenge(hold.uid, version: hold.version)]
    case .char("x"), .char("d"):
        guard let booking = stack?.topBooking else {
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
    case .char("m"), .char("e"):
        guard let booking = stack?.topBooking else {
            state.status = StatusMessage(.info, "No booking under the cursor to move.")
            return []
        }
        let move = MoveState(booking: booking, interval: Interval(start: booking.start, end: booking.end), feedback: nil)
        state.mode = .move(move)
        state.status = StatusMessage(.info, "Moving \(booking.uid): ←/→ shift, </> shorten/lengthen, Enter to save, Esc to cancel.")
    case .char("<"), .char(">"):
        guard let booking = stack?.topBooking else {
            state.status = StatusMessage(.info, "No booking under the cursor to resize.")
            return []
        }
        let step = state.zoom.slotSeconds * (key == .char("<") ? -1 : 1)
        let end = booking.end + step
        guard end > booking.start else {
            state.status = StatusMessage(.error, "\(booking.uid) cannot be shorter than one column.")
            return []
        }
        return [.move(booking.uid, Interval(start: booking.start, end: end), version: booking.version, plan: false)]
    default:
        break
    }
    return []
}

private func openForm(_ state: inout AppState) -> [Effect] {
    guard let row = state.cursorRow else { return [] }
    let span = state.slotInterval(state.cursorSlot)
    state.mode = .form(BookingForm(resource: row.uid, start: state.zone.format(span.start), end: state.zone.format(span.end)))
    return []
}

private func editForm(_ state: inout AppState, _ form: BookingForm, _ key: Key) -> [Effect] {
    var form = form
    switch key {
    case .escape:
        state.mode = .normal
        state.status = StatusMessage(.info, "Cancelled.")
        return []
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
            let zone = state.zone
            let interval = try Interval.validated(start: zone.parse(form.values[1]), end: zone.parse(form.values[2]))
            let resource = form.values[0].trimmingCharacters(in: .whitespaces)
            guard !resource.isEmpty else { throw SlateError.invalidInput("give a resource") }
            state.mode = .normal
            let show = form.values[3].trimmingCharacters(in: .whitespaces)
            return [.place(resource: resource, interval: interval, status: form.kind == "book" ? .confirmed : .hold,
                           show: show.isEmpty ? nil : show, note: form.values[4], orHold: false)]
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

private func editMove(_ state: inout AppState, _ move: MoveState, _ key: Key) -> [Effect] {
    var move = move
    let step = state.zoom.slotSeconds
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
    if !state.period.contains(move.interval.start) { _ = goTo(&state, move.interval.start) }
    state.cursorSlot = state.slot(of: move.interval.start)
    return [.move(move.booking.uid, move.interval, version: move.booking.version, plan: true)]
}

private func editLine(_ state: inout AppState, _ text: String, _ key: Key, search: Bool) -> [Effect] {
    var text = text
    switch key {
    case .escape:
        state.mode = .normal
        if search {
            state.filter.search = ""
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
    case .char(let c):
        text.append(c)
    default:
        return []
    }
    if search {
        state.filter.search = text
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
        let focus = state.slotInterval(state.cursorSlot).start
        state.zoom = zoom
        return goTo(&state, focus)
    case "goto":
        guard let text = rest.first, let instant = try? state.zone.parse(text) else {
            state.status = StatusMessage(.error, "Use :goto 2026-12-03 (or a date-time).")
            return []
        }
        return goTo(&state, instant)
    case "filter":
        var filter = GridFilter(search: state.filter.search)
        for word in rest {
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
        state.filter = filter
        keepCursorVisible(&state)
        state.status = StatusMessage(.info, "Showing \(filter.summary) (\(state.resources.count)).")
    default:
        state.status = StatusMessage(.error, "Unknown command '\(TextInput.printable(name))'; try: \(commandNames.joined(separator: ", ")).")
    }
    return []
}

// MARK: navigation

private func moveCursor(_ state: inout AppState, columns: Int) -> [Effect] {
    let next = state.cursorSlot + columns
    if next < 0 {
        let effects = page(&state, by: -1)
        state.cursorSlot = state.zoom.slots - 1
        return effects
    }
    if next >= state.zoom.slots {
        let effects = page(&state, by: 1)
        state.cursorSlot = 0
        return effects
    }
    state.cursorSlot = next
    return []
}

private func moveRow(_ state: inout AppState, by delta: Int) {
    let list = state.resources
    guard let index = state.cursorIndex else { return }
    state.cursorResource = list[max(0, min(list.count - 1, index + delta))].uid
    keepCursorVisible(&state)
}

private func page(_ state: inout AppState, by periods: Int) -> [Effect] {
    switch state.zoom {
    case .day: state.anchor = state.zone.startOfDay(state.anchor, addingDays: periods)
    case .week: state.anchor = state.zone.startOfDay(state.anchor, addingDays: 7 * periods)
    case .month: state.anchor = state.periodStart(containing: state.zone.startOfDay(state.anchor, addingDays: 35 * periods))
    }
    return [.loadWindow(state.period)]
}

private func goTo(_ state: inout AppState, _ instant: Int64) -> [Effect] {
    state.anchor = state.periodStart(containing: instant)
    state.cursorSlot = state.slot(of: instant)
    return [.loadWindow(state.period)]
}

private func zoom(_ state: inout AppState, in zoomIn: Bool) -> [Effect] {
    let levels = Zoom.allCases
    let index = levels.firstIndex(of: state.zoom) ?? 1
    let next = zoomIn ? max(0, index - 1) : min(levels.count - 1, index + 1)
    guard next != index else { return [] }
    let focus = state.slotInterval(state.cursorSlot).start
    state.zoom = levels[next]
    return goTo(&state, focus)
}

/// Rows of the grid area at the current size.
func gridRows(_ state: AppState) -> Int {
    max(1, state.height - Layout.chromeRows)
}

func keepCursorVisible(_ state: inout AppState) {
    let list = state.resources
    if let uid = state.cursorResource, !list.contains(where: { $0.uid == uid }) { state.cursorResource = list.first?.uid }
    if state.cursorResource == nil { state.cursorResource = list.first?.uid }
    guard let index = state.cursorIndex else {
        state.scroll = 0
        return
    }
    let rows = gridRows(state)
    if index < state.scroll { state.scroll = index }
    if index >= state.scroll + rows { state.scroll = index - rows + 1 }
    state.scroll = max(0, min(state.scroll, max(0, list.count - rows)))
}
