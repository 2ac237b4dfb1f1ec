import Foundation
import GRDB
import SlateCore

/// Row snapshots as JSON text, for audit old/new values and for undo.
///
/// Encoding and decoding are hand-written: encoding runs for every change on the command
/// path (one snapshot per audit row), decoding for every row an undo restores. Both are
/// lossless; tests hold them to `JSONSerialization`, to SQLite's `json_object`, and to each
/// other on random rows. Integers and text are plain JSON values; a
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

    /// The columns and values of a snapshot, as database values, keys sorted. Read by hand,
    /// as it is written: undoing a 1,000-show confirmation reads 5,000 snapshots, and
    /// Foundation's `JSONDecoder` took half of that time.
    static func decode(_ text: String) throws -> [(String, DatabaseValue)] {
        var parser = Parser(bytes: Array(text.utf8))
        var object: [String: DatabaseValue] = [:]
        try parser.members { key, parser in object[key] = try parser.columnValue() }
        guard parser.atEnd else { throw parser.failure("text after the object") }
        return object.keys.sorted().map { ($0, object[$0] ?? .null) }
    }

    /// A reader of the JSON snapshots hold: one object of columns, each null, an integer,
    /// a string, or a tagged `{"real": number}` or `{"blob": "base64"}`. Snapshots written
    /// before values were tagged hold a REAL as a plain number with a fraction or exponent.
    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool {
            mutating get {
                skipSpace()
                return index == bytes.count
            }
        }

        func failure(_ what: String) -> SlateError {
            .storage("unreadable snapshot JSON at byte \(index): \(what)")
        }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func peek() -> UInt8? {
            skipSpace()
            return index < bytes.count ? bytes[index] : nil
        }

        mutating func expect(_ byte: UInt8) throws {
            guard peek() == byte else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
            index += 1
        }

        /// `{"key": value, ...}`, each value read by `member`.
        mutating func members(_ member: (String, inout Parser) throws -> Void) throws {
            try expect(UInt8(ascii: "{"))
            if peek() == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                guard peek() == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try string()
                try expect(UInt8(ascii: ":"))
                try member(key, &self)
                switch peek() {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return
                default: throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func columnValue() throws -> DatabaseValue {
            switch peek() {
            case UInt8(ascii: "n"):
                guard bytes[index...].starts(with: "null".utf8) else { throw failure("expected null") }
                index += 4
                return .null
            case UInt8(ascii: "\""):
                return try string().databaseValue
            case UInt8(ascii: "{"):
                var value: DatabaseValue?
                try members { key, parser in
                    switch key {
                    case "real": value = try parser.number().double.databaseValue
                    case "blob":
                        guard parser.peek() == UInt8(ascii: "\""), let data = Data(base64Encoded: try parser.string()) else { throw parser.failure("a bad blob") }
                        value = data.databaseValue
                    default: throw parser.failure("an unknown tagged value '\(key)'")
                    }
                }
                guard let value else { throw failure("an empty tagged value") }
                return value
            default:
                let number = try number()
                return number.integer?.databaseValue ?? number.double.databaseValue
            }
        }

        /// A JSON number: also an integer when it has neither fraction nor exponent and fits.
        mutating func number() throws -> (integer: Int64?, double: Double) {
            skipSpace()
            let start = index
            var integral = true
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            scan: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): integral = false
                default: break scan
                }
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let first = text.utf8.first(where: { $0 != UInt8(ascii: "-") }), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
                  let double = Double(text), double.isFinite else {
                throw failure("expected a value")
            }
            return (integral ? Int64(text) : nil, double)
        }

        /// A JSON string, its escapes undone.
        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw failure("an unterminated string") }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard bytes[index...].starts(with: "\\u".utf8) else { throw failure("a lone surrogate") }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { throw failure("a lone surrogate") }
                        out.append(contentsOf: String(unicode).utf8)
                    default: throw failure("an unknown escape")
                    }
                case 0..<0x20:
                    throw failure("a control character in a string")
                default:
                    out.append(byte)
                }
            }
            throw failure("an unterminated string")
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, bytes[index..<(index + 4)].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                  let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else {
                throw failure("a bad \\u escape")
            }
            index += 4
            return value
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
