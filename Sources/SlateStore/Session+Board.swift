import GRDB
import SlateCore

/// Changes to a show made as one command (the show, as one thing): nil leaves a field as
/// it is. Cast, platforms and materials are the whole new lists.
public struct ShowEdit: Sendable, Equatable {
    public var title: String?
    /// New times, both or neither; local text is read in the studio's zone.
    public var start, end: When?
    /// A room by id or name; "" takes the show out of its room.
    public var room: String?
    public var talent, platforms, equipment, materials: [String]?
    public var type: ShowType?
    public var standard: ShowStandard?
    public var notes: String?

    public init(title: String? = nil, start: When? = nil, end: When? = nil, room: String? = nil, talent: [String]? = nil, platforms: [String]? = nil,
                equipment: [String]? = nil, materials: [String]? = nil, type: ShowType? = nil, standard: ShowStandard? = nil, notes: String? = nil) {
        self.title = title
        self.start = start
        self.end = end
        self.room = room
        self.talent = talent
        self.platforms = platforms
        self.equipment = equipment
        self.materials = materials
        self.type = type
        self.standard = standard
        self.notes = notes
    }

    /// True when the edit changes what the show books (times, room, cast, platforms).
    var touchesBookings: Bool { start != nil || end != nil || room != nil || talent != nil || platforms != nil || equipment != nil }
}

extension Session {
    /// Edits a show as a unit, in one command and one undo step: its fields, its times
    /// (every live booking moved and clash-checked), its room and cast (an old booking
    /// cancelled, a new one checked like any booking), its platforms and materials. On a
    /// confirmed show new talent and platforms get their tasks. Any clash refuses it all.
    public func editShow(_ uid: String, _ edit: ShowEdit, expectedVersion: Int? = nil, forceReason: String? = nil, plan: Bool = false) throws -> Outcome<String> {
        try perform("show edit", plan: plan) { context in
            let show = try context.show(uid: uid)
            let studio = try context.studio(id: show.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan shows")
            try context.requireVersion("shows", id: show.id, expected: expectedVersion)
            if edit.touchesBookings, !show.status.acceptsTalent {
                throw SlateError.refused([RuleViolation(.transition, "\(show.label) is \(show.status.rawValue); only draft and confirmed shows can change times, room, cast or platforms",
                                                        subjectUID: uid)])
            }
            var changes: [ShowChange] = []
            if let title = edit.title { changes.append(.title(try TextInput.name(title, field: "title"))) }
            if let type = edit.type { changes.append(.type(type)) }
            if let standard = edit.standard { changes.append(.standard(standard)) }
            if let notes = edit.notes { changes.append(.notes(try TextInput.note(notes, field: "notes"))) }
            if let start = edit.start, let end = edit.end {
                let interval = try Interval.validated(start: start.resolve(in: studio.zone), end: end.resolve(in: studio.zone))
                if interval != show.interval { try ShowMove.apply(context, showID: show.id, to: interval, forceReason: forceReason) }
            } else if edit.start != nil || edit.end != nil {
                throw SlateError.invalidInput("give both the start and the end")
            }
            if let room = edit.room {
                let roomID = room.trimmingWhitespace().isEmpty ? nil : try ShowWriting.room(context, ref: room, studio: studio)
                if roomID != show.roomID {
                    // The old room's live booking for the show goes; the new room is booked below.
                    if let old = show.roomID { try ShowWriting.cancelBookings(context, showID: show.id, resourceID: try context.snapshot("rooms", id: old)["resource_id"]) }
                    changes.append(.roomID(roomID))
                }
            }
            if let talent = edit.talent {
                let wanted = try talent.map { try context.talent(ref: $0).id }
                let current = try ShowWriting.links(context, "show_talent", column: "talent_id", showID: show.id)
                try ShowWriting.replaceLinks(current: current, wanted: wanted, remove: { try ShowWriting.removeTalent(context, showID: show.id, link: $0) },
                                             add: { talentID in
                                                 let resource: String = try context.snapshot("talent", id: talentID)["uid"]
                                                 try ShowWriting.addTalent(context, showID: show.id, ref: resource, studio: studio)
                                             })
            }
            if let platforms = edit.platforms {
                let wanted = try platforms.map { try context.id("platforms", ref: $0, what: "platform") }
                let current = try ShowWriting.links(context, "show_platforms", column: "platform_id", showID: show.id)
                try ShowWriting.replaceLinks(current: current, wanted: wanted, remove: { try ShowWriting.removePlatform(context, link: $0) },
                                             add: { platformID in
                                                 let ref: String = try context.snapshot("platforms", id: platformID)["uid"]
                                                 try ShowWriting.addPlatform(context, showID: show.id, ref: ref)
                                             })
            }
            if let equipment = edit.equipment {
                let wanted = try equipment.map { ref -> Int64 in
                    let resolved = try context.resource(ref: ref)
                    guard resolved.info.kind == .equipment, let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM equipment WHERE resource_id = ?", arguments: [resolved.info.id]) else {
                        throw SlateError.invalidInput("\(resolved.info.name) is not equipment")
                    }
                    return id
                }
                let current = try ShowWriting.links(context, "show_equipment", column: "equipment_id", showID: show.id)
                try ShowWriting.replaceLinks(current: current, wanted: wanted, remove: { try ShowWriting.removeEquipment(context, showID: show.id, link: $0) },
                                             add: { equipmentID in
                                                 let ref: String = try context.snapshot("equipment", id: equipmentID)["uid"]
                                                 try ShowWriting.addEquipment(context, showID: show.id, ref: ref, studio: studio)
                                             })
            }
            if let materials = edit.materials {
                let wanted = try materials.map {
                    try context.row("materials", ref: $0, what: "material", nameColumn: "title", scope: "AND client_id = \(show.clientID)")["id"] as Int64
                }
                let current = try ShowWriting.links(context, "show_materials", column: "material_id", showID: show.id)
                try ShowWriting.replaceLinks(current: current, wanted: wanted, remove: { try context.softDelete("show_materials", id: $0) },
                                             add: { try context.insert(NewShowMaterial(showID: show.id, materialID: $0)) })
            }
            if !changes.isEmpty { try context.update(show.id, changes) }
            if context.violations.isEmpty, show.status == .confirmed {
                // Books what the show now needs (a new room or cast) and adds their tasks.
                try ShowPromotion.confirm(context, show: try context.show(id: show.id), studio: studio, forceReason: forceReason, alreadyConfirmed: true)
            }
            context.summary = "edit \(show.label)"
            return uid
        }
    }

