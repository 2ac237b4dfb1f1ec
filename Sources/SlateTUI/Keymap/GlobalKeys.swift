/// What the keys every view honours do (DESIGN §5).
public enum GlobalCommand: Sendable, Equatable {
    case help, commandLine, redraw, undo, redo, quit, view(Int), nextView, previousView
}

/// The shell's keys, looked at before the active screen's.
public let globalKeys = Keymap<GlobalCommand>([
    Binding([.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], "1 … 6", "open a view (those in the tab bar)", .view(0)),
    Binding([.tab], "Tab / Shift-Tab", "next / previous view", .nextView),
    Binding([.backTab], nil, "previous view", .previousView),
    Binding([.char("u")], "u", "undo your last command", hint: "u:undo", .undo),
    Binding([.ctrl("r")], "Ctrl-R", "redo", .redo),
    Binding([.char(":")], ":", "command line: filter, goto, zoom, log, messages, live, complete (the show under the cursor), theme, undo, redo, quit (Tab completes)", hint: "::command", .commandLine),
    Binding([.char("?")], "?", "help for this view", hint: "?:help", .help),
    Binding([.ctrl("l")], "Ctrl-L", "redraw", .redraw),
    Binding([.char("q")], "q", "quit", hint: "q:quit", .quit),
])
