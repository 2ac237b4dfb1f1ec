import Foundation
import GRDB
import GRDBSQLite
import SlateCore

/// One change a command made (or, in a plan, would make) to one record.
public struct Change: Sendable, Codable, Equatable {
    /// Whether the record was created or changed.
    public enum Action: String, Sendable, Codable {
        case insert, update
    }

    public var action: Action
    public var table: String
    public var uid: String
    /// Column -> [old, new] for updates (old is nil for inserts); bookkeeping columns left out.
    public var fields: [String: [String?]] {
        get {
            switch values {
            case .fields(let fields): return fields
            case .row(let old, let new): return Self.fields(action, old: old, new: new)
            }
        }
    }

    /// A command's changes are kept as the rows' values, worded as `fields` only when read:
    /// a 1,000-show confirmation notes 5,000 changes, and a dictionary of strings each
    /// took a tenth of its time to build and free.
    private enum Values: Sendable {
        case fields([String: [String?]])
        case row(old: [DatabaseValue]?, new: [(String, DatabaseValue)])
    }
    private var values: Values

    public init(action: Action, table: String, uid: String, fields: [String: [String?]]) {
        self.init(action: action, table: table, uid: uid, values: .fields(fields))
    }

    /// The change of a row from `old` (its values in `new`'s column order; nil for an
    /// insert) to `new`.
    init(action: Action, table: String, uid: String, old: [DatabaseValue]?, new: [(String, DatabaseValue)]) {
        self.init(action: action, table: table, uid: uid, values: .row(old: old, new: new))
    }

    private init(action: Action, table: String, uid: String, values: Values) {
        self.action = action
        self.table = table
        self.uid = uid
        self.values = values
    }

    private static func fields(_ action: Action, old: [DatabaseValue]?, new: [(String, DatabaseValue)]) -> [String: [String?]] {
        var fields: [String: [String?]] = [:]
        for (index, (column, value)) in new.enumerated() where !CommandContext.isBookkeeping(column) {
            let oldValue = old.flatMap { index < $0.count ? $0[index] : nil }
            if action == .insert ? !value.isNull : oldValue != value {
                fields[column] = [oldValue.flatMap(text), text(value)]
            }
        }
        return fields
    }

    /// A stored value as the text a change shows.
    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let int): String(int)
        case .double(let double): String(double)
        case .string(let string): string
        case .blob: "<binary>"
        }
    }

    /// One line: `update bookings bk-7f3k2a: rank 2 -> 1, status hold -> released`.
    public var summary: String {
        let fields = fields
        let parts = fields.keys.sorted().map { key -> String in
            let pair = fields[key] ?? []
            let old = pair.first.flatMap { $0 } ?? "∅"
            let new = pair.count > 1 ? (pair[1] ?? "∅") : "∅"
            return action == .insert ? "\(key)=\(new)" : "\(key) \(old) -> \(new)"
        }
        return "\(action == .insert ? "create" : "change") \(table) \(uid)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    private enum CodingKeys: String, CodingKey {
        case action, table, uid, fields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(action: try container.decode(Action.self, forKey: .action), table: try container.decode(String.self, forKey: .table),
                  uid: try container.decode(String.self, forKey: .uid), fields: try container.decode([String: [String?]].self, forKey: .fields))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action, forKey: .action)
        try container.encode(table, forKey: .table)
        try container.encode(uid, forKey: .uid)
        try container.encode(fields, forKey: .fields)
    }

    public static func == (lhs: Change, rhs: Change) -> Bool {
        lhs.action == rhs.action && lhs.table == rhs.table && lhs.uid == rhs.uid && lhs.fields == rhs.fields
    }
}

/// The state of one command inside its write transaction: the acting user, the clock,
/// and the only write helpers, which record an audit row for every change.
final class CommandContext {
    let db: Database
    let actor: Actor
    let policy: AccessPolicy
    let now: Int64
    let name: String
    let kind: String
    let settings: WorkspaceSettings
    private(set) var changes: [Change] = []
    var warnings: [RuleWarning] = []
    var violations: [RuleViolation] = []
    var holdOffer: HoldOffer?
    var summary = ""
    var reason = ""
    var targetCommandID: Int64?
    /// The studio whose data the command works on (the first one access was checked for).
    var studioID: Int64?
    private(set) var commandID: Int64?
    private var nextIDs: [String: Int64] = [:]
    /// The audit insert, prepared once per command (bulk commands write thousands).
    private var auditStatement: Statement?
    /// The file's schema cookie, read with the first insert (table shapes are per schema).
    private var schemaVersion: Int?
    /// Active template items per studio, read once per command (a confirmation generates
    /// the tasks of every show of a schedule).
    var templateItems: [Int64: [TemplateItemInfo]] = [:]

