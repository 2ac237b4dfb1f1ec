import SlateCore

/// What the draft board's keys do.
public enum BoardCommand: Sendable, Equatable {
    case down, up, previousDay, nextDay, open, new, edit, copy, paste, delete, select, dayEarlier, dayLater, earlier, later,
         suggest, propose, sendBack, confirm, archive, cancelSchedule, clashes, back
}

/// The draft board's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let boardKeys = Keymap<BoardCommand>([
    Binding([.char("j"), .down], "↑ ↓ or k j", "previous / next show (on the list: schedule)", .down),
    Binding([.char("k"), .up], nil, "previous show", .up),
    Binding([.char("h"), .left], "← → or h l", "previous / next day", .previousDay),
    Binding([.char("l"), .right], nil, "next day", .nextDay),
    Binding([.enter], "Enter", "open the schedule (on the list), or the show's card", hint: "Enter:open", .open),
    Binding([.char("n")], "n", "new draft on the cursor's day (on the list: new schedule)", hint: "n:new", .new),
    Binding([.char("e")], "e", "edit the show: times, room, cast, equipment, platforms, materials, type", .edit),
    Binding([.char("y")], "y", "copy the show", .copy),
    Binding([.char("p")], "p", "paste the copied show to the cursor's day (a new draft, same time)", .paste),
    Binding([.char("d")], "d", "delete the draft (asks)", .delete),
    Binding([.char(" ")], "Space", "select the show, or leave it (moves act on the selection)", .select),
    Binding([.char("H")], "H / L", "move the selected shows (or the show) a day earlier / later", .dayEarlier),
    Binding([.char("L")], nil, "a day later", .dayLater),
    Binding([.char("K")], "K / J", "move them 30 minutes earlier / later", .earlier),
    Binding([.char("J")], nil, "30 minutes later", .later),
    Binding([.char("s")], "s", "suggest free times for the draft (its room and cast free, opening hours); Enter moves it", hint: "s:suggest", .suggest),
    Binding([.char("c")], "c", "list every clash of the schedule; Enter goes to the show", .clashes),
    Binding([.char("P")], "P", "propose the schedule to the client", hint: "P:propose", .propose),
    Binding([.char("B")], "B", "send a proposed schedule back to draft", .sendBack),
    Binding([.char("C")], "C", "confirm: the plan first (shows, bookings, tasks, holds), then all or nothing", hint: "C:confirm", .confirm),
    Binding([.char("a")], "a", "archive a confirmed schedule", .archive),
    Binding([.char("X")], "X", "cancel the schedule and its drafts (asks)", .cancelSchedule),
    Binding([.escape], "Esc", "clear the selection, else back to the schedule list", .back),
])
