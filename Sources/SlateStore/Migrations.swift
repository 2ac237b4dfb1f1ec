import Foundation
import GRDB
import SlateCore

// Migrations run in one transaction each (foreign keys are checked at its end). Tables
// whose columns change are rebuilt from their definition in `schema.sql`, and every index
// and trigger of `schema.sql` missing from the file is created, so a migrated workspace has
// the same tables, columns, indexes and triggers as a new one.

/// Schema 1 -> 2.
enum SchemaTwo {
    static func migrate(_ db: Database) throws {
        let fresh = try SchemaRebuild.definitions()
        // New tables first: talent_skills takes the comma lists of talent.skills.
        try SchemaRebuild.createMissing(db, fresh, type: "table")
        try moveSkills(db)
        // One id per thing: a resource takes the public id of its room, talent or equipment.
        for (kind, table) in [("room", "rooms"), ("talent", "talent"), ("equipment", "equipment")] {
            try db.execute(sql: """
                UPDATE resources SET uid = (SELECT x.uid FROM \(table) x WHERE x.resource_id = resources.id)
                WHERE kind = '\(kind)' AND EXISTS (SELECT 1 FROM \(table) x WHERE x.resource_id = resources.id)
                """)
        }
        // A client belongs to the studio that works with it (the first studio when none does yet).
        try db.execute(sql: "ALTER TABLE clients ADD COLUMN studio_id INTEGER REFERENCES studios(id)")
        try db.execute(sql: """
            UPDATE clients SET studio_id = coalesce(
              (SELECT min(studio_id) FROM (SELECT studio_id FROM schedules WHERE client_id = clients.id
                                           UNION SELECT studio_id FROM shows WHERE client_id = clients.id
                                           UNION SELECT studio_id FROM projects WHERE client_id = clients.id)),
              (SELECT min(id) FROM studios))
            """)
        // No column named after a PostgreSQL keyword.
        try db.execute(sql: "ALTER TABLE recurrences RENAME COLUMN interval TO every")
        try db.execute(sql: "DROP INDEX task_template_items_template")
        try db.execute(sql: "ALTER TABLE task_template_items RENAME COLUMN position TO sort_order")
        // Columns that change: users.login unique among live rows only; talent without its
        // skills list; audits and commands without version and deleted_at, commands with a studio.
        for table in ["users", "talent", "audits", "commands"] {
            try SchemaRebuild.rebuild(db, table, fresh)
        }
        try SchemaRebuild.createMissing(db, fresh, type: "index")
        try SchemaRebuild.createMissing(db, fresh, type: "trigger")
        try db.execute(sql: "PRAGMA application_id = \(Workspace.applicationID)")
    }

    /// talent.skills ("beauty,french") becomes one talent_skills row per skill.
    private static func moveSkills(_ db: Database) throws {
        var next = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) + 1 FROM talent_skills")) ?? 1
        for row in try Row.fetchAll(db, sql: "SELECT id, skills, created_at FROM talent WHERE skills != ''") {
            var seen = Set<String>()
            for skill in (row[1] as String).split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !skill.isEmpty && seen.insert(skill.lowercased()).inserted {
                try db.execute(sql: "INSERT INTO talent_skills (id, uid, created_at, updated_at, talent_id, skill) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [next, PublicID.make(prefix: "tsk", id: next), row[2], row[2], row[0], String(skill.prefix(64))])
                next += 1
            }
        }
    }
}