    static let bookkeeping: Set<String> = ["id", "uid", "created_at", "updated_at", "version"]

    /// `bookkeeping.contains(column)` without hashing (it runs for every column of every audit).
    static func isBookkeeping(_ column: String) -> Bool {
        switch column {
        case "id", "uid", "created_at", "updated_at", "version": true
        default: false
        }
    }

    init(db: Database, actor: Actor, now: Int64, name: String, kind: String = "normal", settings: WorkspaceSettings? = nil) throws {
        self.db = db
        self.actor = actor
        self.policy = AccessPolicy(actor: actor)
        self.now = now
        self.name = name
        self.kind = kind
        self.settings = try settings ?? WorkspaceSettings.load(db)
    }

    /// The next free row id of `table` (the write lock is held, so it stays free).
    func nextID(_ table: String) throws -> Int64 {
        if let id = nextIDs[table] {
            nextIDs[table] = id + 1
            return id
        }
        let id = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT ifnull(max(id), 0) + 1 FROM \(table)")) ?? 1)
        nextIDs[table] = id + 1
        return id
    }

    /// The public id the next row of `table` will get, without taking it.
    func nextUID(_ table: String) throws -> String {
        let id = try nextID(table)
        nextIDs[table] = id
        return PublicID.make(prefix: PublicID.prefix(forTable: table), id: id)
    }

    /// Inserts a typed row with its bookkeeping columns and audits it. Returns id and public
    /// id (`uid` gives the public id explicitly: a resource shares its room's, talent's or
    /// equipment's, so users see one id per thing).
    @discardableResult
    func insert<Row: NewRow>(_ row: Row, uid: String? = nil) throws -> (id: Int64, uid: String) {
        try insert(Row.table, row.columns, uid: uid, type: ObjectIdentifier(Row.self))
    }

    /// Changes typed columns of a live row; see `update(_:id:_:expectedVersion:)`.
    func update<Change: RowChange>(_ id: Int64, _ changes: [Change], expectedVersion: Int? = nil) throws {
        try update(Change.table, id: id, changes.map(\.column), expectedVersion: expectedVersion)
    }

