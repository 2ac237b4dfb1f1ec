import SlateCore

/// What the task view's keys do.
public enum TasksCommand: Sendable, Equatable {
    case line(LineStep), grouping, toggleDone, open, assign, status, block, search, advanceShow, templates, cancel
}

/// The task view's keys: dispatch, footer hints, the `?` overlay and the README keymap.
public let tasksKeys = Keymap<TasksCommand>(lineBindings { .line($0) } + [
    Binding([.char("v")], "v", "group by show, my tasks, by assignee, overdue, due this week", hint: "v:group", .grouping),
    Binding([.char(" ")], "Space", "complete the task, or open it again", hint: "Space:done", .toggleDone),
    Binding([.enter], "Enter", "the task's value (checked by its input type); on a show, the show", .open),
    Binding([.char("a")], "a", "assign the task to a member (managers)", .assign),
    Binding([.char("s")], "s", "move the task to another status", hint: "s:status", .status),
    Binding([.char("b")], "b", "mark the task blocked, saying why", .block),
    Binding([.char("/")], "/", "filter by task, show or assignee (Esc clears)", .search),
    Binding([.char("L")], "L", "move the show to its next status (live, completed); blocking tasks are named and the cursor goes to them", hint: "L:live", .advanceShow),
    Binding([.char("T")], "T", "task templates (studio admins): n item, e edit, d remove, N template, A on/off", .templates),
    Binding([.escape], "Esc", "close, clear the filter or the message", .cancel),
])

/// Keys of the template editor (inside the task view).
public enum TemplateEditorCommand: Sendable, Equatable {
    case down, up, newItem, editItem, deleteItem, newTemplate, toggleActive, close
}

let templateEditorKeys = Keymap<TemplateEditorCommand>([
    Binding([.char("j"), .down], nil, "next", .down),
    Binding([.char("k"), .up], nil, "previous", .up),
    Binding([.char("n")], nil, "new item in the template under the cursor", .newItem),
    Binding([.char("e"), .enter], nil, "edit the item", .editItem),
    Binding([.char("d")], nil, "remove the item (its tasks stay)", .deleteItem),
    Binding([.char("N")], nil, "new template", .newTemplate),
    Binding([.char("A")], nil, "turn the template on or off", .toggleActive),
    Binding([.escape, .char("T")], nil, "close", .close),
])
