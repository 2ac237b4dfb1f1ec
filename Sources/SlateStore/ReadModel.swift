import GRDB
import SlateCore

/// A typed row of a listing (talent, clients, shows, tasks, the log ...): the front ends
/// get its fields, `--json` its `Encodable` form (snake_case keys, times with offset and
/// epoch, money with its currency), and tables its `listing`.
public protocol ReadModel: Encodable, Sendable {
    /// The row as named table cells, in column order.
    var listing: Listing { get }
}

extension ReadModel {
    /// The cell of a column as text (tables and tests).
    public subscript(_ column: String) -> String? { listing[column] }
}

/// How a listing's times and money are written: the workspace's zone and currency.
struct ReadFormat {
    var zone: LocalTime
    let currency: String
    let locale: String

    var words: LocaleFormat { LocaleFormat.of(locale) }

    func time(_ epoch: Int64) -> Timestamp { Timestamp(epoch, in: zone, words: words) }
    func time(_ epoch: Int64?) -> Timestamp? { epoch.map { Timestamp($0, in: zone, words: words) } }
    func money(_ minor: Int64) -> MoneyValue { MoneyValue(minor: minor, currency: currency, locale: locale) }
}

extension Reader {
    var format: ReadFormat { ReadFormat(zone: LocalTime(timeZone: settings.zone), currency: settings.currency, locale: settings.locale) }

    /// The rows of `sql` decoded by `make`, the one decoding site of each read model.
    func fetch<T>(_ sql: String, _ arguments: StatementArguments = [], _ make: (Row, ReadFormat) throws -> T) throws -> [T] {
        let format = self.format
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try make($0, format) }
    }
}

extension Listing.Value {
    /// A time cell: local time in tables, ISO with offset and epoch in JSON.
    static func time(_ timestamp: Timestamp?) -> Listing.Value {
        timestamp.map { .time($0) } ?? .null
    }

    static func text(_ value: String?) -> Listing.Value { value.map { .text($0) } ?? .null }
}
