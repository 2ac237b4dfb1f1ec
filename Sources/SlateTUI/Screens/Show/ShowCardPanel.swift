import SlateCore
import SlateStore

/// A show's card, open over any view (`Enter` on a show in the grid, the board or the
/// task view): everything about the show, and its edits as one unit.
public struct ShowCardPanel: Equatable, Sendable {
    public var card: ShowCard
    public var scroll = 0
}

/// The show edit form: every field of the show at once; saving sends only what changed,
/// as one command (one undo step).
public struct ShowForm: Equatable, Sendable, ScreenForm {
    public var original: ShowCard
    public var form: FormState
    public var problem = ""

    public init(_ card: ShowCard) {
        original = card
        let types = ShowType.allCases.map(\.rawValue)
        let standards = ShowStandard.allCases.map(\.rawValue)
        form = FormState([
            FormField("Title", card.title),
            FormField("Start", card.start.typed, kind: .dateTime),
            FormField("End", card.end.typed, kind: .dateTime),
            FormField("Room", card.room ?? ""),
            FormField("Talent", card.talent.map(\.name).joined(separator: ", ")),
            FormField("Equipment", card.equipment.map(\.name).joined(separator: ", ")),
            FormField("Platforms", card.platforms.map(\.name).joined(separator: ", ")),
            FormField("Materials", card.materials.map(\.title).joined(separator: ", ")),
            FormField("Type", card.type.rawValue, kind: .choice(types, shown: types)),
            FormField("Standard", card.standard.rawValue, kind: .choice(standards, shown: standards)),
            FormField("Notes", card.notes),
        ])
    }

    var zone: LocalTime { LocalTime.cached(original.zone) ?? LocalTime(timeZone: .gmt) }

    /// The edit the form asks for: only the fields that differ from the card.
    func edit() throws -> ShowEdit {
        if let problem = form.problems(in: zone).first { throw SlateError.invalidInput(problem) }
        let values = form
        var edit = ShowEdit()
        if values["Title"] != original.title { edit.title = values["Title"] }
        if values["Start"] != original.start.typed || values["End"] != original.end.typed {
            edit.start = .local(values["Start"])
            edit.end = .local(values["End"])
        }
        if values["Room"].trimmingWhitespace() != (original.room ?? "") { edit.room = values["Room"].trimmingWhitespace() }
        let talent = commaList(values["Talent"])
        if talent != original.talent.map(\.name) { edit.talent = talent }
        let equipment = commaList(values["Equipment"])
        if equipment != original.equipment.map(\.name) { edit.equipment = equipment }
        let platforms = commaList(values["Platforms"])
        if platforms != original.platforms.map(\.name) { edit.platforms = platforms }
        let materials = commaList(values["Materials"])
        if materials != original.materials.map(\.title) { edit.materials = materials }
        if values["Type"] != original.type.rawValue { edit.type = ShowType(rawValue: values["Type"]) }
        if values["Standard"] != original.standard.rawValue { edit.standard = ShowStandard(rawValue: values["Standard"]) }
        if values["Notes"] != original.notes { edit.notes = values["Notes"] }
        guard edit != ShowEdit() else { throw SlateError.invalidInput("nothing changed (Esc closes)") }
        return edit
    }
}

/// Names typed with commas between them.
func commaList(_ text: String) -> [String] {
    text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
}

/// What the card's keys do.
public enum ShowCardCommand: Sendable, Equatable {
    case down, up, edit, confirm, advance, cancelShow, close
}

/// The show card's keys (over any view).
public let showCardKeys = Keymap<ShowCardCommand>([
    Binding([.char("j"), .down], "↑ ↓ or k j", "scroll the card", .down),
    Binding([.char("k"), .up], nil, "scroll up", .up),
    Binding([.char("e")], "e", "edit the show as a unit: times, room, cast, equipment, platforms, materials, type, notes", .edit),
    Binding([.char("C")], "C", "confirm a draft show: book its room and cast, add its tasks", .confirm),
    Binding([.char("L")], "L", "its next step (live, completed); the blocking tasks are named and reachable", .advance),
    Binding([.char("X")], "X", "cancel the show and release its bookings (asks)", .cancelShow),
    Binding([.escape, .char("q")], "Esc", "close the card", .close),
])

/// Keys while a show card or its form is open; nil when neither is.
func showCardKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if var form = state.showForm {
        switch form.step(key, submit: { try $0.edit() }) {
        case .cancelled:
            state.showForm = nil
        case .submitted(let edit):
            state.showForm = form
            return [.editShow(form.original.uid, edit, version: form.original.version)]
        case .editing:
            state.showForm = form
        }
        return []
    }
    guard var panel = state.showCard else { return nil }
    // The shell's keys (undo, views, quit) still work over the card.
    guard let command = showCardKeys.command(for: key) else { return globalKeys.command(for: key) == nil ? [] : nil }
    let card = panel.card
    switch command {
    case .down, .up:
        panel.scroll = max(0, panel.scroll + (command == .down ? 1 : -1))
        state.showCard = panel
    case .edit:
        state.showForm = ShowForm(card)
    case .confirm:
        guard card.status == .draft else {
            state.status = StatusMessage(.info, "\(card.title) is \(card.status.rawValue); C confirms drafts.")
            return []
        }
        state.mode = .prompt(Prompt(question: "Confirm \(card.title): book its room and cast and add its tasks?", onYes: [.setShowStatus(card.uid, .confirmed)]))
    case .advance:
        guard let next = card.nextStep else {
            state.status = StatusMessage(.info, "\(card.title) is \(card.status.rawValue); L moves confirmed shows to live and live ones to completed.")
            return []
        }
        state.showCard = nil
        state.mode = .prompt(Prompt(question: "Mark \(card.title) \(next.rawValue)?", onYes: [.setShowStatus(card.uid, next)]))
    case .cancelShow:
        state.mode = .prompt(Prompt(question: "Cancel \(card.title) and release its bookings?", onYes: [.setShowStatus(card.uid, .cancelled)]))
    case .close:
        state.showCard = nil
    }
    return []
}

func drawShowCard(_ canvas: inout Canvas, _ state: AppState) {
    if let form = state.showForm {
        var lines = form.form.lines(unicode: state.unicode)
        lines += ["", "Times are \(form.zone.placeName) time; Talent, Equipment, Platforms, Materials: names with commas between",
                  "(the whole list; a name left out is taken off the show)"]
        if !form.problem.isEmpty { lines += ["", form.problem] }
        lines.append("↑↓ field · Space toggles a choice · Enter saves as one change · Esc cancels")
        box(&canvas, state, title: "Edit \(form.original.title)", lines: lines)
    } else if let panel = state.showCard {
        let keys = "e edit · C confirm · L next step · X cancel · Esc close"
        box(&canvas, state, title: "Show · \(keys)", lines: panel.card.lines, scroll: panel.scroll)
    }
}