    /// Copies a show to another day (the board's `y` and `p`): a new draft at the same
    /// wall-clock time in the studio's zone, with its room, cast, platforms and materials.
    public func copyShow(_ uid: String, toDay date: String) throws -> Outcome<String> {
        try perform("show copy") { context in
            let show = try context.show(uid: uid)
            let studio = try context.studio(id: show.studioID)
            guard let day = Day(iso: date) else { throw SlateError.invalidInput("'\(TextInput.printable(date))' is not a date; use 2026-12-03") }
            let interval = studio.zone.shifted(show.interval, days: day - studio.zone.day(of: show.interval.start))
            let row = try context.snapshot("shows", id: show.id)
            func uids(_ sql: String) throws -> [String] { try String.fetchAll(context.db, sql: sql, arguments: [show.id]) }
            let input = ShowInput(client: try context.snapshot("clients", id: show.clientID)["uid"],
                                  schedule: try show.scheduleID.map { try context.snapshot("schedules", id: $0)["uid"] },
                                  studio: studio.uid,
                                  room: try show.roomID.map { try context.snapshot("rooms", id: $0)["uid"] },
                                  title: show.title, start: .instant(interval.start), end: .instant(interval.end),
                                  type: ShowType(rawValue: row["type"]) ?? .bau, standard: ShowStandard(rawValue: row["standard"]) ?? .standard,
                                  talent: try uids("SELECT t.uid FROM show_talent st JOIN talent t ON t.id = st.talent_id WHERE st.show_id = ? AND st.deleted_at IS NULL ORDER BY st.id"),
                                  platforms: try uids("SELECT p.uid FROM show_platforms sp JOIN platforms p ON p.id = sp.platform_id WHERE sp.show_id = ? AND sp.deleted_at IS NULL ORDER BY sp.id"),
                                  equipment: try uids("SELECT e.uid FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id WHERE se.show_id = ? AND se.deleted_at IS NULL ORDER BY se.id"),
                                  materials: try uids("SELECT m.uid FROM show_materials sm JOIN materials m ON m.id = sm.material_id WHERE sm.show_id = ? AND sm.deleted_at IS NULL ORDER BY sm.id"),
                                  notes: row["notes"])
            let copy = try ShowWriting.insert(context, input)
            context.summary = "copy \(show.label) to \(studio.text(interval))"
            return copy
        }
    }

