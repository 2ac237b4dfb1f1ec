import SlateCore
import SlateStore

/// Carries out a timeline command.
func runTimeline(_ state: inout AppState, _ command: TimelineCommand) -> [Effect] {
    var timeline = state.timeline
    defer { state.timeline = timeline }
    let count = timeline.lines.count
    let chart = timelineChartWidth(state.width)
    switch command {
    case .line(let step): timeline.list.step(step, count: count, visible: timeline.rows)
    case .left: timeline.firstDay = timeline.firstDay - max(1, timeline.span(width: chart) / 8)
    case .right: timeline.firstDay = timeline.firstDay + max(1, timeline.span(width: chart) / 8)
    case .previousPage: timeline.firstDay = timeline.firstDay - timeline.span(width: chart)
    case .nextPage: timeline.firstDay = timeline.firstDay + timeline.span(width: chart)
    case .today: timeline.firstDay = timeline.today - timeline.span(width: chart) / 4
    case .zoomIn, .zoomOut:
        // The phase (or project) under the cursor stays in view, a quarter in from the left.
        let anchor = timeline.cursor.map { $0.phase?.start ?? $0.project.start } ?? timeline.today
        let step = command == .zoomIn ? -1 : 1
        guard let zoom = TimelineZoom(rawValue: timeline.zoom.rawValue + step) else {
            state.status = StatusMessage(.info, "Zoom is already at \(timeline.zoom.name).")
            return []
        }
        timeline.zoom = zoom
        timeline.firstDay = anchor - timeline.span(width: chart) / 4
        state.status = StatusMessage(.info, "Zoom: \(zoom.name).")
    case .toggle:
        guard let line = timeline.cursorLine else { return [] }
        let uid = timeline.projects[line.project].uid
        let key = timeline.projects[line.project].uid
        if timeline.collapsed.contains(uid) { timeline.collapsed.remove(uid) } else { timeline.collapsed.insert(uid) }
        timeline.restore(key)
    case .critical:
        timeline.showCritical.toggle()
        state.status = StatusMessage(.info, timeline.showCritical ? "Critical path marked." : "Critical path marks off.")
    case .cancel:
        state.status = nil
    case .move, .cascadeMove, .shorten, .lengthen:
        guard let phase = phaseUnderCursor(&state, timeline, to: "move") else { return [] }
        var draft = PhaseDraft(uid: phase.uid, version: phase.version, cascade: command == .cascadeMove)
        if command == .shorten || command == .lengthen {
            guard !phase.milestone else {
                state.status = StatusMessage(.info, "'\(phase.name)' is a milestone; it has no length to change.")
                return []
            }
            draft.resize = command == .shorten ? -1 : 1
            guard phase.workingDays + draft.resize >= 1 else {
                state.status = StatusMessage(.info, "'\(phase.name)' is already one working day long.")
                return []
            }
        }
        timeline.edit = .move(draft)
        return draft.resize == 0 ? [] : [preview(draft, phase)]
    case .new:
        guard let (project, phase) = timeline.cursor else {
            state.status = StatusMessage(.info, "There is no project yet: create one with slate project add or slate project import.")
            return []
        }
        timeline.edit = .form(TimelineForm(title: "New phase in \(project.name)", purpose: .newPhase(project: project.uid, after: phase?.uid), form: FormState([
            FormField("Name"), FormField("Kind", "phase", kind: .choice(["phase", "milestone"], shown: ["phase", "milestone"])),
            FormField("Timing", "5d"), FormField("After", phase?.name ?? ""),
        ])))
    case .edit:
        guard let phase = phaseUnderCursor(&state, timeline, to: "edit") else { return [] }
        let timing: PhaseTiming = phase.milestone ? .milestone(on: phase.fixed ? phase.start : nil)
            : phase.fixed ? .fixed(from: phase.start, through: phase.end) : .days(phase.workingDays)
        timeline.edit = .form(TimelineForm(title: "Edit \(phase.name)", purpose: .edit(phase: phase.uid, version: phase.version, milestone: phase.milestone),
                                           form: FormState([FormField("Name", phase.name), FormField("Timing", timing.text)])))
    case .progress:
        guard let phase = phaseUnderCursor(&state, timeline, to: "set the progress of") else { return [] }
        timeline.edit = .form(TimelineForm(title: "Progress of \(phase.name)", purpose: .progress(phase: phase.uid, version: phase.version),
                                           form: FormState([FormField("Percent", String(phase.progress))])))
    case .assign:
        guard let phase = phaseUnderCursor(&state, timeline, to: "assign people or rooms to") else { return [] }
        guard !phase.milestone else {
            state.status = StatusMessage(.info, "'\(phase.name)' is a milestone; assign people and rooms to a phase.")
            return []
        }
        timeline.edit = .form(TimelineForm(title: "Assign to \(phase.name) (\(state.words.days(phase.start, phase.end)))", purpose: .assign(phase: phase.uid),
                                           form: FormState([FormField("Resource"), FormField("Kind", "book", kind: .choice(["book", "hold"], shown: ["book (confirmed)", "hold (pencil)"]))])))
    case .dependency:
        guard let phase = phaseUnderCursor(&state, timeline, to: "add a dependency to") else { return [] }
        timeline.edit = .pick(successor: phase.uid, name: phase.name)
    }
    return []
}

/// The phase under the cursor, or a status saying to put the cursor on one.
private func phaseUnderCursor(_ state: inout AppState, _ timeline: TimelineState, to action: String) -> PhaseSchedule? {
    guard let phase = timeline.cursor?.phase else {
        state.status = StatusMessage(.info, "Put the cursor on a phase to \(action) it (Enter opens a project).")
        return nil
    }
    return phase
}

