import GRDB
import SlateCore

/// The writes a show is made of, shared by the commands that add, copy and edit shows.
enum ShowWriting {
    /// Inserts a draft show with its talent, platforms and materials.
    static func insert(_ context: CommandContext, _ input: ShowInput, recurrenceID: Int64? = nil) throws -> String {
        let schedule = try input.schedule.map { try context.schedule(uid: $0) }
        let studio = try schedule.map { try context.studio(id: $0.studioID) } ?? context.studio(refOrOnly: input.studio)
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "plan shows")
        // A show of a schedule is for the schedule's client unless another is named (and refused).
        let clientID = try input.client.isEmpty && schedule != nil ? schedule!.clientID : context.client(ref: input.client).id
        if let schedule {
            guard schedule.clientID == clientID else {
                throw SlateError.invalidInput("schedule \(schedule.uid) belongs to another client")
            }
            guard schedule.status.acceptsShows else {
                throw SlateError.refused([RuleViolation(.transition, "schedule \(schedule.uid) is \(schedule.status.rawValue); shows can be added to draft or proposed schedules only")])
            }
        }
        let roomID = try input.room.map { try room(context, ref: $0, studio: studio) }
        let interval = try Interval.validated(start: input.start.resolve(in: studio.zone), end: input.end.resolve(in: studio.zone))
        let title = try TextInput.name(input.title, field: "title")
        let show = try context.insert(NewShow(studioID: studio.id, clientID: clientID, scheduleID: schedule?.id, roomID: roomID, title: title,
                                              type: input.type, standard: input.standard, interval: interval, notes: try TextInput.note(input.notes, field: "notes"),
                                              recurrenceID: recurrenceID))
        for person in input.talent { try addTalent(context, showID: show.id, ref: person, studio: studio) }
        for platform in input.platforms { try addPlatform(context, showID: show.id, ref: platform) }
        for item in input.equipment { try addEquipment(context, showID: show.id, ref: item, studio: studio) }
        for material in input.materials { try addMaterial(context, showID: show.id, clientID: clientID, ref: material) }
        context.summary = "add draft show \(title) \(studio.text(interval))"
        return show.uid
    }

    /// The row id of a room of `studio`, by the public id or name of the room or its resource.
    static func room(_ context: CommandContext, ref: String, studio: StudioInfo) throws -> Int64 {
        let resolved = try context.resource(ref: ref)
        guard resolved.info.kind == .room, resolved.studio.id == studio.id,
              let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM rooms WHERE resource_id = ?", arguments: [resolved.info.id]) else {
            throw SlateError.invalidInput("\(resolved.info.name) is not a room of \(studio.name)")
        }
        return id
    }

    /// Casts talent of the show's studio; banned talent is refused.
    @discardableResult
    static func addTalent(_ context: CommandContext, showID: Int64, ref: String, studio: StudioInfo) throws -> String {
        let resolved = try context.resource(ref: ref)
        guard resolved.info.kind == .talent, let talentID = resolved.talentID else {
            throw SlateError.invalidInput("\(resolved.info.name) is not talent")
        }
        let talent = TalentRecord(try context.snapshot("talent", id: talentID))
        guard talent.studioID == studio.id else {
            throw SlateError.invalidInput("\(talent.name) is talent of another studio")
        }
        if let banned = BookingRules.banned(resolved.info) { throw SlateError.refused([banned]) }
        if try Int64.fetchOne(context.db, sql: "SELECT id FROM show_talent WHERE show_id = ? AND talent_id = ? AND deleted_at IS NULL", arguments: [showID, talent.id]) != nil {
            throw SlateError.invalidInput("\(talent.name) is already on this show")
        }
        return try context.insert(NewShowTalent(showID: showID, talentID: talent.id)).uid
    }

    /// Takes talent off a show: the link goes, their live booking for it is cancelled and
    /// their open review tasks are cancelled (completed work is kept).
    static func removeTalent(_ context: CommandContext, showID: Int64, link: Int64) throws {
        let talentID: Int64 = try context.snapshot("show_talent", id: link)["talent_id"]
        try context.softDelete("show_talent", id: link)
        try cancelBookings(context, showID: showID, resourceID: try context.snapshot("talent", id: talentID)["resource_id"])
        try cancelOpenTasks(context, column: "show_talent_id", id: link)
    }

    /// Adds equipment of the show's studio to a show.
    static func addEquipment(_ context: CommandContext, showID: Int64, ref: String, studio: StudioInfo) throws {
        let resolved = try context.resource(ref: ref)
        guard resolved.info.kind == .equipment, resolved.studio.id == studio.id,
              let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM equipment WHERE resource_id = ?", arguments: [resolved.info.id]) else {
            throw SlateError.invalidInput("\(resolved.info.name) is not equipment of \(studio.name)")
        }
        if try Int64.fetchOne(context.db, sql: "SELECT id FROM show_equipment WHERE show_id = ? AND equipment_id = ? AND deleted_at IS NULL", arguments: [showID, id]) != nil {
            throw SlateError.invalidInput("\(resolved.info.name) is already on this show")
        }
        try context.insert(NewShowEquipment(showID: showID, equipmentID: id))
    }

    /// Takes equipment off a show: the link goes and its live booking for the show is cancelled.
    static func removeEquipment(_ context: CommandContext, showID: Int64, link: Int64) throws {
        let equipmentID: Int64 = try context.snapshot("show_equipment", id: link)["equipment_id"]
        try context.softDelete("show_equipment", id: link)
        try cancelBookings(context, showID: showID, resourceID: try context.snapshot("equipment", id: equipmentID)["resource_id"])
    }

    /// Cancels the show's live bookings of one resource (a room, person or item taken off it).
    static func cancelBookings(_ context: CommandContext, showID: Int64, resourceID: Int64) throws {
        for booking in try Row.fetchAll(context.db, sql: """
            SELECT \(BookingQueue.snapshotColumns) FROM bookings b JOIN users u ON u.id = b.holder_id
            WHERE b.show_id = ? AND b.resource_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL
            """, arguments: [showID, resourceID]) {
            try BookingQueue.retire(context, booking: BookingQueue.snapshot(booking), to: .cancelled)
        }
    }

    /// The live links of a show to its talent, platforms, equipment or materials: the
    /// linked record's row id and the link's.
    static func links(_ context: CommandContext, _ table: String, column: String, showID: Int64) throws -> [(record: Int64, link: Int64)] {
        try Row.fetchAll(context.db, sql: "SELECT \(column), id FROM \(table) WHERE show_id = ? AND deleted_at IS NULL ORDER BY id", arguments: [showID])
            .map { (record: $0[0] as Int64, link: $0[1] as Int64) }
    }

    @discardableResult
    static func addPlatform(_ context: CommandContext, showID: Int64, ref: String) throws -> String {
        let platformID = try context.id("platforms", ref: ref, what: "platform")
        if try Int64.fetchOne(context.db, sql: "SELECT id FROM show_platforms WHERE show_id = ? AND platform_id = ? AND deleted_at IS NULL", arguments: [showID, platformID]) != nil {
            throw SlateError.invalidInput("the show is already on that platform")
        }
        return try context.insert(NewShowPlatform(showID: showID, platformID: platformID)).uid
    }

    /// Takes a platform off a show; its open review tasks are cancelled.
    static func removePlatform(_ context: CommandContext, link: Int64) throws {
        try context.softDelete("show_platforms", id: link)
        try cancelOpenTasks(context, column: "show_platform_id", id: link)
    }

    /// Attaches one of the client's materials (by id or title) to a show.
    static func addMaterial(_ context: CommandContext, showID: Int64, clientID: Int64, ref: String) throws {
        let material = try context.row("materials", ref: ref, what: "material", nameColumn: "title", scope: "AND client_id = \(clientID)")
        guard (material["client_id"] as Int64) == clientID else { throw SlateError.invalidInput("material \(ref) belongs to another client") }
        if try Int64.fetchOne(context.db, sql: "SELECT id FROM show_materials WHERE show_id = ? AND material_id = ? AND deleted_at IS NULL",
                              arguments: [showID, material["id"] as Int64]) != nil { return }
        try context.insert(NewShowMaterial(showID: showID, materialID: material["id"]))
    }

    /// Marks the open tasks about a removed talent or platform cancelled (never deletes them).
    static func cancelOpenTasks(_ context: CommandContext, column: String, id: Int64) throws {
        for task in try Int64.fetchAll(context.db, sql: "SELECT id FROM tasks WHERE \(column) = ? AND status NOT IN ('completed', 'cancelled') AND deleted_at IS NULL",
                                       arguments: [id]) {
            try context.update(task, [TaskChange.status(.cancelled), .blockedReason("")])
        }
    }

    /// Makes a show's cast, platforms or materials exactly `refs`: links not named are
    /// removed, new ones added. `current` maps each linked record's row id to its link.
    static func replaceLinks(current: [(record: Int64, link: Int64)], wanted: [Int64], remove: (Int64) throws -> Void, add: (Int64) throws -> Void) throws {
        let wantedSet = Set(wanted)
        for pair in current where !wantedSet.contains(pair.record) { try remove(pair.link) }
        let have = Set(current.map(\.record))
        var added: Set<Int64> = []
        for record in wanted where !have.contains(record) && added.insert(record).inserted { try add(record) }
    }
}

struct NewShowEquipment: NewRow {
    static let table = "show_equipment"
    var showID, equipmentID: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("show_id", showID), ("equipment_id", equipmentID)] }
}

struct NewShowMaterial: NewRow {
    static let table = "show_materials"
    var showID, materialID: Int64
    var columns: [(String, (any DatabaseValueConvertible)?)] { [("show_id", showID), ("material_id", materialID)] }
}
