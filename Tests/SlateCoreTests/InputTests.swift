import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Local time, durations, hours and text input")
struct InputTests {
    let paris = Make.paris

    @Test func parsesAndFormatsLocalTimeInTheStudioZone() throws {
        let instant = try paris.parse("2026-12-03T14:00")
        #expect(instant == 1_796_302_800) // 13:00 UTC
        #expect(paris.format(instant) == "2026-12-03T14:00")
        #expect(try paris.parse("2026-12-03 14:00") == instant)
        #expect(try paris.parse("2026-12-03T13:00Z") == instant)
        #expect(try paris.parse("2026-12-03T15:00+02:00") == instant)
        #expect(try paris.parse("2026-12-03") == instant - 14 * 3600)
        #expect(paris.format(Interval(start: instant, end: instant + 7200)) == "2026-12-03T14:00–16:00")
    }

    @Test(arguments: ["2026-13-01T10:00", "2026-02-30T10:00", "2026-12-03T24:00", "tomorrow", "", "2026-12-03T14", "2026-12-03T14:00+25:00", "2026-12-03T14:00junk"])
    func malformedDatesAreRefusedWithAMessage(_ text: String) {
        #expect(failure { _ = try paris.parse(text) } == "invalid_input")
    }

    @Test func countsReadInTheSingularForOne() {
        #expect(Plural.count(1, "show") == "1 show" && Plural.count(0, "show") == "0 shows" && Plural.count(3, "show") == "3 shows")
        #expect(Plural.count(2, "clash") == "2 clashes" && Plural.count(1, "clash") == "1 clash")
        #expect(Plural.count(2, "show or schedule not over", plural: "shows or schedules not over") == "2 shows or schedules not over")
    }

    @Test func aLocalTimeInsideTheSpringGapIsRefused() {
        #expect(throws: SlateError.invalidInput("'2026-03-29T02:30' does not exist in Europe/Paris (the clocks change then)")) {
            try paris.parse("2026-03-29T02:30")
        }
    }

    @Test func unknownTimeZonesAreRefused() throws {
        #expect(failure { _ = try LocalTime.zone("Mars/Olympus") } == "invalid_input")
        #expect(failure { _ = try LocalTime.zone("") } == "invalid_input")
        #expect(try LocalTime.zone("Asia/Tokyo").identifier == "Asia/Tokyo")
    }

    @Test func durations() throws {
        #expect(try DurationText.seconds("-2d") == -172_800)
        #expect(try DurationText.seconds("+3h") == 10_800)
        #expect(try DurationText.seconds("90m") == 5400)
        #expect(DurationText.text(-172_800) == "-2d")
        #expect(failure { _ = try DurationText.seconds("2 days") } == "invalid_input")
    }

    @Test func openingHoursParseAndNormalise() throws {
        let hours = try OpeningHours("mon-fri 09:00-20:00; Sat 10:00-18:00")
        #expect(hours.text == "Mon-Fri 09:00-20:00, Sat 10:00-18:00")
        #expect(failure { _ = try OpeningHours("Mon 20:00-09:00") } == "invalid_input")
        #expect(failure { _ = try OpeningHours("Funday 09:00-10:00") } == "invalid_input")
        let sunday = try paris.parse("2026-12-06T10:00")
        #expect(!hours.contains(Interval(start: sunday, end: sunday + 3600), in: paris))
        let lateFriday = try paris.parse("2026-12-04T19:00")
        #expect(!hours.contains(Interval(start: lateFriday, end: lateFriday + 7200), in: paris))
        #expect(hours.contains(Interval(start: lateFriday, end: lateFriday + 3600), in: paris))
    }

    @Test func namesRefuseControlCharactersOverlongTextAndInvalidUTF8() throws {
        #expect(failure { _ = try TextInput.name("Stage\u{1B}[31mA") } == "invalid_input")
        #expect(failure { _ = try TextInput.name(String(repeating: "x", count: 201)) } == "invalid_input")
        #expect(failure { _ = try TextInput.name("   ") } == "invalid_input")
        #expect(failure { _ = try TextInput.name("bad \u{FFFD} bytes") } == "invalid_input")
        #expect(try TextInput.name("  王芳 🎤 ") == "王芳 🎤")
        #expect(try TextInput.note("line one\nline two") == "line one\nline two")
        #expect(TextInput.printable("a\u{7}b") == "a\\u{7}b")
    }

    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("王芳") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🎤") == 2)
        #expect(DisplayWidth.pad("王芳", to: 6) == "王芳  ")
        #expect(DisplayWidth.truncate("王芳王芳", to: 5) == "王芳…")
        // In ASCII a cut ends with `~`: a `.` would read as the end of a sentence.
        #expect(DisplayWidth.truncate("Nordwind Audio — weeks 2–4", to: 23, ascii: true) == "Nordwind Audio - weeks~")
        #expect(DisplayWidth.truncate("short", to: 23, ascii: true) == "short")
    }

    @Test func publicIDsAreShortDistinctAndStable() {
        let ids = (1...50_000).map { PublicID.make(prefix: "bk", id: Int64($0)) }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count == 9 && $0.hasPrefix("bk-") })
        #expect(PublicID.make(prefix: "bk", id: 42) == PublicID.make(prefix: "bk", id: 42))
        // The ids workspaces already hold: those the scramble gave as first shipped.
        let known = [("bk", 1, "bk-1aw1j7"), ("bk", 42, "bk-af03fy"), ("au", 1_000_000, "au-4nztpx"), ("tsk", 7, "tsk-rx17ju"),
                     ("cmd", 2_176_782_335, "cmd-35n0gm"), ("sh", 2_176_782_341, "sh-b9dxpk"), ("tk", 0, "tk-h6z706")]
        for (prefix, id, uid) in known { #expect(PublicID.make(prefix: prefix, id: Int64(id)) == uid) }
    }
}

@Suite("Access policy (DESIGN §4)")
struct AccessPolicyTests {
    let actor = Actor(userID: 1, login: "alice", grants: [Grant(scope: .studio(1), role: .manager), Grant(scope: .client(9), role: .member)], talentIDs: [5])

    @Test func rolesAreCheckedPerStudio() throws {
        let policy = AccessPolicy(actor: actor)
        try policy.require(.manager, studio: 1, studioName: "North", to: "book")
        #expect(failure { _ = try policy.require(.admin, studio: 1, studioName: "North", to: "add rooms") } == "access_denied")
        #expect(failure { _ = try policy.require(.member, studio: 2, studioName: "South", to: "look") } == "access_denied")
    }

    @Test func thereIsNoSuperAdmin() {
        let nobody = AccessPolicy(actor: Actor(userID: 2, login: "root", grants: []))
        #expect(!nobody.canSeeStudio(1))
        #expect(!nobody.hasStudioRole(.member))
    }

    @Test func clientMembersSeeOnlyTheirClientsRecords() {
        let client = AccessPolicy(actor: Actor(userID: 3, login: "lea", grants: [Grant(scope: .client(9), role: .manager)]))
        #expect(client.clientIDs == [9] && client.studioIDs.isEmpty)
        #expect(!client.canSeeStudio(1))
    }

}
