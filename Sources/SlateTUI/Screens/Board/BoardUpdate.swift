import SlateCore
import SlateStore

/// Carries out a draft board command.
func runBoard(_ state: inout AppState, _ command: BoardCommand) -> [Effect] {
    guard let board = state.board.board else { return runScheduleList(&state, command) }
    let uid = board.schedule.uid
    switch command {
    case .down, .up:
        moveCard(&state, by: command == .down ? 1 : -1)
    case .previousDay, .nextDay:
        let target = state.board.day + (command == .nextDay ? 1 : -1)
        if target >= state.board.days.count { state.board.extraDays += 1 }
        state.board.day = max(0, target)
        state.board.card = 0
        state.board.clampCursor()
    case .open:
        guard let show = boardShow(&state, to: "open") else { return [] }
        return [.loadCard(show.uid, edit: false)]
    case .new:
        guard board.schedule.status.acceptsShows else {
            state.status = StatusMessage(.info, "\(board.schedule.name) is \(board.schedule.status.rawValue); shows are added to draft or proposed schedules.")
            return []
        }
        let date = state.board.days.indices.contains(state.board.day) ? state.board.days[state.board.day].iso : state.board.today.iso
        let types = ShowType.allCases.map(\.rawValue)
        let standards = ShowStandard.allCases.map(\.rawValue)
        state.board.form = BoardForm(title: "New draft in \(board.schedule.name)", purpose: .newShow(schedule: uid, zone: board.zone), form: FormState([
            FormField("Title"), FormField("Start", date + "T10:00", kind: .dateTime), FormField("End", date + "T12:00", kind: .dateTime),
            FormField("Room"), FormField("Talent"), FormField("Platforms"),
            FormField("Type", "bau", kind: .choice(types, shown: types)), FormField("Standard", "standard", kind: .choice(standards, shown: standards)),
            FormField("Repeat"),
        ]))
    case .edit:
        guard let show = boardShow(&state, to: "edit") else { return [] }
        return [.loadCard(show.uid, edit: true)]
    case .copy:
        guard let show = boardShow(&state, to: "copy") else { return [] }
        state.board.clipboard = show.uid
        state.status = StatusMessage(.info, "Copied \(show.title); p pastes it to the cursor's day.")
    case .paste:
        guard let copied = state.board.clipboard else {
            state.status = StatusMessage(.info, "Copy a show first (y).")
            return []
        }
        guard state.board.days.indices.contains(state.board.day) else { return [] }
        return [.copyShow(copied, day: state.board.days[state.board.day].iso)]
    case .delete:
        guard let show = boardShow(&state, to: "delete") else { return [] }
        if let series = show.series {
            // An occurrence of a series: this one, this and following, or all (rule 14).
            state.mode = .prompt(Prompt(question: "Delete \(show.title) of series \(series):", onYes: [], choices: [
                .init(key: "o", label: "only this", effects: [.cancelSeries(series, .only(show.uid))]),
                .init(key: "f", label: "this and following", effects: [.cancelSeries(series, .following(show.uid))]),
                .init(key: "a", label: "all", effects: [.cancelSeries(series, .all)]),
            ]))
            return []
        }
        state.mode = .prompt(Prompt(question: "Delete the draft \(show.title)?", onYes: [.deleteShow(show.uid, version: show.version)]))
    case .select:
        guard let show = boardShow(&state, to: "select") else { return [] }
        if state.board.selection.remove(show.uid) == nil { state.board.selection.insert(show.uid) }
        state.status = StatusMessage(.info, "\(state.board.selection.count) selected; H/L move them a day, K/J half an hour.")
    case .dayEarlier, .dayLater, .earlier, .later:
        let targets = state.board.targets
        guard !targets.isEmpty else {
            state.status = StatusMessage(.info, "Put the cursor on a show, or select some with Space.")
            return []
        }
        let days = command == .dayEarlier ? -1 : command == .dayLater ? 1 : 0
        let minutes = command == .earlier ? -30 : command == .later ? 30 : 0
        return [.shiftShows(targets.map(\.uid), days: days, minutes: minutes)]
    case .suggest:
        guard let show = boardShow(&state, to: "find free times for") else { return [] }
        return [.suggestSlots(show: show.uid, version: show.version)]
    case .clashes:
        let items = board.shows.flatMap { show in show.clashes.map { BoardPicker.Item.clash(show: show.uid, label: "\(show.start.shown) \(show.title): \($0)") } }
        guard !items.isEmpty else {
            state.status = StatusMessage(.ok, "No draft of \(board.schedule.name) clashes.")
            return []
        }
        state.board.picker = BoardPicker(title: "\(Plural.count(items.count, "clash")) · Enter goes to the show", items: items)
    case .propose:
        return [.setScheduleStatus(uid, .proposed)]
    case .sendBack:
        return [.setScheduleStatus(uid, .draft)]
    case .confirm:
        return [.planConfirmation(uid)]
    case .archive:
        return [.setScheduleStatus(uid, .archived)]
    case .cancelSchedule:
        state.mode = .prompt(Prompt(question: "Cancel \(board.schedule.name) and its draft shows?", onYes: [.setScheduleStatus(uid, .cancelled)]))
    case .back:
        if !state.board.selection.isEmpty {
            state.board.selection = []
            state.status = StatusMessage(.info, "Selection cleared.")
        } else {
            state.board.board = nil
            state.board.extraDays = 0
            state.status = nil
            return [.loadSchedules]
        }
    }
    return []
}

