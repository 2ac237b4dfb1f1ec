import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Forcing, money and task values")
struct MovedRuleTests {
    let above = RuleViolation(.holdAbove, "1st hold above", otherUID: "bk-1")
    let clash = RuleViolation(.doubleBooking, "already booked", otherUID: "bk-2")

    @Test func forcingReleasesOnlyTheHoldsAboveAndNeedsAReason() {
        let onlyHolds = RuleOutcome(violations: [above])
        #expect(BookingRules.forcing(onlyHolds, reason: "paid") == ForcedOutcome(violations: [], holdsToRelease: ["bk-1"]))
        #expect(BookingRules.forcing(onlyHolds, reason: "").violations.map(\.kind) == [.holdAbove, .reasonRequired])
        let withClash = RuleOutcome(violations: [above, clash])
        #expect(BookingRules.forcing(withClash, reason: "paid") == ForcedOutcome(violations: [above, clash], holdsToRelease: []))
    }

    @Test func onlyClashRefusalsCanWaitAsAHold() {
        #expect(RuleOutcome(violations: [above, clash]).refusedOnlyForClashes)
        #expect(!RuleOutcome(violations: [clash, RuleViolation(.bannedTalent, "banned")]).refusedOnlyForClashes)
        #expect(!RuleOutcome().refusedOnlyForClashes)
    }

    @Test func amountsBecomeMinorUnits() throws {
        #expect(try Money.minorUnits("450") == 45_000)
        #expect(try Money.minorUnits("450.5") == 45_050)
        #expect(try Money.minorUnits("0.07") == 7)
        for bad in ["-3", "4.505", "abc", "", "1.2.3", "1,234.50", "--3"] {
            #expect(failure { _ = try Money.minorUnits(bad) } == "invalid_input")
        }
        // Either decimal separator, as the workspace's locale writes it; a sign only where allowed
        #expect(try Money.minorUnits("450,5") == 45_050 && Money.minorUnits(" 12,34 ") == 1_234)
        #expect(try Money.minorUnits("-10.01", signed: true) == -1_001)
        #expect(failure { _ = try Money.minorUnits("--3", signed: true) } == "invalid_input")
    }

    @Test func taskValuesFollowTheirInputType() throws {
        let zone = try LocalTime(zoneIdentifier: "Europe/Paris")
        #expect(try TaskValue.validate("87%", as: .percentage, zone: zone) == "87")
        #expect(try TaskValue.validate("https://clips.example/1", as: .url, zone: zone) == "https://clips.example/1")
        #expect(try TaskValue.validate("", as: .number, zone: zone) == "")
        #expect(failure { _ = try TaskValue.validate("140", as: .percentage, zone: zone) } == "invalid_input")
        #expect(failure { _ = try TaskValue.validate("many", as: .number, zone: zone) } == "invalid_input")
        #expect(failure { _ = try TaskValue.validate("ftp://x", as: .url, zone: zone) } == "invalid_input")
        #expect(failure { _ = try TaskValue.validate("2026-02-30", as: .date, zone: zone) } == "invalid_input")
    }
}
