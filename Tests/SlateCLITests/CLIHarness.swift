import Foundation
import SlateTestSupport
import GRDB
@testable import SlateCLI
import SlateCore
import SlateStore

/// Runs whole command lines in-process against a temporary workspace, as a chosen login.
struct CLIHarness {
    let directory: String
    var path: String { directory + "/w.slate" }
    /// 2026-12-01T08:00Z.
    var now: Int64 = 1_796_112_000

    init() throws {
        directory = Scratch.directory("slate-cli")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    @discardableResult
    func run(_ arguments: String..., as login: String = "alice", db: Bool = true) -> Result {
        run(arguments, as: login, db: db)
    }

    func run(_ arguments: [String], as login: String = "alice", db: Bool = true, input: [String] = []) -> Result {
        let sink = OutputSink.buffer()
        var env = RunEnvironment(login: login, userName: login.capitalized, variables: ["HOME": directory], clock: .fixed(now), output: sink)
        env.input = .lines(input)
        let code = SlateCLI.run(arguments + (db ? ["--db", path] : []), environment: env)
        return Result(code: code, out: sink.stdout, err: sink.stderr)
    }

    /// A workspace with studio North (Europe/Paris), rooms Stage A and B, talent Ava, client Acme.
    static func ready() throws -> CLIHarness {
        let h = try CLIHarness()
        for line in [
            ["init", "--studio", "North", "--tz", "Europe/Paris", "--currency", "EUR", "--locale", "fr_FR"],
            ["room", "add", "Stage A"], ["room", "add", "Stage B"],
            ["talent", "add", "Ava Martin", "--role", "host", "--skills", "beauty,french", "--rate", "450"],
            ["client", "add", "Acme"],
        ] {
            let result = h.run(line)
            precondition(result.code == 0, "setup failed: \(line) \(result.err)")
        }
        return h
    }

    func count(_ sql: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    func value(_ sql: String) throws -> String? {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: sql) }
    }
}
