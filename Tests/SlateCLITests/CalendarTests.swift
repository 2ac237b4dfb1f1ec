import Foundation
import SlateCore
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
        let list = h.run("booking", "list", "--json", "--limit", "5000", "--from", from, "--to", to)
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
        // A fixed rule whose UNTIL is checked below, then random ones: each at its own hour
        // (no two series clash), from a day the rule has, across both clock changes.
        var rules = ["daily;interval=3;until=2027-04-10"]
        var firsts = ["2027-03-01"]
        let codes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        for _ in 0..<7 {
            var first = Day(iso: "2027-01-04")! + Int.random(in: 0...280, using: &random)
            var parts: [String]
            switch Int.random(in: 0...2, using: &random) {
            case 0: parts = ["daily"]
            case 1:
                let days = Set((0..<Int.random(in: 1...3, using: &random)).map { _ in Int.random(in: 1...7, using: &random) }).sorted()
                while !days.contains(first.weekday) { first = first + 1 }
                parts = ["weekly", "byday=" + days.map { codes[$0 - 1] }.joined(separator: ",")]
            default:
                if Bool.random(using: &random), first.fields.day <= 28 {
                    let week = (first.fields.day - 1) / 7 + 1
                    parts = ["monthly", "byday=\(week)\(codes[first.weekday - 1])"]
                } else {
                    parts = ["monthly"]
                }
            }
            if Bool.random(using: &random) { parts.append("interval=\(Int.random(in: 2...3, using: &random))") }
            parts.append(Bool.random(using: &random) ? "count=\(Int.random(in: 2...15, using: &random))" : "until=\((first + Int.random(in: 20...300, using: &random)).iso)")
            rules.append(parts.joined(separator: ";"))
            firsts.append(first.iso)
        }
        for (index, (rule, first)) in zip(rules, firsts).enumerated() {
            let hour = 6 + index * 2
            let minutes = Int.random(in: 1...3, using: &random) * 30
            let end = String(format: "%@T%02d:%02d", first, hour + minutes / 60, minutes % 60)
            let result = h.run("book", index % 2 == 0 ? "Stage A" : "Stage B", "--from", String(format: "%@T%02d:00", first, hour), "--to", end,
                               "--repeat", rule, "--skip-clashes")
            #expect(result.code == 0, "\(rule) from \(first): \(result.err)")
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
        let export = h.run("export", "ics", "--studio", "North", "--from", "2027-01-01T00:00", "--to", "2029-01-01T00:00")
        #expect(export.code == 0)
        #expect(export.out.contains("RRULE:FREQ=DAILY;INTERVAL=3;UNTIL=20270410T215959Z"))
        #expect(export.out.contains("EXDATE;TZID=Europe/Paris:") && export.out.contains("RECURRENCE-ID;TZID=Europe/Paris:"))
        let events = try expand(export.out, h, from: 1_798_758_000, to: 1_861_916_400)
        #expect(events.map(key).sorted() == (try live(h, from: "2027-01-01T00:00", to: "2029-01-01T00:00")), "\(rules) from \(firsts)")
        // Across the spring change a 10:00 series stays at its wall-clock time.
        let locals = Set(events.filter { ($0["uid"] as? String)?.hasPrefix("rc-") == true }.compactMap { ($0["local"] as? String)?.suffix(5) })
        #expect(locals.allSatisfy { ["06:00", "08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"].contains(String($0)) }, "\(rules) \(locals)")
    }

    @Test func aFeedWritesOneFilePerResourceReplacingThemWhole() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00").code == 0)
        let feed = h.directory + "/feed"
        try FileManager.default.createDirectory(atPath: feed, withIntermediateDirectories: true)
        let result = h.run("export", "ics", "--feed", feed)
        #expect(result.code == 0 && result.out.hasPrefix("Wrote 3 calendars"))
        let files = try FileManager.default.contentsOfDirectory(atPath: feed).sorted()
        #expect(files.count == 3 && files.allSatisfy { $0.hasSuffix(".ics") && !$0.hasPrefix(".") })
        #expect(h.run("export", "ics", "--feed", h.directory + "/missing").code == 2)
    }
}
