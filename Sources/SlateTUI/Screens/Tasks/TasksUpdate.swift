import SlateCore
import SlateStore

/// Carries out a task view command.
func runTasks(_ state: inout AppState, _ command: TasksCommand) -> [Effect] {
    let count = state.tasks.lines.count
    let rows = state.tasks.rows
    switch command {
    case .line(let step): state.tasks.list.step(step, count: count, visible: rows)
    case .grouping:
        state.tasks.grouping = TaskGrouping(rawValue: state.tasks.grouping.rawValue + 1) ?? .byShow
        state.tasks.list = ListState()
        state.status = StatusMessage(.info, "Tasks \(state.tasks.grouping.title).")
        return [.loadTasks(state.tasks.grouping)]
    case .toggleDone:
        guard let task = taskUnderCursor(&state, to: "complete") else { return [] }
        switch task.status {
        case .completed: return [.reopenTask(task.uid, version: task.version)]
        case .cancelled:
            state.status = StatusMessage(.info, "'\(task.title)' was cancelled (its talent or platform left the show).")
            return []
        default: return [.completeTask(task.uid, value: nil, version: task.version)]
        }
    case .open:
        if let task = state.tasks.cursorTask {
            state.tasks.form = TaskForm(title: "\(task.title) (\(task.inputType.rawValue))", purpose: .value(task: task.uid, version: task.version, complete: task.status.isOpen),
                                        form: FormState([FormField("Value", task.value)]))
        } else if let show = state.tasks.cursorShow {
            return [.loadCard(show.uid, edit: false)]
        }
    case .assign:
        guard let task = taskUnderCursor(&state, to: "assign") else { return [] }
        state.tasks.form = TaskForm(title: "Assign \(task.title)", purpose: .assign(task: task.uid), form: FormState([FormField("Login", task.assignee ?? "")]))
    case .status:
        guard let task = taskUnderCursor(&state, to: "change") else { return [] }
        // Blocking has its own key (b), which asks why.
        let next = task.status.successors(assigned: task.assignee != nil).filter { $0 != .blocked }
        guard let first = next.first else {
            state.status = StatusMessage(.info, "'\(task.title)' is \(task.status.text); it cannot change.")
            return []
        }
        state.tasks.form = TaskForm(title: "\(task.title) is \(task.status.text)", purpose: .status(task: task.uid, version: task.version),
                                    form: FormState([FormField("Status", first.rawValue, kind: .choice(next.map(\.rawValue), shown: next.map(\.text)))]))
    case .block:
        guard let task = taskUnderCursor(&state, to: "block") else { return [] }
        state.tasks.form = TaskForm(title: "Why is \(task.title) blocked?", purpose: .block(task: task.uid, version: task.version), form: FormState([FormField("Reason")]))
    case .search:
        state.tasks.searching = true
    case .advanceShow:
        guard let show = state.tasks.cursorShow else {
            state.status = StatusMessage(.info, "Put the cursor on a show or one of its tasks.")
            return []
        }
        guard let next = ShowLifecycle.nextStep(from: show.status) else {
            state.status = StatusMessage(.info, "\(show.title) is \(show.status.rawValue); L moves confirmed shows to live and live ones to completed.")
            return []
        }
        state.mode = .prompt(Prompt(question: "Mark \(show.title) \(next.rawValue)?", onYes: [.setShowStatus(show.uid, next)]))
    case .templates:
        state.tasks.editor = TemplateEditor()
        return [.loadTemplates]
    case .cancel:
        if !state.tasks.search.isEmpty { state.tasks.search = "" } else { state.status = nil }
    }
    return []
}

private func taskUnderCursor(_ state: inout AppState, to action: String) -> TaskSummary? {
    guard let task = state.tasks.cursorTask else {
        state.status = StatusMessage(.info, "Put the cursor on a task to \(action) it.")
        return nil
    }
    return task
}

/// A show's card from the loaded tasks: its time and status, its checklist by type, what blocks its next step.
func showLines(_ state: AppState, _ show: String) -> [String] {
    let tasks = state.tasks.tasks.filter { $0.showUID == show }
    guard let first = tasks.first else { return [] }
    var lines = ["\(first.showUID) · \(first.showStart.shown) · \(first.showStatus.rawValue)", ""]
    for type in TaskItemType.allCases {
        let ofType = tasks.filter { $0.itemType == type && $0.status != .cancelled }
        guard !ofType.isEmpty else { continue }
        lines.append("\(type.rawValue.replacingOccurrences(of: "_", with: " ")): \(ofType.filter { $0.status == .completed }.count)/\(ofType.count) done")
    }
    if let next = ShowLifecycle.nextStep(from: first.showStatus), let gate = ShowLifecycle.gate(next) {
        let blocking = tasks.filter { $0.itemType == gate && $0.required && $0.status.isOpen }
        lines.append("")
        lines.append(blocking.isEmpty ? "Nothing blocks its next step (L)." : "Before its next step: " + blocking.map(\.title).joined(separator: ", "))
    }
    return lines
}

