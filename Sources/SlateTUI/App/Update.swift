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
    case timelineLoaded([ProjectSchedule])
    /// What a phase edit under way would do (a dry run).
    case phasePreviewed(String)
    /// A cascade's plan, to apply on y.
    case cascadePlanned(question: String, detail: String, apply: Effect)
    /// Tasks of a grouping, and how many there are in all when that is more.
    case tasksLoaded([TaskSummary], TaskGrouping, total: Int? = nil)
    case templatesLoaded([TemplateItemSummary])
    /// A show could not move on: the message and the tasks that block it.
    case showBlocked(String, tasks: [String])
    case schedulesLoaded([ScheduleSummary])
    /// A record was added that the board should open (a schedule) or put its cursor on (a show).
    case added(schedule: String?, show: String?)
    case boardLoaded(Board)
    /// Free times for a show of the board, nearest first.
    case slotsSuggested(show: String, version: Int, [SlotSuggestion])
    /// What confirming a schedule would do, or every clash that refuses it.
    case confirmationPlanned(ConfirmationPlan)
    /// A show's card; with `edit` its edit form opens at once.
    case cardLoaded(ShowCard, edit: Bool)
    case dashboardLoaded(Dashboard)
    case directoryLoaded(Directory)
    case recordCardLoaded(RecordCard)
    /// Search hits or talent matches to list in the directory.
    case resultsLoaded(DirectoryResults)
    case invoiceLoaded(InvoiceDocument)
    /// The records carrying a tag (`:filter tag=…` outside the grid and the directory).
    case taggedLoaded(String, Set<String>)
}

/// Work for the runtime: reads and commands through the domain library, and terminal chores.
public enum Effect: Equatable, Sendable {
    case loadResources
    case loadWindow(Interval)
    case place(resource: String, interval: Interval, status: BookingStatus, show: String?, note: String, orHold: Bool)
    /// A booking typed in the form: the times are read in the resource's studio zone by
    /// the domain library, exactly as `slate book` reads them.
    case placeTyped(resource: String, start: String, end: String, status: BookingStatus, show: String?, note: String)
    /// A repeating booking or hold typed in the form (rule 14); with `skipClashes` the free
    /// occurrences are placed and the clashing ones skipped.
    case placeSeries(resource: String, start: String, end: String, status: BookingStatus, show: String?, note: String, rule: RecurrenceRule, skipClashes: Bool)
    /// A repeating show: a draft for every day of the series.
    case addShowSeries(ShowInput, RecurrenceRule)
    case confirm(String, version: Int, force: String?)
    case release(String, version: Int)
    case cancel(String, version: Int)
    /// Cancel the show a booking belongs to (with all its bookings).
    case cancelShow(booking: String, version: Int)
    /// Cancel occurrences of a series (rule 14).
    case cancelSeries(String, SeriesScope)
    /// Move occurrences of a series to a time of day and length.
    case retimeSeries(String, SeriesScope, at: String, minutes: Int)
    case challenge(String, version: Int)
    case move(String, Interval, version: Int, plan: Bool)
    case loadHistory(String)
    case loadTimeline
    /// A phase edit; with `plan` a dry run for the live preview.
    case editPhase(String, [PhaseEdit], cascade: Bool, version: Int?, plan: Bool)
    /// Plan a cascade and ask before applying it.
    case askCascade(String, [PhaseEdit], version: Int?)
    case addPhase(project: String, name: String, timing: PhaseTiming, after: String?)
    case addDependency(predecessor: String, successor: String, kind: DependencyKind, lag: Int)
    case assignPhase(String, resource: String, hold: Bool)
    case loadTasks(TaskGrouping)
    case completeTask(String, value: String?, version: Int)
    case reopenTask(String, version: Int)
    case setTaskValue(String, value: String, version: Int)
    case assignTask(String, login: String?)
    case setTaskStatus(String, TaskStatus, reason: String, version: Int)
    case setShowStatus(String, ShowStatus)
    case loadTemplates
    case addTemplate(String)
    case addTemplateItem(template: String, Session.TemplateItemInput)
    case editTemplateItem(String, Session.TemplateItemInput, version: Int?)
    case deleteTemplateItem(String)
    case setTemplateActive(String, Bool)
    case loadSchedules
    case loadBoard(String)
    case addSchedule(client: String, name: String, studio: String?)
    case addShow(ShowInput)
    /// Edit a show as one command (times, room, cast, platforms, materials, fields).
    case editShow(String, ShowEdit, version: Int?)
    case copyShow(String, day: String)
    case deleteShow(String, version: Int)
    case shiftShows([String], days: Int, minutes: Int)
    case suggestSlots(show: String, version: Int)
    case setScheduleStatus(String, ScheduleStatus)
    /// Plan a schedule's confirmation and ask before applying it.
    case planConfirmation(String)
    case loadCard(String, edit: Bool)
    case loadDashboard
    case loadInvoice(String)
    case loadDirectory
    case loadTagged(String)
    case loadRecordCard(String)
    case search(String)
    case matchTalent(TalentQuery)
    case matchJob(String)
    case directory(DirectoryWrite)
    /// Writes made one after the other (a tag list edited: some taken off, some added).
    case directoryBatch([DirectoryWrite])
    case undo
    case redo
    case setTheme(String)
    case redraw
    case quit
}

