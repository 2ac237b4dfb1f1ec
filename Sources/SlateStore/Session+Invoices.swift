import Foundation
import GRDB
import SlateCore

/// An invoice of `invoice list`.
public struct InvoiceSummary: ReadModel, Equatable {
    public var uid: String
    /// `F-2026-0007`, fixed when the invoice was made.
    public var number: String
    public var client, studio: String
    public var status: InvoiceStatus
    public var issuedAt: Timestamp?
    public var subtotal, tax, total: MoneyValue
    /// Basis points: 2000 is 20 %.
    public var taxRateBP: Int64
    /// The invoice a credit note corrects.
    public var creditOf: String?
    public var version: Int

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("number", .text(number)), ("client", .text(client)), ("studio", .text(studio)), ("status", .text(status.rawValue)),
                 ("issued_at", .time(issuedAt)), ("subtotal", .money(subtotal)), ("tax", .money(tax)), ("total", .money(total)),
                 ("credit_of", .text(creditOf)), ("version", .int(Int64(version)))])
    }
}

/// An invoice with its lines, as `invoice show` and `invoice export` give it.
public struct InvoiceDocument: Sendable, Equatable, Encodable {
    public var invoice: InvoiceSummary
    public var lines: [InvoiceLine]
    /// The days a client's invoice covers, in the studio's zone (`2026-12-01`–`2026-12-31`).
    public var period: String?

    /// The invoice as a plain-text / Markdown document (`invoice show`, `export`, the dashboard).
    public var markdown: String {
        let currency = invoice.total.currency
        let words = LocaleFormat.of(invoice.total.locale)
        var text = ["# \(invoice.creditOf == nil ? "Invoice" : "Credit note") \(invoice.number)", ""]
        text.append("- Client: \(invoice.client)")
        text.append("- From: \(invoice.studio)")
        text.append("- Status: \(invoice.status.rawValue)" + (invoice.issuedAt.flatMap { Day(iso: String($0.local.prefix(10))) }.map { ", issued \(words.date($0))" } ?? ""))
        if let credit = invoice.creditOf { text.append("- Corrects: \(credit)") }
        if let period { text.append("- Period: \(period)") }
        text += ["", "| Description | Quantity | Unit price | Amount |", "|---|---:|---:|---:|"]
        for line in lines {
            let cell = line.description.replacingOccurrences(of: "|", with: "\\|")
            text.append("| \(cell) | \(words.number(line.quantityCenti, decimals: 2)) \(line.unit) | \(words.money(line.unitMinor, currency: currency)) | \(words.money(line.amountMinor, currency: currency)) |")
        }
        text += ["", "| | |", "|---|---:|", "| Subtotal | \(invoice.subtotal.text) |",
                  "| Tax \(Invoicing.percentText(invoice.taxRateBP)) % | \(invoice.tax.text) |", "| **Total** | **\(invoice.total.text)** |"]
        return text.joined(separator: "\n")
    }
}

/// The rate of a booking's resource whatever its kind, over `r` (its `resources` row):
/// `rate_minor` then `rate_unit` (0 an hour when none is set).
enum RateSQL {
    static let columns = "coalesce(m.rate_minor, e.rate_minor, t.rate_minor, 0), coalesce(m.rate_unit, e.rate_unit, t.rate_unit, 'hour')"
    static let joins = "LEFT JOIN rooms m ON m.resource_id = r.id LEFT JOIN equipment e ON e.resource_id = r.id LEFT JOIN talent t ON t.resource_id = r.id"
}

private struct NewInvoice: NewRow {
    static let table = "invoices"
    var studioID, clientID, number: Int64
    var label, currency: String
    var taxRateBP: Int64
    var creditOf: Int64?
    var periodFrom, periodTo: Int64?
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("metadata", "{\"number\":\"\(label)\"}"), ("studio_id", studioID), ("client_id", clientID), ("number", number), ("status", InvoiceStatus.draft.rawValue),
         ("currency", currency), ("tax_rate_bp", taxRateBP), ("credit_of", creditOf), ("period_from", periodFrom), ("period_to", periodTo)]
    }
}