/// Rebuilding tables from their definition in `schema.sql`.
enum SchemaRebuild {
    /// Type, name, table and SQL of every object `schema.sql` creates, in its order.
    static func definitions() throws -> [(type: String, name: String, table: String, sql: String)] {
        let reference = try DatabaseQueue()
        try reference.write { db in try db.execute(sql: SchemaSQL.text) }
        return try reference.read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").map {
                ($0[0], $0[1], $0[2], $0[3])
            }
        }
    }

    static func createMissing(_ db: Database, _ fresh: [(type: String, name: String, table: String, sql: String)], type: String) throws {
        let existing = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master"))
        for object in fresh where object.type == type && !existing.contains(object.name) && !(type == "table" && object.name.hasPrefix("communications_fts_")) {
            try db.execute(sql: object.sql)
        }
    }

    /// Rebuilds `table` with its new definition, keeping every column both share.
    /// `expressions` give a column's new value in SQL over the old row.
    static func rebuild(_ db: Database, _ table: String, _ fresh: [(type: String, name: String, table: String, sql: String)], expressions: [String: String] = [:]) throws {
        guard let definition = fresh.first(where: { $0.type == "table" && $0.name == table }) else { return }
        let old = Set(try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]).map { $0[0] as String })
        let temporary = "\(table)_rebuilt"
        guard let open = definition.sql.firstIndex(of: "(") else { return }
        try db.execute(sql: "CREATE TABLE \(temporary) " + definition.sql[open...])
        let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [temporary]).map { $0[0] as String }.filter { old.contains($0) || expressions[$0] != nil }
        let list = columns.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(temporary) (\(list)) SELECT \(columns.map { expressions[$0] ?? $0 }.joined(separator: ", ")) FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(temporary) RENAME TO \(table)")
    }
}