/// The command names the `:` line completes.
public let commandNames = ["complete", "filter", "goto", "help", "live", "log", "messages", "quit", "redo", "search", "theme", "today", "undo", "zoom"]

/// The Elm-style update: a new state and the effects to run. Pure: no I/O, no clock.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resized(let width, let height):
        state.width = width
        state.height = height
        state.grid.rows = gridRows(state)
        state.timeline.rows = timelineRows(state)
        state.tasks.rows = tasksRows(state)
        state.tasks.list.clamp(count: state.tasks.lines.count, visible: state.tasks.rows)
        state.board.rows = boardRows(state)
        state.dashboard.rows = max(1, height - Layout.chromeRows)
        state.dashboard.list.clamp(count: state.dashboard.lines.count, visible: state.dashboard.rows)
        state.directory.rows = max(1, height - Layout.chromeRows)
        state.directory.list.clamp(count: state.directory.table.count, visible: state.directory.tableRows)
        state.timeline.list.clamp(count: state.timeline.lines.count, visible: state.timeline.rows)
        keepCursorVisible(&state)
        return state.grid.needsWindow && !state.grid.allResources.isEmpty ? [.redraw, .loadWindow(state.grid.period)] : [.redraw]
    case .tick(let now):
        state.now = now
        // What is live and what is overdue move with the clock.
        return state.view == .dashboard && now - state.dashboard.loadedAt >= 60 ? [.loadDashboard] : []
    case .started:
        return BookingGridScreen.load(state)
    case .resourcesLoaded(let resources):
        state.grid.allResources = resources
        state.grid.zonesInPlay = LocalTime.severalZones(resources.map(\.zone) + [state.zone.timeZone.identifier])
        state.tasks.severalZones = state.grid.zonesInPlay
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
        return reloads(state)
    case .succeeded(let message, let warnings):
        if case .move = state.mode { state.mode = .normal }
        state.grid.pendingForm = nil
        state.timeline.edit = nil
        state.tasks.form = nil
        state.board.form = nil
        state.showForm = nil
        state.directory.form = nil
        state.status = warnings.isEmpty ? StatusMessage(.ok, message) : StatusMessage(.warning, message + " — " + warnings.joined(separator: "; "))
        return reloads(state)
    case .timelineLoaded(let projects):
        let key = state.timeline.cursorKey
        state.timeline.projects = projects
        state.timeline.loaded = true
        state.timeline.restore(key)
        return []
    case .phasePreviewed(let feedback):
        if case .move(var draft) = state.timeline.edit {
            draft.feedback = feedback
            state.timeline.edit = .move(draft)
        }
        return []
    case .tasksLoaded(let tasks, let grouping, let total):
        guard grouping == state.tasks.grouping else { return [] }
        let key = state.tasks.cursorTask?.uid
        state.tasks.tasks = tasks
        state.tasks.total = total
        state.tasks.loaded = true
        if let focus = state.tasks.focusTask, state.tasks.select(task: focus) {
            state.tasks.focusTask = nil
        } else if let key {
            _ = state.tasks.select(task: key)
        }
        return []
    case .templatesLoaded(let items):
        state.tasks.editor?.items = items
        if var editor = state.tasks.editor {
            editor.list.clamp(count: items.count, visible: state.tasks.rows)
            state.tasks.editor = editor
        }
        return []
    case .showBlocked(let message, let blocking):
        state.status = StatusMessage(.error, message)
        // The cursor goes to the first blocking task, in the show's checklist.
        guard let first = blocking.first else { return [] }
        state.view = .tasks
        if state.tasks.select(task: first) { return [] }
        state.tasks.focusTask = first
        state.tasks.grouping = .byShow
        return [.loadTasks(.byShow)]
    case .schedulesLoaded(let schedules):
        state.board.schedules = schedules
        state.board.loaded = true
        state.board.list.clamp(count: schedules.count, visible: state.board.rows - 1)
        // A schedule just made opens on the board.
        if let opening = state.board.opening, state.board.board == nil, schedules.contains(where: { $0.uid == opening }) { return [.loadBoard(opening)] }
        return []
    case .added(let schedule, let show):
        state.board.opening = schedule ?? state.board.opening
        state.board.focusShow = show
        return []
    case .boardLoaded(let board):
        let cursor = state.board.cursorShow?.uid
        let same = state.board.board?.schedule.uid == board.schedule.uid
        if !same {
            state.board.day = 0
            state.board.card = 0
            state.board.extraDays = 0
            state.board.selection = []
        }
        state.board.board = board
        state.board.opening = nil
        state.board.selection = state.board.selection.filter { uid in board.shows.contains { $0.uid == uid } }
        if let focus = state.board.focusShow ?? cursor { state.board.select(show: focus) }
        state.board.focusShow = nil
        return []
    case .slotsSuggested(let show, let version, let slots):
        guard !slots.isEmpty else {
            state.status = StatusMessage(.warning, "No free time within a week either side where its room and cast are all free inside opening hours.")
            return []
        }
        state.board.picker = BoardPicker(title: "Free times, nearest first · Enter moves the show there", items: slots.map {
            .slot(show: show, version: version, interval: Interval(start: $0.start.epoch, end: $0.end.epoch),
                  label: $0.start.span(to: $0.end))
        })
        return []
    case .confirmationPlanned(let plan):
        if plan.refused {
            state.board.picker = BoardPicker(title: "Refused: \(Plural.count(plan.clashes.count, "clash")), nothing written · Enter goes to the show",
                                             items: plan.clashes.map { .clash(show: $0.subjectUID, label: $0.message) })
            state.status = StatusMessage(.error, "Confirming \(plan.name) is refused: \(Plural.count(plan.clashes.count, "clash")); fix them and try again.")
            return []
        }
        state.mode = .prompt(Prompt(question: "Confirm \(plan.name): \(Plural.count(plan.shows.count, "show")), \(Plural.count(plan.bookings.count, "booking")), \(Plural.count(plan.tasks, "task")), \(Plural.count(plan.holds.count, "hold change"))?",
                                    detail: plan.lines.joined(separator: "\n"), onYes: [.setScheduleStatus(plan.schedule, .confirmed)]))
        return []
    case .cardLoaded(let card, let edit):
        if edit {
            state.showForm = ShowForm(card)
        } else if state.showCard?.card.uid == card.uid {
            state.showCard?.card = card
        } else {
            state.showCard = ShowCardPanel(card: card)
        }
        return []
    case .invoiceLoaded(let document):
        state.mode = .overlay(title: "Invoice \(document.invoice.number)", lines: document.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        return []
    case .directoryLoaded(let directory):
        state.directory.directory = directory
        if let focus = state.directory.focus, state.directory.select(focus) { state.directory.focus = nil }
        return []
    case .recordCardLoaded(let card):
        if case .card(let open, let scroll)? = state.directory.panel, open.uid == card.uid {
            state.directory.panel = .card(card, scroll: scroll)
        } else {
            if case .results(let results)? = state.directory.panel { state.directory.openedFrom = results }
            state.directory.panel = .card(card, scroll: 0)
            state.directory.select(card.uid)
        }
        return []
    case .resultsLoaded(let results):
        state.view = .directory
        state.directory.form = nil
        state.directory.panel = .results(results)
        return state.directory.loaded ? [] : [.loadDirectory]
    case .taggedLoaded(let tag, let uids):
        state.filterByTag(uids)
        state.status = StatusMessage(.info, "Showing what is tagged \(tag) (\(Plural.count(uids.count, "record"))) in the timeline, the board, the tasks and the dashboard; :filter clears it.")
        return []
    case .dashboardLoaded(let dashboard):
        state.dashboard.dashboard = dashboard
        state.dashboard.loadedAt = state.now
        return []
    case .cascadePlanned(let question, let detail, let apply):
        state.mode = .prompt(Prompt(question: question, detail: detail, onYes: [apply]))
        return []
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

/// What to load again after a change: the grid's resources, and the timeline once opened.
func reloads(_ state: AppState) -> [Effect] {
    [.loadResources] + (state.timeline.loaded ? [.loadTimeline] : []) + (state.tasks.loaded ? [.loadTasks(state.tasks.grouping)] : [])
        + (state.tasks.editor != nil ? [.loadTemplates] : []) + (state.board.loaded ? [.loadSchedules] : [])
        + (state.board.board.map { [.loadBoard($0.schedule.uid)] } ?? []) + (state.showCard.map { [.loadCard($0.card.uid, edit: false)] } ?? [])
        + (state.dashboard.loaded ? [.loadDashboard] : []) + (state.directory.loaded ? [.loadDirectory] : [])
        + (state.directory.cardUID.map { [.loadRecordCard($0)] } ?? [])
}

func failed(_ state: inout AppState, _ error: SlateError) -> [Effect] {
    let text = error.description.replacingOccurrences(of: "\n", with: " ")
    state.timeline.edit = nil
    // A refused form stays open, saying why.
    if var form = state.tasks.form {
        form.problem = text
        state.tasks.form = form
        return []
    }
    if var form = state.showForm {
        form.problem = text
        state.showForm = form
        return []
    }
    if var form = state.board.form {
        form.problem = text
        state.board.form = form
        return []
    }
    if var form = state.directory.form {
        form.problem = text
        state.directory.form = form
        return []
    }
    let form = state.grid.pendingForm
    state.grid.pendingForm = nil
    if case .refused(_, let offer?) = error {
        state.mode = .prompt(Prompt(question: "Place it as \(HoldQueue.withArticle(offer.rank)) hold instead?", detail: text,
                                    onYes: [.place(resource: offer.resourceUID, interval: offer.interval, status: .hold, show: nil, note: "", orHold: false)]))
        return []
    }
    state.status = StatusMessage(.error, text)
    if let form { state.mode = .form(form) }
    return []
}

func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
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
        if case .char(let c) = key, let choice = prompt.choices.first(where: { $0.key == c }) { return choice.effects }
        if prompt.choices.isEmpty, key == .char("y") || key == .char("Y") { return prompt.onYes }
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
func normalKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if state.view == .timeline, state.timeline.edit != nil { return timelineEditKey(&state, key) }
    if let effects = showCardKey(&state, key) { return effects }
    if state.view == .tasks, let effects = tasksModalKey(&state, key) { return effects }
    if state.view == .drafts, let effects = boardModalKey(&state, key) { return effects }
    if state.view == .directory, let effects = directoryModalKey(&state, key) { return effects }
    if let command = globalKeys.command(for: key) { return run(&state, command, key) }
    return screenKey(&state, key)
}

