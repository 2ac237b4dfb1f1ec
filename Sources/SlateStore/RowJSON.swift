import Foundation
import GRDB

/// Row snapshots as JSON text, for audit old/new values and for undo.
enum RowJSON {
    /// A JSON object of every column of `row`, keys in column order.
    static func encode(_ row: Row) -> String {
        var out = "{"
        var first = true
        for (column, value) in row {
            if !first { out += "," }
            first = false
            appendString(column, to: &out)
            out += ":"
            switch value.storage {
            case .null: out += "null"
            case .int64(let int): out += String(int)
            case .double(let double): out += double.isFinite ? String(double) : "null"
            case .string(let string): appendString(string, to: &out)
            case .blob(let data): appendString(data.base64EncodedString(), to: &out)
            }
        }
        return out + "}"
    }

    /// The columns and values of a snapshot, as database values.
    static func decode(_ text: String) throws -> [(String, DatabaseValue)] {
        guard let data = text.data(using: .utf8),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DatabaseError(message: "audit snapshot is not a JSON object")
        }
        return object.keys.sorted().map { key in
            let value = object[key]
            let dbValue: DatabaseValue
            switch value {
            case let string as String: dbValue = string.databaseValue
            case let number as NSNumber:
                let double = number.doubleValue
                dbValue = double == double.rounded() && abs(double) < 9e15 ? number.int64Value.databaseValue : double.databaseValue
            default: dbValue = .null
            }
            return (key, dbValue)
        }
    }

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
