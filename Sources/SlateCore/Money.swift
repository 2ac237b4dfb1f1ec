/// Amounts of money as users type them; stored as integer minor units.
public enum Money {
    /// Minor units (cents) of an amount typed as `450`, `450.50` or `450,50` (either
    /// decimal separator, as the workspace's locale writes it); `signed` allows `-20` (a discount).
    public static func minorUnits(_ text: String, signed: Bool = false) throws -> Int64 {
        let trimmed = text.trimmingWhitespace()
        let negative = signed && trimmed.hasPrefix("-")
        let parts = (negative ? String(trimmed.dropFirst()) : trimmed).split(omittingEmptySubsequences: false) { $0 == "." || $0 == "," }
        let refusal = SlateError.invalidInput("'\(TextInput.printable(text))' is not an amount; use e.g. 450 or 450.50")
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000 else { throw refusal }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard (1...2).contains(parts[1].count), let value = Int64(parts[1]), value >= 0 else { throw refusal }
            cents = parts[1].count == 1 ? value * 10 : value
        }
        return (whole * 100 + cents) * (negative ? -1 : 1)
    }

    /// An amount as it is typed back: `450.50`, `450` when whole.
    public static func plain(_ minor: Int64) -> String {
        let sign = minor < 0 ? "-" : ""
        let value = abs(minor)
        return value % 100 == 0 ? "\(sign)\(value / 100)" : "\(sign)\(value / 100)." + (value % 100 < 10 ? "0" : "") + "\(value % 100)"
    }

    /// Digits after the decimal point of a currency's minor unit (ISO 4217).
    public static func decimals(_ currency: String) -> Int {
        ["JPY", "KRW", "VND", "CLP", "ISK", "XAF", "XOF"].contains(currency) ? 0 : 2
    }
}

/// An amount in minor units with its currency, as JSON gives it: `{"minor": 45000, "currency": "EUR", "text": "450,00 €"}`
/// (the text in the workspace's locale).
public struct MoneyValue: Encodable, Equatable, Sendable {
    public var minor: Int64
    public var currency: String
    /// The workspace's locale, which writes the text.
    public var locale: String
    public var text: String { LocaleFormat.of(locale).money(minor, currency: currency) }

    public init(minor: Int64, currency: String, locale: String = "en_US") {
        self.minor = minor
        self.currency = currency
        self.locale = locale
    }

    private enum CodingKeys: String, CodingKey { case minor, currency, text }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minor, forKey: .minor)
        try container.encode(currency, forKey: .currency)
        try container.encode(text, forKey: .text)
    }
}

/// An instant as JSON gives it: ISO 8601 local time with its offset, and epoch seconds.
public struct Timestamp: Encodable, Equatable, Sendable {
    public var epoch: Int64
    /// ISO 8601 with the zone's offset, for machines: `2026-12-03T14:00:00+01:00`.
    public var local: String
    /// The day in the workspace's words: `jeu. 3 déc.`. Not in JSON.
    public var day: String
    /// The time of day: `14:00`. Not in JSON.
    public var clock: String

    private enum CodingKeys: String, CodingKey { case epoch, local }

    public init(_ epoch: Int64, in zone: LocalTime, words: LocaleFormat) {
        self.epoch = epoch
        self.local = zone.iso(epoch)
        self.day = words.day(zone.day(of: epoch))
        self.clock = words.clock(epoch, in: zone)
    }

    /// As people read it, in the workspace's locale: `jeu. 3 déc. 14:00`.
    public var shown: String { day + " " + clock }

    /// `jeu. 3 déc. 14:00–16:00`: from this to `end`, the day written once when it is the same.
    public func span(to end: Timestamp) -> String {
        end.day == day ? shown + "–" + end.clock : shown + " – " + end.shown
    }

    /// The local time as it is typed: `2026-12-03T14:00` (seconds only when not zero), for CSV.
    public var typed: String {
        let minutes = String(local.prefix(16))
        let seconds = local.dropFirst(17).prefix(2)
        return seconds == "00" || seconds.isEmpty ? minutes : minutes + ":" + seconds
    }
}