/// The schedule list's commands (the board before a schedule is open).
private func runScheduleList(_ state: inout AppState, _ command: BoardCommand) -> [Effect] {
    let count = state.board.schedules.count
    switch command {
    case .down, .up:
        state.board.list.move(by: command == .down ? 1 : -1, count: count, visible: state.board.rows - 1)
    case .open, .nextDay:
        guard let schedule = state.board.cursorSchedule else { return [] }
        state.board.opening = schedule.uid
        return [.loadBoard(schedule.uid)]
    case .new:
        state.board.form = BoardForm(title: "New schedule", purpose: .newSchedule, form: FormState([FormField("Name"), FormField("Client"), FormField("Studio")]))
    default:
        state.status = StatusMessage(.info, "Open a schedule first (Enter), or make one (n).")
    }
    return []
}

/// Moves the cursor to the next or previous show, across days.
private func moveCard(_ state: inout AppState, by delta: Int) {
    var day = state.board.day
    var card = state.board.card + delta
    let byDay = state.board.byDay
    while byDay.indices.contains(day), !byDay[day].indices.contains(card) {
        day += delta
        guard byDay.indices.contains(day) else { return }
        card = delta > 0 ? 0 : byDay[day].count - 1
    }
    guard byDay.indices.contains(day) else { return }
    state.board.day = day
    state.board.card = max(0, card)
}

private func boardShow(_ state: inout AppState, to action: String) -> BoardShow? {
    guard let show = state.board.cursorShow else {
        state.status = StatusMessage(.info, "Put the cursor on a show to \(action) it.")
        return nil
    }
    return show
}

/// Keys while a board form or picker is open; nil when neither is.
func boardModalKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if var form = state.board.form {
        switch form.step(key, submit: submitBoardForm) {
        case .cancelled: state.board.form = nil
        case .submitted(let effect):
            state.board.form = form
            return [effect]
        case .editing: state.board.form = form
        }
        return []
    }
    guard var picker = state.board.picker else { return nil }
    switch key {
    case .char("j"), .down: picker.list.move(by: 1, count: picker.items.count, visible: pickerRows(state))
    case .char("k"), .up: picker.list.move(by: -1, count: picker.items.count, visible: pickerRows(state))
    case .escape, .char("q"):
        state.board.picker = nil
        return []
    case .enter:
        state.board.picker = nil
        guard picker.items.indices.contains(picker.list.selected) else { return [] }
        switch picker.items[picker.list.selected] {
        case .slot(let show, let version, let interval, _):
            return [.editShow(show, ShowEdit(start: .instant(interval.start), end: .instant(interval.end)), version: version)]
        case .clash(let show, _):
            if let show, !state.board.select(show: show) { state.status = StatusMessage(.info, "That show is not on this board.") }
            return []
        }
    default: break
    }
    state.board.picker = picker
    return []
}

func pickerRows(_ state: AppState) -> Int { max(1, state.height - 8) }

private func submitBoardForm(_ form: BoardForm) throws -> Effect {
    let values = form.form
    switch form.purpose {
    case .newSchedule:
        let client = values["Client"].trimmingWhitespace()
        guard !client.isEmpty else { throw SlateError.invalidInput("Client: name the client") }
        let studio = values["Studio"].trimmingWhitespace()
        return .addSchedule(client: client, name: try TextInput.name(values["Name"]), studio: studio.isEmpty ? nil : studio)
    case .newShow(let schedule, let zone):
        if let problem = values.problems(in: LocalTime.cached(zone) ?? LocalTime(timeZone: .gmt)).first { throw SlateError.invalidInput(problem) }
        let room = values["Room"].trimmingWhitespace()
        let input = ShowInput(client: "", schedule: schedule, room: room.isEmpty ? nil : room, title: try TextInput.name(values["Title"], field: "title"),
                              start: .local(values["Start"]), end: .local(values["End"]), type: ShowType(rawValue: values["Type"]) ?? .bau,
                              standard: ShowStandard(rawValue: values["Standard"]) ?? .standard, talent: commaList(values["Talent"]),
                              platforms: commaList(values["Platforms"]))
        let repeats = values["Repeat"].trimmingWhitespace()
        return repeats.isEmpty ? .addShow(input) : .addShowSeries(input, try RecurrenceRule.parse(repeats))
    }
}

/// Body rows of the board: the screen less the top bar, a heading, the pane and the status line.
func boardRows(_ state: AppState) -> Int {
    max(1, state.height - Layout.chromeRows)
}