func run(_ state: inout AppState, _ command: GlobalCommand, _ key: Key) -> [Effect] {
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
        let views = ViewID.available
        let index = views.firstIndex(of: state.view) ?? 0
        return show(&state, views.nth(index + (command == .nextView ? 1 : -1)) ?? .grid)
    case .view:
        guard case .char(let c) = key, let number = c.wholeNumberValue else { return [] }
        if let view = ViewID(rawValue: number) { return show(&state, view) }
    }
    return []
}

/// Makes `view` the active view, loading what it shows the first time.
func show(_ state: inout AppState, _ view: ViewID) -> [Effect] {
    state.view = view
    state.status = nil
    switch view {
    case .timeline where !state.timeline.loaded: return TimelineScreen.load(state)
    case .tasks where !state.tasks.loaded: return TasksScreen.load(state)
    case .drafts where !state.board.loaded: return BoardScreen.load(state)
    case .dashboard: return DashboardScreen.load(state)
    case .directory where !state.directory.loaded: return DirectoryScreen.load(state)
    default: return []
    }
}


func editLine(_ state: inout AppState, _ text: String, _ key: Key, search: Bool) -> [Effect] {
    var text = text
    switch key {
    case .escape:
        state.mode = .normal
        if search, state.view == .directory {
            state.directory.filter = ""
        } else if search {
            state.grid.filter.search = ""
            keepCursorVisible(&state)
        }
        return []
    case .enter:
        state.mode = .normal
        return search ? [] : runCommand(&state, text)
    case .tab where !search:
        let matches = commandNames.filter { $0.hasPrefix(text) }
        if matches.count == 1, let only = matches.first { text = only + " " }
        else if !matches.isEmpty { state.status = StatusMessage(.info, matches.joined(separator: "  ")) }
        else { state.status = StatusMessage(.info, "No command starts with '\(text)'; commands: \(commandNames.joined(separator: " "))") }
    default:
        guard LineEdit.apply(key, to: &text) else { return [] }
    }
    if search, state.view == .directory {
        state.directory.filter = text
        state.mode = .search(text)
    } else if search {
        state.grid.filter.search = text
        keepCursorVisible(&state)
        state.mode = .search(text)
    } else {
        state.mode = .command(text)
    }
    return []
}