    private func insert(_ table: String, _ values: [(String, (any DatabaseValueConvertible)?)], uid: String? = nil, type: ObjectIdentifier) throws -> (id: Int64, uid: String) {
        let id = try nextID(table)
        let uid = uid ?? PublicID.make(prefix: PublicID.prefix(forTable: table), id: id)
        let all: [(String, (any DatabaseValueConvertible)?)] = [("id", id), ("uid", uid), ("created_at", now), ("updated_at", now)] + values
        // The audit needs the row as stored: known from the values and the table's defaults,
        // else given back by RETURNING. The statement and where each value goes are worked
        // out once per row type and schema.
        let schema = try schemaVersion ?? Int.fetchOne(db.cachedStatement(sql: "PRAGMA schema_version")) ?? 0
        schemaVersion = schema
        let plan = try InsertPlan.of(type, table: table, names: all.map(\.0), in: db, schema: schema)
        let values = all.map { $0.1?.databaseValue ?? .null }
        let sql = plan.sql
        if let stored = plan.row(values) {
            try db.cachedStatement(sql: sql).run(values)
            try audit(.insert, table: table, id: id, uid: uid, old: nil, new: stored)
        } else {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql + " RETURNING *"), arguments: StatementArguments(values)) else { throw SlateError.notFound("\(table) row \(id)") }
            try audit(.insert, table: table, id: id, uid: uid, old: nil, new: Array(row))
        }
        return (id, uid)
    }

    /// Changes columns of a live row, bumping its version, and audits it.
    /// With `expectedVersion`, refuses a stale edit and says who changed the row.
    private func update(_ table: String, id: Int64, _ values: [(String, (any DatabaseValueConvertible)?)], expectedVersion: Int? = nil) throws {
        guard let old = try snapshotIfPresent(table, id: id) else {
            throw SlateError.notFound("\(table) row \(id)")
        }
        if let expectedVersion, let version: Int = old["version"] {
            try checkVersion(table, id: id, uid: old["uid"] ?? "?", current: version, expected: expectedVersion)
        }
        try write(table, id: id, values, old: old)
    }

    /// Inserts rows of one type as `insert` does one at a time (the same rows, audit rows
    /// and changes, as a test holds it) in a few statements: the rows in multi-row INSERTs,
    /// their audits in one INSERT … SELECT that writes each row's JSON in SQL. A schedule's
    /// confirmation writes thousands. `firstID`: the caller already took the rows' ids,
    /// consecutive from it, with `nextID`.
    @discardableResult
    func insertAll<Row: NewRow>(_ rows: [Row], firstID: Int64? = nil) throws -> [(id: Int64, uid: String)] {
        guard let first = rows.first else { return [] }
        let table = Row.table
        let start = try firstID ?? nextID(table)
        nextIDs[table] = start + Int64(rows.count)
        let prefix = PublicID.prefix(forTable: table)
        var written: [(id: Int64, uid: String)] = []
        var stored: [[(String, DatabaseValue)]] = []
        var values: [DatabaseValue] = []
        let names = ["id", "uid", "created_at", "updated_at"] + first.columns.map(\.0)
        let schema = try schemaVersion ?? Int.fetchOne(db.cachedStatement(sql: "PRAGMA schema_version")) ?? 0
        schemaVersion = schema
        let plan = try InsertPlan.of(ObjectIdentifier(Row.self), table: table, names: names, in: db, schema: schema)
        values.reserveCapacity(rows.count * names.count)
        for (offset, row) in rows.enumerated() {
            let id = start + Int64(offset)
            let uid = PublicID.make(prefix: prefix, id: id)
            // One pass over each row's columns: their names against the first row's, their values.
            var databaseValues = [id.databaseValue, uid.databaseValue, now.databaseValue, now.databaseValue]
            databaseValues.reserveCapacity(names.count)
            let columns = row.columns
            var sameShape = columns.count + 4 == names.count
            for (index, (name, value)) in columns.enumerated() where sameShape {
                sameShape = name == names[index + 4]
                databaseValues.append(value?.databaseValue ?? .null)
            }
            // Rows of other shapes, or whose stored row is not known from their values, go one by one.
            guard sameShape, let known = plan.row(databaseValues), plan.shape?.jsonExact == true else {
                nextIDs[table] = start
                return try rows.map { try insert($0) }
            }
            written.append((id, uid))
            stored.append(known)
            values += databaseValues
        }
        let width = names.count
        let chunk = max(1, min(500, 32_000 / width))
        let placeholders = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        var index = 0
        while index < rows.count {
            let count = min(chunk, rows.count - index)
            let sql = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES " + Array(repeating: placeholders, count: count).joined(separator: ", ")
            try db.cachedStatement(sql: sql).run(values[(index * width)..<((index + count) * width)])
            index += count
        }
        for ((_, uid), row) in zip(written, stored) { note(.insert, table: table, uid: uid, old: nil, new: row) }
        let (firstAudit, command) = try reserveAudits(rows.count)
        let json = try Self.jsonObject(table, in: db, schema: schema)
        try withJSONWrittenBySQLite {
            try db.cachedStatement(sql: """
                INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, old_values, new_values)
                SELECT ?1 + (t.id - ?2), slate_public_id('au', ?1 + (t.id - ?2)), ?3, ?3, ?4, ?5, 'insert', '\(table)', t.id, t.uid, NULL, \(json)
                FROM \(table) t WHERE t.id BETWEEN ?2 AND ?6 ORDER BY t.id
                """).execute(arguments: [firstAudit, start, now, command, actor.userID, start + Int64(rows.count) - 1])
        }
        return written
    }

    /// Runs audit writes whose JSON SQLite wrote itself (`json_object`, valid by
    /// construction) without the audits' `json_valid` checks, which would parse every
    /// document again (a fifth of their insert time in a 1,000-show confirmation). Audits written
    /// from Swift (`RowJSON`) keep the check.
    private func withJSONWrittenBySQLite(_ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "PRAGMA ignore_check_constraints = 1").execute()
        defer { try? db.cachedStatement(sql: "PRAGMA ignore_check_constraints = 0").execute() }
        try body()
    }

    /// Sets the same columns of many live rows as `update` does one at a time (the same
    /// rows, audit rows and changes, as a test holds it): one INSERT … SELECT writes their
    /// audits, old and new JSON, in SQL; then the rows change in one UPDATE.
    func updateAll<Change: RowChange>(_ ids: [Int64], _ changes: [Change]) throws {
        let ids = Array(Set(ids)).sorted()
        let table = Change.table
        let schema = try schemaVersion ?? Int.fetchOne(db.cachedStatement(sql: "PRAGMA schema_version")) ?? 0
        schemaVersion = schema
        let columns = changes.map(\.column.0)
        let values = changes.map { $0.column.1?.databaseValue ?? .null }
        // The values as stored, known without reading the rows back; else one by one.
        guard ids.count > 1, let shape = try TableShape.of(table, in: db, schema: schema), shape.jsonExact,
              zip(columns, values).allSatisfy({ name, value in shape.columns.contains { $0.name == name && $0.stores(value) } }) else {
            for id in ids { try update(id, changes) }
            return
        }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let old = try GRDB.Row.fetchAll(db.cachedStatement(sql: "SELECT id, uid, \(columns.joined(separator: ", ")) FROM \(table) WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id"),
                                        arguments: [list])
        guard old.count == ids.count else { throw SlateError.notFound("\(table) rows \(list)") }
        // Each row's new JSON is its old one with the new values (bound from ?6 on), the
        // next version and this time: what the row holds once the UPDATE below has run.
        var replaced = ["version": "t.version + 1", "updated_at": "?2"]
        for (index, column) in columns.enumerated() { replaced[column] = "?\(index + 6)" }
        let oldJSON = try Self.jsonObject(table, in: db, schema: schema)
        let newJSON = try Self.jsonObject(table, in: db, schema: schema, replacing: replaced)
        let (firstAudit, command) = try reserveAudits(old.count)
        // The n-th row by id gets the n-th audit id.
        try withJSONWrittenBySQLite {
            try db.cachedStatement(sql: """
                INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, old_values, new_values)
                SELECT ?1 + o.n, slate_public_id('au', ?1 + o.n), ?2, ?2, ?3, ?4, 'update', '\(table)', t.id, t.uid, \(oldJSON), \(newJSON)
                FROM (SELECT value AS id, row_number() OVER (ORDER BY value) - 1 AS n FROM json_each(?5)) o JOIN \(table) t ON t.id = o.id
                """).execute(arguments: StatementArguments([firstAudit.databaseValue, now.databaseValue, command.databaseValue, actor.userID.databaseValue, list.databaseValue] + values))
        }
        let sets = columns.map { "\($0) = ?" } + ["version = version + 1", "updated_at = ?"]
        try db.cachedStatement(sql: "UPDATE \(table) SET \(sets.joined(separator: ", ")) WHERE id IN (SELECT value FROM json_each(?))")
            .execute(arguments: StatementArguments(values + [now.databaseValue, list.databaseValue]))
        let new = Array(zip(columns, values))
        for row in old {
            self.changes.append(SlateStore.Change(action: .update, table: table, uid: row["uid"], old: Array(row.databaseValues.dropFirst(2)), new: new))
        }
    }

    /// Takes `count` consecutive audit ids; returns the first and the command's id.
    private func reserveAudits(_ count: Int) throws -> (first: Int64, command: Int64) {
        let command = try ensureCommand()
        let first = try nextID("audits")
        nextIDs["audits"] = first + Int64(count)
        return (first, command)
    }

    /// `json_object(...)` of every column of `t`, in column order: the text `RowJSON.encode`
    /// writes for a row of integers, texts and nulls.
    /// `replacing`: SQL expressions written for some columns instead of `t.column`.
    private static func jsonObject(_ table: String, in db: Database, schema: Int, replacing: [String: String] = [:]) throws -> String {
        guard let shape = try TableShape.of(table, in: db, schema: schema) else { throw SlateError.storage("no shape for \(table)") }
        return "json_object(" + shape.columns.map { "'\($0.name)', \(replacing[$0.name] ?? "t.\($0.name)")" }.joined(separator: ", ") + ")"
    }

    /// Changes columns of a live row of `table` (a row type without its own changes enum:
    /// rates, settings, invoices), bumping its version, and audits it.
    func updateColumns(_ table: String, id: Int64, _ values: [(String, (any DatabaseValueConvertible)?)], expectedVersion: Int? = nil) throws {
        try update(table, id: id, values, expectedVersion: expectedVersion)
    }

    /// Refuses unless the actor has at least `role` on the studio, and notes the studio as
    /// the one this command works on (the log shows it to that studio's staff).
    func require(_ role: Role, studio id: Int64, studioName: String, to action: String) throws {
        try policy.require(role, studio: id, studioName: studioName, to: action)
        if studioID == nil { studioID = id }
    }

    /// Refuses a stale edit (rule 11): the row moved on from the version the user saw.
    func requireVersion(_ table: String, id: Int64, expected: Int?) throws {
        guard let expected else { return }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT uid, version FROM \(table) WHERE id = ?"), arguments: [id]) else {
            throw SlateError.notFound("\(table) row \(id)")
        }
        try checkVersion(table, id: id, uid: row["uid"], current: row["version"], expected: expected)
    }

    /// The one stale-edit check: refuses when the row's version is not the one the user saw.
    private func checkVersion(_ table: String, id: Int64, uid: String, current: Int, expected: Int) throws {
        if current != expected {
            throw SlateError.stale(try staleMessage(table: table, id: id, uid: uid, expected: expected, current: current))
        }
    }

    /// Writes already-checked values (used by update, undo and redo).
    func write(_ table: String, id: Int64, _ values: [(String, (any DatabaseValueConvertible)?)], old: Row) throws {
        let sets = values.map { "\($0.0) = ?" } + ["version = version + 1", "updated_at = ?"]
        let sql = "UPDATE \(table) SET \(sets.joined(separator: ", ")) WHERE id = ? RETURNING *"
        guard let new = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments(values.map(\.1) + [now, id])) else {
            throw SlateError.notFound("\(table) row \(id)")
        }
        try audit(.update, table: table, id: id, uid: old["uid"] ?? "?", old: old, new: Array(new))
    }

    /// Soft-deletes a row (history is kept).
    func softDelete(_ table: String, id: Int64, expectedVersion: Int? = nil) throws {
        try update(table, id: id, [("deleted_at", now)], expectedVersion: expectedVersion)
    }

    func snapshot(_ table: String, id: Int64) throws -> Row {
        guard let row = try snapshotIfPresent(table, id: id) else { throw SlateError.notFound("\(table) row \(id)") }
        return row
    }

    func snapshotIfPresent(_ table: String, id: Int64) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM \(table) WHERE id = ?"), arguments: [id])
    }

    private func audit(_ action: Change.Action, table: String, id: Int64, uid: String, old: Row?, new: [(String, DatabaseValue)]) throws {
        let commandID = try ensureCommand()
        note(action, table: table, uid: uid, old: old.map { Array($0.databaseValues) }, new: new)
        let auditID = try nextID("audits")
        let statement = try auditStatement ?? db.cachedStatement(sql: """
            INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, old_values, new_values)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        auditStatement = statement
        try statement.run([auditID.databaseValue, PublicID.make(prefix: "au", id: auditID).databaseValue, now.databaseValue, now.databaseValue,
                           commandID.databaseValue, actor.userID.databaseValue, action.rawValue.databaseValue, table.databaseValue, id.databaseValue,
                           uid.databaseValue, old.map(RowJSON.encode).databaseValue, RowJSON.encode(new).databaseValue])
    }

    /// Records the change the audit describes: the columns an insert set, or those an update
    /// changed, old and new (`old` in the column order of `new`).
    private func note(_ action: Change.Action, table: String, uid: String, old: [DatabaseValue]?, new: [(String, DatabaseValue)]) {
        changes.append(Change(action: action, table: table, uid: uid, old: old, new: new))
    }

    /// The id of this command's row, reserved with the first change; the row itself is
    /// written by `finish` (audits reference it through a deferred foreign key).
    func ensureCommand() throws -> Int64 {
        if let commandID { return commandID }
        let id = try nextID("commands")
        commandID = id
        return id
    }

    /// Writes the command row, with its summary and reason, once its body has run.
    func finish() throws {
        guard let commandID else { return }
        try db.cachedStatement(sql: """
            INSERT INTO commands (id, uid, created_at, updated_at, user_id, kind, name, summary, reason, target_id, studio_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [commandID, PublicID.make(prefix: "cmd", id: commandID), now, now, actor.userID, kind, name,
                                     String(summary.prefix(500)), reason, targetCommandID, studioID])
    }

    private func staleMessage(table: String, id: Int64, uid: String, expected: Int, current: Int) throws -> String {
        let last = try Row.fetchOne(db, sql: """
            SELECT u.login, a.created_at, a.old_values, a.new_values FROM audits a JOIN users u ON u.id = a.user_id
            WHERE a.record_table = ? AND a.record_id = ? ORDER BY a.id DESC LIMIT 1
            """, arguments: [table, id])
        // Who changed what comes first: status lines are narrow.
        let versions = "you saw version \(expected), it is now at \(current)"
        var text = "\(uid) \(versions)"
        if let last {
            let login: String = last["login"]
            let at: Int64 = last["created_at"]
            var changed: [String] = []
            if let oldText: String = last["old_values"], let newText: String = last["new_values"] {
                let old = Dictionary((try? RowJSON.decode(oldText)) ?? [], uniquingKeysWith: { a, _ in a })
                for (column, value) in (try? RowJSON.decode(newText)) ?? [] where !Self.bookkeeping.contains(column) && old[column] != value {
                    changed.append(column)
                }
            }
            text = "\(uid) was last changed by \(login) at \(settings.words.moment(at, in: LocalTime(timeZone: settings.zone)))"
                + (changed.isEmpty ? "" : " (\(changed.joined(separator: ", ")))") + "; \(versions)"
        }
        return text + ". Reload and try again."
    }
}

