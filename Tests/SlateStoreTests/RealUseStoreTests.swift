import Foundation
import GRDB
import Testing
@testable import SlateCore
@testable import SlateStore

/// What a coordinator's first morning found (issue 6): versions on every action, shows and
/// their bookings as one thing, moves under the rules of new bookings.
@Suite("Real use: versions, shows and their bookings, moves")
struct RealUseStoreTests {
    /// A confirmed show in Stage A with Ava on 2026-12-03 10:00–12:00; returns its id and bookings.
    func confirmedShow(_ f: Fixture) throws -> (show: String, bookings: [BookingView]) {
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Acme live", start: "2026-12-03T10:00", end: "2026-12-03T12:00", talent: [f.ava])).value
        _ = try f.alice.confirmShow(show)
        let bookings = try f.alice.bookings().filter { $0.showUID == show }
        return (show, bookings)
    }

    @Test func aPromptOpenedOnAHoldCannotReleaseItOnceSomeoneElseConfirmedIt() throws {
        // Given a hold alice saw at version 1, which maya then confirms
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let hold = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try maya.confirm(hold.uid, expectedVersion: hold.version)
        // When alice answers y to her old prompt
        // Then it is refused as stale, naming maya, and the booking stays confirmed
        let message = staleMessage { _ = try f.alice.release(hold.uid, expectedVersion: hold.version) }
        #expect(message?.contains("last changed by maya") == true && message?.contains("status") == true, "\(message ?? "not refused as stale")")
        #expect(try f.status(hold.uid) == "confirmed")
    }

    @Test func releaseIsForHoldsAndCancelForBookings() throws {
        let f = try Fixture.make()
        let hold = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let booked = try f.book(f.stageB, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(violations { _ = try f.alice.release(booked.uid) }.map(\.kind) == [.notAHold])
        #expect(violations { _ = try f.alice.cancel(hold.uid) }.map(\.kind) == [.notABooking])
        _ = try f.alice.release(hold.uid)
        _ = try f.alice.cancel(booked.uid)
        #expect(try f.status(hold.uid) == "released")
        #expect(try f.status(booked.uid) == "cancelled")
    }

    @Test func confirmAndChallengeCarryTheVersionTheUserSaw() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T11:00", "2026-12-03T13:00")
        _ = try f.alice.move(second.uid, start: "2026-12-03T11:00", end: "2026-12-03T14:00")
        #expect(staleMessage { _ = try f.alice.challenge(second.uid, expectedVersion: 1) } != nil)
        _ = try f.alice.challenge(second.uid, expectedVersion: 2)
        _ = try f.alice.release(second.uid)
        _ = try f.alice.move(first.uid, start: "2026-12-03T09:00", end: "2026-12-03T12:00")
        #expect(staleMessage { _ = try f.alice.confirm(first.uid, expectedVersion: 1) } != nil)
        #expect(try f.status(first.uid) == "hold")
    }

    @Test func movingOneBookingOfAShowMovesTheWholeShowInOneUndoStep() throws {
        // Given a confirmed show with a room and a talent booking
        let f = try Fixture.make()
        let (show, bookings) = try confirmedShow(f)
        #expect(bookings.count == 2)
        // When the room's booking is moved
        let room = try #require(bookings.first { $0.resourceName == "Stage A" })
        _ = try f.alice.move(room.uid, start: "2026-12-03T14:00", end: "2026-12-03T17:00", expectedVersion: room.version)
        // Then every booking and the show share the new times
        let after = try f.alice.bookings().filter { $0.showUID == show }
        #expect(after.map(\.startLocal) == ["2026-12-03T14:00", "2026-12-03T14:00"])
        #expect(after.map(\.endLocal) == ["2026-12-03T17:00", "2026-12-03T17:00"])
        #expect(try f.alice.shows().first { $0["uid"] == show }?["start_at"] == "jeu. 3 déc. 14:00")
        #expect(try f.alice.check(from: "2026-12-01T00:00", to: "2026-12-31T00:00").isEmpty)
        // And one undo puts all of it back
        _ = try f.alice.undo()
        #expect(try f.alice.bookings().filter { $0.showUID == show }.map(\.startLocal) == ["2026-12-03T10:00", "2026-12-03T10:00"])
        #expect(try f.alice.shows().first { $0["uid"] == show }?["start_at"] == "jeu. 3 déc. 10:00")
    }