/// Runs a `:` command line.
func runCommand(_ state: inout AppState, _ line: String) -> [Effect] {
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
    case "search":
        guard !rest.isEmpty else {
            state.status = StatusMessage(.info, "Use :search TEXT: names, communications and comments (accents and case ignored).")
            return []
        }
        return [.search(rest.joined(separator: " "))]
    case "live", "complete":
        // The show under the cursor, in any view that has one: refused, the blocking tasks are named and shown.
        let show = state.view == .tasks ? state.tasks.cursorShow?.uid : state.view == .grid ? state.grid.pickedBooking?.showUID : nil
        guard let show else {
            state.status = StatusMessage(.info, "Put the cursor on a show's booking (grid) or one of its tasks, then :\(name).")
            return []
        }
        return [.setShowStatus(show, name == "live" ? .live : .completed)]
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
    case "filter" where [.tasks, .drafts, .timeline, .dashboard].contains(state.view):
        let terms = filterTerms(rest)
        guard let term = terms.last, terms.count == 1, term.hasPrefix("tag="), term.count > 4 else {
            guard terms.isEmpty else {
                state.status = StatusMessage(.error, "Here use :filter tag=TAG (or :filter to clear); / filters by text.")
                return []
            }
            state.filterByTag(nil)
            state.status = StatusMessage(.info, "Tag filter cleared.")
            return []
        }
        return [.loadTagged(String(term.dropFirst(4)))]
    case "filter" where state.view == .directory:
        let terms = filterTerms(rest)
        guard terms.allSatisfy({ $0.hasPrefix("tag=") }) else {
            state.status = StatusMessage(.error, "In the directory use :filter tag=TAG (or :filter to clear); / filters by text.")
            return []
        }
        state.directory.tag = terms.last.map { String($0.dropFirst(4)) }
        state.status = StatusMessage(.info, state.directory.tag.map { "Showing \(state.directory.tab.title.lowercased()) tagged \($0) (\(state.directory.table.count))." } ?? "Filter cleared.")
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
