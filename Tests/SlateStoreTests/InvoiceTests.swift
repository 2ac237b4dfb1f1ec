import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Invoices (seeds 001, 004)")
struct InvoiceTests {
    /// A completed 90-minute show in Stage A (120.00 an hour) with Ava (450.00 a show), 20 % VAT.
    static func completedShow(_ f: Fixture, day: Int = 1) throws -> String {
        let alice = f.alice
        _ = try alice.setRate(resource: f.stageA, minor: 12_000, per: .hour)
        _ = try alice.setRate(resource: f.ava, minor: 45_000, per: .flat)
        _ = try alice.setInvoiceSettings(taxRateBP: 2_000, prefix: nil)
        let show = try alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Launch \(day)", start: .local("2026-12-0\(day)T10:00"), end: .local("2026-12-0\(day)T11:30"),
                                               talent: [f.ava])).value
        _ = try alice.confirmShow(show)
        _ = try alice.setShowStatus(show, to: .live)
        _ = try alice.setShowStatus(show, to: .completed)
        return show
    }

    @Test func aShowsInvoiceHasALinePerBookingAtItsRateAndTheTaxOnTheSubtotal() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let show = try Self.completedShow(f)
        let invoice = try f.alice.invoiceShow(show).value
        _ = try f.alice.addInvoiceLine(invoice, description: "Editing", quantity: "1,5", unitPrice: "80")
        _ = try f.alice.addInvoiceLine(invoice, description: "Loyalty discount", quantity: "1", unitPrice: "-10.01")
        let document = try f.alice.invoice(invoice)
        #expect(document.lines.map(\.amountMinor) == [18_000, 45_000, 12_000, -1_001])
        #expect(document.lines[0].description == "Launch 1 · Stage A · mar. 1 déc. 10:00–11:30" && document.lines[0].quantityCenti == 150)
        // 739.99 + 20 % (147.998 → 148.00) = 887.99
        #expect(document.invoice.subtotal.minor == 73_999 && document.invoice.tax.minor == 14_800 && document.invoice.total.minor == 88_799)
        #expect(document.invoice.number == "F-2026-0001" && document.invoice.status == .draft && document.invoice.total.text == "887,99\u{00A0}€", "a French workspace writes its money in French")
    }

    @Test func aSentInvoiceNeverChangesAndACreditNoteCorrectsIt() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let show = try Self.completedShow(f)
        let invoice = try f.alice.invoiceShow(show).value
        // Not twice for one show
        #expect(violations { _ = try f.alice.invoiceShow(show) }.map(\.message).first?.contains("already invoiced") == true)
        _ = try f.alice.setInvoiceStatus(invoice, to: .sent)
        let sent = try f.alice.invoice(invoice)
        #expect(violations { _ = try f.alice.addInvoiceLine(invoice, description: "Late fee", quantity: "1", unitPrice: "5") }.first?.message.contains("credit note") == true)
        #expect(violations { _ = try f.alice.setInvoiceStatus(invoice, to: .void) }.first?.message.contains("credit note") == true)
        #expect(try f.alice.invoice(invoice) == sent, "a refused change leaves it as it was")
        let credit = try f.alice.creditInvoice(invoice).value
        let note = try f.alice.invoice(credit)
        #expect(note.invoice.creditOf == invoice && note.invoice.number == "F-2026-0002" && note.invoice.total.minor == -sent.invoice.total.minor)
        #expect(note.lines.map(\.amountMinor) == sent.lines.map { -$0.amountMinor } && note.lines[0].description.hasPrefix("Credit: Launch 1"))
        #expect(violations { _ = try f.alice.creditInvoice(invoice) }.first?.message.contains("already has a credit note") == true)
        #expect(violations { _ = try f.alice.creditInvoice(credit) }.first != nil)
        // Once credited, the show may be invoiced again, under the next number
        let again = try f.alice.invoiceShow(show).value
        #expect(try f.alice.invoice(again).invoice.number == "F-2026-0003")
        // A draft may be voided; its number stays used, so the next has no gap before it
        _ = try f.alice.setInvoiceStatus(again, to: .void)
        _ = try f.alice.setInvoiceStatus(invoice, to: .paid)
        #expect(try f.alice.invoices().map(\.number) == ["F-2026-0001", "F-2026-0002", "F-2026-0003"])
        #expect(try f.alice.invoices().map(\.status) == [.paid, .draft, .void])
        // One undo takes the last command back, as everywhere
        _ = try f.alice.undo()
        #expect(try f.alice.invoice(invoice).invoice.status == .sent)
        // An invoice undone gives its number back: the next one has no gap before it
        let other = try Self.completedShow(f, day: 2)
        let undone = try f.alice.invoiceShow(other).value
        #expect(try f.alice.invoice(undone).invoice.number == "F-2026-0004")
        _ = try f.alice.undo()
        #expect(try f.alice.invoice(f.alice.invoiceShow(other).value).invoice.number == "F-2026-0004")
    }

    @Test func onlyCompletedShowsAndAClientsPeriodWithWorkLeft() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let first = try Self.completedShow(f, day: 1)
        _ = try Self.completedShow(f, day: 2)
        let draft = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageB, title: "Later", start: .local("2026-12-09T10:00"), end: .local("2026-12-09T11:00"))).value
        #expect(violations { _ = try f.alice.invoiceShow(draft) }.first?.message.contains("only completed shows") == true)
        _ = try f.alice.invoiceShow(first)
        // The month's invoice takes the completed show not invoiced yet
        let month = try f.alice.invoiceClient(f.acme, from: .local("2026-12-01T00:00"), to: .local("2027-01-01T00:00")).value
        let document = try f.alice.invoice(month)
        #expect(document.lines.allSatisfy { $0.description.hasPrefix("Launch 2") } && document.lines.count == 2 && document.period == "1 déc. 2026–31 déc. 2026")
        #expect(violations { _ = try f.alice.invoiceClient(f.acme, from: .local("2026-12-01T00:00"), to: .local("2027-01-01T00:00")) }.first?.message.contains("no completed show left") == true)
    }

    @Test func aClientsMembersSeeTheirIssuedInvoicesOnlyAndChangeNothing() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let show = try Self.completedShow(f)
        let invoice = try f.alice.invoiceShow(show).value
        _ = try f.alice.addMember(login: "carla", role: .manager, scope: .client(f.acme))
        let other = try f.alice.addClient(name: "Other Brand").value
        _ = try f.alice.addMember(login: "olga", role: .manager, scope: .client(other))
        let carla = f.session("carla")
        #expect(try carla.invoices().isEmpty, "a draft is the studio's own")
        _ = try f.alice.setInvoiceStatus(invoice, to: .sent)
        #expect(try carla.invoices().map(\.uid) == [invoice] && carla.invoice(invoice).lines.count == 2)
        #expect(try f.session("olga").invoices().isEmpty)
        #expect(throws: SlateError.self) { try f.session("olga").invoice(invoice) }
        #expect(throws: SlateError.self) { try carla.setInvoiceStatus(invoice, to: .paid) }
        #expect(throws: SlateError.self) { try carla.creditInvoice(invoice) }
    }
}

