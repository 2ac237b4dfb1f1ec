import GRDB
import SlateCore

/// A free time for a show (`slate show suggest`, the draft board's `s`).
public struct SlotSuggestion: ReadModel, Equatable {
    public var start, end: Timestamp

    public var listing: Listing {
        Listing([("start", .time(start)), ("end", .time(end))])
    }
}

extension Session {
    /// Free times for a show, nearest first (SlotSearch): its room and every one of its
    /// talent free (no confirmed booking, hold, time off or other draft), inside the
    /// studio's opening hours, within a week either side and never in the past.
    public func suggestSlots(show ref: String, limit: Int = 10) throws -> [SlotSuggestion] {
        guard (1...200).contains(limit) else { throw SlateError.invalidInput("--limit is 1 to 200") }
        return try read { reader in
            let show = try reader.show(uid: ref)
            let studio = try reader.studio(id: show.studioID)
            let zone = studio.zone
            let first = zone.start(of: zone.day(of: show.interval.start) - 7)
            let window = Interval(start: max(first, reader.now), end: zone.start(of: zone.day(of: show.interval.start) + 8))
            guard window.end > window.start else { return [] }
            var resources = try Int64.fetchAll(reader.db, sql: "SELECT resource_id FROM rooms WHERE id = ?", arguments: [show.roomID])
            resources += try Int64.fetchAll(reader.db, sql: """
                SELECT t.resource_id FROM show_talent st JOIN talent t ON t.id = st.talent_id WHERE st.show_id = ? AND st.deleted_at IS NULL
                UNION ALL
                SELECT e.resource_id FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id WHERE se.show_id = ? AND se.deleted_at IS NULL
                """, arguments: [show.id, show.id])
            guard !resources.isEmpty else { throw SlateError.invalidInput("\(show.label) has no room or talent to find a time for") }
            let busy = try resources.map { resource -> [Interval] in
                let bookings = try Row.fetchAll(reader.db, sql: """
                    SELECT start_at, end_at FROM bookings WHERE resource_id = ? AND status IN ('hold', 'confirmed') AND deleted_at IS NULL
                      AND ifnull(show_id, 0) != ? AND end_at > ? AND start_at < ?
                    """, arguments: [resource, show.id, window.start, window.end]).map { Interval(start: $0[0], end: $0[1]) }
                let off = try BookingQueue.timeOff(reader.db, resource: resource, overlapping: window).map(\.interval)
                let drafts = try Row.fetchAll(reader.db, sql: """
                    SELECT sh.start_at, sh.end_at FROM shows sh WHERE sh.status = 'draft' AND sh.deleted_at IS NULL AND sh.id != ? AND sh.end_at > ? AND sh.start_at < ?
                      AND (sh.room_id IN (SELECT id FROM rooms WHERE resource_id = ?)
                           OR sh.id IN (SELECT st.show_id FROM show_talent st JOIN talent t ON t.id = st.talent_id WHERE t.resource_id = ? AND st.deleted_at IS NULL)
                           OR sh.id IN (SELECT se.show_id FROM show_equipment se JOIN equipment e ON e.id = se.equipment_id WHERE e.resource_id = ? AND se.deleted_at IS NULL))
                    """, arguments: [show.id, window.start, window.end, resource, resource, resource]).map { Interval(start: $0[0], end: $0[1]) }
                return bookings + off + drafts
            }
            return SlotSearch.suggest(for: show.interval, within: window, busy: busy, hours: studio.hours, zone: zone, limit: limit).map {
                SlotSuggestion(start: Timestamp($0.start, in: zone, words: reader.settings.words), end: Timestamp($0.end, in: zone, words: reader.settings.words))
            }
        }
    }
}
