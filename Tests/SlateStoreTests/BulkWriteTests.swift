import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

/// A schedule's confirmation writes its bookings, shows and tasks set-wise, their audits
/// in SQL. These hold the bulk writes to the one-at-a-time writes they replace: the same
/// rows, the same audit rows (old and new values, byte for byte), the same changes.
@Suite("Bulk writes equal one-at-a-time writes")
struct BulkWriteTests {
    /// Titles that test the JSON written in SQL against `RowJSON`: quotes, backslashes,
    /// every escaped control character, several scripts, an emoji.
    static let titles = ["Brief", "Say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "bell\u{07}", "bs\u{08}ff\u{0C}", "cr\r",
                         "Éloïse", "王芳のリハーサル", "Кира", "🎬 take 2", "/slash/", "\u{7F}del", "{\"json\": 1}", "12"]

    /// Two identical workspaces, each with a show and a member to assign.
    static func twins() throws -> [(fixture: Fixture, show: Int64, bob: Int64)] {
        try (0..<2).map { _ in
            let fixture = try Fixture.make()
            _ = try fixture.member("bob", .member)
            let show = try fixture.alice.addShow(ShowInput(client: fixture.acme, room: fixture.stageA, title: "Launch", start: .local("2026-12-03T10:00"), end: .local("2026-12-03T11:00"))).value
            let ids = try fixture.workspace.read { db in
                (try Int64.fetchOne(db, sql: "SELECT id FROM shows WHERE uid = ?", arguments: [show]) ?? 0, try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = 'bob'") ?? 0)
            }
            return (fixture, ids.0, ids.1)
        }
    }

    /// Every row of the tables, every column, in id order.
    static func contents(_ fixture: Fixture, _ tables: [String]) throws -> [[DatabaseValue]] {
        try fixture.workspace.read { db in
            try tables.flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { Array($0.databaseValues) } }
        }
    }

    static func changes(_ changes: [Change]) -> [String] {
        changes.map { change in
            "\(change.action) \(change.table) \(change.uid) " + change.fields.keys.sorted().map { "\($0)=\(change.fields[$0] ?? [])" }.joined(separator: "; ")
        }
    }

    @Test(arguments: 1...4)
    func insertsOfRandomTasksWriteTheSameRowsAuditsAndChanges(seed: UInt64) throws {
        var random = SlateTestSupport.SeededRandom(seed: seed)
        let twins = try Self.twins()
        defer { twins.forEach { try? FileManager.default.removeItem(atPath: $0.fixture.directory) } }
        let rows = (0..<Int.random(in: 2...40, using: &random)).map { _ in
            NewTask(showID: twins[0].show, templateItemID: nil, showTalentID: nil, showPlatformID: nil,
                    title: Self.titles.randomElement(using: &random) ?? "x", itemType: TaskItemType.allCases.randomElement(using: &random) ?? .other,
                    inputType: .text, required: Bool.random(using: &random), dueAt: Bool.random(using: &random) ? Int64.random(in: 0...2_000_000_000, using: &random) : nil,
                    assigneeID: Bool.random(using: &random) ? twins[0].bob : nil)
        }
        let bulk = try twins[0].fixture.alice.perform("bulk") { context in try context.insertAll(rows).map(\.uid) }
        let single = try twins[1].fixture.alice.perform("single") { context in try rows.map { try context.insert($0).uid } }
        #expect(bulk.value == single.value)
        #expect(Self.changes(bulk.changes) == Self.changes(single.changes))
        let tables = ["tasks", "audits"]
        let (a, b) = (try Self.contents(twins[0].fixture, tables), try Self.contents(twins[1].fixture, tables))
        #expect(a.count == b.count)
        // The command rows differ by name only; everything else is the same, byte for byte.
        for (x, y) in zip(a, b) where x != y { Issue.record("bulk \(x)\n  one by one \(y)") }
    }

    @Test func updatesOfManyShowsWriteTheSameRowsAuditsAndChanges() throws {
        let twins = try Self.twins()
        defer { twins.forEach { try? FileManager.default.removeItem(atPath: $0.fixture.directory) } }
        var ids: [[Int64]] = [[], []]
        for (index, twin) in twins.enumerated() {
            // Titles a person may type (no control characters), as shows have.
            for (day, title) in Self.titles.filter({ !$0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }).prefix(9).enumerated() {
                _ = try twin.fixture.alice.addShow(ShowInput(client: twin.fixture.acme, title: title, start: .local("2026-12-1\(day)T10:00"), end: .local("2026-12-1\(day)T11:00")))
            }
            ids[index] = try twin.fixture.workspace.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM shows ORDER BY id DESC") }
        }
        let bulk = try twins[0].fixture.alice.perform("bulk") { context in try context.updateAll(ids[0], [ShowChange.status(.confirmed), .title("Renamed")]) }
        let single = try twins[1].fixture.alice.perform("single") { context in try ids[1].sorted().forEach { try context.update($0, [ShowChange.status(.confirmed), .title("Renamed")]) } }
        #expect(Self.changes(bulk.changes) == Self.changes(single.changes))
        #expect(bulk.changes.count == 10 && bulk.changes.allSatisfy { $0.fields["status"] == ["draft", "confirmed"] })
        let tables = ["shows", "audits"]
        let (a, b) = (try Self.contents(twins[0].fixture, tables), try Self.contents(twins[1].fixture, tables))
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y { Issue.record("bulk \(x)\n  one by one \(y)") }
        // Undo takes the bulk update back like any other command.
        _ = try twins[0].fixture.alice.undo()
        #expect(try twins[0].fixture.count("SELECT count(*) FROM shows WHERE status = 'draft' AND title != 'Renamed'") == 10)
    }

