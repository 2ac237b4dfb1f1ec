import GRDB
import SlateCore

/// What an undo or redo reverted or re-applied: the command, as its summary tells it.
public struct HistoryStep: Sendable, Encodable, Equatable {
    /// Public id of the command undone or redone.
    public var command: String
    /// Its summary ("book Stage A 2026-12-03T14:00–16:00 (bk-…)").
    public var summary: String
}

extension Session {
    /// Rule 12: applies the inverse of the user's last command, if the rows it changed have
    /// not changed since; otherwise refuses and says who changed what. Repeated undos go
    /// back as far as the history goes.
    public func undo() throws -> Outcome<HistoryStep> {
        try perform("undo", kind: "undo") { context in
            guard let target = try Row.fetchOne(context.db, sql: """
                SELECT * FROM commands WHERE user_id = ? AND kind IN ('normal', 'redo') AND undone_by IS NULL AND name != 'init' ORDER BY id DESC LIMIT 1
                """, arguments: [context.actor.userID]) else {
                throw SlateError.invalidInput("nothing to undo: you have no commands left in the history")
            }
            try History.invert(context, command: target)
            try context.db.execute(sql: "UPDATE commands SET undone_by = ? WHERE id = ?", arguments: [try context.ensureCommand(), target["id"] as Int64])
            let step = HistoryStep(command: target["uid"], summary: target["summary"])
            context.summary = "undo: \(step.summary)"
            return step
        }
    }

    /// Re-applies the command the user's last undo reverted, unless they have made new
    /// commands since or the rows changed.
    public func redo() throws -> Outcome<HistoryStep> {
        try perform("redo", kind: "redo") { context in
            guard let undo = try Row.fetchOne(context.db, sql: """
                SELECT * FROM commands WHERE user_id = ? AND kind = 'undo' AND redone_by IS NULL ORDER BY id DESC LIMIT 1
                """, arguments: [context.actor.userID]),
                try Int.fetchOne(context.db, sql: "SELECT count(*) FROM commands WHERE user_id = ? AND kind = 'normal' AND id > ?",
                                 arguments: [context.actor.userID, undo["id"] as Int64]) == 0 else {
                throw SlateError.invalidInput("nothing to redo")
            }
            try History.invert(context, command: undo)
            try context.db.execute(sql: "UPDATE commands SET redone_by = ? WHERE id = ?", arguments: [try context.ensureCommand(), undo["id"] as Int64])
            let original = try Row.fetchOne(context.db, sql: "SELECT uid, summary FROM commands WHERE id = ?", arguments: [undo["target_id"] as Int64?])
            let step = HistoryStep(command: original?["uid"] ?? "", summary: original?["summary"] ?? "")
            context.summary = "redo: \(step.summary)"
            return step
        }
    }

    /// Recent commands, newest first: the user's own and those of people in their studios.
    public func log(limit: Int = 50) throws -> [LogEntry] {
        try read { reader in
            try reader.fetch("""
                SELECT c.uid, c.created_at, u.login AS user, c.kind, c.name, c.summary, c.reason,
                       (SELECT count(*) FROM audits a WHERE a.command_id = c.id) AS changes,
                       CASE WHEN c.undone_by IS NOT NULL THEN 'undone' ELSE '' END AS state
                FROM commands c JOIN users u ON u.id = c.user_id
                WHERE \(reader.visibility.predicate("commands", alias: "c"))
                ORDER BY c.id DESC LIMIT ?
                """, [max(1, limit)]) { row, format in
                LogEntry(uid: row["uid"], createdAt: format.time(row["created_at"] as Int64), user: row["user"], kind: row["kind"], name: row["name"],
                         summary: row["summary"], reason: row["reason"], changes: row["changes"], undone: (row["state"] as String) == "undone")
            }
        }
    }

    /// The time zone of the studio a record belongs to, for the records that have one.
    static func studioZone(_ reader: Reader, table: String, uid: String) throws -> LocalTime? {
        let studio: String
        switch table {
        case "studios": studio = "SELECT id FROM studios WHERE uid = ?"
        case "bookings", "time_off": studio = "SELECT r.studio_id FROM \(table) x JOIN resources r ON r.id = x.resource_id WHERE x.uid = ?"
        case "tasks": studio = "SELECT s.studio_id FROM tasks x JOIN shows s ON s.id = x.show_id WHERE x.uid = ?"
        case "phases": studio = "SELECT p.studio_id FROM phases x JOIN projects p ON p.id = x.project_id WHERE x.uid = ?"
        default:
            guard try reader.db.columns(in: table).contains(where: { $0.name == "studio_id" }) else { return nil }
            studio = "SELECT studio_id FROM \(table) WHERE uid = ?"
        }
        let name = try String.fetchOne(reader.db, sql: "SELECT time_zone FROM studios WHERE id = (\(studio))", arguments: [uid])
        return name.flatMap(LocalTime.cached)
    }

