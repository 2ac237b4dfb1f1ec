import Testing
@testable import SlateCore

/// Small builders so each test states only what matters to it.
enum Make {
    static let paris = LocalTime(timeZone: TimeZone(identifier: "Europe/Paris")!)
    static let room = ResourceInfo(id: 1, uid: "rs-room", name: "Stage A", kind: .room)

    static func booking(_ id: Int64, _ start: Int64, _ end: Int64, _ status: BookingStatus, placed: Int64? = nil, rank: Int? = nil, holder: String = "alice") -> BookingSnapshot {
        BookingSnapshot(id: id, uid: "bk-\(id)", resourceID: 1, status: status, interval: Interval(start: start, end: end), placedAt: placed ?? id, rank: rank, holder: holder)
    }

    static func around(confirmed: [BookingSnapshot] = [], holds: [BookingSnapshot] = [], timeOff: [TimeOffPeriod] = [], hours: String = "") throws -> BookingSurroundings {
        BookingSurroundings(confirmed: confirmed, holds: holds, timeOff: timeOff, openingHours: try OpeningHours(hours), zone: paris, words: .of("en_US"))
    }
}

import Foundation

@Suite("Booking rules (DESIGN §3 rules 1–4)")
struct BookingRulesTests {
    @Test func confirmingOverAConfirmedBookingIsRefusedNamingTheClash() throws {
        // Given a confirmed booking 10:00–12:00
        let existing = Make.booking(7, 36_000, 43_200, .confirmed, holder: "bob")
        // When another confirmation overlaps it
        let outcome = BookingRules.evaluate(BookingRequest(resource: Make.room, interval: Interval(start: 39_600, end: 46_800), status: .confirmed),
                                            around: try Make.around(confirmed: [existing]))
        // Then it is refused, naming the booking, resource and holder
        #expect(outcome.violations.map(\.kind) == [.doubleBooking])
        #expect(outcome.violations[0].message.contains("Stage A"))
        #expect(outcome.violations[0].message.contains("bob"))
        #expect(outcome.violations[0].otherUID == "bk-7")
    }

    @Test func touchingIntervalsDoNotClash() throws {
        let existing = Make.booking(7, 36_000, 43_200, .confirmed)
        let outcome = BookingRules.evaluate(BookingRequest(resource: Make.room, interval: Interval(start: 43_200, end: 50_000), status: .confirmed),
                                            around: try Make.around(confirmed: [existing]))
        #expect(outcome.isAllowed)
    }

    @Test func everyViolationIsReturnedNotOnlyTheFirst() throws {
        var banned = Make.room
        banned.banned = true
        let outcome = BookingRules.evaluate(
            BookingRequest(resource: banned, interval: Interval(start: 0, end: 100_000), status: .confirmed),
            around: try Make.around(confirmed: [Make.booking(1, 0, 10, .confirmed), Make.booking(2, 50, 60, .confirmed)],
                                    holds: [Make.booking(3, 70, 80, .hold, rank: 1)],
                                    timeOff: [TimeOffPeriod(uid: "off-1", interval: Interval(start: 5, end: 6), hard: true, reason: "surgery")]))
        #expect(Set(outcome.violations.map(\.kind)) == [.bannedTalent, .hardTimeOff, .doubleBooking, .holdAbove])
        #expect(outcome.violations.count == 5)
    }

    @Test func holdsMayOverlapConfirmedBookingsAndOtherHolds() throws {
        let outcome = BookingRules.evaluate(BookingRequest(resource: Make.room, interval: Interval(start: 0, end: 100), status: .hold),
                                            around: try Make.around(confirmed: [Make.booking(1, 0, 50, .confirmed)], holds: [Make.booking(2, 10, 20, .hold, rank: 1)]))
        #expect(outcome.isAllowed)
    }

    @Test func aHoldCannotBeConfirmedWhileAHigherHoldOverlaps() throws {
        let first = Make.booking(1, 0, 100, .hold, placed: 10, rank: 1)
        let second = Make.booking(2, 50, 150, .hold, placed: 20, rank: 2)
        let outcome = BookingRules.evaluate(BookingRequest(resource: Make.room, interval: second.interval, status: .confirmed, existing: second),
                                            around: try Make.around(holds: [first, second]))
        #expect(outcome.violations.map(\.kind) == [.holdAbove])
        #expect(outcome.violations[0].message.contains("1st hold"))
        // The first hold itself can be confirmed.
        let firstOutcome = BookingRules.evaluate(BookingRequest(resource: Make.room, interval: first.interval, status: .confirmed, existing: first),
                                                 around: try Make.around(holds: [first, second]))
        #expect(firstOutcome.isAllowed)
    }

