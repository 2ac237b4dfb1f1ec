/// What a rate is per: an hour (billed to the minute, in hundredths of an hour), a day
/// (each day begun), or a booking (flat).
public enum RateUnit: String, Sendable, Codable, CaseIterable {
    case hour, day, flat
}

/// An invoice's status: a draft may change; sent is issued and immutable (a correction is
/// a credit note); paid; void (a draft given up; its number stays used, so none is missing).
public enum InvoiceStatus: String, Sendable, Codable, CaseIterable {
    case draft, sent, paid, void
}

/// One line of an invoice: quantity in hundredths of its unit, unit price and amount in
/// minor units of the workspace currency.
public struct InvoiceLine: Sendable, Equatable, Codable {
    public var description: String
    public var quantityCenti: Int64
    /// `hour`, `day`, `flat` (from a booking) or `item` (typed by hand).
    public var unit: String
    public var unitMinor: Int64
    public var amountMinor: Int64

    public init(description: String, quantityCenti: Int64, unit: String, unitMinor: Int64) {
        self.description = description
        self.quantityCenti = quantityCenti
        self.unit = unit
        self.unitMinor = unitMinor
        amountMinor = Invoicing.amount(quantityCenti: quantityCenti, unitMinor: unitMinor)
    }
}

/// The arithmetic of invoices (seeds 001, 004): lines from bookings × rates, each rounded
/// to the minor unit; tax on the subtotal; numbers without gaps.
public enum Invoicing {
    /// `value / divisor` rounded to the nearest integer, halves away from zero.
    public static func rounded(_ value: Int64, dividedBy divisor: Int64) -> Int64 {
        let quotient = value / divisor
        let remainder = value % divisor
        guard remainder * 2 >= divisor || remainder * 2 <= -divisor else { return quotient }
        return quotient + (value < 0 ? -1 : 1)
    }

    /// A line's amount: quantity (hundredths) × unit price, rounded to the minor unit.
    public static func amount(quantityCenti: Int64, unitMinor: Int64) -> Int64 {
        rounded(quantityCenti * unitMinor, dividedBy: 100)
    }

    /// The line for a booking of `seconds` at `rateMinor` per `unit`: hours to the
    /// hundredth (90 minutes are 1.50 h), each day begun, or the flat rate once.
    public static func bookingLine(seconds: Int64, rateMinor: Int64, unit: RateUnit, description: String) -> InvoiceLine {
        let quantity: Int64 = switch unit {
        case .hour: max(1, rounded(seconds * 100, dividedBy: 3_600))
        case .day: max(1, (seconds + 86_399) / 86_400) * 100
        case .flat: 100
        }
        return InvoiceLine(description: description, quantityCenti: quantity, unit: unit.rawValue, unitMinor: rateMinor)
    }

    /// Subtotal (the lines' amounts), tax on it at `taxRateBP` basis points (rounded), and total.
    public static func totals(_ amounts: [Int64], taxRateBP: Int64) -> (subtotal: Int64, tax: Int64, total: Int64) {
        let subtotal = amounts.reduce(0, +)
        let tax = rounded(subtotal * taxRateBP, dividedBy: 10_000)
        return (subtotal, tax, subtotal + tax)
    }

    /// `F-2026-0007`: the workspace's prefix, the year it was made, the number.
    public static func number(prefix: String, year: Int, number: Int64) -> String {
        let digits = String(number)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `1.50`: a quantity in hundredths as typed and shown.
    public static func quantityText(_ centi: Int64) -> String {
        let fraction = String(centi % 100)
        return "\(centi / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }

    /// `20` or `5.5`: a rate in basis points as a percentage.
    public static func percentText(_ basisPoints: Int64) -> String {
        var text = quantityText(basisPoints)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Hundredths of a quantity typed as `2`, `1.5` or `1,25`.
    public static func quantityCenti(_ text: String) throws -> Int64 {
        let minor = try Money.minorUnits(text)
        guard minor >= 1 else { throw SlateError.invalidInput("the quantity must be more than zero") }
        return minor
    }
}
