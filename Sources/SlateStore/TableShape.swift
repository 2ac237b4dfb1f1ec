import Foundation
import GRDB

/// A table's columns in order, each with its declared type and default, read once per
/// schema (the file's `schema_version` cookie moves with every schema change, a migration
/// included). It lets an insert know the row it wrote, for the audit, without reading the
/// row back.
struct TableShape: Sendable {
    struct Column: Sendable {
        let name: String
        let integer: Bool
        let text: Bool
        let defaultValue: DatabaseValue
    }

    let columns: [Column]

    /// The shape of `table`, or nil when a default is not a plain literal (then the caller
    /// reads the row back).
    static func of(_ table: String, in db: Database, schema: Int) throws -> TableShape? {
        let key = "\(schema):\(table)"
        if let known = lock.withLock({ cache[key] }) { return known }
        var columns: [Column] = []
        var plain = true
        for row in try Row.fetchAll(db, sql: "SELECT name, type, dflt_value FROM pragma_table_info(?) ORDER BY cid", arguments: [table]) {
            let type = (row[1] as String).uppercased()
            guard let value = literal(row[2]) else {
                plain = false
                break
            }
            columns.append(Column(name: row[0], integer: type == "INTEGER", text: type == "TEXT", defaultValue: value))
        }
        let shape = plain && !columns.isEmpty ? TableShape(columns: columns) : nil
        lock.withLock { cache[key] = shape }
        return shape
    }

    nonisolated(unsafe) private static var cache: [String: TableShape?] = [:]
    private static let lock = NSLock()

    /// A default as SQLite would store it: NULL, an integer or a quoted text; nil otherwise.
    private static func literal(_ text: String?) -> DatabaseValue? {
        guard let text else { return .null }
        if text == "NULL" { return .null }
        if let integer = Int64(text) { return integer.databaseValue }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'").databaseValue
        }
        return nil
    }

    /// The whole row an insert of `values` stores, in column order, or nil when a value's
    /// storage class is not the one its column keeps as given (SQLite would convert it).
    func row(_ values: [(String, (any DatabaseValueConvertible)?)]) -> [(String, DatabaseValue)]? {
        // Values usually come in column order: follow them with a cursor, and look the rest up.
        var row: [(String, DatabaseValue)] = []
        row.reserveCapacity(columns.count)
        var used = 0
        var cursor = 0
        for column in columns {
            let given: (String, (any DatabaseValueConvertible)?)?
            if cursor < values.count, values[cursor].0 == column.name {
                given = values[cursor]
                cursor += 1
            } else {
                given = values.first(where: { $0.0 == column.name })
            }
            guard let given else {
                row.append((column.name, column.defaultValue))
                continue
            }
            used += 1
            let value = given.1?.databaseValue ?? .null
            switch value.storage {
            case .null: break
            case .int64: guard column.integer else { return nil }
            case .string: guard column.text else { return nil }
            case .double, .blob: return nil
            }
            row.append((column.name, value))
        }
        return used == values.count ? row : nil
    }
}
