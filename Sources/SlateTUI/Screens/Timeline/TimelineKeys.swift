import SlateCore

/// What the timeline's keys do.
public enum TimelineCommand: Sendable, Equatable {
    case line(LineStep), left, right, previousPage, nextPage, today, zoomIn, zoomOut, toggle
    case move, cascadeMove, shorten, lengthen, new, edit, dependency, progress, critical, assign, cancel

    /// Moves the cursor or folds a project: what picking a predecessor allows.
    var picksAPhase: Bool {
        if case .line = self { return true }
        return self == .toggle
    }
}

/// The timeline's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let timelineKeys = Keymap<TimelineCommand>(lineBindings { .line($0) } + [
    Binding([.char("h"), .left], "← → or h l", "scroll the time axis", .left),
    Binding([.char("l"), .right], nil, "scroll right", .right),
    Binding([.char("H")], "H / L", "previous / next screen of time", .previousPage),
    Binding([.char("L")], nil, "next screen of time", .nextPage),
    Binding([.char("t")], "t", "today", .today),
    Binding([.char("+"), .char("=")], "+ / -", "zoom in / out (day, week, month, quarter)", .zoomIn),
    Binding([.char("-")], nil, "zoom out", .zoomOut),
    Binding([.enter, .char(" ")], "Enter / Space", "open or close a project", .toggle),
    Binding([.char("m")], "m", "move the phase: ← → by a working day, < > resize, Enter saves (violations shown live)", hint: "m:move", .move),
    Binding([.char("M")], "M", "move with cascade: the phases after it follow; Enter shows the plan and asks", hint: "M:cascade", .cascadeMove),
    Binding([.char("<")], "< / >", "shorten / lengthen the phase by a working day", .shorten),
    Binding([.char(">")], nil, "lengthen", .lengthen),
    Binding([.char("n")], "n", "new phase or milestone (after the phase under the cursor)", hint: "n:new", .new),
    Binding([.char("e")], "e", "edit the phase: name, working days or first..last days", .edit),
    Binding([.char("D")], "D", "add a dependency: pick the phase it comes after, Enter", hint: "D:depend", .dependency),
    Binding([.char("%")], "%", "set the phase's progress", .progress),
    Binding([.char("c")], "c", "critical path marks on / off", .critical),
    Binding([.char("a")], "a", "assign a person, room or equipment to the phase (a booking)", hint: "a:assign", .assign),
    Binding([.escape], "Esc", "cancel, clear the message", .cancel),
])
