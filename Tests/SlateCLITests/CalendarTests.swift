import Foundation
import SlateTestSupport
import Testing

/// Calendars out, read back by an independent parser: Python's `icalendar` and
/// `recurring-ical-events` (installed by `.ci/run`).
@Suite("iCalendar export (RFC 5545)")
struct CalendarTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Calendar/expand.py").path

    /// The events of an .ics file between two instants, as the independent parser expands them.
    func expand(_ text: String, _ h: CLIHarness, from: Int64, to: Int64) throws -> [[String: Any]] {
        let file = h.directory + "/export.ics"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, file, String(from), String(to)]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the parser refused the file: \(problem)")
        return try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
    }

    /// Live bookings as Slate lists them: (start, end) epochs and status, sorted.
    func live(_ h: CLIHarness, from: String, to: String) throws -> [String] {
        let list = h.run("booking", "list", "--json", "--from", from, "--to", to)
        let rows = try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]] ?? []
        return rows.compactMap { row in
            guard let start = (row["start"] as? [String: Any])?["epoch"] as? Int, let end = (row["end"] as? [String: Any])?["epoch"] as? Int,
                  let status = row["status"] as? String, status == "hold" || status == "confirmed" else { return nil }
            return "\(start)-\(end)-\(status == "hold" ? "TENTATIVE" : "CONFIRMED")"
        }.sorted()
    }

    func key(_ event: [String: Any]) -> String {
        "\(event["start"] as? Int ?? 0)-\(event["end"] as? Int ?? 0)-\(event["status"] as? String ?? "")"
    }

    @Test func everyBookingIsOneEventWithItsTextEscapedAndFolded() throws {
        let h = try CLIHarness.ready()
        let note = "Loud; bring cables, a \\ backslash\nand a second line — «Zoë 🎤» 王芳 " + String(repeating: "long text ", count: 12)
        let booked = h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00", "--note", note)
        #expect(booked.code == 0)
        #expect(h.run("hold", "Stage A", "--from", "2026-12-03T11:00", "--to", "2026-12-03T13:00").code == 0)
        #expect(h.run("hold", "Stage A", "--from", "2026-12-03T11:30", "--to", "2026-12-03T12:30").code == 0)
        let export = h.run("export", "ics", "--resource", "Stage A")
        #expect(export.code == 0 && export.out.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let from: Int64 = 1_796_000_000, to: Int64 = 1_800_000_000
        let events = try expand(export.out, h, from: from, to: to)
        #expect(events.map(key).sorted() == (try live(h, from: "2026-11-01T00:00", to: "2027-01-15T00:00")))
        let confirmed = try #require(events.first { $0["status"] as? String == "CONFIRMED" })
        #expect((confirmed["description"] as? String)?.contains(note) == true)
        #expect((confirmed["uid"] as? String)?.hasPrefix(String(booked.out.prefix(9)) + "@ws-") == true)
        #expect(confirmed["local"] as? String == "2026-12-03T10:00")
        #expect(events.compactMap { $0["summary"] as? String }.contains("2nd hold: Stage A · pencilled"))
        // SEQUENCE follows the version: moving the booking raises it.
        #expect(h.run("move", String(booked.out.prefix(9)), "--from", "2026-12-04T10:00", "--to", "2026-12-04T12:00").code == 0)
        let moved = try expand(h.run("export", "ics", "--resource", "Stage A").out, h, from: from, to: to)
        #expect(moved.first { ($0["uid"] as? String)?.hasPrefix(String(booked.out.prefix(9))) == true }?["sequence"] as? Int == 1)
        #expect(h.run("export", "ics").code == 2)
        #expect(h.run("export", "ics", "--resource", "Nowhere").code == 2)
    }

    @Test func seriesExpandAsSlateBookedThemAcrossClockChangesExceptionsAndEdits() throws {
        let h = try CLIHarness.ready()
        var random = SystemRandomNumberGenerator()
        let rules = ["weekly;byday=MO,WE;count=12", "daily;interval=3;until=2027-04-10", "monthly;byday=-1FR;count=8", "monthly;count=6",
                     "weekly;interval=2;byday=TU,SA;until=2027-11-10", "weekly;byday=SU;count=20"]
        var hour = 6
        for rule in rules {
            hour += 2
            // Starts before the spring and autumn changes, on a day the rule has.
            let first = rule.hasPrefix("monthly;byday=-1FR") ? "2027-01-29" : rule.hasPrefix("weekly;byday=SU") ? "2027-03-14"
                : rule.contains("TU,SA") ? "2027-03-16" : rule.hasPrefix("weekly;byday=MO,WE") ? "2027-03-15" : "2027-03-01"
            let minutes = Int.random(in: 1...3, using: &random) * 30
            let end = String(format: "%@T%02d:%02d", first, hour + minutes / 60, minutes % 60)
            let result = h.run("book", hour % 4 == 0 ? "Stage A" : "Stage B", "--from", String(format: "%@T%02d:00", first, hour), "--to", end,
                               "--repeat", rule, "--skip-clashes")
            #expect(result.code == 0, "\(rule): \(result.err)")
        }
        let series = try JSONSerialization.jsonObject(with: Data(h.run("series", "list", "--json").out.utf8)) as? [[String: Any]] ?? []
        #expect(series.count == rules.count)
        // Edits: one occurrence cancelled, this-and-following moved, one moved on its own.
        let first = try #require(series.first?["uid"] as? String)
        let occurrences = try JSONSerialization.jsonObject(with: Data(h.run("series", "show", first, "--json").out.utf8)) as? [[String: Any]] ?? []
        let uids = occurrences.compactMap { $0["uid"] as? String }
        #expect(h.run("series", "cancel", first, "--only", uids[2]).code == 0)
        #expect(h.run("series", "move", first, "--from", uids[5], "--at", "20:00", "--for", "45m").code == 0)
        #expect(h.run("move", uids[7], "--from", "2027-04-20T07:00", "--to", "2027-04-20T07:30").code == 0)
        let export = h.run("export", "ics", "--studio", "North", "--from", "2027-01-01T00:00", "--to", "2028-01-01T00:00")
        #expect(export.code == 0)
        #expect(export.out.contains("RRULE:FREQ=DAILY;INTERVAL=3;UNTIL=20270410T215959Z"))
        #expect(export.out.contains("EXDATE;TZID=Europe/Paris:") && export.out.contains("RECURRENCE-ID;TZID=Europe/Paris:"))
        let events = try expand(export.out, h, from: 1_798_758_000, to: 1_830_294_000)
        #expect(events.map(key).sorted() == (try live(h, from: "2027-01-01T00:00", to: "2028-01-01T00:00")))
        // Across the spring change a 10:00 series stays at its wall-clock time.
        let locals = Set(events.filter { ($0["uid"] as? String)?.hasPrefix("rc-") == true }.compactMap { ($0["local"] as? String)?.suffix(5) })
        #expect(locals.allSatisfy { ["08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"].contains(String($0)) }, "\(locals)")
    }

    @Test func aFeedWritesOneFilePerResourceReplacingThemWhole() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        let feed = h.directory + "/feed"
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: true)
        let result = h.run("export", "ics", "--feed", feed)
        #expect(result.code == 0 && result.out.hasPrefix("Wrote 3 calendar(s)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: feed).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".ics") && !$0.hasPrefix(".") })
        #expect(h.run("export", "ics", "--feed", h.directory + "/missing").code == 2)
    }
}