/// Workspace-wide settings (the single `workspaces` row).
struct WorkspaceSettings {
    var name: String
    var zone: TimeZone
    var holdExpiryFirstDays: Int64
    var holdExpiryOtherDays: Int64
    var challengeHours: Int64
    var autoPromote: Bool
    /// ISO 4217 code of the workspace's money.
    var currency = "USD"
    /// The workspace's locale (`fr_FR`): how numbers are typed and shown.
    var locale = "en_US"

    /// How the workspace's locale writes days, times and money (`jeu. 3 déc. 14:00`).
    var words: LocaleFormat { LocaleFormat.of(locale) }

    static func load(_ db: Database) throws -> WorkspaceSettings {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT name, time_zone, hold_expiry_first_days, hold_expiry_other_days, challenge_hours, auto_promote, currency, locale
            FROM workspaces WHERE deleted_at IS NULL ORDER BY id LIMIT 1
            """)) else {
            throw SlateError.storage("the workspace has no settings row; it was not created by `slate init`")
        }
        return WorkspaceSettings(
            name: row[0], zone: LocalTime.cached(row[1])?.timeZone ?? .gmt,
            holdExpiryFirstDays: row[2], holdExpiryOtherDays: row[3], challengeHours: row[4], autoPromote: row[5], currency: row[6], locale: row[7])
    }
}

extension Statement {
    /// Executes with `values` bound by position, each straight to SQLite: GRDB's generic
    /// `StatementArguments` costs about as much as the insert itself on the write path.
    func run<Values: Collection>(_ values: Values) throws where Values.Element == DatabaseValue {
        let parameters = Int(sqlite3_bind_parameter_count(sqliteStatement))
        guard values.count == parameters else { throw SlateError.storage("\(values.count) values for \(parameters) parameters in \(sql)") }
        setUncheckedArguments(StatementArguments())
        var index: CInt = 1
        for value in values {
            let code = value.bind(to: sqliteStatement, at: index)
            if code != SQLITE_OK { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)", sql: sql) }
            index += 1
        }
        try execute()
    }
}

/// A row of `Statement.eachRow`: columns read straight from SQLite, for the listings that
/// read tens of thousands of rows (GRDB's `Row` costs more than the query there).
struct RawRow {
    let statement: SQLiteStatement

    func int(_ column: CInt) -> Int64 { sqlite3_column_int64(statement, column) }
    func optionalInt(_ column: CInt) -> Int64? { sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_int64(statement, column) }
    func bool(_ column: CInt) -> Bool { sqlite3_column_int64(statement, column) != 0 }
    func text(_ column: CInt) -> String {
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        return String(cString: bytes)
    }
    func double(_ column: CInt) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }
}

extension Statement {
    /// Steps through the rows of the statement with `arguments`, handing each to `body`.
    func eachRow(_ arguments: StatementArguments = [], _ body: (RawRow) throws -> Void) throws {
        try setArguments(arguments)
        let raw = RawRow(statement: sqliteStatement)
        defer { sqlite3_reset(sqliteStatement) }
        while true {
            let code = sqlite3_step(sqliteStatement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(sqliteStatement))), sql: sql) }
            try body(raw)
        }
    }
}