    @Test func softTimeOffWarnsAndHardTimeOffRefuses() throws {
        let soft = TimeOffPeriod(uid: "off-1", interval: Interval(start: 0, end: 10), hard: false, reason: "holiday")
        let request = BookingRequest(resource: Make.room, interval: Interval(start: 5, end: 20), status: .confirmed)
        let warned = BookingRules.evaluate(request, around: try Make.around(timeOff: [soft]))
        #expect(warned.isAllowed)
        #expect(warned.warnings.map(\.kind) == [.timeOff])
        var hard = soft
        hard.hard = true
        #expect(BookingRules.evaluate(request, around: try Make.around(timeOff: [hard])).violations.map(\.kind) == [.hardTimeOff])
    }

    @Test func outsideOpeningHoursWarns() throws {
        // 2026-12-05 is a Saturday; 07:00–09:00 Paris time starts before opening.
        let start = try Make.paris.parse("2026-12-05T07:00")
        let request = BookingRequest(resource: Make.room, interval: Interval(start: start, end: start + 7200), status: .confirmed)
        let outcome = BookingRules.evaluate(request, around: try Make.around(hours: "Mon-Sat 08:00-20:00"))
        #expect(outcome.isAllowed)
        #expect(outcome.warnings.map(\.kind) == [.outsideOpeningHours])
        let inside = BookingRequest(resource: Make.room, interval: Interval(start: start + 3600, end: start + 7200), status: .confirmed)
        #expect(BookingRules.evaluate(inside, around: try Make.around(hours: "Mon-Sat 08:00-20:00")).warnings.isEmpty)
    }

    @Test func bannedTalentGetsNoHolds() throws {
        let banned = ResourceInfo(id: 2, uid: "rs-t", name: "Zoë", kind: .talent, banned: true)
        let outcome = BookingRules.evaluate(BookingRequest(resource: banned, interval: Interval(start: 0, end: 10), status: .hold), around: try Make.around())
        #expect(outcome.violations.map(\.kind) == [.bannedTalent])
    }
}

@Suite("Hold queue")
struct HoldQueueTests {
    @Test func rankCountsEarlierOverlappingHoldsOnly() {
        let a = Make.booking(1, 0, 30, .hold, placed: 1)
        let b = Make.booking(2, 20, 50, .hold, placed: 2)
        let c = Make.booking(3, 40, 60, .hold, placed: 3)
        let ranks = HoldQueue.ranks(of: [a, b, c])
        #expect(ranks == [1: 1, 2: 2, 3: 2])
    }

    @Test func releasingTheFirstPromotesTheOnesBehind() {
        let b = Make.booking(2, 20, 50, .hold, placed: 2)
        let c = Make.booking(3, 40, 60, .hold, placed: 3)
        #expect(HoldQueue.ranks(of: [b, c]) == [2: 1, 3: 2])
    }

    @Test func queueOrderIsCommitOrderNotTheWritersClock() {
        // Given a hold written second (id 5) by a writer whose clock read earlier
        let late = Make.booking(5, 0, 10, .hold, placed: 50)
        let early = Make.booking(4, 0, 10, .hold, placed: 100)
        // Then the one committed first ranks first
        #expect(HoldQueue.ranks(of: [late, early]) == [4: 1, 5: 2])
    }

    @Test func ordinals() {
        #expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(HoldQueue.ordinal) == ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"])
    }

    @Test func aHoldsPlaceReadsWithTheArticleItIsSaidWith() {
        let said = [1: "a 1st", 2: "a 2nd", 8: "an 8th", 11: "an 11th", 12: "a 12th", 18: "an 18th", 21: "a 21st", 80: "an 80th", 81: "an 81st",
                    101: "a 101st", 800: "an 800th", 11_000: "an 11000th", 18_500: "an 18500th", 1_800: "a 1800th"]
        for (rank, text) in said { #expect(HoldQueue.withArticle(rank) == text) }
    }
}