    /// Deletes a draft show (it reserved nothing); confirmed shows are cancelled instead.
    public func deleteShow(_ uid: String, expectedVersion: Int? = nil) throws -> Outcome<String> {
        try perform("show delete") { context in
            let show = try context.show(uid: uid)
            let studio = try context.studio(id: show.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan shows")
            guard show.status == .draft else {
                throw SlateError.refused([RuleViolation(.transition, "\(show.label) is \(show.status.rawValue); only drafts are deleted (cancel it: slate show cancel \(uid))")])
            }
            try context.softDelete("shows", id: show.id, expectedVersion: expectedVersion)
            context.summary = "delete draft \(show.label)"
            return uid
        }
    }

    /// Moves several shows by whole days and minutes, each at the same wall-clock time in
    /// its studio's zone, in one command; any clash refuses them all, each named.
    public func shiftShows(_ uids: [String], days: Int, minutes: Int = 0, plan: Bool = false) throws -> Outcome<[String]> {
        guard !uids.isEmpty else { throw SlateError.invalidInput("name at least one show") }
        guard abs(days) <= 366, abs(minutes) <= 24 * 60 else { throw SlateError.invalidInput("move by at most a year, or a day of minutes") }
        return try perform("show shift", plan: plan) { context in
            var moved: [String: String] = [:]
            // All move by the same amount: the show furthest in the direction of travel
            // moves first, so none lands on a place another of them has yet to leave.
            let forward = days > 0 || (days == 0 && minutes > 0)
            let shows = try uids.map { try context.show(uid: $0) }.sorted { forward ? $0.interval.start > $1.interval.start : $0.interval.start < $1.interval.start }
            let ids = shows.map { "\($0.id)" }.joined(separator: ",")
            let own = Set(try String.fetchAll(context.db, sql: "SELECT uid FROM bookings WHERE show_id IN (\(ids)) AND status IN ('hold', 'confirmed') AND deleted_at IS NULL"))
            let before = context.violations.count
            for show in shows {
                let studio = try context.studio(id: show.studioID)
                let interval = studio.zone.shifted(show.interval, days: days, minutes: minutes)
                try ShowMove.apply(context, showID: show.id, to: interval, forceReason: nil)
                moved[show.uid] = "\(show.title) → \(studio.text(interval))"
            }
            // A show that could not move leaves its bookings where the next would land:
            // those clashes are with the moving shows themselves, not real; the real ones stay.
            let found = context.violations[before...]
            if found.contains(where: { !own.contains($0.otherUID ?? "") }) {
                context.violations = Array(context.violations[..<before]) + found.filter { !own.contains($0.otherUID ?? "") }
            }
            context.summary = "move \(Plural.count(uids.count, "show")) \(Self.shiftWords(days: days, minutes: minutes))"
            return uids.compactMap { moved[$0] }
        }
    }

    /// "2 days later", "30 minutes earlier", "1 day and 30 minutes later"; "by -1 day and
    /// +30 minutes" when the two go opposite ways.
    static func shiftWords(days: Int, minutes: Int) -> String {
        let parts = [(days, "day"), (minutes, "minute")].filter { $0.0 != 0 }
        if parts.isEmpty { return "by nothing" }
        if parts.count == 2 && (days > 0) != (minutes > 0) {
            return "by " + parts.map { ($0.0 < 0 ? "-" : "+") + Plural.count(abs($0.0), $0.1) }.joined(separator: " and ")
        }
        return parts.map { Plural.count(abs($0.0), $0.1) }.joined(separator: " and ") + (days > 0 || minutes > 0 ? " later" : " earlier")
    }
}
