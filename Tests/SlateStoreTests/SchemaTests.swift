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
        let actual = try f.workspace.database.read { db in try Row.fetchAll(db, sql: sql).map { "\($0)" } }
        #expect(actual == expected)
        #expect(expected.count > 60)
        #expect(try f.workspace.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Workspace.schemaVersion)
        #expect(try f.workspace.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func everyTableOfTheDesignExists() throws {
        let f = try Fixture.make()
        let tables = Set(try f.workspace.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") })
        for table in ["users", "memberships", "studios", "rooms", "talent", "time_off", "equipment", "resources", "clients", "materials", "platforms",
                      "show_platforms", "projects", "phases", "dependencies", "schedules", "shows", "show_talent", "show_materials",
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

    /// The durability asked for is the one commits get, in WAL mode, on the connection that
    /// writes. (A connection pool set `synchronous = NORMAL` after the workspace's own
    /// setting, so FULL was silently NORMAL.)
    @Test func commitsHaveTheDurabilityAskedFor() throws {
        let f = try Fixture.make()
        for (durability, level) in [(Workspace.Durability.full, 2), (.normal, 1)] {
            var options = Workspace.Options()
            options.durability = durability
            let workspace = try Workspace.open(at: f.workspace.path, options: options)
            let (mode, synchronous) = try workspace.database.writeWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(mode == "wal" && synchronous == level, "\(durability): \(mode ?? "?") \(synchronous ?? -1)")
        }
    }

    /// Statement journals stay in memory: a multi-row insert under a trigger that may abort
    /// keeps the pages it changes until it ends, and SQLite's default spills them past
    /// 64 KiB to a temporary file (a tenth of a 1,000-show confirmation's time).
    @Test func statementJournalsStayInMemory() throws {
        let f = try Fixture.make()
        #expect(try f.workspace.database.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA temp_store") } == 2)
    }

    /// A command writes with 16 MiB of cached pages; between commands the connection keeps
    /// SQLite's default, so a long session's reads do not grow its memory (DESIGN §7).
    @Test func theLargerPageCacheLastsOneCommand() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(try f.workspace.database.read { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } == -Workspace.readingCacheKiB)
    }

    /// Commands without a pause keep the write-ahead log bounded: the commit that takes it
    /// past `checkpointPages` folds it into the file, and SQLite starts it over.
    @Test func aLongRunOfCommandsKeepsTheLogBounded() throws {
        let f = try Fixture.make()
        try f.emptyLog()
        var options = Workspace.Options()
        options.checkpointPages = 50
        let workspace = try Workspace.open(at: f.workspace.path, options: options)
        let alice = Session(workspace: workspace, login: "alice", clock: f.clock.clock)
        var largest: UInt64 = 0
        for index in 0..<300 {
            let start = Fixture.start + Int64(index) * 7_200
            _ = try alice.place(BookingPlacement(resource: f.stageA, start: .instant(start), end: .instant(start + 3_600), status: .confirmed))
            largest = max(largest, (try? FileManager.default.attributesOfItem(atPath: f.workspace.path + "-wal")[.size] as? UInt64) ?? 0)
        }
        // About 12 pages a booking: 3,600 pages (15 MB) of log without checkpoints.
        #expect(largest > 0 && largest < 100 * 4_120, "largest log: \(largest) bytes")
    }

    @Test func aNewerWorkspaceIsRefused() throws {
        let f = try Fixture.make()
        try f.workspace.database.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        #expect(failure { _ = try Workspace.open(at: f.workspace.path) } == "storage")
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
        #expect(failure { _ = try Workspace.open(at: f.workspace.path, options: options) } == "storage")
        let reopened = try Workspace.open(at: f.workspace.path)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == current)
        #expect(try reopened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_table_info('rooms') WHERE name = 'floor'") } == 0)
    }

    @Test func missingAndForeignFilesAreRefusedAndLeftUntouched() throws {
        let directory = Scratch.directory("slate-files")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        #expect(failure { _ = try Workspace.open(at: directory + "/missing.slate") } == "storage")
        #expect(!FileManager.default.fileExists(atPath: directory + "/missing.slate"))
        let junk = directory + "/junk.slate"
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 * 7) })
        try bytes.write(to: URL(fileURLWithPath: junk))
        #expect(failure { _ = try Workspace.open(at: junk) } == "storage")
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
        #expect(failure { _ = try Workspace.open(at: foreign) } == "storage")
        #expect(Self.snapshot(foreign) == before)
        // And a workspace from a newer Slate is refused the same way
        let f = try Fixture.make()
        try f.workspace.database.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try f.emptyLog()
        let newer = Self.snapshot(f.workspace.path)
        #expect(failure { _ = try Workspace.open(at: f.workspace.path) } == "storage")
        #expect(Self.snapshot(f.workspace.path) == newer)
    }

    @Test func aReadOnlyWorkspaceOpensForViewingOnly() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        try f.emptyLog()
        chmod(f.workspace.path, 0o440)
        defer { chmod(f.workspace.path, 0o660) }
        let before = try Data(contentsOf: URL(fileURLWithPath: f.workspace.path))
        let viewer = Session(workspace: try Workspace.open(at: f.workspace.path), login: "alice", clock: f.clock.clock)
        #expect(try viewer.bookings().count == 1)
        #expect(failure { _ = try viewer.place(BookingPlacement(resource: f.stageB, start: "2026-12-03T10:00", end: "2026-12-03T12:00", status: .hold)) } == "storage")
        #expect(try Data(contentsOf: URL(fileURLWithPath: f.workspace.path)) == before)
    }

    @Test func aWorkspaceThatCannotBeCreatedWholeLeavesNoFile() throws {
        let directory = Scratch.directory("slate-files")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = Workspace.Options()
        options.schema = SchemaSQL.text + "\nCREATE TABLE broken (;"
        #expect(failure { _ = try Workspace.create(at: directory + "/w.slate", options: options) } == "storage")
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: directory + "/w.slate" + suffix)) }
    }

    /// A workspace as schema 1 made it: `Fixtures/schema-v1.sql` and a little of everything.
    func versionOneWorkspace() throws -> String {
        let path = Scratch.directory("slate-v1") + "/old.slate"
        let schema = try String(contentsOf: Self.root.appendingPathComponent("Tests/SlateStoreTests/Fixtures/schema-v1.sql"), encoding: .utf8)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: schema)
            try db.execute(sql: """
                PRAGMA user_version = 1;
                INSERT INTO users (id, uid, created_at, updated_at, login, name) VALUES (1, 'us-1', 0, 0, 'alice', 'Alice');
                INSERT INTO workspaces (id, uid, created_at, updated_at, name, locale, currency, time_zone) VALUES (1, 'ws-1', 0, 0, 'Old', 'fr_FR', 'EUR', 'Europe/Paris');
                INSERT INTO studios (id, uid, created_at, updated_at, name, time_zone) VALUES (1, 'st-1', 0, 0, 'North', 'Europe/Paris');
                INSERT INTO memberships (id, uid, created_at, updated_at, user_id, scope, studio_id, role) VALUES (1, 'mb-1', 0, 0, 1, 'studio', 1, 'admin');
                INSERT INTO resources (id, uid, created_at, updated_at, studio_id, kind, name) VALUES (1, 'rs-1', 0, 0, 1, 'room', 'Stage A'), (2, 'rs-2', 0, 0, 1, 'talent', 'Ava');
                INSERT INTO rooms (id, uid, created_at, updated_at, studio_id, resource_id, name) VALUES (1, 'rm-1', 0, 0, 1, 1, 'Stage A');
                INSERT INTO talent (id, uid, created_at, updated_at, studio_id, resource_id, name, role, skills) VALUES (1, 'tl-1', 0, 0, 1, 2, 'Ava', 'host', 'beauty, french,Beauty');
                INSERT INTO clients (id, uid, created_at, updated_at, name) VALUES (1, 'cl-1', 0, 0, 'Acme');
                INSERT INTO commands (id, uid, created_at, updated_at, user_id, name, summary) VALUES (1, 'cmd-1', 0, 0, 1, 'book', 'book Stage A');
                INSERT INTO bookings (id, uid, created_at, updated_at, resource_id, holder_id, status, start_at, end_at, placed_at) VALUES (1, 'bk-1', 0, 0, 1, 1, 'confirmed', 1796288400, 1796295600, 0);
                INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, new_values) VALUES (1, 'au-1', 0, 0, 1, 1, 'insert', 'bookings', 1, 'bk-1', '{}');
                INSERT INTO recurrences (id, uid, created_at, updated_at, frequency, interval) VALUES (1, 'rc-1', 0, 0, 'weekly', 2);
                INSERT INTO projects (id, uid, created_at, updated_at, studio_id, name) VALUES (1, 'pj-1', 0, 0, 1, 'Album');
                INSERT INTO phases (id, uid, created_at, updated_at, project_id, name, start_at, end_at) VALUES (1, 'ph-1', 0, 0, 1, 'Mixing', 1796288400, 1796374800),
                  (2, 'ph-2', 0, 0, 1, 'Mastering', 1796374800, 1796461200);
                INSERT INTO dependencies (id, uid, created_at, updated_at, predecessor_id, successor_id, lag_seconds) VALUES (1, 'dp-1', 0, 0, 1, 2, 172800);
                INSERT INTO milestones (id, uid, created_at, updated_at, project_id, name, at) VALUES (1, 'ms-1', 0, 0, 1, 'Delivery', 1796461200);
                INSERT INTO communications (id, uid, created_at, updated_at, kind, client_id, author_id, occurred_at, subject, body)
                  VALUES (1, 'co-1', 0, 0, 'call', 1, 1, 0, 'Rehearsal with Éloïse', 'She sang Lǘ and the rehearsals ran late');
                """)
        }
        try queue.close()
        return path
    }

    @Test func aVersionOneWorkspaceMigratesToExactlyTheNewSchemaKeepingItsData() throws {
        // Given a workspace written by schema 1
        let path = try versionOneWorkspace()
        // When it is opened
        let migrated = try Workspace.open(at: path)
        // Then it has the tables, columns, indexes and triggers of a new workspace
        let fresh = try Fixture.make()
        let shape = """
            SELECT m.type, m.name, p.name, p.type, p."notnull", p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'
            UNION ALL SELECT type, name, tbl_name, '', 0, 0 FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 1, 2, 3
            """
        #expect(try migrated.read { db in try Row.fetchAll(db, sql: shape).map { "\($0)" } } == (try fresh.workspace.read { db in try Row.fetchAll(db, sql: shape).map { "\($0)" } }))
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == Workspace.schemaVersion)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "PRAGMA application_id") } == Int(Workspace.applicationID))
        #expect(FileManager.default.fileExists(atPath: path + ".v1.backup"))
        // And its data: one id per thing, skills as rows, the recurrence's every, the audit
        #expect(try migrated.read { db in try String.fetchAll(db, sql: "SELECT uid FROM resources ORDER BY id") } == ["rm-1", "tl-1"])
        #expect(try migrated.read { db in try String.fetchAll(db, sql: "SELECT skill FROM talent_skills ORDER BY skill") } == ["beauty", "french"])
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "SELECT every FROM recurrences") } == 2)
        // Milestones became phases of no length, keeping their ids; lags are working days; old phases are fixed
        #expect(try migrated.read { db in try String.fetchAll(db, sql: "SELECT uid || ':' || milestone || ':' || ifnull(duration_days, 'fixed') FROM phases ORDER BY id") }
            == ["ph-1:0:fixed", "ph-2:0:fixed", "ms-1:1:fixed"])
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "SELECT lag_days FROM dependencies") } == 2)
        #expect(try migrated.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audits JOIN commands c ON c.id = audits.command_id") } == 1)
        // And it works: the old client belongs to the first studio, new bookings clash-check
        let alice = Session(workspace: migrated, login: "alice", clock: .fixed(1_796_112_000))
        #expect(try alice.clients().map { $0["uid"] } == ["cl-1"])
        #expect(try alice.talent(skill: "French").map { $0["uid"] } == ["tl-1"])
        #expect(violations { _ = try alice.place(BookingPlacement(resource: "rm-1", start: .instant(1_796_290_000), end: .instant(1_796_293_600), status: .confirmed)) }.map(\.kind) == [.doubleBooking])
        _ = try alice.place(BookingPlacement(resource: "Stage A", start: .instant(1_796_300_000), end: .instant(1_796_303_600), status: .confirmed))
        #expect(try migrated.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        // The communications index was made again from the rows: it folds every accent (ǘ has
        // two, which the old tokenizer kept) and searches prefixes by index
        #expect(try alice.searchCommunications("lu rehears*").map(\.uid) == ["co-1"])
        #expect(try alice.searchCommunications("eloise").map(\.uid) == ["co-1"])
        #expect(try migrated.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'communications_fts'") }?.contains("remove_diacritics 2") == true)
    }

    @Test func aResourceAlwaysCarriesItsRoomsNameAndStudio() throws {
        let f = try Fixture.make()
        try f.workspace.database.write { db in try db.execute(sql: "UPDATE rooms SET name = 'Stage Z' WHERE uid = ?", arguments: [f.stageA]) }
        #expect(try f.workspace.read { db in try String.fetchOne(db, sql: "SELECT name FROM resources WHERE uid = ?", arguments: [f.stageA]) } == "Stage Z")
        _ = try f.alice.editTalent(f.ava, TalentChanges(name: "Ava M."))
        #expect(try f.alice.gridResources().contains { $0.uid == f.ava && $0.name == "Ava M." })
        _ = try f.alice.undo()
        #expect(try f.alice.gridResources().contains { $0.uid == f.ava && $0.name == "Ava Martin" })
    }

    @Test func aLoginIsUniqueAmongLiveUsersOnly() throws {
        let f = try Fixture.make()
        try f.workspace.database.write { db in
            try db.execute(sql: "UPDATE users SET deleted_at = 1 WHERE login = 'alice'")
            try db.execute(sql: "INSERT INTO users (id, uid, created_at, updated_at, login, name) VALUES (99, 'us-99', 0, 0, 'alice', 'Alice again')")
        }
        #expect(throws: DatabaseError.self) {
            try f.workspace.database.write { db in try db.execute(sql: "INSERT INTO users (id, uid, created_at, updated_at, login, name) VALUES (100, 'us-100', 0, 0, 'alice', 'Twin')") }
        }
    }

    @Test func constraintFailuresAreWordedNotRaw() {
        #expect(constraintMessage("UNIQUE constraint failed: users.login") == "another record already has this login; choose another")
        #expect(constraintMessage("CHECK constraint failed: length(name) BETWEEN 1 AND 200") == "the name is not an allowed value; nothing was saved")
    }

    @Test func theDoubleBookingTriggerProtectsEveryWriter() throws {
        let f = try Fixture.make()
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        #expect(throws: DatabaseError.self) {
            try f.workspace.database.write { db in
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
