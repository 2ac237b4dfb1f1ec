/// A hard rule that an edit would break. The edit changes nothing; the front end shows
/// `message`, which names the booking, resource, time and holder involved.
public struct RuleViolation: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Which rule was broken.
    public enum Kind: String, Sendable, Codable {
        case doubleBooking = "double_booking"
        case holdAbove = "hold_above"
        case bannedTalent = "banned_talent"
        case hardTimeOff = "hard_time_off"
        case transition = "transition"
        case openRequiredTasks = "open_required_tasks"
        case notAHold = "not_a_hold"
        case notABooking = "not_a_booking"
        case partOfShow = "part_of_show"
        case reasonRequired = "reason_required"
        case draftClash = "draft_clash"
        case dependencyCycle = "dependency_cycle"
        case partOfPhase = "part_of_phase"
    }

    public var kind: Kind
    public var message: String
    /// Public id of the other booking or record involved, when there is one.
    public var otherUID: String?
    /// Public id of the record the violation is about when a command touches several
    /// (the show of a schedule's confirmation), so a front end can go to it.
    public var subjectUID: String?

    public init(_ kind: Kind, _ message: String, otherUID: String? = nil, subjectUID: String? = nil) {
        self.kind = kind
        self.message = message
        self.otherUID = otherUID
        self.subjectUID = subjectUID
    }

    public var description: String { message }

    /// True for clashes with other bookings, which a hold may wait behind.
    public var isClash: Bool { kind == .doubleBooking || kind == .holdAbove }
}

/// A soft rule the edit breaks: it still commits, and the front end shows the warning.
public struct RuleWarning: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// Which soft rule.
    public enum Kind: String, Sendable, Codable {
        case timeOff = "time_off"
        case outsideOpeningHours = "outside_opening_hours"
        case draftClash = "draft_clash"
        case pastTime = "past_time"
        case ambiguousTime = "ambiguous_time"
        case dependencyViolated = "dependency_violated"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// What the rules said about one edit.
public struct RuleOutcome: Equatable, Sendable {
    public var violations: [RuleViolation] = []
    public var warnings: [RuleWarning] = []

    public init(violations: [RuleViolation] = [], warnings: [RuleWarning] = []) {
        self.violations = violations
        self.warnings = warnings
    }

    /// True when no hard rule is broken.
    public var isAllowed: Bool { violations.isEmpty }

    /// True when the edit is refused only for clashes, so it could wait as a hold.
    public var refusedOnlyForClashes: Bool {
        !violations.isEmpty && violations.allSatisfy(\.isClash)
    }
}