/// A dry run of a draft, for the live preview.
private func preview(_ draft: PhaseDraft, _ phase: PhaseSchedule) -> Effect {
    .editPhase(draft.uid, draft.edits(workingDays: phase.workingDays), cascade: draft.cascade, version: draft.version, plan: true)
}

/// Keys while a timeline edit is under way.
func timelineEditKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let edit = state.timeline.edit else { return [] }
    switch edit {
    case .move(var draft):
        guard let (_, phase) = state.timeline.cursor, let phase, phase.uid == draft.uid else {
            state.timeline.edit = nil
            return []
        }
        switch key {
        case .escape:
            state.timeline.edit = nil
            state.status = StatusMessage(.info, "Move cancelled.")
            return []
        case .enter:
            let edits = draft.edits(workingDays: phase.workingDays)
            guard !edits.isEmpty else {
                state.timeline.edit = nil
                return []
            }
            if draft.cascade { return [.askCascade(draft.uid, edits, version: draft.version)] }
            state.timeline.edit = nil
            return [.editPhase(draft.uid, edits, cascade: false, version: draft.version, plan: false)]
        case .char("h"), .left: draft.shift -= 1
        case .char("l"), .right: draft.shift += 1
        case .char("<"), .char(">"):
            guard !phase.milestone else { return [] }
            let resize = draft.resize + (key == .char("<") ? -1 : 1)
            guard phase.workingDays + resize >= 1 else { return [] }
            draft.resize = resize
        default:
            return []
        }
        draft.feedback = nil
        state.timeline.edit = .move(draft)
        return [preview(draft, phase)]
    case .pick(let successor, let name):
        switch key {
        case .escape:
            state.timeline.edit = nil
            state.status = StatusMessage(.info, "No dependency added.")
        case .enter:
            guard let predecessor = state.timeline.cursor?.phase, predecessor.uid != successor else {
                state.status = StatusMessage(.info, "Put the cursor on the phase '\(name)' comes after, then Enter (Esc cancels).")
                return []
            }
            state.timeline.edit = .form(TimelineForm(title: "'\(name)' after '\(predecessor.name)'", purpose: .dependency(predecessor: predecessor.uid, successor: successor),
                                                     form: FormState([FormField("Type", "FS", kind: .choice(["FS", "SS", "FF"], shown: ["FS finish-to-start", "SS start-to-start", "FF finish-to-finish"])),
                                                                      FormField("Lag", "0d")])))
        default:
            if let command = timelineKeys.command(for: key), command.picksAPhase {
                var timeline = state.timeline
                timeline.edit = nil
                state.timeline = timeline
                _ = runTimeline(&state, command)
                state.timeline.edit = .pick(successor: successor, name: name)
            }
        }
        return []
    case .form(var form):
        switch form.step(key, submit: submit) {
        case .cancelled:
            state.timeline.edit = nil
        case .submitted(let effect):
            state.timeline.edit = nil
            return [effect]
        case .editing:
            state.timeline.edit = .form(form)
        }
        return []
    }
}

/// The effect a filled form asks for; bad values throw with the field named.
private func submit(_ form: TimelineForm) throws -> Effect {
    let values = form.form
    switch form.purpose {
    case .newPhase(let project, _):
        let milestone = values["Kind"] == "milestone"
        let after = values["After"].trimmingWhitespace()
        return .addPhase(project: project, name: try TextInput.name(values["Name"]), timing: try PhaseTiming.parse(values["Timing"], milestone: milestone),
                         after: after.isEmpty ? nil : after)
    case .edit(let phase, let version, let milestone):
        return .editPhase(phase, [.name(try TextInput.name(values["Name"])), .timing(try PhaseTiming.parse(values["Timing"], milestone: milestone))],
                          cascade: false, version: version, plan: false)
    case .progress(let phase, let version):
        guard let percent = Int(values["Percent"].trimmingWhitespace()), (0...100).contains(percent) else {
            throw SlateError.invalidInput("Percent: a whole number from 0 to 100")
        }
        return .editPhase(phase, [.progress(percent)], cascade: false, version: version, plan: false)
    case .assign(let phase):
        let resource = values["Resource"].trimmingWhitespace()
        guard !resource.isEmpty else { throw SlateError.invalidInput("Resource: type a room, person or equipment (name or id)") }
        return .assignPhase(phase, resource: resource, hold: values["Kind"] == "hold")
    case .dependency(let predecessor, let successor):
        guard let kind = ProjectFile.kind(values["Type"]) else { throw SlateError.invalidInput("Type: FS, SS or FF") }
        guard let lag = ProjectFile.days(values["Lag"].trimmingWhitespace()), (0...3650).contains(lag) else {
            throw SlateError.invalidInput("Lag: working days like 2d")
        }
        return .addDependency(predecessor: predecessor, successor: successor, kind: kind, lag: lag)
    }
}

/// The chart's width at a terminal width (what is left of the name column).
func timelineChartWidth(_ width: Int) -> Int {
    max(10, width - timelineNameWidth(width) - 1)
}

func timelineNameWidth(_ width: Int) -> Int {
    min(34, max(24, width / 4))
}

/// Body rows of the timeline: the screen less the top bar, two axis lines, the pane and the status line.
func timelineRows(_ state: AppState) -> Int {
    max(1, state.height - Layout.chromeRows - 1)
}
