import GRDB
import SlateCore

/// A row of a listing as ordered, named cells: how a read model is shown in a table.
public struct Listing: Sendable, Equatable, Encodable {
    /// One value of a record.
    public enum Value: Sendable, Equatable, Encodable, CustomStringConvertible {
        case null
        case int(Int64)
        case text(String)
        case bool(Bool)
        /// An instant: in the workspace's words in tables (`jeu. 3 déc. 14:00`), as typed in
        /// CSV (`2026-12-03T14:00`), `{"local": ISO with offset, "epoch": …}` in JSON.
        case time(Timestamp)
        case money(MoneyValue)
        /// A calendar day: in the workspace's words in tables (`3 déc.`), ISO in CSV and JSON.
        case day(Day, shown: String)

        public var description: String {
            switch self {
            case .null: ""
            case .int(let value): String(value)
            case .text(let value): value
            case .bool(let value): value ? "yes" : "no"
            case .time(let value): value.shown
            case .money(let value): value.text
            case .day(_, let shown): shown
            }
        }

        /// The value in a CSV file: times as they are typed, so a sheet can sort them.
        public var csvText: String {
            switch self {
            case .time(let value): value.typed
            case .day(let day, _): day.iso
            default: description
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .int(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .time(let value): try container.encode(value)
            case .money(let value): try container.encode(value)
            case .day(let day, _): try container.encode(day.iso)
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
}
