import Foundation
import GRDB

/// Row snapshots as JSON text, for audit old/new values and for undo.
///
/// Encoding is hand-written because it runs for every change on the command path (one
/// snapshot per audit row); it is lossless, and a test holds it to `JSONSerialization` and
/// to the Codable decoder on random rows. Integers and text are plain JSON values; a
/// REAL is `{"real": 2.5}` and a BLOB `{"blob": "<base64>"}`, so neither comes back as
/// an integer or as text.
enum RowJSON {
    /// A JSON object of every column of `row`, keys in column order.
    static func encode<Columns: Sequence>(_ row: Columns) -> String where Columns.Element == (String, DatabaseValue) {
        var out = "{"
        out.reserveCapacity(512)
        var first = true
        for (column, value) in row {
            if !first { out += "," }
            first = false
            appendString(column, to: &out)
            out += ":"
            switch value.storage {
            case .null: out += "null"
            case .int64(let int): out += String(int)
            case .double(let double): out += double.isFinite ? "{\"real\":\(double)}" : "null"
            case .string(let string): appendString(string, to: &out)
            case .blob(let data):
                out += "{\"blob\":"
                appendString(data.base64EncodedString(), to: &out)
                out += "}"
            }
        }
        return out + "}"
    }

    /// One column's value as the snapshot holds it.
    private enum Value: Decodable {
        case value(DatabaseValue)

        private enum Tag: String, CodingKey { case real, blob }

        init(from decoder: any Decoder) throws {
            if let tagged = try? decoder.container(keyedBy: Tag.self) {
                if let real = try tagged.decodeIfPresent(Double.self, forKey: .real) {
                    self = .value(real.databaseValue)
                } else if let base64 = try tagged.decodeIfPresent(String.self, forKey: .blob), let data = Data(base64Encoded: base64) {
                    self = .value(data.databaseValue)
                } else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown tagged value"))
                }
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .value(.null)
            } else if let int = try? single.decode(Int64.self) {
                self = .value(int.databaseValue)
            } else if let double = try? single.decode(Double.self) {
                // Snapshots written before values were tagged stored REALs as plain numbers.
                self = .value(double.databaseValue)
            } else {
                self = .value(try single.decode(String.self).databaseValue)
            }
        }
    }

    /// The columns and values of a snapshot, as database values, keys sorted.
    static func decode(_ text: String) throws -> [(String, DatabaseValue)] {
        let object = try JSONDecoder().decode([String: Value].self, from: Data(text.utf8))
        return object.keys.sorted().map { key in
            guard case .value(let value)? = object[key] else { return (key, .null) }
            return (key, value)
        }
    }

    /// Escapes as SQLite's `json_quote` does, so a snapshot written in SQL with
    /// `json_object` (bulk writes) is the same text.
    private static func appendString(_ string: String, to out: inout String) {
        out += "\""
        // Most values need no escaping: append them whole.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += string
            out += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
