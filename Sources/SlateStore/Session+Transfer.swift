import Foundation
import GRDB
import SlateCore

/// The whole workspace as one JSON document (`slate export json`) and back
/// (`slate import json FILE --db NEW`). The document:
///
///     {"format":"slate-workspace","schema":4,"tables":{
///     "workspaces":[
///     {"id":1,"uid":"ws-…",…}
///     ],
///     …}}
///
/// Every table of the schema, in the schema's order, each row an object of every column
/// in the schema's column order (integers and text as JSON values, a REAL as
/// `{"real":2.5}`, a BLOB as `{"blob":"<base64>"}`), rows by id, one per line. Only what
/// the caller may see is written; children follow their parents (a booking of a hidden
/// studio's room is left out with the room). Export, import, export gives the same bytes.
enum Transfer {
    static let format = "slate-workspace"

    /// Tables and their columns in the order of `schema.sql`, whatever order a migrated
    /// file has them in.
    static let layout: [(table: String, columns: [String])] = {
        guard let queue = try? DatabaseQueue() else { return [] }
        return (try? queue.write { db -> [(String, [String])] in
            try db.execute(sql: SchemaSQL.text)
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
            // Records only: full-text indexes and their shadow tables are rebuilt by triggers.
            return try tables.map { table in (table, try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])) }
                .filter { $0.1.first == "id" && $0.1.contains("uid") }
        }) ?? []
    }()

    /// Which rows of `table` the caller may see, as a condition on the table's columns.
    static func visible(_ table: String, _ v: Visibility) -> String {
        func ids(_ table: String) -> String { "SELECT id FROM \(table) WHERE \(v.predicate(table))" }
        let records = ["shows", "bookings", "schedules", "phases", "tasks", "clients", "talent", "projects", "rooms", "equipment"]
            .map { "(record_table = '\($0)' AND record_id IN (\(ids($0))))" }.joined(separator: " OR ")
        switch table {
        case "memberships":
            return "(studio_id IS NULL OR studio_id IN (\(ids("studios")))) AND (client_id IS NULL OR client_id IN (\(ids("clients"))))"
                + " AND (platform_id IS NULL OR platform_id IN (\(ids("platforms"))))"
        case "talent_skills": return "talent_id IN (\(ids("talent")))"
        case "dependencies": return "predecessor_id IN (\(ids("phases"))) AND successor_id IN (\(ids("phases")))"
        case "show_talent", "show_platforms", "show_equipment", "show_materials": return "show_id IN (\(ids("shows")))"
        case "task_template_items": return "template_id IN (\(ids("task_templates")))"
        case "recurrences":
            return "id IN (SELECT recurrence_id FROM bookings WHERE \(v.predicate("bookings"))) OR id IN (SELECT recurrence_id FROM shows WHERE \(v.predicate("shows")))"
        case "comments": return "(\(records))"
        case "taggables": return "(\(records)) AND tag_id IN (SELECT id FROM tags WHERE studio_id IS NULL OR studio_id IN (\(ids("studios"))))"
        case "tags": return "studio_id IS NULL OR studio_id IN (\(ids("studios")))"
        case "communications":
            return "(client_id IS NULL OR client_id IN (\(ids("clients")))) AND (talent_id IS NULL OR talent_id IN (\(ids("talent"))))"
                + " AND (show_id IS NULL OR show_id IN (\(ids("shows"))))"
        case "invoices": return "client_id IN (\(ids("clients")))"
        case "invoice_items": return "invoice_id IN (SELECT id FROM invoices WHERE client_id IN (\(ids("clients"))))"
        case "job_listings": return "project_id IN (\(ids("projects")))"
        case "audits": return "command_id IN (\(ids("commands")))"
        case "commands": return "\(v.predicate("commands")) AND (target_id IS NULL OR target_id IN (SELECT id FROM commands WHERE \(v.predicate("commands"))))"
        default: return v.predicate(table)
        }
    }
}

