import Foundation
import GRDB
import SlateCore

/// What a command did: its value, every change, the warnings of soft rules, and its id.
public struct Outcome<Value: Sendable>: Sendable {
    public var value: Value
    public var changes: [Change]
    public var warnings: [RuleWarning]
    /// Public id of the command (`cmd-...`), nil when nothing changed or for a plan.
    public var commandUID: String?
    /// True when this is a plan: nothing was written.
    public var planned: Bool
}

/// A user working in a workspace: every read and write goes through here, and every
/// write through `perform`: access check, load, rules, write, audit, commit, in one
/// `BEGIN IMMEDIATE` transaction.
public struct Session: Sendable {
    public let workspace: Workspace
    /// The OS account acting.
    public let login: String
    public let clock: Clock

    public init(workspace: Workspace, login: String, clock: Clock) {
        self.workspace = workspace
        self.login = login
        self.clock = clock
    }

    /// Runs `body` as one command. Hard-rule violations collected in the context, or a
    /// thrown error, roll everything back. With `plan`, the command runs to the end and
    /// is rolled back, so the plan shows exactly what applying would do.
    func perform<T: Sendable>(_ name: String, plan: Bool = false, kind: String = "normal", _ body: (CommandContext) throws -> T) throws -> Outcome<T> {
        guard !workspace.readOnly else {
            throw SlateError.storage("\(workspace.path) is read-only, so it is open for viewing only; \(name) was not done")
        }
        let clock = self.clock
        let login = self.login
        let pause = workspace.pauseBeforeCommit
        return try Self.mapErrors {
            try workspace.write { db in
                // Expiries and challenge deadlines are facts of time: release them in their
                // own committed command, so a refused or planned command cannot undo them.
                // Nothing can fall due later at the same `now` (expiries and deadlines are
                // always set in the future), so the command itself need not sweep again.
                // The clock is read once the write lock is held (rule 16): times written by
                // this command never precede those of a command that committed before it.
                if try HoldSweeper.anyDue(db, now: clock.now()) {
                    try db.inTransaction(.immediate) {
                        let now = clock.now()
                        let actor = try Self.loadActor(db, login: login)
                        let context = try CommandContext(db: db, actor: actor, now: now, name: "expire holds", kind: "system")
                        let released = try HoldSweeper.sweep(context)
                        context.summary = "released \(Plural.count(released, "hold")) past their expiry or challenge deadline"
                        try context.finish()
                        return .commit
                    }
                }
                var outcome: Outcome<T>?
                var failure: Error?
                try db.inTransaction(.immediate) {
                    do {
                        let now = clock.now()
                        let actor = try Self.loadActor(db, login: login)
                        let context = try CommandContext(db: db, actor: actor, now: now, name: name, kind: kind)
                        let value = try body(context)
                        if !context.violations.isEmpty {
                            throw SlateError.refused(context.violations, holdOffer: context.holdOffer)
                        }
                        try context.finish()
                        let uid = plan ? nil : context.commandID.map { PublicID.make(prefix: "cmd", id: $0) }
                        outcome = Outcome(value: value, changes: context.changes, warnings: context.warnings, commandUID: uid, planned: plan)
                        if pause > 0, !plan { Thread.sleep(forTimeInterval: pause) }
                        return plan ? .rollback : .commit
                    } catch {
                        failure = error
                        return .rollback
                    }
                }
                if let failure { throw failure }
                guard let outcome else { throw SlateError.storage("the command \(name) produced no result") }
                return outcome
            }
        }
    }

    /// Runs a read with the acting user's access loaded.
    func read<T: Sendable>(_ body: (Reader) throws -> T) throws -> T {
        let login = self.login
        let now = clock.now()
        return try Self.mapErrors {
            try workspace.database.read { db in
                let actor = try Self.loadActor(db, login: login)
                return try body(Reader(db: db, actor: actor, now: now, settings: try WorkspaceSettings.load(db)))
            }
        }
    }

    /// The acting user with memberships; refuses logins the workspace does not know.
    static func loadActor(_ db: Database, login: String) throws -> Actor {
        guard let user = try Row.fetchOne(db.cachedStatement(sql: "SELECT id FROM users WHERE login = ? AND deleted_at IS NULL"), arguments: [login]) else {
            throw SlateError.accessDenied("the account '\(TextInput.printable(login))' is not a member of this workspace; an admin can add it with `slate member add \(TextInput.printable(login)) --studio ... --role ...`")
        }
        let userID: Int64 = user[0]
        let grants = try Row.fetchAll(db.cachedStatement(sql: "SELECT scope, ifnull(studio_id, ifnull(client_id, platform_id)), role FROM memberships WHERE user_id = ? AND deleted_at IS NULL"), arguments: [userID]).compactMap { row -> Grant? in
            guard let role = Role(rawValue: row[2]) else { return nil }
            let target: Int64 = row[1]
            switch row[0] as String {
            case "studio": return Grant(scope: .studio(target), role: role)
            case "client": return Grant(scope: .client(target), role: role)
            case "platform": return Grant(scope: .platform(target), role: role)
            default: return nil
            }
        }
        let talent = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM talent WHERE user_id = ? AND deleted_at IS NULL"), arguments: [userID])
        return Actor(userID: userID, login: login, grants: grants, talentIDs: Set(talent))
    }

    /// Turns database errors into the error kinds front ends understand.
    static func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SlateError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_CONSTRAINT where (error.message ?? "").contains("double booking"):
                throw SlateError.refused([RuleViolation(.doubleBooking, error.message ?? "double booking")])
            case .SQLITE_CONSTRAINT:
                throw SlateError.invalidInput(constraintMessage(error.message ?? ""))
            case .SQLITE_READONLY:
                throw SlateError.storage("the workspace is read-only; nothing was changed")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw SlateError.storage("the workspace stayed locked by another process; try again")
            default:
                throw SlateError.storage("\(error.message ?? "database error") (\(error.resultCode))")
            }
        }
    }
}

/// A constraint failure in words: which field, and why, without SQLite's own text.
func constraintMessage(_ message: String) -> String {
    let detail = message.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    // The first column named: an identifier that is neither a function call nor a keyword.
    var field = "value"
    let characters = Array(detail)
    var index = 0
    while index < characters.count {
        guard characters[index].isLetter || characters[index] == "_" else { index += 1; continue }
        var end = index
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" || characters[end] == "." { end += 1 }
        let word = String(characters[index..<end])
        var next = end
        while next < characters.count, characters[next] == " " { next += 1 }
        if (next >= characters.count || characters[next] != "("), word != word.uppercased() {
            field = word
            break
        }
        index = end
    }
    let name = (field.split(separator: ".").last.map(String.init) ?? field).replacingOccurrences(of: "_", with: " ")
    if message.hasPrefix("UNIQUE") { return "another record already has this \(name); choose another" }
    if message.hasPrefix("NOT NULL") { return "the \(name) is required" }
    if message.hasPrefix("FOREIGN KEY") { return "a record this refers to does not exist (or was removed)" }
    return "the \(name) is not an allowed value; nothing was saved"
}

/// A read transaction with the acting user's access.
struct Reader {
    let db: Database
    let actor: Actor
    let now: Int64
    let settings: WorkspaceSettings
    var policy: AccessPolicy { AccessPolicy(actor: actor) }
}