    @Test func aShowMoveThatWouldDoubleBookOneOfItsPeopleIsRefusedWhole() throws {
        let f = try Fixture.make()
        let (show, _) = try confirmedShow(f)
        _ = try f.book(f.ava, "2026-12-04T09:00", "2026-12-04T11:00")
        let found = violations { _ = try f.alice.moveShow(show, start: "2026-12-04T10:00", end: "2026-12-04T12:00") }
        #expect(found.map(\.kind) == [.doubleBooking])
        #expect(found.first?.message.contains("show 'Acme live'") == true)
        #expect(try f.alice.bookings().filter { $0.showUID == show }.map(\.startLocal) == ["2026-12-03T10:00", "2026-12-03T10:00"])
    }

    @Test func cancellingOneBookingOfAShowIsRefusedNamingTheShow() throws {
        let f = try Fixture.make()
        let (show, bookings) = try confirmedShow(f)
        let found = violations { _ = try f.alice.cancel(bookings[0].uid) }
        #expect(found.map(\.kind) == [.partOfShow])
        #expect(found.first?.message.contains(show) == true && found.first?.message.contains("slate show cancel") == true)
        // The grid's way: cancel the show through its booking
        _ = try f.alice.cancelShow(ofBooking: bookings[0].uid, expectedVersion: bookings[0].version)
        #expect(try f.alice.bookings().filter { $0.showUID == show }.isEmpty)
    }

    @Test func checkReportsAShowWhoseBookingsDisagreeWithIt() throws {
        let f = try Fixture.make()
        let (show, bookings) = try confirmedShow(f)
        try f.workspace.database.write { db in
            try db.execute(sql: "UPDATE bookings SET end_at = end_at + 3600 WHERE uid = ?", arguments: [bookings[1].uid])
        }
        let findings = try f.alice.check(from: "2026-12-01T00:00", to: "2026-12-31T00:00")
        #expect(findings.map(\.kind) == ["show_bookings_disagree"])
        #expect(findings.first?.severity == "error" && findings.first?.subject == show)
    }

    @Test func movingABookingOntoAHoldIsRefusedAsBookingThereWouldBe() throws {
        // Given a booking, and a hold maya placed later on another slot
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let hold = try f.hold(f.stageA, "2026-12-03T14:00", "2026-12-03T16:00", as: maya)
        // When the booking moves onto the hold: refused exactly as `book` is
        let found = violations { _ = try f.alice.move(booked.uid, start: "2026-12-03T13:00", end: "2026-12-03T15:00") }
        #expect(found.map(\.kind) == [.holdAbove])
        #expect(violations { _ = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-03T13:00", end: "2026-12-03T15:00", status: .confirmed)) }.map(\.kind) == [.holdAbove])
        // A manager forces it with a reason, which releases the hold
        _ = try f.alice.move(booked.uid, start: "2026-12-03T13:00", end: "2026-12-03T15:00", forceReason: "client moved the shoot")
        #expect(try f.status(hold.uid) == "released")
    }

    @Test func aBookingKeepsStandingAboveTheHoldsItAlreadyOverlapped() throws {
        let f = try Fixture.make()
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let waiting = try f.hold(f.stageA, "2026-12-03T11:00", "2026-12-03T12:00")
        _ = try f.alice.move(booked.uid, start: "2026-12-03T10:00", end: "2026-12-03T13:00")
        #expect(try f.status(waiting.uid) == "hold")
    }

    @Test func movingAHoldReranksIt() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let later = try f.hold(f.stageA, "2026-12-03T14:00", "2026-12-03T16:00")
        #expect(try f.rank(later.uid) == 1)
        _ = try f.alice.move(later.uid, start: "2026-12-03T11:00", end: "2026-12-03T13:00")
        #expect(try f.rank(later.uid) == 2)
        _ = try f.alice.move(first.uid, start: "2026-12-03T08:00", end: "2026-12-03T09:00")
        #expect(try f.rank(later.uid) == 1)
    }

    @Test func aBookingThatEndsBeforeNowWarns() throws {
        let f = try Fixture.make()
        let outcome = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-11-20T10:00", end: "2026-11-20T12:00", status: .confirmed))
        #expect(outcome.warnings.map(\.kind) == [.pastTime])
        let future = try f.alice.place(BookingPlacement(resource: f.stageA, start: "2026-12-20T10:00", end: "2026-12-20T12:00", status: .confirmed))
        #expect(future.warnings.isEmpty)
    }
}

/// The message of a stale-edit refusal, or nil when `body` did not throw one.
func staleMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
    } catch SlateError.stale(let message) {
        return message
    } catch {}
    return nil
}

@Suite("Where the grid opens")
struct BusyFocusTests {
    @Test func anEmptyWeekOpensOnTheFirstBookingAhead() throws {
        let f = try Fixture.make()
        #expect(try f.alice.busyFocus() == nil)
        let later = try f.book(f.stageA, "2026-12-16T10:00", "2026-12-16T12:00")
        #expect(try f.alice.busyFocus() == later.start)
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(try f.alice.busyFocus() == nil)
    }
}
