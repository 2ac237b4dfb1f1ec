/// Status of a show: draft -> confirmed -> live -> completed; anything not completed -> cancelled.
public enum ShowStatus: String, Sendable, Codable, CaseIterable {
    case draft, confirmed, live, completed, cancelled

    /// The statuses a show may move to from this one.
    public var successors: [ShowStatus] {
        switch self {
        case .draft: [.confirmed, .cancelled]
        case .confirmed: [.live, .cancelled]
        case .live: [.completed, .cancelled]
        case .completed, .cancelled: []
        }
    }

    /// Talent can be cast on draft and confirmed shows (a confirmed show books them at once).
    public var acceptsTalent: Bool { self == .draft || self == .confirmed }

    /// Draft and confirmed shows can move; a live, completed or cancelled one cannot.
    public var isMovable: Bool { self == .draft || self == .confirmed }

    /// Bookings of a show in this status should not be live (rule 15: they share its fate).
    public var releasesBookings: Bool { self == .draft || self == .cancelled }
}

/// A task as the lifecycle gates see it.
public struct TaskGateInfo: Sendable, Equatable {
    public var uid: String
    public var title: String
    public var itemType: TaskItemType
    public var required: Bool
    public var status: TaskStatus

    public init(uid: String, title: String, itemType: TaskItemType, required: Bool, status: TaskStatus) {
        self.uid = uid
        self.title = title
        self.itemType = itemType
        self.required = required
        self.status = status
    }
}

/// Rule 7: which show transitions are allowed, and the task gates on going live and completing.
public enum ShowLifecycle {
    /// The tasks that must be done before a show becomes `status`: pre-production ones to
    /// go live, production ones to complete.
    public static func gate(_ status: ShowStatus) -> TaskItemType? {
        switch status {
        case .live: .preProduction
        case .completed: .production
        default: nil
        }
    }

    /// The step a running show takes next: confirmed shows go live, live ones complete.
    public static func nextStep(from status: ShowStatus) -> ShowStatus? {
        switch status {
        case .confirmed: .live
        case .live: .completed
        default: nil
        }
    }

    /// The violations of moving show `label` from `from` to `to` given its tasks.
    public static func check(_ label: String, from: ShowStatus, to: ShowStatus, tasks: [TaskGateInfo]) -> [RuleViolation] {
        guard from.successors.contains(to) else {
            let allowed = from.successors.map(\.rawValue).joined(separator: " or ")
            return [RuleViolation(.transition, "show \(label) is \(from.rawValue) and cannot become \(to.rawValue)" + (allowed.isEmpty ? " (it is final)" : " (it can become \(allowed))"))]
        }
        guard let gate = gate(to) else { return [] }
        let open = tasks.filter { $0.itemType == gate && $0.required && $0.status.isOpen }
        return open.map {
            RuleViolation(.openRequiredTasks, "show \(label) cannot become \(to.rawValue): required \(gate.rawValue.replacingOccurrences(of: "_", with: "-")) task '\($0.title)' (\($0.uid)) is \($0.status.text)", otherUID: $0.uid)
        }
    }
}
