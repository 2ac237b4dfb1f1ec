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

        /// True when SQLite stores `value` in this column as it is (no affinity conversion).
        func stores(_ value: DatabaseValue) -> Bool {
            switch value.storage {
            case .null: true
            case .int64: integer
            case .string: text
            case .double, .blob: false
            }
        }
    }

    let columns: [Column]

    /// True when every column is declared INTEGER or TEXT: Slate stores only integers, texts
    /// and nulls there, which SQLite's `json_object` writes as `RowJSON.encode` does.
    var jsonExact: Bool { columns.allSatisfy { $0.integer || $0.text } }

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
}

/// How a row type is inserted: its statement, and for each column of the table the value
/// (by position) or the default it gets, so the audit knows the stored row without reading
/// it back. Worked out once per row type and schema.
struct InsertPlan: Sendable {
    let sql: String
    let shape: TableShape?
    /// For each column of `shape`, the index of its value, or nil for the default.
    let positions: [Int?]
    /// The number of values the plan was made for, and their columns.
    let count: Int
    let names: [String]

    private struct Key: Hashable {
        let type: ObjectIdentifier
        let schema: Int
        /// A row type may leave out columns (a confirmed booking has no rank): one plan each.
        let count: Int
    }

    nonisolated(unsafe) private static var cache: [Key: InsertPlan] = [:]
    private static let lock = NSLock()

    static func of(_ type: ObjectIdentifier, table: String, names: [String], in db: Database, schema: Int) throws -> InsertPlan {
        let key = Key(type: type, schema: schema, count: names.count)
        if let known = lock.withLock({ cache[key] }), known.names == names { return known }
        let shape = try TableShape.of(table, in: db, schema: schema)
        var positions: [Int?] = []
        if let shape {
            positions = shape.columns.map { column in names.firstIndex(of: column.name) }
            // Every value must land in a column of the table.
            if positions.compactMap({ $0 }).count != names.count { positions = [] }
        }
        let plan = InsertPlan(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: names.count).joined(separator: ", ")))",
                              shape: positions.isEmpty ? nil : shape, positions: positions, count: names.count, names: names)
        lock.withLock { cache[key] = plan }
        return plan
    }

    /// The whole row an insert of `values` (in the plan's column order) stores, in the
    /// table's column order, or nil when it cannot be known without reading it back (a
    /// default that is not a literal, or a value whose storage class its column would convert).
    func row(_ values: [DatabaseValue]) -> [(String, DatabaseValue)]? {
        guard let shape, values.count == count else { return nil }
        var row: [(String, DatabaseValue)] = []
        row.reserveCapacity(positions.count)
        for (column, position) in zip(shape.columns, positions) {
            guard let position else {
                row.append((column.name, column.defaultValue))
                continue
            }
            let value = values[position]
            guard column.stores(value) else { return nil }
            row.append((column.name, value))
        }
        return row
    }
}

extension DatabaseValue {
    /// A null, an integer or a text: a value `json_object` and `RowJSON` write alike.
    var isJSONExact: Bool {
        switch storage {
        case .null, .int64, .string: true
        case .double, .blob: false
        }
    }
}
