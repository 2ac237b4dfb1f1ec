import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("The audit's snapshots")
struct AuditTests {
    /// Inserts know the row they wrote from its values and the table's defaults; this
    /// holds that to the rows as SQLite stored them, for every table the demo writes.
    @Test func everyInsertSnapshotIsTheRowAsStored() throws {
        let workspace = try DemoWorkspace.scratch("slate-audit")
        let checked = try workspace.read { db -> [String: Int] in
            var checked: [String: Int] = [:]
            let audits = try Row.fetchAll(db, sql: "SELECT record_table, record_id, new_values FROM audits WHERE action = 'insert' ORDER BY id")
            for audit in audits {
                let table: String = audit[0]
                // The workspace row's longest booking is kept by a trigger, outside any version.
                if table == "workspaces" { continue }
                // Rows changed since their insert are compared at their first version only.
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [audit[1] as Int64]),
                      row["version"] == nil || (row["version"] as Int) == 1 else { continue }
                #expect(RowJSON.encode(row) == audit[2] as String, "\(table) \(audit[1] as Int64)")
                checked[table, default: 0] += 1
            }
            return checked
        }
        #expect(checked.count >= 15, "\(checked)")
        #expect(checked["bookings", default: 0] > 100 && checked["phases", default: 0] > 30 && checked["tasks", default: 0] > 10, "\(checked)")
    }

    @Test func aTableWithADefaultThatIsNotALiteralReadsTheRowBack() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE odd (id INTEGER PRIMARY KEY, made TEXT NOT NULL DEFAULT (datetime('now')), n INTEGER DEFAULT 5, t TEXT DEFAULT 'it''s')")
            try db.execute(sql: "CREATE TABLE plain (id INTEGER PRIMARY KEY, n INTEGER DEFAULT 5, t TEXT DEFAULT 'it''s', x BLOB)")
            #expect(try TableShape.of("odd", in: db, schema: 1) == nil)
            let odd: [(String, (any DatabaseValueConvertible)?)] = [("id", 1)]
            #expect(try InsertPlan.of(ObjectIdentifier(OddRow.self), table: "odd", names: odd.map(\.0), in: db, schema: 1).row(odd.map { $0.1?.databaseValue ?? .null }) == nil)
            func row(_ values: [(String, (any DatabaseValueConvertible)?)], schema: Int = 1) throws -> [(String, DatabaseValue)]? {
                try InsertPlan.of(ObjectIdentifier(PlainRow.self), table: "plain", names: values.map(\.0), in: db, schema: schema).row(values.map { $0.1?.databaseValue ?? .null })
            }
            #expect(try row([("id", 1)])?.map(\.1) == [1.databaseValue, 5.databaseValue, "it's".databaseValue, .null])
            #expect(try row([("id", 1)])?.map(\.1) == [1.databaseValue, 5.databaseValue, "it's".databaseValue, .null])
            // A value SQLite would convert (text into an INTEGER column) is not guessed
            #expect(try row([("id", 1), ("n", "7")]) == nil)
            #expect(try row([("id", 1), ("x", Data([1]))]) == nil)
            // Another column list of the same row type gets its own plan; an unknown column none.
            #expect(try row([("id", 2), ("t", "x")])?.map(\.1) == [2.databaseValue, 5.databaseValue, "x".databaseValue, .null])
            #expect(try row([("id", 2), ("nope", 1)]) == nil)
            // A changed schema is read again: its new column is in the row
            try db.execute(sql: "ALTER TABLE plain ADD COLUMN floor TEXT NOT NULL DEFAULT 'ground'")
            let cookie = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
            #expect(try row([("id", 1)], schema: cookie)?.last?.1 == "ground".databaseValue)
        }
    }
}

private final class OddRow {}
private final class PlainRow {}
