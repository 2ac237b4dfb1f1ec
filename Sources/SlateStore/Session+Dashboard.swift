import GRDB
import SlateCore

/// One line of the dashboard: what it says, and the record `Enter` goes to.
public struct DashboardItem: Sendable, Equatable, Encodable {
    public enum Target: Sendable, Equatable, Encodable {
        /// The public id of the record it goes to.
        public var uid: String? {
            switch self {
            case .show(let uid), .task(let uid, _), .schedule(let uid), .invoice(let uid): uid
            case .booking(let resource, _): resource
            }
        }

        /// A show: its card.
        case show(String)
        /// A booking: the grid at its resource and time.
        case booking(resource: String, start: Int64)
        /// A task: the task view at it (among the overdue ones, or those due this week).
        case task(String, overdue: Bool)
        /// A schedule: the draft board.
        case schedule(String)
        /// An invoice: its document.
        case invoice(String)
    }

    public var text: String
    public var target: Target?
}

/// A room's or a person's booked hours against their studio's open hours, for a week.
public struct Utilisation: Sendable, Equatable, Encodable {
    public var name: String
    public var kind: ResourceKind
    /// Booked and open seconds this week and next (weeks start on Monday, studio time).
    public var bookedThisWeek, openThisWeek, bookedNextWeek, openNextWeek: Int64

    /// Booked share of the open hours, in percent (0 when the studio has no open hours).
    public static func percent(_ booked: Int64, of open: Int64) -> Int {
        open > 0 ? Int((booked * 100 + open / 2) / open) : 0
    }
}

/// The dashboard (view 6 and `slate status`): today and the next seven days, most urgent first.
public struct Dashboard: Sendable, Equatable, Encodable {
    /// Now; `now.shown` is in the workspace's words: `mer. 2 déc. 09:00`.
    public var now: Timestamp
    /// Shows on air now (live, or confirmed and under way).
    public var live: [DashboardItem] = []
    /// Draft clashes, soft warnings and shows whose bookings disagree, over the eight days.
    public var clashes: [DashboardItem] = []
    /// Holds expiring or with a challenge deadline within 48 hours.
    public var holds: [DashboardItem] = []
    /// Open tasks past their due time, then those due before the end of today.
    public var overdue: [DashboardItem] = []
    public var dueToday: [DashboardItem] = []
    /// Proposed schedules waiting for the client's or the studio's decision.
    public var waiting: [DashboardItem] = []
    /// Draft invoices to send and sent ones not paid yet.
    public var invoices: [DashboardItem] = []
    /// Confirmed bookings starting this month at their resources' rates (studio staff).
    public var revenue: MoneyValue?
    /// Shows from the start of today to the end of the seventh day after it.
    public var shows: [DashboardItem] = []
    /// Where each person booked today is, and when.
    public var people: [DashboardItem] = []
    public var utilisation: [Utilisation] = []

    /// The sections in the order of urgency, each with its title.
    public var sections: [(title: String, items: [DashboardItem])] {
        [("Live now", live), ("Clashes", clashes), ("Holds expiring or challenged (48 h)", holds), ("Overdue tasks", overdue),
         ("Tasks due today", dueToday), ("Waiting for a decision", waiting), ("Invoices to send or collect", invoices),
         ("Shows today and the next 7 days", shows), ("Who is where today", people)]
    }
}