extension Session {
    /// The workspace, as far as the user may see it, as one JSON document.
    public func exportWorkspace() throws -> String {
        try read { reader in
            var out = "{\"format\":\"\(Transfer.format)\",\"schema\":\(Workspace.schemaVersion),\"tables\":{"
            for (index, (table, columns)) in Transfer.layout.enumerated() {
                out += (index == 0 ? "\n" : ",\n") + "\"\(table)\":["
                let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(Transfer.visible(table, reader.visibility)) ORDER BY id"
                var first = true
                let cursor: RowCursor
                do { cursor = try Row.fetchCursor(reader.db, sql: sql) } catch { throw SlateError.storage("exporting \(table): \(error)") }
                while let row = try cursor.next() {
                    out += (first ? "\n" : ",\n") + RowJSON.encode(zip(columns, row.databaseValues).map { ($0, $1) })
                    first = false
                }
                out += first ? "]" : "\n]"
            }
            return out + "}}\n"
        }
    }

    /// Makes a new workspace at `path` from an export: every row as it was (ids, times and
    /// history kept), references checked before anything is kept. Refuses an existing file,
    /// another format or schema, and a document that does not fit the schema, naming why.
    public static func importWorkspace(_ text: String, to path: String) throws -> [(table: String, rows: Int)] {
        guard let document = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw SlateError.invalidInput("the file is not a JSON object (a Slate export starts with {\"format\":\"\(Transfer.format)\"")
        }
        guard document["format"] as? String == Transfer.format else { throw SlateError.invalidInput("format: not a Slate workspace export") }
        guard (document["schema"] as? Int) == Workspace.schemaVersion else {
            throw SlateError.invalidInput("schema: the export is of schema \(document["schema"] ?? "?"); this Slate reads schema \(Workspace.schemaVersion)")
        }
        guard let tables = document["tables"] as? [String: Any] else { throw SlateError.invalidInput("tables: missing") }
        let known = Dictionary(uniqueKeysWithValues: Transfer.layout.map { ($0.table, Set($0.columns)) })
        if let stray = tables.keys.first(where: { known[$0] == nil }) { throw SlateError.invalidInput("tables.\(TextInput.printable(stray)): not a table of Slate") }
        // Values as the database keeps them, checked before the file is made.
        var plan: [(table: String, columns: [String], rows: [[DatabaseValue]])] = []
        for (table, columns) in Transfer.layout {
            guard let rows = tables[table] as? [[String: Any]] else {
                if tables[table] == nil { plan.append((table, columns, [])); continue }
                throw SlateError.invalidInput("tables.\(table): not a list of rows")
            }
            var values: [[DatabaseValue]] = []
            for (index, row) in rows.enumerated() {
                if let stray = row.keys.first(where: { !(known[table] ?? []).contains($0) }) {
                    throw SlateError.invalidInput("tables.\(table)[\(index)].\(TextInput.printable(stray)): not a column of \(table)")
                }
                values.append(try columns.map { column in
                    switch row[column] {
                    case nil, is NSNull: return .null
                    case let text as String: return text.databaseValue
                    case let number as NSNumber where number.doubleValue == Double(number.int64Value): return number.int64Value.databaseValue
                    case let tagged as [String: Any] where tagged["real"] is NSNumber: return ((tagged["real"] as? NSNumber)?.doubleValue ?? 0).databaseValue
                    case let tagged as [String: Any] where tagged["blob"] is String:
                        guard let data = Data(base64Encoded: tagged["blob"] as? String ?? "") else { throw SlateError.invalidInput("tables.\(table)[\(index)].\(column): bad base64") }
                        return data.databaseValue
                    default: throw SlateError.invalidInput("tables.\(table)[\(index)].\(column): not a number, text or null")
                    }
                })
            }
            plan.append((table, columns, values))
        }
        let workspace = try Workspace.create(at: path)
        do {
            try workspace.write { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
                try db.inTransaction(.immediate) {
                    for (table, columns, rows) in plan where !rows.isEmpty {
                        let statement = try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))")
                        for (index, row) in rows.enumerated() {
                            do {
                                try statement.execute(arguments: StatementArguments(row))
                            } catch let error as DatabaseError {
                                throw SlateError.invalidInput("tables.\(table)[\(index)]: \(error.message ?? "refused by the schema")")
                            }
                        }
                    }
                    if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                        throw SlateError.invalidInput("tables.\(broken[0] as String? ?? "?"): row \(broken[1] as Int64? ?? 0) refers to a missing \(broken[2] as String? ?? "row")")
                    }
                    return .commit
                }
            }
        } catch {
            Workspace.removeFiles(at: path)
            throw error
        }
        workspace.checkpoint()
        return plan.map { ($0.table, $0.rows.count) }
    }
}
