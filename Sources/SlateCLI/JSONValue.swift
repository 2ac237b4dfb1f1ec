import Foundation

/// A small JSON tree for `--json` output, written with stable key order.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Compact JSON text, keys sorted.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .string(let value): return Self.quote(value)
        case .array(let values): return "[" + values.map(\.text).joined(separator: ",") + "]"
        case .object(let object): return "{" + object.keys.sorted().map { Self.quote($0) + ":" + (object[$0] ?? .null).text }.joined(separator: ",") + "}"
        }
    }

    /// Any `Encodable` value as JSON text with sorted keys.
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func quote(_ string: String) -> String {
        encode(string)
    }
}
