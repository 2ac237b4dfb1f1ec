import Foundation

/// One event of an iCalendar export.
public struct CalendarEvent: Sendable, Equatable {
    public var uid: String
    public var sequence: Int
    public var start, end: Int64
    /// IANA zone the times are written in (`TZID`).
    public var zone: String
    public var summary: String
    public var description: String
    public var location: String
    /// CONFIRMED or TENTATIVE.
    public var status: String
    /// A series: its rule (`FREQ=WEEKLY;BYDAY=MO`) and the instances it skips.
    public var rule: String?
    public var exdates: [Int64]
    /// An occurrence of a series that differs from the rule: the instance it replaces.
    public var recurrenceID: Int64?

    public init(uid: String, sequence: Int, start: Int64, end: Int64, zone: String, summary: String, description: String = "", location: String = "",
                status: String, rule: String? = nil, exdates: [Int64] = [], recurrenceID: Int64? = nil) {
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.zone = zone
        self.summary = summary
        self.description = description
        self.location = location
        self.status = status
        self.rule = rule
        self.exdates = exdates
        self.recurrenceID = recurrenceID
    }
}

/// RFC 5545 written by hand: CRLF lines folded at 75 octets (never inside a UTF-8
/// character), text escaped, times local with `TZID` and a `VTIMEZONE` per zone giving
/// every offset change the events span.
public enum ICalendar {
    public static func document(name: String, events: [CalendarEvent], now: Int64) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Slate//Slate bookings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name)]
        let zones = Set(events.map(\.zone)).sorted()
        for zone in zones {
            let times = events.filter { $0.zone == zone }.flatMap { [$0.start, $0.end] + $0.exdates + [$0.recurrenceID].compactMap { $0 } }
            lines += timezone(zone, from: times.min() ?? now, to: (times.max() ?? now) + 400 * 86_400)
        }
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escape(event.uid))
            lines.append("DTSTAMP:" + utc(now))
            if let recurrenceID = event.recurrenceID { lines.append("RECURRENCE-ID;TZID=\(event.zone):" + local(recurrenceID, event.zone)) }
            lines.append("DTSTART;TZID=\(event.zone):" + local(event.start, event.zone))
            lines.append("DTEND;TZID=\(event.zone):" + local(event.end, event.zone))
            if let rule = event.rule { lines.append("RRULE:" + rule) }
            if !event.exdates.isEmpty { lines.append("EXDATE;TZID=\(event.zone):" + event.exdates.sorted().map { local($0, event.zone) }.joined(separator: ",")) }
            lines.append("SEQUENCE:\(event.sequence)")
            lines.append("STATUS:" + event.status)
            lines.append("SUMMARY:" + escape(event.summary))
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + escape(event.description)) }
            if !event.location.isEmpty { lines.append("LOCATION:" + escape(event.location)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values: backslash, semicolon, comma and line breaks escaped; other control
    /// characters (which TEXT may not hold) left out.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            case "\t": out.append(character)
            default:
                if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { continue }
                out.append(character)
            }
        }
        return out
    }

    /// A content line folded into lines of at most 75 octets, continuation lines starting
    /// with a space; a character is never split.
    public static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = character.utf8.count
            let limit = lines.isEmpty ? 75 : 74
            if octets + size > limit {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }

    /// `20261203T100000` in `zone`.
    public static func local(_ instant: Int64, _ zone: String) -> String {
        let time = LocalTime.cached(zone) ?? LocalTime(timeZone: .gmt)
        let text = time.format(instant).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        return text.count == 13 ? text + "00" : text
    }

    /// `20261203T090000Z`.
    public static func utc(_ instant: Int64) -> String {
        local(instant, "UTC") + "Z"
    }

    /// A VTIMEZONE for `zone` with the offset in force at `from` and every change up to `to`.
    static func timezone(_ identifier: String, from: Int64, to: Int64) -> [String] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        func offset(_ instant: Int64) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
        func text(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+"
            let magnitude = abs(seconds)
            return sign + String(format: "%02d%02d", magnitude / 3600, magnitude % 3600 / 60)
        }
        func observance(at instant: Int64, from before: Int, to after: Int) -> [String] {
            let kind = zone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(instant))) ? "DAYLIGHT" : "STANDARD"
            // DTSTART is the local time the change happens at, read in the offset before it.
            let wall = LocalTime(timeZone: TimeZone(secondsFromGMT: before) ?? .gmt)
            var start = wall.format(instant).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            if start.count == 13 { start += "00" }
            return ["BEGIN:\(kind)", "DTSTART:\(start)", "TZOFFSETFROM:\(text(before))", "TZOFFSETTO:\(text(after))", "END:\(kind)"]
        }
        let begin = from - 86_400
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(identifier)"]
        lines += observance(at: begin, from: offset(begin), to: offset(begin))
        var cursor = Date(timeIntervalSince1970: TimeInterval(begin))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), Int64(next.timeIntervalSince1970) <= to {
            let instant = Int64(next.timeIntervalSince1970)
            lines += observance(at: instant, from: offset(instant - 1), to: offset(instant))
            cursor = next
        }
        lines.append("END:VTIMEZONE")
        return lines
    }
}