    /// The table a public id's audits are about (a known table name, never user text).
    static func auditedTable(_ reader: Reader, _ uid: String) -> String {
        let table = (try? String.fetchOne(reader.db, sql: "SELECT record_table FROM audits WHERE record_uid = ? LIMIT 1", arguments: [uid])) ?? nil
        return table.flatMap { name in PublicID.tables.contains(name) ? name : nil } ?? "commands"
    }

    /// The audit trail of one record: who changed what, when, old and new values, for
    /// records the user may see and commands of their studios.
    /// Times (the `…_at` columns) and the entries' own times read as local times of the
    /// record's studio (as its listings and cards show it), else of the workspace's.
    public func history(of uid: String) throws -> [HistoryEntry] {
        try read { reader in
            let table = Self.auditedTable(reader, uid)
            let rows = try Row.fetchAll(reader.db, sql: """
                SELECT a.uid, a.created_at, u.login AS user, c.uid AS command, a.action, a.record_table, a.old_values, a.new_values
                FROM audits a JOIN users u ON u.id = a.user_id JOIN commands c ON c.id = a.command_id
                WHERE a.record_uid = ? AND \(reader.visibility.predicate("commands", alias: "c"))
                  AND EXISTS (SELECT 1 FROM audits x WHERE x.record_uid = a.record_uid AND x.record_id IN (
                        SELECT id FROM \(table) WHERE \(reader.visibility.predicate(table))))
                ORDER BY a.id
                """, arguments: [uid])
            guard !rows.isEmpty else {
                throw SlateError.notFound("no history for '\(TextInput.printable(uid))'")
            }
            var format = reader.format
            if let zone = try Self.studioZone(reader, table: table, uid: uid) { format.zone = zone }
            func shown(_ column: String, _ value: Any) -> String {
                guard column.hasSuffix("_at"), let instant = Int64("\(value)") else { return "\(value)" }
                return reader.settings.words.moment(instant, in: format.zone)
            }
            return rows.map { row in
                let old = Dictionary(((try? RowJSON.decode((row["old_values"] as String?) ?? "{}")) ?? []), uniquingKeysWith: { a, _ in a })
                let new = (try? RowJSON.decode(row["new_values"])) ?? []
                let changes = new.filter { !CommandContext.bookkeeping.contains($0.0) && old[$0.0] != $0.1 && !($0.1.isNull && old[$0.0] == nil) }
                    .map { column, value in "\(column): \(old[column].map { shown(column, $0) } ?? "∅") -> \(shown(column, value))" }.joined(separator: "; ")
                return HistoryEntry(audit: row["uid"], at: format.time(row["created_at"] as Int64), user: row["user"], command: row["command"],
                                    action: row["action"], changes: changes)
            }
        }
    }
}

/// A command of `slate log`.
public struct LogEntry: ReadModel, Equatable {
    public var uid: String
    public var createdAt: Timestamp
    public var user, kind, name, summary, reason: String
    public var changes: Int
    public var undone: Bool

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("created_at", .time(createdAt)), ("user", .text(user)), ("kind", .text(kind)), ("name", .text(name)),
                 ("summary", .text(summary)), ("reason", .text(reason)), ("changes", .int(Int64(changes))), ("state", .text(undone ? "undone" : ""))])
    }
}

/// One audited change of `slate log --record`.
public struct HistoryEntry: ReadModel, Equatable {
    public var audit: String
    public var at: Timestamp
    public var user, command, action, changes: String

    public var listing: Listing {
        Listing([("audit", .text(audit)), ("at", .time(at)), ("user", .text(user)), ("command", .text(command)), ("action", .text(action)), ("changes", .text(changes))])
    }
}

