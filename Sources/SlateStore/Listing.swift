import GRDB
import SlateCore

/// A listed record as ordered fields, for tables on the terminal and `--json`.
public struct Listing: Sendable, Equatable, Encodable {
    /// One value of a record.
    public enum Value: Sendable, Equatable, Encodable, CustomStringConvertible {
        case null
        case int(Int64)
        case text(String)
        case bool(Bool)
        /// An instant: local time in tables, `{"local": ISO with offset, "epoch": …}` in JSON.
        case time(Timestamp, shown: String)
        case money(MoneyValue)

        public var description: String {
            switch self {
            case .null: ""
            case .int(let value): String(value)
            case .text(let value): value
            case .bool(let value): value ? "yes" : "no"
            case .time(_, let shown): shown
            case .money(let value): value.text
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .int(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .time(let value, _): try container.encode(value)
            case .money(let value): try container.encode(value)
            }
        }
    }

    public var fields: [(name: String, value: Value)]

    public init(_ fields: [(name: String, value: Value)]) {
        self.fields = fields
    }

    /// The value of a field, as text.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name == name }?.value.description
    }

    public static func == (lhs: Listing, rhs: Listing) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in fields { try container.encode(field.value, forKey: Key(stringValue: field.name)) }
    }

    /// Columns that hold a yes/no flag.
    static let booleanColumns: Set<String> = ["banned", "hard", "required", "active", "is_demo", "auto_promote", "milestone"]

    /// Every column of `row`: `*_at` instants as times in `zone`, flags as booleans, and
    /// `*_minor` amounts as money in `currency`.
    static func from(_ row: Row, zone: LocalTime, currency: String, hidden: Set<String> = []) -> Listing {
        var fields: [(name: String, value: Value)] = []
        for (column, dbValue) in row where !hidden.contains(column) {
            let value: Value
            switch dbValue.storage {
            case .null: value = .null
            case .int64(let int) where column.hasSuffix("_at") || column == "at": value = .time(Timestamp(int, in: zone), shown: zone.format(int))
            case .int64(let int) where booleanColumns.contains(column): value = .bool(int != 0)
            case .int64(let int) where column.hasSuffix("_minor"): value = .money(MoneyValue(minor: int, currency: currency))
            case .int64(let int): value = .int(int)
            case .double(let double): value = .text(String(double))
            case .string(let string): value = .text(string)
            case .blob: value = .text("<binary>")
            }
            fields.append((column, value))
        }
        return Listing(fields)
    }
}

extension Lookup {
    /// Rows of `sql` as records, times in `zone` (default: the workspace's).
    func records(_ sql: String, _ arguments: StatementArguments = [], zone: LocalTime? = nil) throws -> [Listing] {
        let zone = zone ?? LocalTime(timeZone: settings.zone)
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { Listing.from($0, zone: zone, currency: settings.currency) }
    }
}
