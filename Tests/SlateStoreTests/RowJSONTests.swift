import Foundation
import GRDB
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
}