    /// Bulk audits skip `json_valid` (SQLite wrote their JSON); every other write keeps it,
    /// in the same command and after one that failed.
    /// A change kept as its row's values reads, compares and encodes as the same change
    /// worded field by field: bookkeeping columns left out, nulls of an insert left out,
    /// an update only where the value differs.
    @Test func aChangeKeptAsValuesIsTheChangeItWords() throws {
        let new: [(String, DatabaseValue)] = [("id", 7.databaseValue), ("uid", "tk-abc".databaseValue), ("version", 2.databaseValue), ("title", "Éloïse \"brief\"".databaseValue),
                                               ("due_at", DatabaseValue.null), ("required", 1.databaseValue), ("note", "same".databaseValue)]
        let inserted = Change(action: .insert, table: "tasks", uid: "tk-abc", old: nil, new: new)
        let worded = Change(action: .insert, table: "tasks", uid: "tk-abc", fields: ["title": [nil, "Éloïse \"brief\""], "required": [nil, "1"], "note": [nil, "same"]])
        #expect(inserted.fields == worded.fields && inserted == worded)
        let old: [DatabaseValue] = [7.databaseValue, "tk-abc".databaseValue, 1.databaseValue, "Brief".databaseValue, 5.databaseValue, 1.databaseValue, "same".databaseValue]
        let updated = Change(action: .update, table: "tasks", uid: "tk-abc", old: old, new: new)
        #expect(updated.fields == ["title": ["Brief", "Éloïse \"brief\""], "due_at": ["5", nil]])
        #expect(updated.summary == "change tasks tk-abc: due_at 5 -> ∅, title Brief -> Éloïse \"brief\"")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = try encoder.encode([inserted, updated])
        let decoded = try JSONDecoder().decode([Change].self, from: encoded)
        #expect(decoded == [worded, updated] && decoded.map(\.fields) == [worded.fields, updated.fields])
        #expect(try encoder.encode(decoded) == encoded && encoded == (try encoder.encode([worded, updated])))
    }

    @Test func theAuditsJSONCheckIsOnAgainAfterABulkWrite() throws {
        let twins = try Self.twins()
        defer { twins.forEach { try? FileManager.default.removeItem(atPath: $0.fixture.directory) } }
        let fixture = twins[0].fixture
        let rows = (0..<3).map { index in
            NewTask(showID: twins[0].show, templateItemID: nil, showTalentID: nil, showPlatformID: nil, title: "Task \(index)", itemType: .other,
                    inputType: .text, required: false, dueAt: nil, assigneeID: nil)
        }
        func writeBrokenAudit(_ db: Database) throws {
            try db.execute(sql: """
                INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, new_values)
                VALUES (999999, 'au-broken', 0, 0, 1, 1, 'insert', 'tasks', 1, 'tk-x', 'not json')
                """)
        }
        _ = try fixture.alice.perform("bulk then broken") { context in
            try context.insertAll(rows)
            try context.updateAll([twins[0].show], [ShowChange.title("Renamed")])
            #expect(throws: DatabaseError.self) { try writeBrokenAudit(context.db) }
        }
        #expect(throws: SlateError.self) {
            try fixture.alice.perform("missing") { context in try context.updateAll([twins[0].show, 999_999], [ShowChange.status(.confirmed)]) }
        }
        #expect(throws: DatabaseError.self) { try fixture.workspace.database.write(writeBrokenAudit) }
        #expect(try fixture.count("SELECT count(*) FROM audits WHERE NOT json_valid(new_values)") == 0)
    }

    @Test func rowsOfAnotherShapeOrAMissingRowFallBackOrRefuse() throws {
        let twins = try Self.twins()
        defer { twins.forEach { try? FileManager.default.removeItem(atPath: $0.fixture.directory) } }
        let fixture = twins[0].fixture
        // A hold has a rank and an expiry a confirmed booking has not: written one by one.
        let resource = try fixture.workspace.read { db in try Int64.fetchOne(db, sql: "SELECT resource_id FROM rooms WHERE uid = ?", arguments: [fixture.stageB]) ?? 0 }
        let bookings = [BookingStatus.confirmed, .hold].enumerated().map { index, status in
            NewBooking(resourceID: resource, holderID: 1, showID: nil, status: status, interval: Interval(start: Fixture.start + Int64(index) * 7200, end: Fixture.start + Int64(index) * 7200 + 3600),
                       placedAt: Fixture.start, note: "n", rank: status == .hold ? 1 : nil, expiresAt: status == .hold ? Fixture.start + 86_400 : nil)
        }
        let outcome = try fixture.alice.perform("mixed") { context in try context.insertAll(bookings).map(\.uid) }
        #expect(outcome.value.count == 2 && outcome.changes.count == 2)
        #expect(try fixture.count("SELECT count(*) FROM audits a JOIN bookings b ON b.id = a.record_id AND a.record_table = 'bookings'") == 2)
        #expect(throws: SlateError.self) {
            try fixture.alice.perform("missing") { context in try context.updateAll([twins[0].show, 999_999], [ShowChange.status(.confirmed)]) }
        }
        #expect(try fixture.count("SELECT count(*) FROM shows WHERE status = 'confirmed'") == 0)
    }
}

