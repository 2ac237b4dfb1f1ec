import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Booking commands in the store")
struct BookingCommandTests {
    @Test func overlappingConfirmedBookingIsRefusedAndChangesNothing() throws {
        // Given a confirmed booking of Stage A 14:00–16:00
        let f = try Fixture.make()
        let first = try f.book(f.stageA, "2026-12-03T14:00", "2026-12-03T16:00")
        let audits = try f.count("SELECT count(*) FROM audits")
        // When another booking overlaps it
        let found = violations { _ = try f.book(f.stageA, "2026-12-03T15:00", "2026-12-03T17:00") }
        // Then it is refused naming the existing booking, and nothing was written
        #expect(found.map(\.kind) == [.doubleBooking])
        #expect(found[0].otherUID == first.uid)
        #expect(found[0].message.contains("jeu. 3 déc. 14:00–16:00"))
        #expect(try f.count("SELECT count(*) FROM audits") == audits)
        #expect(try f.count("SELECT count(*) FROM bookings") == 1)
        // And back-to-back is fine (half-open intervals)
        _ = try f.book(f.stageA, "2026-12-03T16:00", "2026-12-03T17:00")
    }

    @Test func aLongBookingListsEveryConfirmedBookingItCrosses() throws {
        let f = try Fixture.make()
        let a = try f.book(f.stageA, "2026-12-03T09:00", "2026-12-03T10:00")
        let b = try f.book(f.stageA, "2026-12-03T12:00", "2026-12-03T13:00")
        let c = try f.book(f.stageA, "2026-12-04T12:00", "2026-12-04T13:00")
        let found = violations { _ = try f.book(f.stageA, "2026-12-03T09:30", "2026-12-05T00:00") }
        #expect(found.compactMap(\.otherUID) == [a.uid, b.uid, c.uid])
    }