@Suite("Budgets against actuals per project phase (seed 002)")
struct BudgetTests {
    @Test func aPhasesActualIsItsConfirmedBookingsAtTheirRates() throws {
        let f = try Fixture.make()
        defer { try? FileManager.default.removeItem(atPath: f.directory) }
        let alice = f.alice
        _ = try alice.setRate(resource: f.stageA, minor: 40_000, per: .day)
        _ = try alice.setRate(resource: f.ava, minor: 5_000, per: .hour)
        let project = try alice.addProject(name: "Album launch", start: Day(year: 2026, month: 12, day: 7)).value
        let shoot = try alice.addPhase(project: project, name: "Shoot", timing: .fixed(from: Day(year: 2026, month: 12, day: 7), through: Day(year: 2026, month: 12, day: 8))).value
        let edit = try alice.addPhase(project: project, name: "Edit", timing: .days(3), after: [shoot]).value
        _ = try alice.setPhaseBudget(shoot, minor: 100_000)
        _ = try alice.assignPhase(shoot, resource: f.stageA)
        _ = try alice.assignPhase(shoot, resource: f.ava, hold: true)
        var phases = try alice.projectSchedule(project).phases
        // Two days of Stage A at 400.00; Ava's hold costs nothing until confirmed
        #expect(phases.map(\.budget.minor) == [100_000, 0] && phases.map(\.actual.minor) == [80_000, 0])
        #expect(phases[0].listing["difference"] == "-200,00\u{00A0}€")
        let hold = try #require(try alice.bookings(resource: f.ava).first)
        _ = try alice.confirm(hold.uid)
        phases = try alice.projectSchedule(project).phases
        // The phase's whole days: 48 hours of Ava at 50.00
        #expect(phases[0].actual.minor == 80_000 + 48 * 5_000 && phases[1].uid == edit)
        #expect(throws: SlateError.self) { try f.member("maya", .member).setPhaseBudget(shoot, minor: 1) }
    }
}
