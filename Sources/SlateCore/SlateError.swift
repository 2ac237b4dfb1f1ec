/// Every failure a Slate command can report, as something a person can read.
///
/// Front ends map the cases to exit codes and status lines; the message always says
/// which record, resource, time and person are involved.
public enum SlateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One or more hard rules refused the edit; nothing changed. `holdOffer` is set when
    /// the same request could be placed as a hold instead (a waiting list).
    case refused([RuleViolation], holdOffer: HoldOffer? = nil)
    /// The acting user lacks the membership the action needs.
    case accessDenied(String)
    /// The edit was made from a view older than the row.
    case stale(String)
    /// The input is malformed (dates, numbers, text, unknown ids).
    case invalidInput(String)
    /// A referenced record does not exist or is not visible to the user.
    case notFound(String)
    /// The workspace file cannot be used (missing, corrupt, newer schema, disk errors).
    case storage(String)

    /// The kind of failure as scripts and tests name it: `refused`, `access_denied`,
    /// `stale`, `invalid_input`, `not_found` or `storage`.
    public var code: String {
        switch self {
        case .refused: "refused"
        case .accessDenied: "access_denied"
        case .stale: "stale"
        case .invalidInput: "invalid_input"
        case .notFound: "not_found"
        case .storage: "storage"
        }
    }

    public var description: String {
        switch self {
        case .refused(let violations, _):
            if violations.count == 1 { return "Refused: \(violations[0].description)" }
            return "Refused (\(violations.count) problems):\n" + violations.map { "  - \($0.description)" }.joined(separator: "\n")
        case .accessDenied(let message): return "Not allowed: \(message)"
        case .stale(let message): return "Not saved, the record changed meanwhile: \(message)"
        case .invalidInput(let message): return "Bad input: \(message)"
        case .notFound(let message): return "Not found: \(message)"
        case .storage(let message): return "Workspace problem: \(message)"
        }
    }
}

/// The request a refused confirmation could be placed as instead.
public struct HoldOffer: Equatable, Sendable, Codable {
    /// Public id of the resource.
    public var resourceUID: String
    /// The requested time.
    public var interval: Interval
    /// The rank the hold would get if placed now.
    public var rank: Int
    /// Start and end as local time in the studio's zone, ready to type again.
    public var startLocal: String
    public var endLocal: String
    /// Start and end as ISO 8601 with the zone's offset (for JSON).
    public var startISO: String
    public var endISO: String

    public init(resourceUID: String, interval: Interval, rank: Int, zone: LocalTime) {
        self.resourceUID = resourceUID
        self.interval = interval
        self.rank = rank
        self.startLocal = zone.format(interval.start)
        self.endLocal = zone.format(interval.end)
        self.startISO = zone.iso(interval.start)
        self.endISO = zone.iso(interval.end)
    }
}
