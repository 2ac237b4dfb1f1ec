import GRDB
import SlateCore

/// Index-backed queries around one resource's bookings, and hold-rank upkeep.
enum BookingQueue {
    static let snapshotColumns = "b.id, b.uid, b.resource_id, b.status, b.start_at, b.end_at, b.placed_at, b.rank, u.login"

    /// A snapshot from a row selecting `snapshotColumns`, read by position (the hot path).
    static func snapshot(_ row: Row) -> BookingSnapshot {
        BookingSnapshot(id: row[0], uid: row[1], resourceID: row[2],
                        status: BookingStatus(rawValue: row[3]) ?? .released,
                        interval: Interval(start: row[4], end: row[5]),
                        placedAt: row[6], rank: row[7], holder: row[8])
    }

    /// Confirmed bookings of the resource overlapping `interval`. Confirmed bookings never
    /// overlap each other, so one probe finds the only one starting before the interval
    /// and a range scan finds those starting inside it.
    static func confirmed(_ db: Database, resource: Int64, overlapping interval: Interval) throws -> [BookingSnapshot] {
        let before = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.resource_id = ? AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.start_at < ?
            ORDER BY b.start_at DESC LIMIT 1
            """), arguments: [resource, interval.start])
        let inside = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.resource_id = ? AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.start_at >= ? AND b.start_at < ?
            ORDER BY b.start_at
            """), arguments: [resource, interval.start, interval.end])
        var result = inside.map(snapshot)
        if let before = before.map(snapshot), before.interval.end > interval.start { result.insert(before, at: 0) }
        return result
    }

    /// Live holds of the resource overlapping `interval` (live holds are current or future,
    /// so the scan over `end_at > start` stays short).
    static func holds(_ db: Database, resource: Int64, overlapping interval: Interval) throws -> [BookingSnapshot] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.resource_id = ? AND b.status = 'hold' AND b.deleted_at IS NULL AND b.end_at > ? AND b.start_at < ?
            ORDER BY b.end_at, b.start_at, b.id
            """), arguments: [resource, interval.start, interval.end]).map(snapshot)
    }

    static func timeOff(_ db: Database, resource: Int64, overlapping interval: Interval) throws -> [TimeOffPeriod] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT uid, start_at, end_at, hard, reason FROM time_off
            WHERE resource_id = ? AND deleted_at IS NULL AND end_at > ? AND start_at < ?
            ORDER BY end_at, start_at, id
            """), arguments: [resource, interval.start, interval.end]).map {
            TimeOffPeriod(uid: $0["uid"], interval: Interval(start: $0["start_at"], end: $0["end_at"]), hard: $0["hard"], reason: $0["reason"])
        }
    }

    static func surroundings(_ db: Database, resource: Int64, interval: Interval, studio: StudioInfo) throws -> BookingSurroundings {
        BookingSurroundings(confirmed: try confirmed(db, resource: resource, overlapping: interval),
                            holds: try holds(db, resource: resource, overlapping: interval),
                            timeOff: try timeOff(db, resource: resource, overlapping: interval),
                            openingHours: studio.hours, zone: studio.zone, words: studio.words)
    }

    /// Recomputes the stored rank of every live hold overlapping `window` (auto-promotion),
    /// auditing each rank that moves.
    /// What owns bookings that move with it.
    enum Owner {
        case show(Int64), phase(Int64)
    }

    /// Moves every live booking of a show or phase to `interval`, each checked like a move
    /// of its own (a phase's hold its whole days: opening hours do not apply); violations
    /// are collected, labelled.
    static func moveLive(_ context: CommandContext, of owner: Owner, to interval: Interval, forceReason: String?, label: String) throws {
        let (column, id, wholeDays): (String, Int64, Bool) = switch owner {
        case .show(let id): ("show_id", id, false)
        case .phase(let id): ("phase_id", id, true)
        }
        let bookings = try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT \(snapshotColumns), r.uid AS resource_uid FROM bookings b JOIN users u ON u.id = b.holder_id
            JOIN resources r ON r.id = b.resource_id
            WHERE b.\(column) = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL ORDER BY b.id
            """), arguments: [id])
        for row in bookings {
            let (resource, studio, _) = try context.resource(ref: row["resource_uid"], checkAccess: false)
            try Session.moveBooking(context, snapshot(row), of: resource, in: studio, to: interval, forceReason: forceReason, label: label, wholeDays: wholeDays)
        }
    }

    static func rerank(_ context: CommandContext, resource: Int64, window: Interval) throws {
        let affected = try holds(context.db, resource: resource, overlapping: window)
        guard !affected.isEmpty else { return }
        let lo = affected.map(\.interval.start).min() ?? window.start
        let hi = affected.map(\.interval.end).max() ?? window.end
        let neighbours = try holds(context.db, resource: resource, overlapping: Interval(start: lo, end: hi))
        for hold in affected.sorted(by: { $0.isPlaced(before: $1) }) {
            let rank = HoldQueue.rank(of: hold, among: neighbours)
            if rank != hold.rank {
                try context.update(hold.id, [BookingChange.rank(rank)])
            }
        }
    }

    /// Takes a live booking out of play (released, cancelled or deleted) and promotes
    /// the holds behind it when the workspace says so.
    static func retire(_ context: CommandContext, booking: BookingSnapshot, to status: BookingStatus) throws {
        try context.update(booking.id, [BookingChange.status(status), .rank(nil), .challengeDeadline(nil)])
        if context.settings.autoPromote {
            try rerank(context, resource: booking.resourceID, window: booking.interval)
        }
    }
}

/// Releases holds whose expiry or challenge deadline has passed, at the start of every command.
enum HoldSweeper {
    /// True when some hold's expiry or challenge deadline has passed.
    static func anyDue(_ db: Database, now: Int64) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM bookings WHERE status = 'hold' AND deleted_at IS NULL AND expires_at <= ?)
                OR EXISTS (SELECT 1 FROM bookings WHERE status = 'hold' AND deleted_at IS NULL AND challenge_deadline <= ?)
            """), arguments: [now, now]) == 1
    }

    /// Releases every due hold; returns how many.
    @discardableResult
    static func sweep(_ context: CommandContext) throws -> Int {
        let due = try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.status = 'hold' AND b.deleted_at IS NULL AND b.expires_at <= ?
            UNION
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.status = 'hold' AND b.deleted_at IS NULL AND b.challenge_deadline <= ?
            """), arguments: [context.now, context.now]).map(BookingQueue.snapshot)
        for hold in due.sorted(by: { $0.isPlaced(before: $1) }) {
            try BookingQueue.retire(context, booking: hold, to: .released)
        }
        return due.count
    }
}
