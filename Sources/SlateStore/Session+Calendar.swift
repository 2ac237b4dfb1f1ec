import Foundation
import GRDB
import SlateCore

/// What a calendar export covers.
public enum CalendarScope: Sendable, Equatable {
    case resource(String), studio(String), show(String)
}

extension Session {
    /// The live bookings and holds of `scope` overlapping the window, as an RFC 5545
    /// calendar: one VEVENT per booking (confirmed CONFIRMED, holds TENTATIVE with their
    /// rank), a series as one VEVENT with RRULE and EXDATE and an override (RECURRENCE-ID)
    /// for each occurrence that differs. UIDs are `booking@workspace`; SEQUENCE follows the
    /// version. The window defaults to 30 days back and a year ahead.
    public func calendar(_ scope: CalendarScope, from: When? = nil, to: When? = nil) throws -> (name: String, text: String) {
        try read { reader in
            let zone = LocalTime(timeZone: reader.settings.zone)
            let start = try from?.resolve(in: zone) ?? reader.now - 30 * 86_400
            let end = try to?.resolve(in: zone) ?? reader.now + 366 * 86_400
            guard end > start else { throw SlateError.invalidInput("--to must be after --from") }
            let (condition, argument, name): (String, any DatabaseValueConvertible, String)
            switch scope {
            case .resource(let ref):
                let resource = try reader.resource(ref: ref)
                (condition, argument, name) = ("b.resource_id = ?", resource.info.id, resource.info.name)
            case .studio(let ref):
                let studio = try reader.studio(ref: ref)
                (condition, argument, name) = ("r.studio_id = ?", studio.id, studio.name)
            case .show(let uid):
                let show = try reader.show(uid: uid)
                (condition, argument, name) = ("b.show_id = ?", show.id, show.title)
            }
            let rows = try Row.fetchAll(reader.db, sql: """
                SELECT b.uid, b.status, b.start_at, b.end_at, b.rank, b.version, b.note, b.recurrence_id, r.name AS resource, s.name AS studio, s.time_zone,
                       u.login, sh.title AS show, cl.name AS client
                FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN studios s ON s.id = r.studio_id JOIN users u ON u.id = b.holder_id
                LEFT JOIN shows sh ON sh.id = b.show_id LEFT JOIN clients cl ON cl.id = sh.client_id
                WHERE b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL AND \(condition) AND b.end_at > ? AND b.start_at < ?
                  AND \(reader.visibility.predicate("bookings", alias: "b"))
                ORDER BY b.start_at, b.id
                """, arguments: [argument, start, end])
            let workspace = try String.fetchOne(reader.db, sql: "SELECT uid FROM workspaces WHERE deleted_at IS NULL ORDER BY id LIMIT 1") ?? "slate"
            func event(_ row: Row, uid: String) -> CalendarEvent {
                let status = BookingStatus(rawValue: row["status"]) ?? .confirmed
                let note: String = row["note"]
                let what = (row["show"] as String?) ?? (note.isEmpty ? (status == .hold ? "pencilled" : "booked") : String(note.prefix { $0 != "\n" }.prefix(80)))
                let rank = (row["rank"] as Int?).map { HoldQueue.ordinal($0) + " hold" } ?? "hold"
                var description = "\(status == .hold ? "Held" : "Booked") by \(row["login"] as String) (\(row["uid"] as String))"
                if let client = row["client"] as String? { description += "\nClient: \(client)" }
                if !(row["note"] as String).isEmpty { description += "\nNote: \(row["note"] as String)" }
                return CalendarEvent(uid: "\(uid)@\(workspace)", sequence: (row["version"] as Int) - 1, start: row["start_at"], end: row["end_at"], zone: row["time_zone"],
                                     summary: (status == .hold ? "\(rank.prefix(1).uppercased() + rank.dropFirst()): " : "") + "\(row["resource"] as String) · \(what)",
                                     description: description, location: row["studio"], status: status == .hold ? "TENTATIVE" : "CONFIRMED")
            }
            var events: [CalendarEvent] = []
            var series: [Int64: [Row]] = [:]
            var order: [Int64] = []
            for row in rows {
                guard let recurrence = row["recurrence_id"] as Int64? else {
                    events.append(event(row, uid: row["uid"]))
                    continue
                }
                if series[recurrence] == nil { order.append(recurrence) }
                series[recurrence, default: []].append(row)
            }
            for recurrence in order {
                guard let first = series[recurrence]?.first,
                      let recordRow = try Row.fetchOne(reader.db, sql: "SELECT * FROM recurrences WHERE id = ?", arguments: [recurrence]) else { continue }
                let studioZone = LocalTime.cached(first["time_zone"]) ?? zone
                let record = SeriesRecord(recordRow, zone: studioZone)
                // Every live occurrence of the series, in the window or not: the rule covers them all.
                let live = try Row.fetchAll(reader.db, sql: """
                    SELECT b.uid, b.status, b.start_at, b.end_at, b.rank, b.version, b.note, b.recurrence_id, r.name AS resource, s.name AS studio, s.time_zone,
                           u.login, NULL AS show, NULL AS client
                    FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN studios s ON s.id = r.studio_id JOIN users u ON u.id = b.holder_id
                    WHERE b.recurrence_id = ? AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL ORDER BY b.start_at, b.id
                    """, arguments: [recurrence])
                guard let lead = live.first else { continue }
                let firstDay = studioZone.day(of: record.first.start)
                let planned = record.rule.days(from: firstDay).map { ($0, studioZone.shifted(record.first, days: $0 - firstDay)) }
                var byDay: [Day: Row] = [:]
                for row in live where byDay[studioZone.day(of: row["start_at"])] == nil { byDay[studioZone.day(of: row["start_at"])] = row }
                var master = event(lead, uid: record.uid)
                master.start = record.first.start
                master.end = record.first.end
                master.sequence = (recordRow["version"] as Int) - 1
                var rule = record.rule
                rule.until = nil
                var text = rule.text
                if let until = record.rule.until { text += ";UNTIL=" + ICalendar.utc(studioZone.start(of: until + 1) - 1) }
                master.rule = text
                var overrides: [CalendarEvent] = []
                var used: Set<String> = []
                for (day, interval) in planned {
                    guard let row = byDay[day] else {
                        master.exdates.append(interval.start)
                        continue
                    }
                    used.insert(row["uid"])
                    var occurrence = event(row, uid: record.uid)
                    if occurrence.start != interval.start || occurrence.end != interval.end || occurrence.summary != master.summary || occurrence.status != master.status {
                        occurrence.recurrenceID = interval.start
                        occurrence.sequence = max(occurrence.sequence, master.sequence)
                        overrides.append(occurrence)
                    }
                }
                events.append(master)
                events += overrides
                // An occurrence moved to a day the rule does not have stands on its own.
                events += live.filter { !used.contains($0["uid"]) }.map { event($0, uid: $0["uid"]) }
            }
            return (name, ICalendar.document(name: name, events: events, now: reader.now))
        }
    }

    /// Writes one calendar file per resource the user may see into `directory`
    /// (`<resource id>.ics`), each replaced atomically (written aside, then renamed), for a
    /// web server or a synced folder. Returns the files written.
    public func calendarFeed(directory: String, from: When? = nil, to: When? = nil) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SlateError.invalidInput("--feed: \(TextInput.printable(directory)) is not a folder")
        }
        var written: [String] = []
        for resource in try gridResources() {
            let text = try calendar(.resource(resource.uid), from: from, to: to).text
            let path = (directory as NSString).appendingPathComponent("\(resource.uid).ics")
            let aside = (directory as NSString).appendingPathComponent(".\(resource.uid).ics.partial")
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: aside))
                if rename(aside, path) != 0 { throw SlateError.storage("cannot replace \(path)") }
            } catch let error as SlateError {
                throw error
            } catch {
                throw SlateError.storage("cannot write \(path): \(error)")
            }
            written.append(path)
        }
        return written
    }
}
