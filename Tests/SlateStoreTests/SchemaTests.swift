import Foundation
import SlateTestSupport
import GRDB
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Schema and workspace files")
struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theBinaryCarriesExactlySchemaSQL() throws {
        let file = try String(contentsOf: Self.root.appendingPathComponent("schema.sql"), encoding: .utf8)
        #expect(SchemaSQL.text + "\n" == file)
    }

    @Test func aFreshWorkspaceHasExactlyTheObjectsOfSchemaSQL() throws {
        let f = try Fixture.make()
        let reference = try DatabaseQueue()
        try reference.write { db in try db.execute(sql: String(contentsOf: Self.root.appendingPathComponent("schema.sql"), encoding: .utf8)) }
        let sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        let expected = try reference.read { db in try Row.fetchAll(db, sql: sql).map { "\($0)" } }
        let actual = try f.workspace.pool.read { db in try Row.fetchAll(db, sql: sql).map { "\($0)" } }
        #expect(actual == expected)
        #expect(expected.count > 60)
        #expect(try f.workspace.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Workspace.schemaVersion)
        #expect(try f.workspace.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func everyTableOfTheDesignExists() throws {
        let f = try Fixture.make()
        let tables = Set(try f.workspace.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
        for table in ["users", "memberships", "studios", "rooms", "talent", "time_off", "equipment", "resources", "clients", "materials", "platforms",
                      "show_platforms", "projects", "phases", "milestones", "dependencies", "schedules", "shows", "show_talent", "show_materials",
                      "bookings", "task_templates", "task_template_items", "tasks", "comments", "tags", "taggables", "communications", "invoices",
                      "invoice_items", "job_listings", "audits", "recurrences"] {
            #expect(tables.contains(table), "missing \(table)")
        }
    }

    @Test func workspaceFilesAreForOwnerAndGroupOnly() throws {
        let f = try Fixture.make()
        let attributes = try FileManager.default.attributesOfItem(atPath: f.workspace.path)
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(permissions & 0o007 == 0)
    }

    @Test func aNewerWorkspaceIsRefused() throws {
        let f = try Fixture.make()
        try f.workspace.pool.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        #expect(throws: SlateError.self) { try Workspace.open(at: f.workspace.path) }
    }

    @Test func anOlderWorkspaceIsCopiedAsideAndMigratedInOneTransaction() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let current = Workspace.schemaVersion
        var options = Workspace.Options()
        options.targetVersion = current + 1
        options.migrations = [Workspace.Migration(from: current) { db in try db.execute(sql: "ALTER TABLE rooms ADD COLUMN floor TEXT NOT NULL DEFAULT ''") }]
        let migrated = try Workspace.open(at: f.workspace.path, options: options)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == current + 1)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings") } == 1)
        let backup = f.workspace.path + ".v\(current).backup"
        #expect(FileManager.default.fileExists(atPath: backup))
        #expect(try DatabaseQueue(path: backup).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == current)
    }

    @Test func aFailedMigrationLeavesTheWorkspaceAsItWas() throws {
        let f = try Fixture.make()
        let current = Workspace.schemaVersion
        var options = Workspace.Options()
        options.targetVersion = current + 2
        options.migrations = [
            Workspace.Migration(from: current) { db in try db.execute(sql: "ALTER TABLE rooms ADD COLUMN floor TEXT NOT NULL DEFAULT ''") },
            Workspace.Migration(from: current + 1) { db in try db.execute(sql: "THIS IS NOT SQL") },
        ]
        #expect(throws: SlateError.self) { try Workspace.open(at: f.workspace.path, options: options) }
        let reopened = try Workspace.open(at: f.workspace.path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == current)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_table_info('rooms') WHERE name = 'floor'") } == 0)
    }

    @Test func missingAndForeignFilesAreRefusedAndLeftUntouched() throws {
        let directory = Scratch.directory("slate-files")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(throws: SlateError.self) { try Workspace.open(at: directory + "/missing.slate") }
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing.slate"))
        let junk = directory + "/junk.slate"
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try bytes.write(to: URL(fileURLWithPath: junk))
        #expect(throws: SlateError.self) { try Workspace.open(at: junk) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: junk)) == bytes)
    }

    /// SHA-256-free fingerprint of a file and its WAL companions: their bytes, exactly.
    static func snapshot(_ path: String) -> [Data?] {
        ["", "-wal", "-shm"].map { FileManager.default.contents(atPath: path + $0) }
    }

    @Test func openingAForeignOrNewerSQLiteFileNeverWritesAByte() throws {
        let directory = Scratch.directory("slate-files")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Given another application's SQLite file (rollback journal, a table of its own)
        let foreign = directory + "/notes.db"
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x'); PRAGMA user_version = 3") }
        let before = Self.snapshot(foreign)
        // When Slate is pointed at it, Then it is refused and not one byte changes
        #expect(throws: SlateError.self) { try Workspace.open(at: foreign) }
        #expect(Self.snapshot(foreign) == before)
        // And a workspace from a newer Slate is refused the same way
        let f = try Fixture.make()
        try f.workspace.pool.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try f.workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let newer = Self.snapshot(f.workspace.path)
        #expect(throws: SlateError.self) { try Workspace.open(at: f.workspace.path) }
        #expect(Self.snapshot(f.workspace.path) == newer)
    }

    @Test func aReadOnlyWorkspaceOpensForViewingOnly() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        try f.workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        chmod(f.workspace.path, 0o440)
        defer { chmod(f.workspace.path, 0o660) }
        let before = try Data(contentsOf: URL(fileURLWithPath: f.workspace.path))
        let viewer = Session(workspace: try Workspace.open(at: f.workspace.path), login: "alice", clock: f.clock.clock)
        #expect(try viewer.bookings().count == 1)
        #expect(throws: SlateError.self) { try viewer.place(BookingPlacement(resource: f.stageB, start: "2026-12-03T10:00", end: "2026-12-03T12:00", status: .hold)) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.workspace.path)) == before)
    }

    @Test func aWorkspaceThatCannotBeCreatedWholeLeavesNoFile() throws {
        let directory = Scratch.directory("slate-files")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = Workspace.Options()
        options.schema = SchemaSQL.text + "\nCREATE TABLE broken (;"
        #expect(throws: SlateError.self) { try Workspace.create(at: directory + "/w.slate", options: options) }
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: directory + "/w.slate" + suffix)) }
    }

    @Test func aVersionOneWorkspaceGetsOneIDPerThing() throws {
        // Given a workspace as version 1 wrote it: resources with their own rs- ids
        let f = try Fixture.make()
        try f.workspace.pool.write { db in
            try db.execute(sql: """
                UPDATE resources SET uid = 'rs-' || id; PRAGMA user_version = 1; PRAGMA application_id = 0;
                DROP INDEX clients_studio; ALTER TABLE clients DROP COLUMN studio_id;
                DROP INDEX commands_studio; ALTER TABLE commands DROP COLUMN studio_id;
                ALTER TABLE recurrences RENAME COLUMN every TO interval;
                DROP INDEX task_template_items_template; ALTER TABLE task_template_items RENAME COLUMN sort_order TO position;
                CREATE INDEX task_template_items_template ON task_template_items(template_id, position);
                DROP INDEX shows_studio_time; DROP INDEX tasks_show;
                """)
        }
        // When it is opened, Then it is migrated and resources carry their room's id
        let migrated = try Workspace.open(at: f.workspace.path)
        #expect(try migrated.read { db in try String.fetchOne(db, sql: "SELECT r.uid FROM resources r JOIN rooms m ON m.resource_id = r.id ORDER BY r.id LIMIT 1") } == f.stageA)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM resources WHERE uid LIKE 'rs-%'") } == 0)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") } == Int(Workspace.applicationID))
        // The migrated schema has the same tables, columns and indexes as a fresh one
        let fresh = try Fixture.make()
        let shape = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' UNION ALL SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' ORDER BY 1, 2"
        #expect(try migrated.read { db in try Row.fetchAll(db, sql: shape).map { "\($0)" } } == (try fresh.workspace.read { db in try Row.fetchAll(db, sql: shape).map { "\($0)" } }))
        // A client without work yet goes to the first studio, whose staff saw it before
        #expect(try Session(workspace: migrated, login: "alice", clock: f.clock.clock).clients().map { $0["uid"] } == [f.acme])
    }

    @Test func constraintFailuresAreWordedNotRaw() {
        #expect(constraintMessage("UNIQUE constraint failed: users.login") == "another record already has this login; choose another")
        #expect(constraintMessage("CHECK constraint failed: length(name) BETWEEN 1 AND 200") == "the name is not an allowed value; nothing was saved")
    }

    @Test func theDoubleBookingTriggerProtectsEveryWriter() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(throws: DatabaseError.self) {
            try f.workspace.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO bookings (id, uid, created_at, updated_at, resource_id, holder_id, status, start_at, end_at, placed_at)
                    SELECT 999, 'bk-raw', 0, 0, resource_id, holder_id, 'confirmed', start_at + 3600, end_at + 3600, 0 FROM bookings LIMIT 1
                    """)
            }
        }
    }

    @Test func conflictQueriesUseTheirIndexes() throws {
        let f = try Fixture.make()
        let plans = try f.workspace.read { db -> [String] in
            let sqls = [
                "SELECT b.id FROM bookings b WHERE b.resource_id = 1 AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.start_at < 100 ORDER BY b.start_at DESC LIMIT 1",
                "SELECT b.id FROM bookings b WHERE b.resource_id = 1 AND b.status = 'confirmed' AND b.deleted_at IS NULL AND b.start_at >= 0 AND b.start_at < 100",
                "SELECT b.id FROM bookings b WHERE b.resource_id = 1 AND b.status = 'hold' AND b.deleted_at IS NULL AND b.end_at > 0 AND b.start_at < 100",
                "SELECT id FROM bookings b WHERE b.status = 'hold' AND b.deleted_at IS NULL AND b.expires_at <= 100",
                "SELECT uid FROM time_off WHERE resource_id = 1 AND deleted_at IS NULL AND end_at > 0 AND start_at < 100",
                "SELECT uid FROM tasks WHERE show_id = 1 ORDER BY due_at",
                "SELECT uid FROM shows WHERE studio_id = 1 AND start_at >= 0 AND start_at < 100 ORDER BY start_at",
            ]
            return try sqls.map { sql in try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: " | ") }
        }
        for plan in plans {
            #expect(plan.contains("USING INDEX") || plan.contains("USING COVERING INDEX"), "\(plan)")
            #expect(!plan.contains("SCAN b") && !plan.contains("SCAN bookings") && !plan.contains("SCAN time_off") && !plan.contains("SCAN tasks")
                    && !plan.contains("SCAN shows"), "\(plan)")
        }
    }
}