/// Schema 2 -> 3: planned phases (fixed, or auto-scheduled in working days), milestones as
/// phases of no length, lags in working days, a project start; the task checklist's
/// statuses, who completed a task and why it is blocked; template items due from the
/// show's start or end, with a default assignee.
enum SchemaThree {
    static func migrate(_ db: Database) throws {
        let fresh = try SchemaRebuild.definitions()
        try db.execute(sql: "ALTER TABLE projects ADD COLUMN start_on TEXT CHECK (start_on IS NULL OR (length(start_on) = 10 AND date(start_on) = start_on))")
        try db.execute(sql: "ALTER TABLE dependencies ADD COLUMN lag_days INTEGER NOT NULL DEFAULT 0")
        try db.execute(sql: "UPDATE dependencies SET lag_days = max(0, min(3650, lag_seconds / 86400))")
        try SchemaRebuild.rebuild(db, "dependencies", fresh)
        // Phases as they were stay fixed; milestones become phases of no length, keeping their ids.
        let milestones = try Row.fetchAll(db, sql: "SELECT * FROM milestones")
        try db.execute(sql: "DROP TABLE milestones")
        try SchemaRebuild.rebuild(db, "phases", fresh)
        var next = (try Int64.fetchOne(db, sql: "SELECT ifnull(max(id), 0) + 1 FROM phases")) ?? 1
        for row in milestones {
            try db.execute(sql: """
                INSERT INTO phases (id, uid, created_at, updated_at, deleted_at, version, project_id, name, start_at, end_at, milestone)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, arguments: [next, row["uid"], row["created_at"], row["updated_at"], row["deleted_at"], row["version"], row["project_id"],
                                 row["name"], row["at"], row["at"]])
            next += 1
        }
        // Task statuses of the checklist: open ones are pending (assigned when someone has
        // them), done ones completed; template items count from the show's start.
        try SchemaRebuild.rebuild(db, "task_template_items", fresh)
        try SchemaRebuild.rebuild(db, "tasks", fresh, expressions: [
            "status": "CASE WHEN status = 'done' THEN 'completed' WHEN assignee_id IS NOT NULL THEN 'assigned' ELSE 'pending' END",
        ])
        try SchemaRebuild.createMissing(db, fresh, type: "index")
        try SchemaRebuild.createMissing(db, fresh, type: "trigger")
    }
}

/// Schema 3 -> 4: equipment a show needs (`show_equipment`), booked with it on confirmation;
/// a series keeps its first occurrence's planned times.
enum SchemaFour {
    static func migrate(_ db: Database) throws {
        let fresh = try SchemaRebuild.definitions()
        try db.execute(sql: "ALTER TABLE recurrences ADD COLUMN start_at INTEGER NOT NULL DEFAULT 0")
        try db.execute(sql: "ALTER TABLE recurrences ADD COLUMN end_at INTEGER NOT NULL DEFAULT 0")
        try SchemaRebuild.createMissing(db, fresh, type: "table")
        try SchemaRebuild.createMissing(db, fresh, type: "index")
    }
}

/// Schema 4 -> 5: money. Budgets of phases; rates on rooms, equipment and talent (per hour, day or booking),
/// the workspace's tax rate and invoice prefix, invoice totals, credit notes and periods,
/// invoice lines by hundredths of a unit, numbers unique among live invoices. No release
/// wrote invoices before: both tables are rebuilt as they are.
enum SchemaFive {
    static func migrate(_ db: Database) throws {
        let fresh = try SchemaRebuild.definitions()
        // An earlier step may have rebuilt a table from today's definition already (talent in 1 -> 2).
        for (table, column) in [("workspaces", "invoice_prefix TEXT NOT NULL DEFAULT 'F' CHECK (length(invoice_prefix) BETWEEN 1 AND 12)"),
                                ("workspaces", "tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000)"),
                                ("rooms", "rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0)"),
                                ("rooms", "rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat'))"),
                                ("equipment", "rate_minor INTEGER NOT NULL DEFAULT 0 CHECK (rate_minor >= 0)"),
                                ("equipment", "rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat'))"),
                                ("talent", "rate_unit TEXT NOT NULL DEFAULT 'hour' CHECK (rate_unit IN ('hour', 'day', 'flat'))"),
                                ("invoices", "subtotal_minor INTEGER NOT NULL DEFAULT 0"),
                                ("invoices", "tax_minor INTEGER NOT NULL DEFAULT 0"),
                                ("invoices", "tax_rate_bp INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate_bp BETWEEN 0 AND 10000)"),
                                ("invoices", "credit_of INTEGER REFERENCES invoices(id)"),
                                ("invoices", "period_from INTEGER"),
                                ("invoices", "period_to INTEGER"),
                                ("phases", "budget_minor INTEGER NOT NULL DEFAULT 0 CHECK (budget_minor >= 0)")] {
            let name = String(column.prefix { $0 != " " })
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", arguments: [table, name]) == 0 {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column)")
            }
        }
        // A number is unique among live invoices only (an undone invoice gives it back).
        try SchemaRebuild.rebuild(db, "invoices", fresh)
        try SchemaRebuild.rebuild(db, "invoice_items", fresh, expressions: ["quantity_centi": "quantity * 100"])
        try SchemaRebuild.createMissing(db, fresh, type: "index")
    }
}

/// Schema 5 -> 6: the directory. Talent languages, contact and ban reason; a client's tier,
/// preferences and notes; earlier revisions of materials; who filled a job listing; the
/// communications index folding accents with prefix indexes, rebuilt from the rows.
enum SchemaSix {
    static func migrate(_ db: Database) throws {
        let fresh = try SchemaRebuild.definitions()
        for (table, column) in [("talent", "languages TEXT NOT NULL DEFAULT ''"), ("talent", "contact TEXT NOT NULL DEFAULT ''"),
                                ("talent", "ban_reason TEXT NOT NULL DEFAULT ''"), ("clients", "tier TEXT NOT NULL DEFAULT ''"),
                                ("clients", "preferences TEXT NOT NULL DEFAULT ''"), ("clients", "notes TEXT NOT NULL DEFAULT ''"),
                                ("job_listings", "talent_id INTEGER REFERENCES talent(id)"), ("job_listings", "booking_id INTEGER REFERENCES bookings(id)")] {
            let name = String(column.prefix { $0 != " " })
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_table_info(?) WHERE name = ?", arguments: [table, name]) == 0 {
                try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN \(column)")
            }
        }
        // The index is rebuilt with the new tokenizer; its triggers are made again after it.
        for trigger in ["communications_fts_insert", "communications_fts_delete", "communications_fts_update"] {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
        }
        try db.execute(sql: "DROP TABLE IF EXISTS communications_fts")
        if let definition = fresh.first(where: { $0.name == "communications_fts" }) { try db.execute(sql: definition.sql) }
        try db.execute(sql: "INSERT INTO communications_fts(communications_fts) VALUES ('rebuild')")
        try SchemaRebuild.createMissing(db, fresh, type: "table")
        try SchemaRebuild.createMissing(db, fresh, type: "index")
        try SchemaRebuild.createMissing(db, fresh, type: "trigger")
    }
}
