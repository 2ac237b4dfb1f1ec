/// Status of a schedule of draft shows.
///
/// draft -> proposed -> confirmed -> archived; proposed -> draft (changes requested);
/// draft or proposed -> cancelled.
public enum ScheduleStatus: String, Sendable, Codable, CaseIterable {
    case draft, proposed, confirmed, archived, cancelled

    /// The statuses a schedule may move to from this one.
    public var successors: [ScheduleStatus] {
        switch self {
        case .draft: [.proposed, .cancelled]
        case .proposed: [.confirmed, .draft, .cancelled]
        case .confirmed: [.archived]
        case .archived, .cancelled: []
        }
    }

    /// Shows can be added to a draft or proposed schedule only.
    public var acceptsShows: Bool { self == .draft || self == .proposed }
}

/// Rule 8: schedule transitions.
public enum ScheduleLifecycle {
    /// The violation of moving schedule `label` from `from` to `to`, if it is not allowed.
    public static func check(_ label: String, from: ScheduleStatus, to: ScheduleStatus) -> [RuleViolation] {
        guard !from.successors.contains(to) else { return [] }
        let allowed = from.successors.map(\.rawValue).joined(separator: " or ")
        return [RuleViolation(.transition, "schedule \(label) is \(from.rawValue) and cannot become \(to.rawValue)" + (allowed.isEmpty ? " (it is final)" : " (it can become \(allowed))"))]
    }
}
