import SlateCore
import SlateStore

/// What the directory's keys do.
public enum DirectoryCommand: Sendable, Equatable {
    case line(LineStep), previousTab, nextTab, open, filter, sort, reverse, new, edit, delete, log, comment, tags, match, book, clear
}

/// The directory's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let directoryKeys = Keymap<DirectoryCommand>(lineBindings { .line($0) } + [
    Binding([.char("h"), .left], "← → or h l", "previous / next list: talent, clients, rooms, equipment, platforms, studios, materials, jobs", hint: "h/l:list", .previousTab),
    Binding([.char("l"), .right], nil, "next list", .nextTab),
    Binding([.enter], "Enter", "open the record's card (fields, this week, coming up, communications, comments, tags, history); on a job, the talent matching it",
            hint: "Enter:card", .open),
    Binding([.char("/")], "/", "filter the list as you type (accents and case ignored; Esc clears)", hint: "/:filter", .filter),
    Binding([.char("s")], "s / S", "sort by the next column / reverse the order", hint: "s:sort", .sort),
    Binding([.char("S")], nil, "reverse the order", .reverse),
    Binding([.char("n")], "n", "new record of this list", hint: "n:new", .new),
    Binding([.char("e")], "e", "edit the record (only what changed is sent; stale edits are refused)", .edit),
    Binding([.char("d")], "d", "delete the record (asks; refused while live bookings or shows use it); on a job, close it", .delete),
    Binding([.char("c")], "c", "log a communication (call, note, email, message) about talent or a client", hint: "c:log", .log),
    Binding([.char("m")], "m", "comment on the record (@login mentions; a reply names its comment)", .comment),
    Binding([.char("t")], "t", "edit the record's tags", .tags),
    Binding([.char("M")], "M", "find talent: skills, styles, a window and a slot length; ranked", hint: "M:match", .match),
    Binding([.char("b")], "b", "book: the grid at the talent's, room's or equipment's row, the booking form open", hint: "b:book", .book),
    Binding([.escape], "Esc", "clear the filter and tag filter", .clear),
])

/// The directory (view 5).
enum DirectoryScreen: Screen {
    static var keymap: Keymap<DirectoryCommand> { directoryKeys }

    static func load(_ state: AppState) -> [Effect] { [.loadDirectory] }

    static func run(_ state: inout AppState, _ command: DirectoryCommand) -> [Effect] {
        var directory = state.directory
        defer { state.directory = directory }
        let row = directory.cursorRow
        switch command {
        case .line(let step):
            directory.list.step(step, count: directory.table.count, visible: directory.tableRows)
        case .previousTab, .nextTab:
            directory.tab = DirectoryTab.allCases.nth(directory.tab.rawValue + (command == .nextTab ? 1 : -1)) ?? .talent
        case .open:
            guard let row else { return [] }
            if directory.tab == .jobs { return [.matchJob(row.uid)] }
            return [.loadRecordCard(row.uid)]
        case .filter:
            state.mode = .search(directory.filter)
        case .sort:
            directory.sortColumn = (directory.sortColumn + 1) % directory.tab.columns.count
            state.status = StatusMessage(.info, "Sorted by \(directory.tab.columns[directory.sortColumn].title).")
        case .reverse:
            directory.descending.toggle()
        case .new:
            directory.form = .new(directory.tab)
        case .edit:
            guard let row, let loaded = directory.directory else { return [] }
            guard let form = DirectoryForm.edit(directory.tab, row.uid, in: loaded) else {
                state.status = StatusMessage(.info, "A job listing is filled (Enter, then b on a talent) or closed (d), not edited.")
                return []
            }
            directory.form = form
        case .delete:
            guard let row else { return [] }
            return askDelete(&state, row.uid, name: row.cells.first ?? row.uid, jobs: directory.tab == .jobs)
        case .log:
            guard let row, [.talent, .clients].contains(directory.tab) else {
                state.status = StatusMessage(.info, "Communications are about talent, clients or shows; put the cursor on talent or a client.")
                return []
            }
            directory.form = logForm(row.uid, name: row.cells.first ?? row.uid)
        case .comment:
            guard let row, directory.tab != .jobs else { return [] }
            directory.form = commentForm(row.uid, name: row.cells.first ?? row.uid)
        case .tags:
            guard let row, directory.tab != .jobs else { return [] }
            directory.form = tagsForm(row.uid, name: row.cells.first ?? row.uid, current: row.tags)
        case .match:
            directory.form = DirectoryForm(.match, [FormField("Skills"), FormField("Styles"), FormField("From", kind: .dateTime), FormField("To", kind: .dateTime),
                                                    FormField("For"), FormField("Studio")])
        case .book:
            guard let row, [.talent, .rooms, .equipment].contains(directory.tab) else {
                state.status = StatusMessage(.info, "b books talent, rooms and equipment.")
                return []
            }
            state.directory = directory
            return book(&state, row.uid, at: nil)
        case .clear:
            directory.filter = ""
            directory.tag = nil
            state.status = nil
        }
        return []
    }

