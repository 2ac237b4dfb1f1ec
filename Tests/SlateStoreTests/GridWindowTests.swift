import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("The grid's week of bookings")
struct GridWindowTests {
    /// The grid reads a week's bookings from the bookings table alone and what they share by
    /// id; this holds it to the one booking view every other read uses (`viewSQL`), week by
    /// week on the demo: shows and clients, holds, phases, a series, two studios' zones.
    @Test func aWeekReadsAsEveryOtherBookingRead() throws {
        let start = Fixture.start
        let workspace = try DemoWorkspace.scratch("slate-grid")
        let session = Session(workspace: workspace, login: "alice", clock: .fixed(start))
        let rooms = try session.gridResources().filter { $0.kind == .room }
        _ = try session.placeSeries(BookingPlacement(resource: rooms[0].uid, start: "2026-12-07T07:00", end: "2026-12-07T08:00", status: .hold, note: "warm-up"),
                                    rule: try RecurrenceRule.parse("daily;count=10"))
        let resources = try session.gridResources()
        var seen: Set<String> = []
        for week in 0..<8 {
            let window = Interval(start: start + Int64(week) * 7 * 86_400, end: start + Int64(week + 1) * 7 * 86_400)
            let read = try session.gridWindow(resources: resources, window: window).bookings
            let expected = try session.read { reader -> [BookingView] in
                try Row.fetchAll(reader.db, sql: Session.viewSQL + """
                     WHERE b.resource_id IN (\(Session.ids(Set(resources.map(\.id))))) AND b.start_at < ? AND b.end_at > ?
                       AND b.status IN ('hold', 'confirmed') AND b.deleted_at IS NULL ORDER BY b.start_at, b.id
                    """, arguments: [window.end, window.start]).map { try Session.view($0, reader) }
            }
            #expect(read == expected, "week \(week)")
            for booking in read {
                if booking.showUID != nil { seen.insert("show") }
                if booking.phase != nil { seen.insert("phase") }
                if booking.series != nil { seen.insert("series") }
                if booking.status == .hold { seen.insert("hold") }
                if booking.clientName != nil { seen.insert("client") }
            }
        }
        #expect(seen == ["show", "phase", "series", "hold", "client"], "the demo's weeks hold every kind of booking")
    }
}