/// Keys while a form, the filter line or the template editor is open.
func tasksModalKey(_ state: inout AppState, _ key: Key) -> [Effect]? {
    if state.tasks.searching {
        switch key {
        case .escape:
            state.tasks.search = ""
            state.tasks.searching = false
        case .enter: state.tasks.searching = false
        default: _ = LineEdit.apply(key, to: &state.tasks.search)
        }
        return []
    }
    if var form = state.tasks.form {
        // A submitted form stays open until its command succeeds; a refusal is shown in it.
        switch form.step(key, submit: submit) {
        case .cancelled:
            state.tasks.form = nil
        case .submitted(let effect):
            state.tasks.form = form
            return [effect]
        case .editing:
            state.tasks.form = form
        }
        return []
    }
    guard var editor = state.tasks.editor else { return nil }
    guard let command = templateEditorKeys.command(for: key) else { return globalKeys.command(for: key) == .quit ? nil : [] }
    let item = editor.items.indices.contains(editor.list.selected) ? editor.items[editor.list.selected] : nil
    switch command {
    case .down, .up:
        editor.list.move(by: command == .down ? 1 : -1, count: editor.items.count, visible: max(1, state.tasks.rows))
        state.tasks.editor = editor
    case .close:
        state.tasks.editor = nil
    case .newTemplate:
        state.tasks.form = TaskForm(title: "New task template", purpose: .newTemplate, form: FormState([FormField("Name")]))
    case .newItem:
        guard let item else { return [] }
        state.tasks.form = TaskForm(title: "New item in \(item.name)", purpose: .newItem(template: item.template), form: itemForm(nil))
    case .editItem:
        guard let item, let uid = item.item else { return [] }
        state.tasks.form = TaskForm(title: "Edit \(item.title ?? "")", purpose: .editItem(item: uid, version: item.version), form: itemForm(item))
    case .deleteItem:
        guard let uid = item?.item else { return [] }
        state.mode = .prompt(Prompt(question: "Remove '\(item?.title ?? "")' from the template (its tasks stay)?", onYes: [.deleteTemplateItem(uid)]))
    case .toggleActive:
        guard let item else { return [] }
        return [.setTemplateActive(item.template, !item.active)]
    }
    return []
}

private func itemForm(_ item: TemplateItemSummary?) -> FormState {
    let types = TaskItemType.allCases.map(\.rawValue)
    let inputs = TaskInputType.allCases.map(\.rawValue)
    return FormState([
        FormField("Title", item?.title ?? ""),
        FormField("Type", item?.itemType?.rawValue ?? "pre_production", kind: .choice(types, shown: types.map { $0.replacingOccurrences(of: "_", with: " ") })),
        FormField("Input", item?.inputType?.rawValue ?? "text", kind: .choice(inputs, shown: inputs)),
        FormField("Required", item?.required == true ? "yes" : "no", kind: .choice(["yes", "no"], shown: ["yes", "no"])),
        FormField("Due", item?.due ?? "0"),
        FormField("From", (item?.dueFrom ?? .start).rawValue, kind: .choice(["start", "end"], shown: ["the show's start", "the show's end"])),
        FormField("Assignee", item?.assignee ?? ""),
    ])
}

/// The effect a filled form asks for; bad values throw with the field named.
private func submit(_ form: TaskForm) throws -> Effect {
    let values = form.form
    switch form.purpose {
    case .value(let task, let version, let complete):
        return complete ? .completeTask(task, value: values["Value"], version: version) : .setTaskValue(task, value: values["Value"], version: version)
    case .assign(let task):
        let login = values["Login"].trimmingWhitespace()
        return .assignTask(task, login: login.isEmpty ? nil : login)
    case .status(let task, let version):
        guard let status = TaskStatus(rawValue: values["Status"]) else { throw SlateError.invalidInput("Status: pick one") }
        return .setTaskStatus(task, status, reason: "", version: version)
    case .block(let task, let version):
        let reason = values["Reason"].trimmingWhitespace()
        guard !reason.isEmpty else { throw SlateError.invalidInput("Reason: say why it is blocked") }
        return .setTaskStatus(task, .blocked, reason: reason, version: version)
    case .newTemplate:
        return .addTemplate(try TextInput.name(values["Name"]))
    case .newItem(let template):
        return .addTemplateItem(template: template, try itemInput(values))
    case .editItem(let item, let version):
        return .editTemplateItem(item, try itemInput(values), version: version)
    }
}

private func itemInput(_ values: FormState) throws -> Session.TemplateItemInput {
    let due: Int64
    do { due = try DurationText.seconds(values["Due"]) } catch { throw SlateError.invalidInput("Due: a time before or after the show, e.g. -2d or 4h") }
    return Session.TemplateItemInput(title: try TextInput.name(values["Title"], field: "title"), type: TaskItemType(rawValue: values["Type"]),
                                     input: TaskInputType(rawValue: values["Input"]), required: values["Required"] == "yes", dueOffset: due,
                                     dueFrom: DueAnchor(rawValue: values["From"]), assignee: values["Assignee"].trimmingWhitespace())
}

/// Body rows of the task view: the screen less the top bar, a heading, the pane and the status line.
func tasksRows(_ state: AppState) -> Int {
    max(1, state.height - Layout.chromeRows)
}