@Suite("A schedule's confirmation checks in memory what each booking's queries would find")
struct BatchedConfirmationTests {
    @Test(arguments: 1...6)
    func theClashesWarningsAndWritesAreThoseOfABookingByBookingCheck(seed: UInt64) throws {
        var random = SlateTestSupport.SeededRandom(seed: seed)
        let fixture = try Fixture.make(hours: seed % 2 == 0 ? "Mon-Fri 09:00-19:00" : "")
        defer { try? FileManager.default.removeItem(atPath: fixture.directory) }
        let bob = try fixture.member("bob", .manager)
        let resources = [fixture.stageA, fixture.stageB, fixture.ava, fixture.noah, fixture.mei]
        func slot(_ day: Int, _ hour: Int, _ length: Int) -> (When, When) {
            (.local(String(format: "2026-12-%02dT%02d:00", day, hour)), .local(String(format: "2026-12-%02dT%02d:00", day, min(23, hour + length))))
        }
        // Someone else's bookings and holds, and time off, hard and soft, over a week
        for _ in 0..<Int.random(in: 6...20, using: &random) {
            let (start, end) = slot(Int.random(in: 7...9, using: &random), Int.random(in: 8...18, using: &random), Int.random(in: 1...3, using: &random))
            let status: BookingStatus = Bool.random(using: &random) ? .confirmed : .hold
            _ = try? bob.place(BookingPlacement(resource: resources.randomElement(using: &random) ?? fixture.stageA, start: start, end: end, status: status))
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let (start, end) = slot(Int.random(in: 7...11, using: &random), Int.random(in: 8...16, using: &random), Int.random(in: 2...6, using: &random))
            _ = try fixture.alice.addTimeOff(resource: [fixture.ava, fixture.noah, fixture.mei].randomElement(using: &random) ?? fixture.ava, start: start, end: end,
                                             hard: Bool.random(using: &random), reason: "away")
        }
        // A schedule whose drafts clash with those and with each other
        let schedule = try fixture.alice.addSchedule(client: fixture.acme, name: "Week").value
        for index in 0..<Int.random(in: 8...24, using: &random) {
            let (start, end) = index < 2 ? slot(8, 10, 1) : slot(Int.random(in: 7...9, using: &random), Int.random(in: 8...16, using: &random), Int.random(in: 1...2, using: &random))
            let talent = [fixture.ava, fixture.noah, fixture.mei].filter { _ in Int.random(in: 0...2, using: &random) == 0 }
            _ = try fixture.alice.addShow(ShowInput(client: fixture.acme, schedule: schedule, room: index < 2 || Bool.random(using: &random) ? fixture.stageA : fixture.stageB,
                                                    title: "Show \(index)", start: start, end: end, talent: talent))
        }
        func confirm(readEachBooking: Bool) throws -> (violations: [String], warnings: [String], changes: [String]) {
            try fixture.alice.perform("compare", plan: true) { context in
                let shows = try Row.fetchAll(context.db, sql: "SELECT * FROM shows WHERE status = 'draft' ORDER BY start_at, id").map(ShowRecord.init)
                let studio = try context.studio(id: shows[0].studioID)
                try ShowPromotion.confirm(context, shows: shows, studio: studio, forceReason: nil, readEachBooking: readEachBooking)
                let found = (context.violations.map(\.message), context.warnings.map(\.message), context.changes.map(\.summary))
                context.violations = []
                return found
            }.value
        }
        let batched = try confirm(readEachBooking: false)
        let reference = try confirm(readEachBooking: true)
        #expect(batched.violations.count >= 1, "the first two shows share a room at one time")
        #expect(batched.violations == reference.violations)
        #expect(batched.warnings == reference.warnings)
        #expect(batched.changes == reference.changes)
    }
}