/// Reverting one command's audited changes.
enum History {
    /// Restores every record the command changed to its state before the command, after
    /// checking that nothing changed it since. Bookings are checked again and their
    /// resources' hold queues re-ranked.
    static func invert(_ context: CommandContext, command: Row) throws {
        let commandID: Int64 = command["id"]
        context.targetCommandID = commandID
        context.studioID = command["studio_id"]
        let audits = try Row.fetchAll(context.db, sql: "SELECT * FROM audits WHERE command_id = ? ORDER BY id", arguments: [commandID])
        guard !audits.isEmpty else { throw SlateError.invalidInput("command \(command["uid"] as String) changed nothing") }
        var order: [String] = []
        var first: [String: Row] = [:]
        var last: [String: Row] = [:]
        for audit in audits {
            let key = "\(audit["record_table"] as String)#\(audit["record_id"] as Int64)"
            if first[key] == nil { first[key] = audit; order.append(key) }
            last[key] = audit
        }
        var changedSince: [String] = []
        for key in order {
            guard let lastAudit = last[key] else { continue }
            let table: String = lastAudit["record_table"]
            // Compare content, not versions: an undo that restored the row counts as no
            // change, and hold ranks are derived (they are recomputed afterwards).
            let ignored = CommandContext.bookkeeping.union(table == "bookings" ? ["rank"] : [])
            let expected = try RowJSON.decode(lastAudit["new_values"]).filter { !ignored.contains($0.0) }
            let current = try context.snapshotIfPresent(table, id: lastAudit["record_id"])
            let unchanged = current.map { row in
                let values = columnValues(row)
                return expected.allSatisfy { values[$0.0] == $0.1 }
            } ?? false
            if !unchanged {
                let who = try Row.fetchOne(context.db, sql: """
                    SELECT u.login, c.summary FROM audits a JOIN users u ON u.id = a.user_id JOIN commands c ON c.id = a.command_id
                    WHERE a.record_table = ? AND a.record_id = ? ORDER BY a.id DESC LIMIT 1
                    """, arguments: [table, lastAudit["record_id"] as Int64])
                let by = who.map { " by \($0["login"] as String) (\($0["summary"] as String))" } ?? ""
                changedSince.append("\(lastAudit["record_uid"] as String) was changed since\(by)")
            }
        }
        guard changedSince.isEmpty else {
            throw SlateError.refused(changedSince.map { RuleViolation(.transition, "cannot undo '\(command["summary"] as String)': \($0)") })
        }
        var bookingWindows: [(Int64, Interval)] = []
        for key in order.reversed() {
            guard let firstAudit = first[key] else { continue }
            let table: String = firstAudit["record_table"]
            let id: Int64 = firstAudit["record_id"]
            let current = try context.snapshot(table, id: id)
            var values: [(String, (any DatabaseValueConvertible)?)] = []
            if (firstAudit["action"] as String) == "insert" {
                values = [("deleted_at", context.now)]
            } else {
                let currentValues = columnValues(current)
                for (column, value) in try RowJSON.decode(firstAudit["old_values"]) where !CommandContext.bookkeeping.contains(column) {
                    if currentValues[column] != value { values.append((column, value)) }
                }
            }
            if table == "bookings" {
                let restored = Dictionary(values.map { ($0.0, $0.1?.databaseValue ?? .null) }, uniquingKeysWith: { a, _ in a })
                try checkRestoredBooking(context, current: current, restored: restored)
                let resourceID: Int64 = current["resource_id"]
                bookingWindows.append((resourceID, Interval(start: current["start_at"], end: current["end_at"])))
                if let start = restored["start_at"].flatMap({ Int64.fromDatabaseValue($0) }), let end = restored["end_at"].flatMap({ Int64.fromDatabaseValue($0) }) {
                    bookingWindows.append((resourceID, Interval(start: start, end: end)))
                }
            }
            if !values.isEmpty { try context.write(table, id: id, values, old: current) }
        }
        if context.settings.autoPromote {
            for (resource, window) in bookingWindows { try BookingQueue.rerank(context, resource: resource, window: window) }
        }
    }

    /// A row's values by column, read once: a row's lookup by name scans and lowercases
    /// its column names, and an undo compares every column of thousands of rows.
    private static func columnValues(_ row: Row) -> [String: DatabaseValue] {
        Dictionary(zip(row.columnNames, row.databaseValues), uniquingKeysWith: { first, _ in first })
    }

    /// A booking brought back as confirmed must not clash with what was confirmed since.
    private static func checkRestoredBooking(_ context: CommandContext, current: Row, restored: [String: DatabaseValue]) throws {
        func value<T: DatabaseValueConvertible>(_ column: String) -> T? {
            restored[column].map { T.fromDatabaseValue($0) } ?? current[column]
        }
        let status: String? = value("status")
        let deleted: Int64? = restored["deleted_at"].map { Int64.fromDatabaseValue($0) } ?? current["deleted_at"]
        guard status == "confirmed", deleted == nil, let start: Int64 = value("start_at"), let end: Int64 = value("end_at") else { return }
        let resourceID: Int64 = current["resource_id"]
        let clashes = try BookingQueue.confirmed(context.db, resource: resourceID, overlapping: Interval(start: start, end: end)).filter { $0.id != (current["id"] as Int64) }
        let name = try String.fetchOne(context.db, sql: "SELECT name FROM resources WHERE id = ?", arguments: [resourceID]) ?? "the resource"
        let zone = LocalTime(timeZone: context.settings.zone)
        context.violations += clashes.map {
            RuleViolation(.doubleBooking, "cannot restore \(current["uid"] as String): \(name) is now booked \(context.settings.words.span($0.interval, in: zone)) by \($0.holder) (\($0.uid))", otherUID: $0.uid)
        }
        if !clashes.isEmpty { throw SlateError.refused(context.violations) }
    }
}