    static func logForm(_ uid: String, name: String) -> DirectoryForm {
        DirectoryForm(.log(about: uid, name: name), [DirectoryForm.choice("Kind", "call", CommunicationKind.allCases.map(\.rawValue)), FormField("Subject"), FormField("Body")])
    }

    static func commentForm(_ uid: String, name: String) -> DirectoryForm {
        DirectoryForm(.comment(on: uid, name: name), [FormField("Comment"), FormField("Reply to")])
    }

    static func tagsForm(_ uid: String, name: String, current: [String]) -> DirectoryForm {
        DirectoryForm(.tags(on: uid, name: name, current: current), [FormField("Tags", current.joined(separator: ", "))])
    }

    static func askDelete(_ state: inout AppState, _ uid: String, name: String, jobs: Bool) -> [Effect] {
        if jobs {
            state.mode = .prompt(Prompt(question: "Close job listing \(name) without filling it?", onYes: [.directory(.delete(uid, version: nil))]))
        } else {
            let seen: Int? = state.directory.directory.flatMap { DirectoryScreen.version(of: uid, in: $0) }
            state.mode = .prompt(Prompt(question: "Delete \(name)? History is kept; it is refused while live bookings or shows use it.",
                                        onYes: [.directory(.delete(uid, version: seen))]))
        }
        return []
    }

    static func version(of uid: String, in directory: Directory) -> Int? {
        directory.talent.first { $0.uid == uid }?.version ?? directory.clients.first { $0.uid == uid }?.version
            ?? directory.rooms.first { $0.uid == uid }?.version ?? directory.equipment.first { $0.uid == uid }?.version
            ?? directory.studios.first { $0.uid == uid }?.version
    }

    /// Where to book a match: its first free slot of the length asked, else the whole window.
    static func slot(_ match: TalentMatchRow, _ results: DirectoryResults) -> Interval? {
        match.freeIntervals.first.map { Interval(start: $0.start, end: $0.start + (results.slotLength ?? $0.duration)) } ?? results.window
    }

    /// Opens the booking grid at a resource's row with the booking form, over `window` or
    /// the cursor's slot.
    static func book(_ state: inout AppState, _ uid: String, at window: Interval?) -> [Effect] {
        state.directory.panel = nil
        state.directory.openedFrom = nil
        state.view = .grid
        state.grid.filter = GridFilter()
        state.grid.cursorResource = uid
        keepCursorVisible(&state)
        var effects = goTo(&state, window?.start ?? state.now)
        guard let resource = state.grid.allResources.first(where: { $0.uid == uid }) else {
            state.status = StatusMessage(.info, "Press n for a booking form on this row.")
            return effects
        }
        let zone = state.grid.zone(of: resource)
        let span = window ?? state.grid.slotInterval(state.grid.cursorSlot)
        state.mode = .form(BookingForm(resource: uid, start: zone.format(span.start), end: zone.format(span.end), zone: resource.zone))
        effects.append(.loadWindow(state.grid.period))
        return effects
    }
}

/// Keys while the directory's form, card or results are open; nil when none is.
func directoryModalKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if var form = state.directory.form {
        switch form.step(key, submit: { try $0.submission() }) {
        case .cancelled:
            state.directory.form = nil
        case .submitted(let effect):
            state.directory.form = form
            return [effect]
        case .editing:
            state.directory.form = form
        }
        return []
    }
    switch state.directory.panel {
    case .card(let card, let scroll)?:
        guard let command = directoryCardKeys.command(for: key) else { return globalKeys.command(for: key) == nil ? [] : nil }
        return cardCommand(&state, card, scroll: scroll, command)
    case .results(var results)?:
        guard let command = directoryResultsKeys.command(for: key) else { return globalKeys.command(for: key) == nil ? [] : nil }
        switch command {
        case .close:
            state.directory.panel = nil
        case .line(let step):
            results.list.step(step, count: results.items.count, visible: state.directory.tableRows)
            state.directory.panel = .results(results)
        case .open:
            switch results.cursor {
            case .hit(let hit)?: return openHit(&state, hit)
            case .match(let match)?: return [.loadRecordCard(match.uid)]
            default: break
            }
        case .book:
            guard case .match(let match)? = results.cursor else { return [] }
            return bookMatch(&state, match, results)
        default:
            break
        }
        return []
    case nil:
        return nil
    }
}

/// What the keys over a card or a list of results do.
public enum DirectoryPanelCommand: Sendable, Equatable {
    case line(LineStep), open, edit, book, log, comment, tags, delete, close
}

