import ArgumentParser
import SlateCore
import SlateStore

/// `slate demo`: a realistic sample workspace.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Create a realistic sample workspace (--fresh replaces an earlier demo; a real workspace never).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Replace an existing demo (practice work in it is lost).") var fresh = false

    func run() throws {
        let env = global.environment
        if !fresh, try DemoWorkspace.exists(at: global.path) {
            throw SlateError.refused([RuleViolation(.transition, "a demo workspace already exists at \(global.path); open it with `slate --demo`, or replace it with `slate demo --fresh`")])
        }
        let (_, summary) = try DemoWorkspace.build(at: global.path, login: env.login, userName: env.userName, clock: env.clock)
        if global.json { global.out(JSONOutput.encode(summary)); return }
        global.out("""
            Demo workspace ready at \(global.path) — you (\(env.login)) are admin of both studios.
              \(summary.studios) studios, \(summary.rooms) rooms, \(summary.equipment) equipment, \(summary.talent) talent, \(summary.clients) clients, \(summary.platforms) platforms
              \(summary.projects) projects with \(summary.phases) phases, \(summary.schedules) schedules with \(summary.draftShows) draft shows, \(summary.confirmedShows) confirmed shows
              \(summary.bookings) confirmed bookings, \(summary.holds) holds, \(summary.tasks) tasks, \(summary.timeOff) time-off periods
            Try: \(["status", "booking list", "schedule list", "check", "task list --open", "talent match --skills french,hosting"].map { "slate \($0)\(global.db.map { " --db \($0)" } ?? "")" }.joined(separator: " · "))
            """)
    }
}
