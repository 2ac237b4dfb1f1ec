/// Lifecycle of a booking: a hold (pencil) or a confirmed booking, later released or cancelled.
public enum BookingStatus: String, Sendable, Codable, CaseIterable {
    case hold, confirmed, released, cancelled

    /// Live bookings occupy their resource; released and cancelled ones are history.
    public var isLive: Bool { self == .hold || self == .confirmed }
}

/// What kind of thing a bookable resource is.
public enum ResourceKind: String, Sendable, Codable, CaseIterable {
    case talent, room, equipment
}

/// Membership roles, ordered `member < manager < admin`.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case member, manager, admin

    private var level: Int {
        switch self {
        case .member: 0
        case .manager: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.level < rhs.level }
}

/// Roles of talent.
public enum TalentRole: String, Sendable, Codable, CaseIterable {
    case artist, host, engineer
}

/// Kinds of client material.
public enum MaterialKind: String, Sendable, Codable, CaseIterable {
    case brief, mechanic, script, scene, other
}

/// Kinds of show.
public enum ShowType: String, Sendable, Codable, CaseIterable {
    case bau, campaign, other
}

/// Service level of a show.
public enum ShowStandard: String, Sendable, Codable, CaseIterable {
    case standard, premium
}

/// Kinds of task template item; decides when a task is due and which gate it blocks.
public enum TaskItemType: String, Sendable, Codable, CaseIterable {
    case preProduction = "pre_production"
    case production
    case postProduction = "post_production"
    case showMCReview = "show_mc_review"
    case showPlatformReview = "show_platform_review"
    case other
}

/// What a task's value holds.
public enum TaskInputType: String, Sendable, Codable, CaseIterable {
    case text, number, date, percentage, file, url
}

/// Task progress.
public enum TaskStatus: String, Sendable, Codable, CaseIterable {
    case pending, assigned
    case inProgress = "in_progress"
    case review, completed, blocked
    /// Its talent or platform left the show: the work is no longer needed (never deleted).
    case cancelled

    /// Still to do: neither completed nor cancelled.
    public var isOpen: Bool { self != .completed && self != .cancelled }

    /// The statuses a person may move a task to from this one. Cancelled is set by the
    /// system only (talent or a platform leaving the show) and is final.
    public var successors: [TaskStatus] {
        switch self {
        case .pending: [.assigned, .inProgress, .review, .completed, .blocked]
        case .assigned: [.pending, .inProgress, .review, .completed, .blocked]
        case .inProgress: [.pending, .assigned, .review, .completed, .blocked]
        case .review: [.inProgress, .completed, .blocked]
        case .blocked: [.pending, .assigned, .inProgress]
        case .completed: [.pending, .assigned, .inProgress]
        case .cancelled: []
        }
    }

    /// The statuses a task may move to by hand: `assigned` only when someone has it.
    public func successors(assigned: Bool) -> [TaskStatus] {
        successors.filter { $0 != .assigned || assigned }
    }

    /// How people say it: "in progress".
    public var text: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// What a template item's due offset counts from.
public enum DueAnchor: String, Sendable, Codable, CaseIterable {
    case start, end
}

/// Phase dependency kinds.
public enum DependencyKind: String, Sendable, Codable, CaseIterable {
    case finishToStart = "finish_to_start"
    case startToStart = "start_to_start"
    case finishToFinish = "finish_to_finish"
}

/// Project status.
public enum ProjectStatus: String, Sendable, Codable, CaseIterable {
    case planned, active, done, cancelled
}
