import Testing
@testable import SlateCore
@testable import SlateTUI

@Suite("Time axis")
struct TimeAxisTests {
    let paris = LocalTime.cached("Europe/Paris")!

    func at(_ text: String) -> Int64 { (try? paris.parse(text)) ?? 0 }

    @Test func aWeekStartsOnMondayInSixColumnsADay() {
        let axis = TimeAxis(zone: paris, zoom: .week, containing: at("2026-12-03T15:00"))
        #expect(paris.format(axis.period) == "2026-11-30T00:00–2026-12-07T00:00")
        #expect(axis.spans.count == 42)
        #expect(paris.format(axis.slotInterval(axis.slot(of: at("2026-12-03T15:00")))) == "2026-12-03T12:00–16:00")
    }

    @Test func pagingAndZoomingFollowTheCalendar() {
        var axis = TimeAxis(zone: paris, zoom: .month, containing: at("2026-12-03T15:00"))
        #expect(axis.spans.count == 35)
        axis.page(by: 1)
        #expect(paris.format(axis.anchor) == "2027-01-04T00:00")
        axis.zoom = .day
        axis.show(at("2026-10-25T12:00"))
        // The autumn DST day: its columns are still on the hour from local midnight
        #expect(paris.format(axis.slotInterval(0).start) == "2026-10-25T00:00")
        #expect(Zoom.day.zoomed(in: true) == nil && Zoom.week.zoomed(in: false) == .month)
    }

    @Test func instantsOutsideThePeriodClampToItsEnds() {
        let axis = TimeAxis(zone: paris, zoom: .week, containing: at("2026-12-03T15:00"))
        #expect(axis.slot(of: at("2026-11-01T00:00")) == 0)
        #expect(axis.slot(of: at("2027-01-01T00:00")) == 41)
    }
}