extension Session {
    /// What needs attention now and over the next seven days, as the user may see it.
    public func dashboard() throws -> Dashboard {
        try read { reader in
            let zone = LocalTime(timeZone: reader.settings.zone)
            let now = reader.now
            let today = zone.startOfDay(now, addingDays: 0)
            let tomorrow = zone.startOfDay(now, addingDays: 1)
            let horizon = zone.startOfDay(now, addingDays: 8)
            let words = reader.settings.words
            var board = Dashboard(now: Timestamp(now, in: zone, words: words))
            let shows = reader.visibility.predicate("shows", alias: "sh")
            // Each time in its studio's zone, named when the user's studios are in several.
            let several = try reader.zonesInPlay()
            func local(_ name: String) -> LocalTime { LocalTime.cached(name) ?? zone }
            func place(_ name: String) -> String { several ? " " + LocalTime.placeName(name) : "" }
            // Days and times in the workspace's words (`lun. 23 nov. 10:00–12:00`).
            func day(_ epoch: Int64, _ name: String) -> String { words.moment(epoch, in: local(name)) + place(name) }
            func time(_ interval: Interval, _ name: String) -> String { words.span(interval, in: local(name)) + place(name) }

            for row in try Row.fetchAll(reader.db, sql: """
                SELECT sh.uid, sh.title, sh.status, sh.start_at, sh.end_at, c.name, rm.name, s.time_zone
                FROM shows sh JOIN clients c ON c.id = sh.client_id JOIN studios s ON s.id = sh.studio_id LEFT JOIN rooms rm ON rm.id = sh.room_id
                WHERE sh.deleted_at IS NULL AND sh.status IN ('draft', 'proposed', 'confirmed', 'live', 'completed')
                  AND sh.end_at > ? AND sh.start_at < ? AND \(shows)
                ORDER BY sh.start_at, sh.id
                """, arguments: [today, horizon]) {
                let interval = Interval(start: row[3], end: row[4])
                let status = ShowStatus(rawValue: row[2]) ?? .draft
                let text = "\(time(interval, row[7]))  \(row[1] as String) · \(row[5] as String)\((row[6] as String?).map { " · \($0)" } ?? "") · \(status.rawValue)"
                board.shows.append(DashboardItem(text: text, target: .show(row[0])))
                if status == .live || (status == .confirmed && interval.start <= now && now < interval.end) {
                    board.live.append(DashboardItem(text: "\(row[1] as String) · \(row[6] as String? ?? "no room") until \(words.clock(interval.end, in: local(row[7])))\(place(row[7]))",
                                                    target: .show(row[0])))
                }
            }

            for finding in try findings(reader, start: today, end: horizon) {
                let target: DashboardItem.Target? = finding.subject.hasPrefix("sh-") ? .show(finding.subject) : try bookingTarget(reader, finding.subject)
                board.clashes.append(DashboardItem(text: finding.message, target: target))
            }

            let bookings = reader.visibility.predicate("bookings", alias: "b")
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT b.uid, r.uid, r.name, b.start_at, b.end_at, b.rank, b.expires_at, b.challenge_deadline, u.login, s.time_zone
                FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN users u ON u.id = b.holder_id JOIN studios s ON s.id = r.studio_id
                WHERE b.status = 'hold' AND b.deleted_at IS NULL AND \(bookings)
                  AND ((b.expires_at IS NOT NULL AND b.expires_at < ?1) OR (b.challenge_deadline IS NOT NULL AND b.challenge_deadline < ?1))
                ORDER BY min(ifnull(b.expires_at, ?1), ifnull(b.challenge_deadline, ?1)), b.id
                """, arguments: [now + 48 * 3_600]) {
                let challenged: Int64? = row[7]
                let why = challenged.map { "challenged: confirm or release by \(day($0, row[9]))" } ?? "expires \(day(row[6], row[9]))"
                board.holds.append(DashboardItem(text: "\(row[2] as String) \(time(Interval(start: row[3], end: row[4]), row[9])) · \(HoldQueue.ordinal(row[5] ?? 1)) hold by \(row[8] as String) · \(why)",
                                                 target: .booking(resource: row[1], start: row[3])))
            }

            let tasks = reader.visibility.predicate("tasks", alias: "k")
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT k.uid, k.title, k.due_at, sh.title, u.login, s.time_zone
                FROM tasks k JOIN shows sh ON sh.id = k.show_id JOIN studios s ON s.id = sh.studio_id LEFT JOIN users u ON u.id = k.assignee_id
                WHERE k.deleted_at IS NULL AND k.status NOT IN ('completed', 'cancelled') AND k.due_at < ? AND \(tasks)
                ORDER BY k.due_at, k.id LIMIT 200
                """, arguments: [tomorrow]) {
                let due: Int64 = row[2]
                let item = DashboardItem(text: "\(row[1] as String) · \(row[3] as String) · due \(day(due, row[5]))\((row[4] as String?).map { " · \($0)" } ?? "")",
                                         target: .task(row[0], overdue: due < now))
                if due < now { board.overdue.append(item) } else { board.dueToday.append(item) }
            }

            for row in try Row.fetchAll(reader.db, sql: """
                SELECT sc.uid, sc.name, c.name, count(sh.id), min(sh.start_at), s.time_zone
                FROM schedules sc JOIN clients c ON c.id = sc.client_id JOIN studios s ON s.id = sc.studio_id LEFT JOIN shows sh ON sh.schedule_id = sc.id AND sh.deleted_at IS NULL
                WHERE sc.deleted_at IS NULL AND sc.status = 'proposed' AND \(reader.visibility.predicate("schedules", alias: "sc"))
                GROUP BY sc.id ORDER BY min(sh.start_at), sc.id
                """) {
                let first: Int64? = row[4]
                board.waiting.append(DashboardItem(text: "\(row[1] as String) · \(row[2] as String) · \(Plural.count(row[3] as Int, "show"))\(first.map { " from \(day($0, row[5]))" } ?? "") · proposed",
                                                   target: .schedule(row[0])))
            }

            for row in try Row.fetchAll(reader.db, sql: """
                SELECT r.uid, r.name, b.start_at, b.end_at, rm.name, sh.title, s.time_zone
                FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN studios s ON s.id = r.studio_id
                LEFT JOIN shows sh ON sh.id = b.show_id LEFT JOIN rooms rm ON rm.id = sh.room_id
                WHERE r.kind = 'talent' AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.end_at > ? AND b.start_at < ? AND b.start_at >= ? AND \(bookings)
                ORDER BY r.name, b.start_at
                """, arguments: [today, tomorrow, today - (try Self.longestBooking(reader.db))]) {
                let interval = Interval(start: row[2], end: row[3])
                let location = [row[4] as String?, row[5] as String?].compactMap { $0 }.joined(separator: " · ")
                board.people.append(DashboardItem(text: "\(row[1] as String) · \(words.clock(interval.start, in: local(row[6])))–\(words.clock(interval.end, in: local(row[6])))\(place(row[6]))\(location.isEmpty ? "" : " · \(location)")",
                                                  target: .booking(resource: row[0], start: row[2])))
            }

            for row in try Row.fetchAll(reader.db, sql: """
                SELECT i.uid, json_extract(i.metadata, '$.number'), c.name, i.status, i.total_minor, i.currency, i.issued_at
                FROM invoices i JOIN clients c ON c.id = i.client_id
                WHERE i.deleted_at IS NULL AND i.status IN ('draft', 'sent') AND i.studio_id IN (\(Self.ids(reader.policy.studioIDs)))
                ORDER BY i.status, i.number
                """) {
                let status = InvoiceStatus(rawValue: row[3]) ?? .draft
                let what = status == .draft ? "draft to send" : "sent \((row[6] as Int64?).map { words.day(zone.day(of: $0)) } ?? ""), not paid"
                board.invoices.append(DashboardItem(text: "\(row[1] as String? ?? "") · \(row[2] as String) · \(reader.format.money(row[4]).text) · \(what)",
                                                    target: .invoice(row[0])))
            }
            board.revenue = try revenue(reader, zone: zone, now: now)
            board.utilisation = try utilisation(reader, now: now)
            return board
        }
    }

    /// What this month's confirmed bookings are worth at their resources' rates, or nil
    /// for a user who is no studio's staff.
    private func revenue(_ reader: Reader, zone: LocalTime, now: Int64) throws -> MoneyValue? {
        guard !reader.policy.studioIDs.isEmpty else { return nil }
        let day = zone.day(of: now).fields
        let month = try zone.parse(String(format: "%04d-%02d-01T00:00", day.year, day.month))
        let next = try zone.parse(String(format: "%04d-%02d-01T00:00", day.month == 12 ? day.year + 1 : day.year, day.month == 12 ? 1 : day.month + 1))
        var total: Int64 = 0
        // Bookings of one length at one rate cost the same: priced once per kind, times their count.
        for row in try Row.fetchAll(reader.db, sql: """
            WITH priced AS (
              SELECT resource_id, rate_minor, rate_unit FROM rooms WHERE rate_minor > 0 AND deleted_at IS NULL
              UNION ALL SELECT resource_id, rate_minor, rate_unit FROM equipment WHERE rate_minor > 0 AND deleted_at IS NULL
              UNION ALL SELECT resource_id, rate_minor, rate_unit FROM talent WHERE rate_minor > 0 AND deleted_at IS NULL)
            SELECT b.end_at - b.start_at, p.rate_minor, p.rate_unit, count(*)
            FROM priced p JOIN resources r ON r.id = p.resource_id
            JOIN bookings b INDEXED BY bookings_confirmed ON b.resource_id = p.resource_id AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.start_at >= ? AND b.start_at < ?
            WHERE r.studio_id IN (\(Self.ids(reader.policy.studioIDs)))
            GROUP BY 1, 2, 3
            """, arguments: [month, next]) {
            total += Invoicing.bookingLine(seconds: row[0], rateMinor: row[1], unit: RateUnit(rawValue: row[2]) ?? .hour, description: "").amountMinor * (row[3] as Int64)
        }
        return reader.format.money(total)
    }

    /// The booking a finding names, as a grid position.
    private func bookingTarget(_ reader: Reader, _ uid: String) throws -> DashboardItem.Target? {
        try Row.fetchOne(reader.db.cachedStatement(sql: "SELECT r.uid, b.start_at FROM bookings b JOIN resources r ON r.id = b.resource_id WHERE b.uid = ?"),
                         arguments: [uid]).map { .booking(resource: $0[0], start: $0[1]) }
    }

    /// Booked against open hours for every room and person the user sees, this week and next.
    private func utilisation(_ reader: Reader, now: Int64) throws -> [Utilisation] {
        let longest = try Self.longestBooking(reader.db)
        var result: [(kind: String, name: String, use: Utilisation)] = []
        // Each studio's weeks run Monday to Monday on its own clock.
        for studioID in reader.policy.studioIDs {
            let studio = try reader.studio(id: studioID)
            let zone = studio.zone
            let monday = zone.startOfDay(now, addingDays: -(zone.weekdayAndMinute(now).weekday - 1))
            let weeks = [Interval(start: monday, end: zone.startOfDay(monday, addingDays: 7)),
                         Interval(start: zone.startOfDay(monday, addingDays: 7), end: zone.startOfDay(monday, addingDays: 14))]
            let open = weeks.map { studio.hours.openSeconds(in: $0, zone: zone) }
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT r.name, r.kind,
                       (SELECT sum(min(b.end_at, ?2) - max(b.start_at, ?1)) FROM bookings b INDEXED BY bookings_confirmed
                        WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.end_at > ?1 AND b.start_at < ?2 AND b.start_at >= ?1 - ?4),
                       (SELECT sum(min(b.end_at, ?3) - max(b.start_at, ?2)) FROM bookings b INDEXED BY bookings_confirmed
                        WHERE b.resource_id = r.id AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.end_at > ?2 AND b.start_at < ?3 AND b.start_at >= ?2 - ?4)
                FROM resources r WHERE r.studio_id = ?5 AND r.deleted_at IS NULL AND r.kind IN ('room', 'talent')
                """, arguments: [weeks[0].start, weeks[0].end, weeks[1].end, longest, studioID]) {
                result.append((row[1], row[0], Utilisation(name: row[0], kind: ResourceKind(rawValue: row[1]) ?? .room, bookedThisWeek: row[2] ?? 0,
                                                           openThisWeek: open[0], bookedNextWeek: row[3] ?? 0, openNextWeek: open[1])))
            }
        }
        // Rooms, then people, by name (as the grid lists them).
        return result.sorted { ($0.kind, $0.name.lowercased()) < ($1.kind, $1.name.lowercased()) }.map(\.use)
    }
}
