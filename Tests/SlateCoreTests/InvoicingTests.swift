import Testing
@testable import SlateCore

@Suite("Invoice arithmetic")
struct InvoicingTests {
    @Test func bookingLinesByHourDayAndBooking() {
        // 90 minutes at 120.00 an hour: 1.50 h, 180.00
        let hour = Invoicing.bookingLine(seconds: 5_400, rateMinor: 12_000, unit: .hour, description: "Stage A")
        #expect(hour.quantityCenti == 150 && hour.amountMinor == 18_000 && hour.unit == "hour")
        // 20 minutes at 99.99: 0.33 h (a third, to the hundredth), 32.9967 rounds to 33.00
        let third = Invoicing.bookingLine(seconds: 1_200, rateMinor: 9_999, unit: .hour, description: "Booth")
        #expect(third.quantityCenti == 33 && third.amountMinor == 3_300)
        // 25 hours at a day rate of 450.00: two days begun
        let days = Invoicing.bookingLine(seconds: 90_000, rateMinor: 45_000, unit: .day, description: "Camera")
        #expect(days.quantityCenti == 200 && days.amountMinor == 90_000)
        // Flat: once, whatever the length
        #expect(Invoicing.bookingLine(seconds: 36_000, rateMinor: 25_000, unit: .flat, description: "Host").amountMinor == 25_000)
    }

    @Test func roundingIsPerLineHalvesAwayFromZero() {
        // 0.05 × 0.10 = 0.005 → 0.01; the credit note's -0.005 → -0.01
        #expect(Invoicing.amount(quantityCenti: 5, unitMinor: 10) == 1)
        #expect(Invoicing.amount(quantityCenti: 5, unitMinor: -10) == -1)
        #expect(Invoicing.amount(quantityCenti: 4, unitMinor: 10) == 0)
        // Three lines of 1/3 h at 100.00: 33.00 each (per line), not 100.00 in all
        let lines = (0..<3).map { _ in Invoicing.bookingLine(seconds: 1_200, rateMinor: 10_000, unit: .hour, description: "x") }
        let totals = Invoicing.totals(lines.map(\.amountMinor), taxRateBP: 2_000)
        #expect(totals.subtotal == 9_900 && totals.tax == 1_980 && totals.total == 11_880)
        // 20 % of 0.03 is 0.006 → 0.01; of -0.03 → -0.01
        #expect(Invoicing.totals([3], taxRateBP: 2_000).tax == 1)
        #expect(Invoicing.totals([-3], taxRateBP: 2_000).tax == -1)
        // 5.5 % of 1,234.50 = 67.8975 → 67.90
        #expect(Invoicing.totals([123_450], taxRateBP: 550) == (subtotal: 123_450, tax: 6_790, total: 130_240))
    }

    @Test func numbersAndQuantities() throws {
        #expect(Invoicing.number(prefix: "F", year: 2026, number: 7) == "F-2026-0007")
        #expect(Invoicing.number(prefix: "INV", year: 2027, number: 12_345) == "INV-2027-12345")
        #expect(try Invoicing.quantityCenti("1,25") == 125 && Invoicing.quantityCenti("2") == 200)
        #expect(throws: SlateError.self) { try Invoicing.quantityCenti("0") }
        #expect(Invoicing.quantityText(150) == "1.50" && Invoicing.quantityText(5) == "0.05")
        #expect(Invoicing.percentText(2_000) == "20" && Invoicing.percentText(550) == "5.5" && Invoicing.percentText(0) == "0")
    }
}