private struct NewInvoiceItem: NewRow {
    static let table = "invoice_items"
    var invoiceID: Int64
    var showID, bookingID: Int64?
    var line: InvoiceLine
    var columns: [(String, (any DatabaseValueConvertible)?)] {
        [("invoice_id", invoiceID), ("show_id", showID), ("booking_id", bookingID), ("description", line.description), ("quantity_centi", line.quantityCenti),
         ("unit", line.unit), ("unit_minor", line.unitMinor), ("amount_minor", line.amountMinor)]
    }
}

extension Session {
    /// Invoices a completed show: a line per booking of it at its resource's rate (studio managers).
    public func invoiceShow(_ show: String) throws -> Outcome<String> {
        try perform("invoice show") { context in
            let record = try context.show(uid: show)
            let studio = try context.studio(id: record.studioID)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "invoice shows")
            guard record.status == .completed else {
                throw SlateError.refused([RuleViolation(.transition, "\(record.label) is \(record.status.rawValue); only completed shows are invoiced")])
            }
            return try Self.makeInvoice(context, studio: studio, clientID: record.clientID, shows: [record], period: nil)
        }
    }

    /// Invoices a client's completed shows in a period that no invoice covers yet.
    public func invoiceClient(_ client: String, from: When, to: When) throws -> Outcome<String> {
        try perform("invoice client") { context in
            let client = try context.client(ref: client)
            let studio = try context.studio(id: client.studioID ?? 0)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "invoice clients")
            let period = try Interval.validated(start: from.resolve(in: studio.zone), end: to.resolve(in: studio.zone))
            let shows = try Row.fetchAll(context.db, sql: """
                SELECT * FROM shows WHERE client_id = ? AND studio_id = ? AND status = 'completed' AND deleted_at IS NULL AND start_at >= ? AND start_at < ?
                ORDER BY start_at, id
                """, arguments: [client.id, studio.id, period.start, period.end]).map(ShowRecord.init)
            let taken = try Self.invoiced(context.db, shows: shows.map(\.id))
            let open = shows.filter { !taken.contains($0.id) }
            guard !open.isEmpty else {
                throw SlateError.refused([RuleViolation(.transition, "\(client.name) has no completed show left to invoice in \(studio.text(period))")])
            }
            return try Self.makeInvoice(context, studio: studio, clientID: client.id, shows: open, period: period)
        }
    }

    /// Adds a line typed by hand (a fee, a discount as a negative price) to a draft.
    public func addInvoiceLine(_ invoice: String, description: String, quantity: String, unitPrice: String) throws -> Outcome<String> {
        try perform("invoice line") { context in
            let row = try Self.invoiceRow(context, invoice, action: "add lines to")
            guard row["status"] == InvoiceStatus.draft.rawValue else {
                throw SlateError.refused([RuleViolation(.transition, "\(row["uid"] as String) is \(row["status"] as String) and cannot change; correct it with a credit note (slate invoice credit \(row["uid"] as String))")])
            }
            let line = InvoiceLine(description: try TextInput.line(description, field: "description", limit: 500), quantityCenti: try Invoicing.quantityCenti(quantity),
                                   unit: "item", unitMinor: try Money.minorUnits(unitPrice, signed: true))
            let item = try context.insert(NewInvoiceItem(invoiceID: row["id"], showID: nil, bookingID: nil, line: line))
            try Self.total(context, invoice: row["id"], taxRateBP: row["tax_rate_bp"])
            context.summary = "add a line to invoice \(row["uid"] as String)"
            return item.uid
        }
    }

    /// Sends a draft (it is issued and no longer changes), records a payment, or voids a draft.
    public func setInvoiceStatus(_ invoice: String, to target: InvoiceStatus) throws -> Outcome<String> {
        try perform("invoice \(target.rawValue)") { context in
            let row = try Self.invoiceRow(context, invoice, action: "change")
            let status = InvoiceStatus(rawValue: row["status"]) ?? .void
            let allowed: [(InvoiceStatus, InvoiceStatus)] = [(.draft, .sent), (.sent, .paid), (.draft, .void)]
            guard allowed.contains(where: { $0 == (status, target) }) else {
                let hint = target == .void && status != .draft ? "; a sent invoice is corrected with a credit note (slate invoice credit \(row["uid"] as String))" : ""
                throw SlateError.refused([RuleViolation(.transition, "invoice \(row["uid"] as String) is \(status.rawValue); it cannot become \(target.rawValue)\(hint)")])
            }
            var values: [(String, (any DatabaseValueConvertible)?)] = [("status", target.rawValue)]
            if target == .sent { values.append(("issued_at", context.now)) }
            try context.updateColumns("invoices", id: row["id"], values)
            context.summary = "invoice \(row["uid"] as String): \(status.rawValue) -> \(target.rawValue)"
            return row["uid"]
        }
    }

    /// A credit note for a sent or paid invoice: a new draft with every line negated.
    public func creditInvoice(_ invoice: String) throws -> Outcome<String> {
        try perform("invoice credit") { context in
            let row = try Self.invoiceRow(context, invoice, action: "credit")
            let uid: String = row["uid"]
            guard ["sent", "paid"].contains(row["status"] as String), (row["credit_of"] as Int64?) == nil else {
                throw SlateError.refused([RuleViolation(.transition, "only a sent or paid invoice is credited; \(uid) is \(row["status"] as String)\((row["credit_of"] as Int64?) == nil ? "" : " and is itself a credit note")")])
            }
            if try Int.fetchOne(context.db, sql: "SELECT count(*) FROM invoices WHERE credit_of = ? AND status != 'void'", arguments: [row["id"]]) ?? 0 > 0 {
                throw SlateError.refused([RuleViolation(.transition, "\(uid) already has a credit note")])
            }
            let items = try Row.fetchAll(context.db, sql: "SELECT * FROM invoice_items WHERE invoice_id = ? AND deleted_at IS NULL ORDER BY id", arguments: [row["id"]])
            let (id, credit) = try Self.newInvoice(context, studioID: row["studio_id"], clientID: row["client_id"], taxRateBP: row["tax_rate_bp"], creditOf: row["id"],
                                                  period: nil)
            try context.insertAll(items.map {
                NewInvoiceItem(invoiceID: id, showID: $0["show_id"], bookingID: $0["booking_id"],
                               line: InvoiceLine(description: String(("Credit: " + ($0["description"] as String)).prefix(500)), quantityCenti: $0["quantity_centi"],
                                                 unit: $0["unit"], unitMinor: -($0["unit_minor"] as Int64)))
            })
            try Self.total(context, invoice: id, taxRateBP: row["tax_rate_bp"])
            context.summary = "credit note \(credit) for invoice \(uid)"
            return credit
        }
    }

    /// Sets what an hour, a day or a booking of a room, a person or equipment costs.
    public func setRate(resource: String, minor: Int64, per unit: RateUnit) throws -> Outcome<String> {
        try perform("rate set") { context in
            let (info, studio, _) = try context.resource(ref: resource)
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "set rates")
            guard minor >= 0 else { throw SlateError.invalidInput("a rate cannot be negative") }
            let table = switch info.kind { case .room: "rooms"; case .talent: "talent"; case .equipment: "equipment" }
            guard let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM \(table) WHERE resource_id = ? AND deleted_at IS NULL", arguments: [info.id]) else {
                throw SlateError.notFound("no \(info.kind.rawValue) for \(resource)")
            }
            try context.updateColumns(table, id: id, [("rate_minor", minor), ("rate_unit", unit.rawValue)])
            context.summary = "rate of \(info.name): \(LocaleFormat.of(context.settings.locale).money(minor, currency: context.settings.currency)) per \(unit.rawValue)"
            return info.uid
        }
    }

    /// The workspace's tax rate on invoices (basis points) and the prefix of invoice numbers (workspace admins).
    public func setInvoiceSettings(taxRateBP: Int64?, prefix: String?) throws -> Outcome<String> {
        try perform("invoice settings") { context in
            try context.policy.requireAnyStudio(.admin, to: "set the tax rate and invoice numbers")
            var values: [(String, (any DatabaseValueConvertible)?)] = []
            if let taxRateBP {
                guard (0...10_000).contains(taxRateBP) else { throw SlateError.invalidInput("the tax rate is a percentage from 0 to 100") }
                values.append(("tax_rate_bp", taxRateBP))
            }
            if let prefix {
                guard (1...12).contains(prefix.count), prefix.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                    throw SlateError.invalidInput("the invoice prefix is 1 to 12 letters or digits")
                }
                values.append(("invoice_prefix", prefix))
            }
            guard !values.isEmpty, let id = try Int64.fetchOne(context.db, sql: "SELECT id FROM workspaces ORDER BY id LIMIT 1") else { return "" }
            try context.updateColumns("workspaces", id: id, values)
            context.summary = "invoice settings"
            return ""
        }
    }

    /// Invoices the user may see: the studio's staff theirs, a client's members their own.
    public func invoices() throws -> [InvoiceSummary] {
        try read { reader in try Self.invoiceSummaries(reader, id: nil) }
    }

    /// One invoice with its lines.
    public func invoice(_ uid: String) throws -> InvoiceDocument {
        try read { reader in
            guard let id = try Int64.fetchOne(reader.db, sql: "SELECT id FROM invoices i WHERE uid = ? AND \(reader.visibility.predicate("invoices", alias: "i"))", arguments: [uid]),
                  let summary = try Self.invoiceSummaries(reader, id: id).first else {
                throw SlateError.notFound("no invoice \(TextInput.printable(uid)) that you may see")
            }
            let lines = try Row.fetchAll(reader.db, sql: "SELECT description, quantity_centi, unit, unit_minor FROM invoice_items WHERE invoice_id = ? AND deleted_at IS NULL ORDER BY id",
                                         arguments: [id]).map { InvoiceLine(description: $0[0], quantityCenti: $0[1], unit: $0[2], unitMinor: $0[3]) }
            let row = try Row.fetchOne(reader.db, sql: "SELECT i.period_from, i.period_to, s.time_zone FROM invoices i JOIN studios s ON s.id = i.studio_id WHERE i.id = ?", arguments: [id])
            let zone = LocalTime.cached(row?[2] ?? "UTC") ?? reader.format.zone
            let period: String? = (row?[0] as Int64?).flatMap { from in
                (row?[1] as Int64?).map { to in "\(reader.settings.words.date(zone.day(of: from)))–\(reader.settings.words.date(zone.day(of: to - 1)))" }
            }
            return InvoiceDocument(invoice: summary, lines: lines, period: period)
        }
    }

    private static func invoiceSummaries(_ reader: Reader, id: Int64?) throws -> [InvoiceSummary] {
        try reader.fetch("""
            SELECT i.uid, json_extract(i.metadata, '$.number'), c.name, s.name, i.status, i.issued_at, i.subtotal_minor, i.tax_minor, i.total_minor, i.tax_rate_bp,
                   o.uid, i.version, i.currency
            FROM invoices i JOIN clients c ON c.id = i.client_id JOIN studios s ON s.id = i.studio_id LEFT JOIN invoices o ON o.id = i.credit_of
            WHERE i.deleted_at IS NULL AND (? IS NULL OR i.id = ?) AND \(reader.visibility.predicate("invoices", alias: "i"))
            ORDER BY i.number
            """, [id, id]) { row, format in
            let currency: String = row[12]
            return InvoiceSummary(uid: row[0], number: row[1] ?? "", client: row[2], studio: row[3], status: InvoiceStatus(rawValue: row[4]) ?? .void,
                                  issuedAt: format.time(row[5] as Int64?), subtotal: MoneyValue(minor: row[6], currency: currency, locale: format.locale),
                                  tax: MoneyValue(minor: row[7], currency: currency, locale: format.locale),
                                  total: MoneyValue(minor: row[8], currency: currency, locale: format.locale),
                                  taxRateBP: row[9], creditOf: row[10], version: row[11])
        }
    }

    /// Those of `shows` on an invoice that stands (not void, not credited).
    private static func invoiced(_ db: Database, shows: [Int64]) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT ii.show_id FROM invoice_items ii JOIN invoices i ON i.id = ii.invoice_id
            WHERE ii.show_id IN (SELECT value FROM json_each(?)) AND ii.deleted_at IS NULL AND i.deleted_at IS NULL AND i.status != 'void' AND i.credit_of IS NULL
              AND NOT EXISTS (SELECT 1 FROM invoices c WHERE c.credit_of = i.id AND c.status != 'void' AND c.deleted_at IS NULL)
            """), arguments: ["[" + shows.map(String.init).joined(separator: ",") + "]"]))
    }

    /// A draft invoice for `shows` with a line per confirmed booking of each at its resource's rate.
    private static func makeInvoice(_ context: CommandContext, studio: StudioInfo, clientID: Int64, shows: [ShowRecord], period: Interval?) throws -> String {
        let taken = try invoiced(context.db, shows: shows.map(\.id))
        if let show = shows.first(where: { taken.contains($0.id) }) {
            throw SlateError.refused([RuleViolation(.transition, "\(show.label) is already invoiced")])
        }
        let taxRate = try Int64.fetchOne(context.db, sql: "SELECT tax_rate_bp FROM workspaces ORDER BY id LIMIT 1") ?? 0
        let (id, uid) = try newInvoice(context, studioID: studio.id, clientID: clientID, taxRateBP: taxRate, creditOf: nil, period: period)
        var items: [NewInvoiceItem] = []
        let byID = Dictionary(shows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Every booking of every show in one read, show by show: rooms, then cast, then equipment.
        for row in try Row.fetchAll(context.db, sql: """
            SELECT b.show_id, b.id, b.start_at, b.end_at, r.name, \(RateSQL.columns)
            FROM bookings b JOIN shows sh ON sh.id = b.show_id JOIN resources r ON r.id = b.resource_id
            \(RateSQL.joins)
            WHERE b.show_id IN (SELECT value FROM json_each(?)) AND b.status = 'confirmed' AND b.deleted_at IS NULL
            ORDER BY sh.start_at, sh.id, CASE r.kind WHEN 'room' THEN 0 WHEN 'talent' THEN 1 ELSE 2 END, r.name, b.id
            """, arguments: ["[" + shows.map { String($0.id) }.joined(separator: ",") + "]"]) {
            guard let show = byID[row[0]] else { continue }
            let interval = Interval(start: row[2], end: row[3])
            let description = "\(show.title) · \(row[4] as String) · \(studio.text(interval))"
            items.append(NewInvoiceItem(invoiceID: id, showID: show.id, bookingID: row[1],
                                        line: Invoicing.bookingLine(seconds: interval.duration, rateMinor: row[5], unit: RateUnit(rawValue: row[6]) ?? .hour,
                                                                    description: String(description.prefix(500)))))
        }
        try context.insertAll(items)
        try total(context, invoice: id, taxRateBP: taxRate)
        context.summary = "invoice \(uid) for \(Plural.count(shows.count, "show"))"
        return uid
    }

    /// A new draft invoice numbered from the workspace's counter, which moves on in the same
    /// transaction: numbers have no gaps however many write at once.
    private static func newInvoice(_ context: CommandContext, studioID: Int64, clientID: Int64, taxRateBP: Int64, creditOf: Int64?, period: Interval?) throws -> (Int64, String) {
        guard let workspace = try Row.fetchOne(context.db, sql: "SELECT id, next_invoice_number, invoice_prefix FROM workspaces ORDER BY id LIMIT 1") else {
            throw SlateError.storage("the workspace has no settings row")
        }
        let number: Int64 = workspace[1]
        let year = LocalTime(timeZone: context.settings.zone).day(of: context.now).fields.year
        try context.updateColumns("workspaces", id: workspace[0], [("next_invoice_number", number + 1)])
        let row = try context.insert(NewInvoice(studioID: studioID, clientID: clientID, number: number, label: Invoicing.number(prefix: workspace[2], year: year, number: number),
                                                currency: context.settings.currency, taxRateBP: taxRateBP, creditOf: creditOf, periodFrom: period?.start, periodTo: period?.end))
        return (row.id, row.uid)
    }

    /// Sums the lines, adds the tax, and stores the totals.
    private static func total(_ context: CommandContext, invoice: Int64, taxRateBP: Int64) throws {
        let amounts = try Int64.fetchAll(context.db, sql: "SELECT amount_minor FROM invoice_items WHERE invoice_id = ? AND deleted_at IS NULL", arguments: [invoice])
        let totals = Invoicing.totals(amounts, taxRateBP: taxRateBP)
        try context.updateColumns("invoices", id: invoice, [("subtotal_minor", totals.subtotal), ("tax_minor", totals.tax), ("total_minor", totals.total)])
    }

    /// A live invoice the user may act on as a manager of its studio.
    private static func invoiceRow(_ context: CommandContext, _ uid: String, action: String) throws -> Row {
        guard let row = try Row.fetchOne(context.db, sql: "SELECT * FROM invoices WHERE uid = ? AND deleted_at IS NULL", arguments: [uid]) else {
            throw SlateError.notFound("no invoice \(TextInput.printable(uid))")
        }
        let studio = try context.studio(id: row["studio_id"])
        try context.require(.manager, studio: studio.id, studioName: studio.name, to: "\(action) invoices")
        return row
    }
}