    @Test func refusedConfirmationOffersAHoldAndOrHoldPlacesIt() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T14:00", "2026-12-03T16:00")
        do {
            _ = try f.book(f.stageA, "2026-12-03T15:00", "2026-12-03T16:00")
            Issue.record("expected a refusal")
        } catch SlateError.refused(_, let offer) {
            #expect(offer?.rank == 1)
            #expect(offer?.startLocal == "2026-12-03T15:00")
        }
        let waiting = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-03T15:00", end: "2026-12-03T16:00", status: .confirmed, orHold: true)).value
        #expect(waiting.status == .hold)
        #expect(waiting.rank == 1)
    }

    @Test func holdsQueueByPlacementAndPromoteOnRelease() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        f.clock.advance(60)
        let second = try f.hold(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00")
        f.clock.advance(60)
        let third = try f.hold(f.stageA, "2026-12-03T11:30", "2026-12-03T12:30")
        #expect([first.rank, second.rank, third.rank] == [1, 2, 3])
        // When the first hold is released, the others move up
        _ = try f.alice.release(first.uid)
        #expect(try f.rank(second.uid) == 1)
        #expect(try f.rank(third.uid) == 2)
        #expect(try f.status(first.uid) == "released")
    }

    @Test func autoPromotionCanBeTurnedOff() throws {
        let f = try Fixture.make(autoPromote: false)
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.release(first.uid)
        #expect(try f.rank(second.uid) == 2)
        // Nothing overlaps above it any more, so it can still be confirmed.
        _ = try f.alice.confirm(second.uid)
        #expect(try f.status(second.uid) == "confirmed")
    }

    @Test func aLowerHoldCannotConfirmUntilTheHoldsAboveAreGone() throws {
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00", as: maya)
        let found = violations { _ = try maya.confirm(second.uid) }
        #expect(found.map(\.kind) == [.holdAbove])
        #expect(found[0].message.contains("alice"))
        _ = try f.alice.confirm(first.uid)
        // Now a confirmed booking overlaps it: still refused, now for the booking.
        #expect(violations { _ = try maya.confirm(second.uid) }.map(\.kind) == [.doubleBooking])
    }

    @Test func challengeGivesHoldsAboveADeadlineAndReleasesThemWhenItPasses() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let challenged = try f.alice.challenge(second.uid).value
        #expect(challenged.map(\.uid) == [first.uid])
        #expect(challenged[0].challengeDeadline == Fixture.start + 24 * 3600)
        // Before the deadline nothing happens; after it the first is released and the second is 1st.
        f.clock.advance(23 * 3600)
        _ = try f.alice.addClient(name: "Tick")
        #expect(try f.status(first.uid) == "hold")
        f.clock.advance(2 * 3600)
        _ = try f.alice.addClient(name: "Tock")
        #expect(try f.status(first.uid) == "released")
        #expect(try f.rank(second.uid) == 1)
        _ = try f.alice.confirm(second.uid)
    }

    @Test func challengingTheFirstHoldIsBadInput() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(failure { _ = try f.alice.challenge(first.uid) } == "invalid_input")
    }

    @Test func holdsExpireAndTheQueueMovesUp() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        // 1st holds last 14 days, lower ones 7 by default.
        #expect(first.expiresAt == Fixture.start + 14 * 86_400)
        #expect(second.expiresAt == Fixture.start + 7 * 86_400)
        f.clock.advance(7 * 86_400)
        _ = try f.alice.addClient(name: "Tick")
        #expect(try f.status(second.uid) == "released")
        #expect(try f.status(first.uid) == "hold")
    }

    @Test func forceConfirmNeedsAManagerAndAReasonAndReleasesTheHoldsAbove() throws {
        let f = try Fixture.make()
        let sam = try f.member("sam", .member)
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(violations { _ = try f.alice.confirm(second.uid, forceReason: "  ") }.map(\.kind).contains(.reasonRequired))
        #expect(failure { _ = try sam.confirm(second.uid, forceReason: "client paid") } == "access_denied")
        let outcome = try f.alice.confirm(second.uid, forceReason: "client paid the deposit")
        #expect(outcome.value.status == .confirmed)
        #expect(try f.status(first.uid) == "released")
        let reason = try f.workspace.read { db in try String.fetchOne(db, sql: "SELECT reason FROM commands ORDER BY id DESC LIMIT 1") }
        #expect(reason == "client paid the deposit")
    }

    @Test func forceNeverOverridesAConfirmedBooking() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let found = violations { _ = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-03T11:00", end: "2026-12-03T12:00", status: .confirmed, forceReason: "urgent")) }
        #expect(found.map(\.kind) == [.doubleBooking])
    }

    @Test func bannedTalentAndHardTimeOffAreRefusedSoftTimeOffWarns() throws {
        let f = try Fixture.make()
        _ = try f.alice.editTalent(f.noah, TalentChanges(banned: true))
        #expect(violations { _ = try f.hold(f.noah, "2026-12-03T10:00", "2026-12-03T12:00") }.map(\.kind) == [.bannedTalent])
        _ = try f.alice.addTimeOff(resource: f.ava, start: "2026-12-03T00:00", end: "2026-12-04T00:00", hard: true, reason: "surgery")
        #expect(violations { _ = try f.book(f.ava, "2026-12-03T10:00", "2026-12-03T12:00") }.map(\.kind) == [.hardTimeOff])
        _ = try f.alice.addTimeOff(resource: f.mei, start: "2026-12-03T00:00", end: "2026-12-04T00:00", hard: false, reason: "prefers not")
        let outcome = try f.alice.place(BookingPlacement(resource: f.mei, start: "2026-12-03T10:00", end: "2026-12-03T12:00", status: .confirmed))
        #expect(outcome.warnings.map(\.kind) == [.timeOff])
    }

    @Test func outsideOpeningHoursWarnsButCommits() throws {
        let f = try Fixture.make(hours: "Mon-Fri 09:00-18:00")
        let outcome = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-03T17:00", end: "2026-12-03T19:00", status: .confirmed))
        #expect(outcome.warnings.map(\.kind) == [.outsideOpeningHours])
        #expect(try f.status(outcome.value.uid) == "confirmed")
    }

    @Test func movingABookingChecksItAgainAndKeepsItsQueuePlace() throws {
        let f = try Fixture.make()
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let other = try f.book(f.stageA, "2026-12-03T14:00", "2026-12-03T16:00")
        #expect(violations { _ = try f.alice.move(booked.uid, start: "2026-12-03T13:00", end: "2026-12-03T15:00") }.first?.otherUID == other.uid)
        let moved = try f.alice.move(booked.uid, start: "2026-12-03T12:00", end: "2026-12-03T14:00").value
        #expect(moved.startLocal == "2026-12-03T12:00")
        // Holds keep their placement order when moved.
        let h1 = try f.hold(f.stageB, "2026-12-03T10:00", "2026-12-03T11:00")
        let h2 = try f.hold(f.stageB, "2026-12-03T12:00", "2026-12-03T13:00")
        #expect(h2.rank == 1)
        _ = try f.alice.move(h2.uid, start: "2026-12-03T10:30", end: "2026-12-03T11:30")
        #expect(try f.rank(h2.uid) == 2)
        _ = try f.alice.move(h1.uid, start: "2026-12-03T15:00", end: "2026-12-03T16:00")
        #expect(try f.rank(h2.uid) == 1)
    }

    @Test func aStaleEditIsRefusedWithWhoChangedWhat() throws {
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try maya.move(booked.uid, start: "2026-12-03T10:00", end: "2026-12-03T11:00", expectedVersion: booked.version)
        do {
            _ = try f.alice.move(booked.uid, start: "2026-12-03T09:00", end: "2026-12-03T11:00", expectedVersion: booked.version)
            Issue.record("expected a stale refusal")
        } catch SlateError.stale(let message) {
            #expect(message.contains("maya"))
            #expect(message.contains("end_at"))
        }
        #expect(try f.alice.booking(booked.uid).endLocal == "2026-12-03T11:00")
    }

    @Test func aPlanShowsTheChangesAndWritesNothing() throws {
        let f = try Fixture.make()
        let audits = try f.count("SELECT count(*) FROM audits")
        let plan = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-03T10:00", end: "2026-12-03T12:00", status: .confirmed), plan: true)
        #expect(plan.planned)
        #expect(plan.changes.map(\.table) == ["bookings"])
        #expect(try f.count("SELECT count(*) FROM bookings") == 0)
        #expect(try f.count("SELECT count(*) FROM audits") == audits)
    }

    @Test func membersCannotBookAndStrangersCannotSeeAnything() throws {
        let f = try Fixture.make()
        let sam = try f.member("sam", .member)
        #expect(failure { _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00", as: sam) } == "access_denied")
        let root = f.session("root")
        #expect(failure { _ = try root.bookings() } == "access_denied")
        #expect(failure { _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00", as: root) } == "access_denied")
    }

    @Test func everyCommandWritesAuditRowsWithOldAndNewValues() throws {
        let f = try Fixture.make()
        let hold = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.confirm(hold.uid)
        let rows = try f.workspace.database.read { db in
            try Row.fetchAll(db, sql: "SELECT a.action, a.old_values, a.new_values, c.name, u.login FROM audits a JOIN commands c ON c.id = a.command_id JOIN users u ON u.id = a.user_id WHERE a.record_uid = ? ORDER BY a.id", arguments: [hold.uid])
        }
        #expect(rows.count == 2)
        #expect((rows[0]["action"] as String) == "insert")
        #expect((rows[1]["name"] as String) == "confirm")
        #expect((rows[1]["old_values"] as String).contains("\"status\":\"hold\""))
        #expect((rows[1]["new_values"] as String).contains("\"status\":\"confirmed\""))
        #expect((rows[1]["login"] as String) == "alice")
    }
}
