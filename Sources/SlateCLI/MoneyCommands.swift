import ArgumentParser
import Foundation
import SlateCore
import SlateStore

/// `slate invoice`: invoices of completed shows, credit notes, and their documents.
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice", abstract: "Invoices of completed shows: create, add lines, send, pay, void, credit, export.",
        subcommands: [List.self, Create.self, Line.self, Show.self, Send.self, Pay.self, Void.self, Credit.self, Export.self, Settings.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the invoices you may see (a client's members: their own, once sent).")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            global.emit(try global.session().invoices(), columns: global.json ? nil : ["uid", "number", "client", "status", "issued_at", "subtotal", "tax", "total", "credit_of"])
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Invoice a completed show, or a client's completed shows in a period (a line per booking at its rate).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A completed show.") var show: String?
        @Option(help: "A client: their completed shows from --from to --to not yet invoiced.") var client: String?
        @Option(help: "Start of the period (studio time).") var from: String?
        @Option(help: "End of the period (studio time).") var to: String?

        func run() throws {
            let session = try global.session()
            if let show, client == nil {
                return global.emit(try session.invoiceShow(show)) { "Created invoice \($0) (draft)." }
            }
            guard let client, let from, let to, show == nil else {
                throw ValidationError("give --show SHOW, or --client CLIENT --from DAY --to DAY")
            }
            global.emit(try session.invoiceClient(client, from: .local(from), to: .local(to))) { "Created invoice \($0) (draft)." }
        }
    }

    struct Line: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "line", abstract: "Add a line to a draft invoice (a negative price for a discount).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        @Argument(help: "What it is.") var description: String
        @Option(help: "How many (1, 1.5).") var quantity = "1"
        @Option(name: .customLong("price"), help: "Unit price (450, 450.50, -20 for a discount).") var price: String
        func run() throws {
            global.emit(try global.session().addInvoiceLine(invoice, description: description, quantity: quantity, unitPrice: price)) { "Added line \($0) to \(invoice)." }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "An invoice with its lines and totals.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        func run() throws {
            let document = try global.session().invoice(invoice)
            if global.json { return global.out(JSONOutput.encode(document)) }
            global.out(document.markdown)
        }
    }

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Issue a draft: from then on it does not change.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        func run() throws { global.emit(try global.session().setInvoiceStatus(invoice, to: .sent)) { "Sent \($0)." } }
    }

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "pay", abstract: "Record that a sent invoice is paid.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        func run() throws { global.emit(try global.session().setInvoiceStatus(invoice, to: .paid)) { "Paid \($0)." } }
    }

    struct Void: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "void", abstract: "Void a draft (its number stays used; a sent invoice takes a credit note).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        func run() throws { global.emit(try global.session().setInvoiceStatus(invoice, to: .void)) { "Voided \($0)." } }
    }

    struct Credit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "credit", abstract: "A credit note for a sent or paid invoice: a draft with every line negated.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        func run() throws { global.emit(try global.session().creditInvoice(invoice)) { "Created credit note \($0) (draft) for \(invoice)." } }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "An invoice as a Markdown document or as CSV lines.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The invoice.") var invoice: String
        @Option(help: "md (a document) or csv (its lines).") var format = "md"
        func run() throws {
            let document = try global.session().invoice(invoice)
            switch format {
            case "md": global.out(document.markdown)
            case "csv": global.out(InvoiceCommand.csv(document))
            default: throw ValidationError("--format is md or csv")
            }
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "settings", abstract: "The tax rate on invoices and the prefix of their numbers (workspace admins).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Tax in percent (20, 5.5).") var tax: String?
        @Option(help: "Number prefix (F gives F-2026-0001).") var prefix: String?
        func run() throws {
            let rate = try tax.map { try Money.minorUnits($0) }
            global.emit(try global.session().setInvoiceSettings(taxRateBP: rate, prefix: prefix)) { _ in "Saved the invoice settings." }
        }
    }

    /// The invoice's lines as CSV (RFC 4180), amounts in minor units and as text.
    static func csv(_ document: InvoiceDocument) -> String {
        let number = document.invoice.number
        let currency = document.invoice.total.currency
        var rows = ["invoice,description,quantity,unit,unit_price_minor,amount_minor,currency"]
        for line in document.lines {
            rows.append([number, line.description, Invoicing.quantityText(line.quantityCenti), line.unit, String(line.unitMinor), String(line.amountMinor), currency]
                .map(GlobalOptions.csvField).joined(separator: ","))
        }
        return rows.joined(separator: "\n")
    }
}

/// `slate rate`: what an hour, a day or a booking of a room, a person or equipment costs.
struct RateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate", abstract: "Set the rate of a room, talent or equipment (per hour, day or booking).",
                                                    subcommands: [SetRate.self], defaultSubcommand: SetRate.self)

    struct SetRate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Set a rate: slate rate set \"Stage A\" 120 --per hour.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room, talent or equipment.") var resource: String
        @Argument(help: "Amount in the workspace currency (120, 99.50).") var amount: String
        @Option(help: "hour, day or flat (per booking).") var per = "hour"
        func run() throws {
            guard let unit = RateUnit(rawValue: per) else { throw ValidationError("--per is hour, day or flat") }
            let minor = try Money.minorUnits(amount)
            global.emit(try global.session().setRate(resource: resource, minor: minor, per: unit)) { _ in "Set the rate of \(resource): \(amount) per \(unit.rawValue)." }
        }
    }
}
