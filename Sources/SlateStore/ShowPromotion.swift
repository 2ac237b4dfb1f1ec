import GRDB
import SlateCore

/// Rules 6 and 9: turning draft shows into bookings and tasks inside the caller's
/// transaction. A schedule's confirmation promotes a thousand shows, so what they need is
/// read set-wise: their resources, bookings and casts in a few queries for all of them, and
/// each resource's bookings, holds and time off once over the shows' whole span; every
/// booking is then checked in memory, against what the confirmation itself booked too.
enum ShowPromotion {
    /// Books one show's room, talent and equipment and generates its tasks.
    static func confirm(_ context: CommandContext, show: ShowRecord, studio: StudioInfo, forceReason: String?, alreadyConfirmed: Bool = false) throws {
        try confirm(context, shows: [show], studio: studio, forceReason: forceReason, alreadyConfirmed: alreadyConfirmed)
    }

    /// Books every show's room, talent and equipment (every clash is collected, not only
    /// the first), marks them confirmed, and generates their missing tasks.
    /// `readEachBooking` reads every booking's surroundings with its own queries, as forcing
    /// does (a test holds the in-memory check to it).
    static func confirm(_ context: CommandContext, shows: [ShowRecord], studio: StudioInfo, forceReason: String?, alreadyConfirmed: Bool = false,
                        readEachBooking: Bool = false) throws {
        guard !shows.isEmpty else { return }
        let ids = idList(shows.map(\.id))
        // What each show needs, in booking order: its room, its cast, its equipment.
        var needs: [Int64: [ResourceInfo]] = [:]
        let resource = """
            r.id, r.uid, r.name, r.kind, r.deleted_at, ifnull((SELECT banned FROM talent WHERE resource_id = r.id AND deleted_at IS NULL), 0)
            """
        for row in try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT sh.id, 0, 0, \(resource) FROM shows sh JOIN rooms m ON m.id = sh.room_id JOIN resources r ON r.id = m.resource_id
            WHERE sh.id IN (SELECT value FROM json_each(?1))
            UNION ALL SELECT st.show_id, 1, st.id, \(resource) FROM show_talent st JOIN talent t ON t.id = st.talent_id JOIN resources r ON r.id = t.resource_id
            WHERE st.show_id IN (SELECT value FROM json_each(?1)) AND st.deleted_at IS NULL
            UNION ALL SELECT se.show_id, 2, se.id, \(resource) FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id JOIN resources r ON r.id = e.resource_id
            WHERE se.show_id IN (SELECT value FROM json_each(?1)) AND se.deleted_at IS NULL
            ORDER BY 1, 2, 3
            """), arguments: [ids]) {
            guard row[7] == nil, let kind = ResourceKind(rawValue: row[6]) else {
                throw SlateError.notFound("no room, talent or equipment with id or name '\(row[4] as String)'")
            }
            needs[row[0], default: []].append(ResourceInfo(id: row[3], uid: row[4], name: row[5], kind: kind, banned: row[8]))
        }
        var booked = Set(try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT show_id, resource_id FROM bookings WHERE show_id IN (SELECT value FROM json_each(?)) AND status = 'confirmed' AND deleted_at IS NULL
            """), arguments: [ids]).map { Booked(show: $0[0], resource: $0[1]) })
        // Each resource's bookings, holds and time off over the shows' span, read at once.
        var calendars: [Int64: Calendar] = [:]
        if forceReason == nil, !readEachBooking {
            let needed = Set(needs.values.joined().map(\.id))
            let all = Interval(start: shows.map { $0.interval.start }.min() ?? 0, end: shows.map { $0.interval.end }.max() ?? 1)
            let resources = idList(Array(needed))
            var holds: [Int64: [BookingSnapshot]] = [:]
            for row in try Row.fetchAll(context.db.cachedStatement(sql: """
                SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
                WHERE b.resource_id IN (SELECT value FROM json_each(?)) AND b.status = 'hold' AND b.deleted_at IS NULL AND b.end_at > ? AND b.start_at < ?
                ORDER BY b.resource_id, b.end_at, b.start_at, b.id
                """), arguments: [resources, all.start, all.end]) {
                holds[row[2], default: []].append(BookingQueue.snapshot(row))
            }
            var timeOff: [Int64: [TimeOffPeriod]] = [:]
            for row in try Row.fetchAll(context.db.cachedStatement(sql: """
                SELECT resource_id, uid, start_at, end_at, hard, reason FROM time_off
                WHERE resource_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL AND end_at > ? AND start_at < ?
                ORDER BY resource_id, end_at, start_at, id
                """), arguments: [resources, all.start, all.end]) {
                timeOff[row[0], default: []].append(TimeOffPeriod(uid: row[1], interval: Interval(start: row[2], end: row[3]), hard: row[4], reason: row[5]))
            }
            // Confirmed bookings over the whole span in one index range per resource, bounded
            // by the longest booking ever written (kept by a trigger), as the grid reads.
            let longest = try Int64.fetchOne(context.db.cachedStatement(sql: "SELECT longest_booking_seconds FROM workspaces ORDER BY id LIMIT 1")) ?? 0
            var confirmed: [Int64: [BookingSnapshot]] = [:]
            for row in try Row.fetchAll(context.db.cachedStatement(sql: """
                SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
                WHERE b.resource_id IN (SELECT value FROM json_each(?)) AND b.status = 'confirmed' AND b.deleted_at IS NULL
                  AND b.start_at >= ? AND b.start_at < ? AND b.end_at > ?
                """), arguments: [resources, all.start - longest, all.end, all.start]) {
                confirmed[row[2], default: []].append(BookingQueue.snapshot(row))
            }
            for resource in needed {
                calendars[resource] = Calendar(confirmed: IntervalList(confirmed[resource] ?? []) { $0.interval },
                                               holds: IntervalList(holds[resource] ?? []) { $0.interval },
                                               timeOff: IntervalList(timeOff[resource] ?? []) { $0.interval })
            }
        }
        // Forcing releases holds as it goes: then each booking reads its surroundings afresh.
        var bookings: [NewBooking] = []
        var firstBooking: Int64?
        for show in shows {
            for resource in needs[show.id] ?? [] {
                guard booked.insert(Booked(show: show.id, resource: resource.id)).inserted else { continue }
                let around: BookingSurroundings
                // Read through the dictionary, so that adding a booking below does not copy the calendar.
                if let known = calendars[resource.id]?.around(show.interval, studio: studio) {
                    around = known
                } else {
                    // Written now, so that the next booking's read sees it.
                    if !bookings.isEmpty { try context.insertAll(bookings, firstID: firstBooking) }
                    bookings = []
                    around = try BookingQueue.surroundings(context.db, resource: resource.id, interval: show.interval, studio: studio)
                }
                var outcome = BookingRules.evaluate(BookingRequest(resource: resource, interval: show.interval, status: .confirmed), around: around)
                if !outcome.isAllowed, let forceReason {
                    outcome.violations = try Session.force(context, outcome: outcome, reason: forceReason, around: around, studio: studio)
                }
                context.violations += outcome.violations.map { RuleViolation($0.kind, "\(show.label): \($0.message)", otherUID: $0.otherUID, subjectUID: show.uid) }
                context.warnings += outcome.warnings.map { RuleWarning($0.kind, "\(show.label): \($0.message)") }
                guard outcome.isAllowed else { continue }
                // Ids taken now and in a row: the bookings are written together below.
                let id = try context.nextID("bookings")
                if bookings.isEmpty { firstBooking = id }
                bookings.append(NewBooking(resourceID: resource.id, holderID: context.actor.userID, showID: show.id, status: .confirmed, interval: show.interval,
                                           placedAt: context.now, note: "show \(show.title)"))
                calendars[resource.id]?.confirmed.insert(BookingSnapshot(id: id, uid: PublicID.make(prefix: PublicID.prefix(forTable: "bookings"), id: id), resourceID: resource.id,
                                                                         status: .confirmed, interval: show.interval, placedAt: context.now, holder: context.actor.login))
            }
        }
        try context.insertAll(bookings, firstID: firstBooking)
        if !alreadyConfirmed {
            try context.updateAll(shows.map(\.id), [ShowChange.status(.confirmed)])
        }
        try generateTasks(context, shows: shows, studioID: studio.id)
    }

    /// Rule 9: tasks from the studio's active templates; never duplicates. Each goes to its
    /// item's default assignee: a member by login, or the talent a review is about when
    /// that talent is linked to a user.
    static func generateTasks(_ context: CommandContext, shows: [ShowRecord], studioID: Int64) throws {
        let items = try context.templateItems[studioID] ?? Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT i.* FROM task_template_items i JOIN task_templates t ON t.id = i.template_id
            WHERE t.studio_id = ? AND t.active = 1 AND t.deleted_at IS NULL AND i.deleted_at IS NULL ORDER BY t.id, i.sort_order, i.id
            """), arguments: [studioID]).map {
            TemplateItemInfo(id: $0["id"], title: $0["title"], itemType: TaskItemType(rawValue: $0["item_type"]) ?? .other,
                             inputType: TaskInputType(rawValue: $0["input_type"]) ?? .text, required: $0["required"], dueOffset: $0["due_offset_seconds"],
                             dueFrom: DueAnchor(rawValue: $0["due_from"]) ?? .start, defaultAssignee: $0["default_assignee"])
        }
        context.templateItems[studioID] = items
        guard !items.isEmpty, !shows.isEmpty else { return }
        let ids = idList(shows.map(\.id))
        var talent: [Int64: [(id: Int64, name: String)]] = [:]
        var talentUsers: [Int64: Int64] = [:]
        for row in try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT st.show_id, st.id, t.name, t.user_id FROM show_talent st JOIN talent t ON t.id = st.talent_id
            WHERE st.show_id IN (SELECT value FROM json_each(?)) AND st.deleted_at IS NULL ORDER BY st.id
            """), arguments: [ids]) {
            talent[row[0], default: []].append((row[1], row[2]))
            talentUsers[row[1]] = row[3]
        }
        var platforms: [Int64: [(id: Int64, name: String)]] = [:]
        for row in try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT sp.show_id, sp.id, p.name FROM show_platforms sp JOIN platforms p ON p.id = sp.platform_id
            WHERE sp.show_id IN (SELECT value FROM json_each(?)) AND sp.deleted_at IS NULL ORDER BY sp.id
            """), arguments: [ids]) {
            platforms[row[0], default: []].append((row[1], row[2]))
        }
        var existing: [Int64: Set<TaskKey>] = [:]
        for row in try Row.fetchAll(context.db.cachedStatement(sql: """
            SELECT show_id, template_item_id, show_talent_id, show_platform_id FROM tasks
            WHERE show_id IN (SELECT value FROM json_each(?)) AND template_item_id IS NOT NULL AND deleted_at IS NULL
            """), arguments: [ids]) {
            existing[row[0], default: []].insert(TaskKey(templateItemID: row[1], showTalentID: row[2], showPlatformID: row[3]))
        }
        var members: [String: Int64?] = [:]
        var tasks: [NewTask] = []
        for show in shows {
            for task in TaskGeneration.tasks(showStart: show.interval.start, showEnd: show.interval.end, items: items, talent: talent[show.id] ?? [],
                                             platforms: platforms[show.id] ?? [], existing: existing[show.id] ?? []) {
                var assignee: Int64?
                if task.defaultAssignee == "talent" {
                    assignee = task.showTalentID.flatMap { talentUsers[$0] }
                } else if !task.defaultAssignee.isEmpty {
                    if members[task.defaultAssignee] == nil {
                        members[task.defaultAssignee] = try Int64.fetchOne(context.db.cachedStatement(sql: "SELECT id FROM users WHERE login = ? AND deleted_at IS NULL"),
                                                                          arguments: [task.defaultAssignee])
                    }
                    assignee = members[task.defaultAssignee] ?? nil
                }
                tasks.append(NewTask(showID: show.id, templateItemID: task.templateItemID, showTalentID: task.showTalentID, showPlatformID: task.showPlatformID,
                                     title: task.title, itemType: task.itemType, inputType: task.inputType, required: task.required, dueAt: task.dueAt,
                                     assigneeID: assignee))
            }
        }
        try context.insertAll(tasks)
    }

    /// Row ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
    private static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    private struct Booked: Hashable {
        var show, resource: Int64
    }

    /// One resource's live bookings, holds and time off over the shows' span, read once.
    private struct Calendar {
        var confirmed: IntervalList<BookingSnapshot>
        var holds: IntervalList<BookingSnapshot>
        var timeOff: IntervalList<TimeOffPeriod>

        /// What `BookingQueue.surroundings` would read for `interval`.
        func around(_ interval: Interval, studio: StudioInfo) -> BookingSurroundings {
            BookingSurroundings(confirmed: confirmed.overlapping(interval), holds: holds.overlapping(interval), timeOff: timeOff.overlapping(interval),
                                openingHours: studio.hours, zone: studio.zone, words: studio.words)
        }
    }
}
