/// What the rules need to know about a bookable resource.
public struct ResourceInfo: Equatable, Sendable {
    public var id: Int64
    public var uid: String
    public var name: String
    public var kind: ResourceKind
    /// Set for banned talent: no new holds or bookings.
    public var banned: Bool

    public init(id: Int64, uid: String, name: String, kind: ResourceKind, banned: Bool = false) {
        self.id = id
        self.uid = uid
        self.name = name
        self.kind = kind
        self.banned = banned
    }
}

/// A live booking as the rules see it.
public struct BookingSnapshot: Equatable, Sendable {
    public var id: Int64
    public var uid: String
    public var resourceID: Int64
    public var status: BookingStatus
    public var interval: Interval
    /// When the booking was placed (shown to people; the queue follows `id`).
    public var placedAt: Int64
    public var rank: Int?
    /// Login of the user holding it.
    public var holder: String

    public init(id: Int64, uid: String, resourceID: Int64, status: BookingStatus, interval: Interval, placedAt: Int64, rank: Int? = nil, holder: String) {
        self.id = id
        self.uid = uid
        self.resourceID = resourceID
        self.status = status
        self.interval = interval
        self.placedAt = placedAt
        self.rank = rank
        self.holder = holder
    }

    /// True when this booking was placed before `other` (the queue order, rule 16).
    ///
    /// Row ids are assigned inside the write transaction, after the write lock is taken,
    /// so id order is commit order: a writer that waited for the lock can never queue
    /// ahead of one that committed first, whatever its clock said.
    public func isPlaced(before other: BookingSnapshot) -> Bool {
        id < other.id
    }
}

/// A period a resource is unavailable.
public struct TimeOffPeriod: Equatable, Sendable {
    public var uid: String
    public var interval: Interval
    /// Hard time off rejects bookings; soft time off only warns.
    public var hard: Bool
    public var reason: String

    public init(uid: String, interval: Interval, hard: Bool, reason: String) {
        self.uid = uid
        self.interval = interval
        self.hard = hard
        self.reason = reason
    }
}