/// The keys over a record's card in the directory.
public let directoryCardKeys = Keymap<DirectoryPanelCommand>([
    Binding([.char("j"), .down], "↑ ↓ or k j", "scroll the card", .line(.down)),
    Binding([.char("k"), .up], nil, "scroll up", .line(.up)),
    Binding([.char("e")], "e", "edit the record", .edit),
    Binding([.char("b")], "b", "book talent, a room or equipment: the grid at its row, the form open (at the match's slot when opened from a match)", .book),
    Binding([.char("c")], "c", "log a communication about talent or a client", .log),
    Binding([.char("m")], "m", "comment (a reply names its comment)", .comment),
    Binding([.char("t")], "t", "edit the tags", .tags),
    Binding([.char("d")], "d", "delete the record (asks)", .delete),
    Binding([.escape, .char("q")], "Esc", "close the card (back to the results it was opened from)", .close),
])

/// The keys over match or search results in the directory.
public let directoryResultsKeys = Keymap<DirectoryPanelCommand>(lineBindings { .line($0) } + [
    Binding([.enter], "Enter", "open the card (a show's card for a show; a hit's record)", .open),
    Binding([.char("b")], "b", "book the talent at their first free slot, or fill the job the matches are for (asks)", .book),
    Binding([.escape, .char("q")], "Esc", "close the results", .close),
])

/// `b` on a match: fill the job the matches are for (asking first), else book the talent
/// at their first free slot.
private func bookMatch(_ state: inout AppState, _ match: TalentMatchRow, _ results: DirectoryResults) -> [Effect] {
    if let job = results.job {
        state.mode = .prompt(Prompt(question: "Fill the job listing with \(match.name)? It books them over its dates (clash-checked).",
                                    onYes: [.directory(.fillJob(job, talent: match.uid))]))
        return []
    }
    return DirectoryScreen.book(&state, match.uid, at: DirectoryScreen.slot(match, results))
}

private func cardCommand(_ state: inout AppState, _ card: RecordCard, scroll: Int, _ command: DirectoryPanelCommand) -> [Effect] {
    switch command {
    case .close:
        state.directory.panel = state.directory.openedFrom.map { .results($0) }
        state.directory.openedFrom = nil
    case .line(let step):
        state.directory.panel = .card(card, scroll: max(0, scroll + (step == .down ? 1 : -1)))
    case .edit:
        guard let tab = DirectoryState.tab(of: card.uid), let loaded = state.directory.directory, let form = DirectoryForm.edit(tab, card.uid, in: loaded) else { return [] }
        state.directory.form = form
    case .log:
        guard ["talent", "client"].contains(card.kind) else {
            state.status = StatusMessage(.info, "Communications are about talent, clients or shows.")
            return []
        }
        state.directory.form = DirectoryScreen.logForm(card.uid, name: card.title)
    case .comment:
        state.directory.form = DirectoryScreen.commentForm(card.uid, name: card.title)
    case .tags:
        state.directory.form = DirectoryScreen.tagsForm(card.uid, name: card.title, current: card.tags)
    case .book:
        guard !card.week.isEmpty else {
            state.status = StatusMessage(.info, "b books talent, rooms and equipment.")
            return []
        }
        // Opened from a match: as b on the result does.
        if let results = state.directory.openedFrom, let match = results.items.lazy.compactMap({ item -> TalentMatchRow? in
            if case .match(let match) = item, match.uid == card.uid { return match }
            return nil
        }).first {
            return bookMatch(&state, match, results)
        }
        return DirectoryScreen.book(&state, card.uid, at: nil)
    case .delete:
        return DirectoryScreen.askDelete(&state, card.uid, name: card.title, jobs: false)
    case .open:
        break
    }
    return []
}

/// Opens what a search hit is about: a directory card, or a show's card.
func openHit(_ state: inout AppState, _ hit: SearchHit) -> [Effect] {
    let target = hit.target
    if DirectoryState.tab(of: target) != nil { return [.loadRecordCard(target)] }
    if PublicID.table(ofUID: target) == "shows" {
        state.directory.panel = nil
        return [.loadCard(target, edit: false)]
    }
    state.status = StatusMessage(.info, "\(hit.uid) is about \(target).")
    return []
}

/// `:search TEXT` results: grouped by kind, names first.
func searchResults(_ text: String, _ hits: [SearchHit]) -> DirectoryResults {
    var items: [DirectoryResults.Item] = []
    for kind in SearchHit.Kind.allCases {
        let group = hits.filter { $0.kind == kind }
        guard !group.isEmpty else { continue }
        items.append(.heading("\(kind.heading) (\(group.count))"))
        items += group.map(DirectoryResults.Item.hit)
    }
    if items.isEmpty { items = [.heading("Nothing found for “\(text)”.")] }
    return DirectoryResults(title: "Search: \(text) · Enter opens · Esc closes", items: items)
}

extension SearchHit.Kind {
    var heading: String {
        switch self {
        case .talent: "Talent"
        case .client: "Clients"
        case .room: "Rooms"
        case .equipment: "Equipment"
        case .platform: "Platforms"
        case .show: "Shows"
        case .communication: "Communications"
        case .comment: "Comments"
        }
    }
}
