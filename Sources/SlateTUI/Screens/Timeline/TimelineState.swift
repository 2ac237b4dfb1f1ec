import SlateCore
import SlateStore

/// How much time a column of the timeline covers.
public enum TimelineZoom: Int, CaseIterable, Sendable {
    case day, week, month, quarter

    var name: String {
        switch self {
        case .day: "day"
        case .week: "week"
        case .month: "month"
        case .quarter: "quarter"
        }
    }

    /// Cells a day takes (day zoom) and days a cell covers.
    var cellsPerDay: Int { self == .day ? 4 : 1 }
    var daysPerCell: Int {
        switch self {
        case .day, .week: 1
        case .month: 3
        case .quarter: 7
        }
    }
}

/// A line of the timeline: a project, or one of its phases (by index).
public enum TimelineRow: Equatable, Sendable {
    case project(Int)
    case phase(Int, Int)

    var project: Int {
        switch self {
        case .project(let p), .phase(let p, _): p
        }
    }
}

/// A phase being moved or resized before it is saved: the shift and the change of length
/// in working days, and what the last dry run said.
public struct PhaseDraft: Equatable, Sendable {
    public var uid: String
    public var version: Int
    public var shift = 0
    public var resize = 0
    public var cascade: Bool
    public var feedback: String?

    /// The edits the draft stands for.
    func edits(workingDays: Int) -> [PhaseEdit] {
        (shift != 0 ? [.moveBy(shift)] : []) + (resize != 0 ? [.resize(workingDays + resize)] : [])
    }
}

/// A form of the timeline and what submitting it does.
public struct TimelineForm: Equatable, Sendable, ScreenForm {
    public enum Purpose: Equatable, Sendable {
        case newPhase(project: String, after: String?)
        case edit(phase: String, version: Int, milestone: Bool)
        case progress(phase: String, version: Int)
        case assign(phase: String)
        case dependency(predecessor: String, successor: String)
    }

    public var title: String
    public var purpose: Purpose
    public var form: FormState
    /// The last refusal of a submit, shown under the fields.
    public var problem = ""
}

/// What the timeline's keys are talking to while an edit is under way.
public enum TimelineEdit: Equatable, Sendable {
    case move(PhaseDraft)
    case form(TimelineForm)
    /// `D`: the cursor picks the phase that `successor` comes after.
    case pick(successor: String, name: String)
}

/// The timeline (view 1): projects and their phases on a time axis.
public struct TimelineState: Equatable, Sendable {
    public var projects: [ProjectSchedule] = [] {
        didSet { rebuild() }
    }
    /// Projects shown as one line.
    public var collapsed: Set<String> = [] {
        didSet { rebuild() }
    }
    /// The lines shown, projects and the phases of the open ones.
    public private(set) var lines: [TimelineRow] = []
    public var loaded = false
    public var list = ListState()
    /// Body rows on screen.
    public var rows: Int
    public var zoom: TimelineZoom = .week
    /// The day at the left edge of the chart.
    public var firstDay: Day
    public var today: Day
    public var showCritical = true
    public var edit: TimelineEdit?

    public init(today: Day, rows: Int) {
        self.today = today
        self.rows = rows
        firstDay = today - 7
    }

    /// `:filter tag=…`: projects carrying the tag with all their phases, and phases carrying it.
    public var tagged: Set<String>? { didSet { rebuild() } }

    private mutating func rebuild() {
        var lines: [TimelineRow] = []
        for (p, project) in projects.enumerated() {
            let phases = project.phases.indices.filter { tagged == nil || tagged!.contains(project.uid) || tagged!.contains(project.phases[$0].uid) }
            guard tagged == nil || tagged!.contains(project.uid) || !phases.isEmpty else { continue }
            lines.append(.project(p))
            if !collapsed.contains(project.uid) { lines += phases.map { .phase(p, $0) } }
        }
        self.lines = lines
        list.clamp(count: lines.count, visible: rows)
    }

    /// The line under the cursor.
    public var cursorLine: TimelineRow? {
        lines.indices.contains(list.selected) ? lines[list.selected] : nil
    }

    /// The project and phase under the cursor (the phase is nil on a project line).
    public var cursor: (project: ProjectSchedule, phase: PhaseSchedule?)? {
        switch cursorLine {
        case .project(let p): (projects[p], nil)
        case .phase(let p, let f): (projects[p], projects[p].phases[f])
        case nil: nil
        }
    }

    /// The public id of what is under the cursor, to find it again after a reload.
    var cursorKey: String? {
        cursor.map { $0.phase?.uid ?? $0.project.uid }
    }

    /// Puts the cursor back on `key` after the lines changed.
    mutating func restore(_ key: String?) {
        guard let key, let index = lines.firstIndex(where: { line in
            switch line {
            case .project(let p): projects[p].uid == key
            case .phase(let p, let f): projects[p].phases[f].uid == key
            }
        }) else { return list.clamp(count: lines.count, visible: rows) }
        list.selected = index
        list.clamp(count: lines.count, visible: rows)
    }

    static func calendar(_ project: ProjectSchedule) -> WorkCalendar {
        WorkCalendar(openWeekdays: Set(project.openWeekdays))
    }

    /// The days a phase would cover with a draft's shift and resize applied.
    func drafted(_ phase: PhaseSchedule, in project: ProjectSchedule, _ draft: PhaseDraft) -> (first: Day, last: Day) {
        let calendar = Self.calendar(project)
        let start = calendar.index(of: phase.start) + draft.shift
        let length = phase.milestone ? 0 : max(1, phase.workingDays + draft.resize)
        return (calendar.day(at: start), calendar.day(at: start + max(0, length - 1)))
    }

    /// The chart column of a day, for a chart starting at `firstDay`.
    func column(of day: Day) -> Int {
        let offset = (day - firstDay) * zoom.cellsPerDay
        return offset >= 0 ? offset / zoom.daysPerCell : -((-offset + zoom.daysPerCell - 1) / zoom.daysPerCell)
    }

    /// The first day a chart column shows.
    func day(atColumn column: Int) -> Day {
        firstDay + column * zoom.daysPerCell / zoom.cellsPerDay
    }

    /// Days a chart of `width` cells shows.
    func span(width: Int) -> Int {
        max(1, width * zoom.daysPerCell / zoom.cellsPerDay)
    }
}
