import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Undo and redo (rule 12)")
struct HistoryTests {
    @Test func undoAndRedoGoBackAndForthThroughTheHistory() throws {
        let f = try Fixture.make()
        let hold = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.confirm(hold.uid)
        _ = try f.alice.undo()
        #expect(try f.status(hold.uid) == "hold")
        _ = try f.alice.undo()
        #expect(try f.count("SELECT count(*) FROM bookings WHERE deleted_at IS NULL") == 0)
        _ = try f.alice.redo()
        #expect(try f.status(hold.uid) == "hold")
        _ = try f.alice.redo()
        #expect(try f.status(hold.uid) == "confirmed")
        #expect(failure { _ = try f.alice.redo() } == "invalid_input")
        // Undo after redo takes the redo back.
        _ = try f.alice.undo()
        #expect(try f.status(hold.uid) == "hold")
    }

    /// A record's history shows times as every view does, in the workspace's words and the
    /// zone of the record's studio (the CLI's `log --record`, the TUI's history), never as
    /// seconds since 1970.
    @Test func aRecordsHistoryShowsTimesInTheWorkspacesWordsAndItsStudiosZone() throws {
        let f = try Fixture.make()
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.move(booked.uid, start: "2026-12-03T11:00", end: "2026-12-03T13:00")
        let moved = try #require(try f.alice.history(of: booked.uid).last)
        let settings = try f.workspace.read { db in try WorkspaceSettings.load(db) }
        let zone = LocalTime(timeZone: settings.zone)
        let (before, after) = (try zone.parse("2026-12-03T10:00"), try zone.parse("2026-12-03T11:00"))
        let words = LocaleFormat.of(settings.locale)
        #expect(moved.changes.contains("start_at: \(words.moment(before, in: zone)) -> \(words.moment(after, in: zone))"), "\(moved.changes)")
        #expect(!moved.changes.contains(String(before)), "\(moved.changes)")
        // A London studio's booking reads in London's time, as its listings show it.
        _ = try f.alice.addStudio(name: "Harbour", timeZone: "Europe/London")
        let room = try f.alice.addRoom(studio: "Harbour", name: "Booth").value
        let london = try f.book(room, "2026-12-03T10:00", "2026-12-03T12:00")
        let created = try #require(try f.alice.history(of: london.uid).first)
        let londonZone = try #require(LocalTime.cached("Europe/London"))
        #expect(created.changes.contains("start_at: ∅ -> \(words.moment(try londonZone.parse("2026-12-03T10:00"), in: londonZone))"), "\(created.changes)")
        #expect(!created.changes.contains("11:00"), "\(created.changes)")
    }

    @Test func undoIsRefusedWhenSomeoneChangedTheRowsSince() throws {
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try maya.move(booked.uid, start: "2026-12-03T10:00", end: "2026-12-03T11:00")
        let found = violations { _ = try f.alice.undo() }
        #expect(found.count == 1)
        #expect(found[0].message.contains("maya"))
        #expect(try f.status(booked.uid) == "confirmed")
    }

    @Test func undoOfAReleaseRestoresTheQueue() throws {
        let f = try Fixture.make()
        let first = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let second = try f.hold(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.release(first.uid)
        #expect(try f.rank(second.uid) == 1)
        _ = try f.alice.undo()
        #expect(try f.rank(first.uid) == 1)
        #expect(try f.rank(second.uid) == 2)
    }

    @Test func undoNeverRestoresADoubleBooking() throws {
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        let booked = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.cancel(booked.uid)
        _ = try f.book(f.stageA, "2026-12-03T11:00", "2026-12-03T12:00", as: maya)
        #expect(violations { _ = try f.alice.undo() }.map(\.kind) == [.doubleBooking])
        #expect(try f.status(booked.uid) == "cancelled")
    }

    @Test func eachUserUndoesOnlyTheirOwnCommands() throws {
        let f = try Fixture.make()
        let maya = try f.member("maya", .manager)
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(failure { _ = try maya.undo() } == "invalid_input")
    }
}
