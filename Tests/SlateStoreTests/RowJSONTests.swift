import Foundation
import GRDB
import SlateCore
import Testing
@testable import SlateStore

@Suite("Audit snapshots are lossless JSON")
struct RowJSONTests {
    /// A random database value of every storage class, with text that needs escaping.
    static func randomValue(_ random: inout SystemRandomNumberGenerator) -> DatabaseValue {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return .null
        case 1: return Int64.random(in: Int64.min...Int64.max, using: &random).databaseValue
        case 2: return [2.5, 3.0, -0.1, 1e300, 123_456.789, Double.random(in: -1e9...1e9, using: &random)].randomElement(using: &random)!.databaseValue
        case 3:
            let pieces = ["a", "é", "王", "\"", "\\", "\n", "\t", "\u{1}", "\u{1b}[0m", "👨‍👩‍👧‍👦", "{\"real\":1}", " "]
            return (0..<Int.random(in: 0..<8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().databaseValue
        default: return Data((0..<Int.random(in: 0..<16, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }).databaseValue
        }
    }

    @Test func randomRowsRoundTripExactlyAndParseAsJSON() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let columns = (0..<Int.random(in: 1..<8, using: &random)).map { "c\($0)" }
            let values = columns.map { _ in Self.randomValue(&random) }
            let row = Row(Dictionary(uniqueKeysWithValues: zip(columns, values)))
            let text = RowJSON.encode(row)
            // Valid JSON for any other reader
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(parsed?.count == columns.count, "\(text)")
            // And every value comes back with its storage class
            let decoded = Dictionary(uniqueKeysWithValues: try RowJSON.decode(text))
            for (column, value) in zip(columns, values) {
                #expect(decoded[column] == value, "\(column): \(value) came back as \(String(describing: decoded[column])) from \(text)")
            }
        }
    }

    /// Snapshots SQLite wrote (`json_object`, bulk writes) read back as the row's values:
    /// its escapes of control characters, text in several scripts, integers at the limits.
    @Test func snapshotsSQLiteWroteReadBackAsTheRow() throws {
        var random = SystemRandomNumberGenerator()
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, b, c)")
            for _ in 0..<300 {
                let values: [DatabaseValue] = (0..<3).map { _ in
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: return .null
                    case 1: return [Int64.min, Int64.max, 0, -1, Int64.random(in: Int64.min...Int64.max, using: &random)].randomElement(using: &random)!.databaseValue
                    default:
                        let pieces = ["a", "é", "王芳", "\"", "\\", "\n", "\t", "\u{1}", "\u{7f}", "\u{1b}[0m", "👨‍👩‍👧‍👦", "{\"real\":1}", " ", "/"]
                        return (0..<Int.random(in: 0..<8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().databaseValue
                    }
                }
                try db.execute(sql: "DELETE FROM t")
                try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?)", arguments: StatementArguments(values))
                let text = try String.fetchOne(db, sql: "SELECT json_object('a', a, 'b', b, 'c', c) FROM t") ?? ""
                #expect(try RowJSON.decode(text).map(\.1) == values, "\(text)")
            }
        }
    }

    /// What no writer of Slate produces still reads as JSON says (white space, `\/`,
    /// surrogate pairs, REALs of older snapshots as plain numbers); what is not JSON is refused.
    @Test func theReaderFollowsJSONAndRefusesWhatIsNot() throws {
        let read = try RowJSON.decode(#" { "b" : "a\/b\ud83c\udfac\u00e9" , "a":-12,"c":2.5,"d":1e3,"e":{"real":-0.5},"f":{"blob":"AQI="},"g":null } "#)
        #expect(read.map(\.0) == ["a", "b", "c", "d", "e", "f", "g"])
        #expect(read.map(\.1) == [(-12).databaseValue, "a/b🎬é".databaseValue, 2.5.databaseValue, 1000.0.databaseValue, (-0.5).databaseValue,
                                  Data([1, 2]).databaseValue, .null])
        #expect(try RowJSON.decode("{}").isEmpty)
        for bad in [#"{"a":1"#, #"{"a":1} x"#, #"{"a":true}"#, #"{"a":}"#, #"{"a":"\ud83c"}"#, #"{"a":"\q"}"#, "{\"a\":\"line\nbreak\"}",
                    #"{"a":"open}"#, #"{"a":{"other":1}}"#, #"{"a":{"blob":"***"}}"#, #"{"a":-}"#, #"{"a":.5}"#, #"{"a":"\u+123"}"#, #"{a:1}"#, ""] {
            #expect(throws: SlateError.self, "\(bad)") { try RowJSON.decode(bad) }
        }
    }
}
