import Foundation
import SlateTestSupport
import GRDB
@testable import SlateCore
@testable import SlateStore

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ start: Int64) {
        value = start
    }

    var clock: Clock { Clock { [self] in lock.withLock { value } } }
    var now: Int64 { lock.withLock { value } }

    func advance(_ seconds: Int64) {
        lock.withLock { value += seconds }
    }
}

/// A fresh workspace on disk: studio "North" (Europe/Paris) whose admin is alice, with
/// two rooms, three talent and a client.
struct Fixture {
    let directory: String
    let workspace: Workspace
    let clock: TestClock
    let studio: String
    let stageA: String
    let stageB: String
    let ava: String
    let noah: String
    let mei: String
    let acme: String

    /// 2026-12-01T09:00 in Paris.
    static let start: Int64 = 1_796_112_000

    static func make(autoPromote: Bool = true, hours: String = "") throws -> Fixture {
        let directory = Scratch.directory("slate-test")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let clock = TestClock(start)
        let setup = WorkspaceSetup(workspaceName: "Test", studioName: "North", timeZone: "Europe/Paris", locale: "fr_FR", currency: "EUR",
                                   openingHours: hours, founderLogin: "alice", founderName: "Alice")
        let workspace = try Workspace.initialize(at: directory + "/w.slate", setup: setup, clock: clock.clock)
        if !autoPromote {
            try workspace.database.write { db in try db.execute(sql: "UPDATE workspaces SET auto_promote = 0") }
        }
        let alice = Session(workspace: workspace, login: "alice", clock: clock.clock)
        let studio = try alice.studios()[0]["uid"] ?? ""
        return Fixture(directory: directory, workspace: workspace, clock: clock, studio: studio,
                       stageA: try alice.addRoom(name: "Stage A").value, stageB: try alice.addRoom(name: "Stage B").value,
                       ava: try alice.addTalent(TalentInput(name: "Ava Martin", role: .host, skills: ["beauty", "french"])).value,
                       noah: try alice.addTalent(TalentInput(name: "Noah Rossi", role: .artist, skills: ["gaming"])).value,
                       mei: try alice.addTalent(TalentInput(name: "王芳", role: .host, skills: ["mandarin"])).value,
                       acme: try alice.addClient(name: "Acme").value)
    }

    var alice: Session { session("alice") }

    /// Folds the write-ahead log into the file and empties it, so the file alone holds
    /// the workspace.
    func emptyLog() throws {
        _ = try workspace.database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    func session(_ login: String) -> Session {
        Session(workspace: workspace, login: login, clock: clock.clock)
    }

    /// Adds `login` with `role` on the fixture studio.
    func member(_ login: String, _ role: Role) throws -> Session {
        _ = try alice.addMember(login: login, role: role, scope: .studio(studio))
        return session(login)
    }

    func hold(_ resource: String, _ from: String, _ to: String, as session: Session? = nil) throws -> BookingView {
        try (session ?? alice).place(BookingPlacement(resource: resource, start: .local(from), end: .local(to), status: .hold)).value
    }

    func book(_ resource: String, _ from: String, _ to: String, as session: Session? = nil) throws -> BookingView {
        try (session ?? alice).place(BookingPlacement(resource: resource, start: .local(from), end: .local(to), status: .confirmed)).value
    }

    func count(_ sql: String) throws -> Int {
        try workspace.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    func rank(_ uid: String) throws -> Int? {
        try workspace.read { db in try Int.fetchOne(db, sql: "SELECT rank FROM bookings WHERE uid = ?", arguments: [uid]) }
    }

    func status(_ uid: String) throws -> String? {
        try workspace.read { db in try String.fetchOne(db, sql: "SELECT status FROM bookings WHERE uid = ?", arguments: [uid]) }
    }
}

/// The violations of a refused command, or an empty list if it did not throw `refused`.
func violations(_ body: () throws -> Void) -> [RuleViolation] {
    do {
        try body()
        return []
    } catch SlateError.refused(let violations, _) {
        return violations
    } catch {
        return [RuleViolation(.transition, "unexpected error: \(error)")]
    }
}

extension DemoWorkspace {
    /// The demo workspace in a scratch directory, as alice made it at 2026-12-01T08:00Z.
    static func scratch(_ name: String) throws -> Workspace {
        let directory = Scratch.directory(name)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return try build(at: directory + "/demo.slate", login: "alice", userName: "Alice", clock: .fixed(Fixture.start)).0
    }
}
