import Foundation
import Testing
@testable import SlateCLI
import SlateCore
import SlateStore

@Suite("slate batch")
struct BatchTests {
    /// 1,000 booking attempts on two rooms over six weeks, a third of them clashing,
    /// some holds, some bad.
    static let commands: [[String]] = {
        let first = Day(iso: "2026-12-03")!
        return (0..<1_000).map { index in
            let room = index % 2 == 0 ? "Stage A" : "Stage B"
            let day = (first + index / 24).iso
            let hour = 8 + (index % 24) / 2
            let verb = index % 5 == 0 ? "hold" : "book"
            let length = index % 3 == 0 ? 2 : 1
            return [verb, room, "--from", String(format: "%@T%02d:00", day, hour), "--to", String(format: "%@T%02d:00", day, hour + length)]
        } + [["book", "Stage A", "--from", "2026-12-32T10:00", "--to", "2026-12-03T11:00"], ["undo"], ["release", "bk-nothere"]]
    }()

    /// A line as a shell would quote it.
    static func line(_ words: [String]) -> String {
        words.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ")
    }

    @Test func aBatchDoesExactlyWhatTheSameCommandsDoOneByOne() throws {
        // Given two identical workspaces
        let single = try CLIHarness.ready()
        let batched = try CLIHarness.ready()
        // When one runs the commands one by one and the other as a batch
        let statuses = Self.commands.map { single.run($0).code }
        let result = batched.run(["batch"], input: Self.commands.map(Self.line))
        // Then every line reports the status the command had alone, and the workspaces agree
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == Self.commands.count)
        let reported = lines.map { $0.hasPrefix("ok ") ? Int32(0) : Int32($0.split(separator: " ")[1]) ?? -1 }
        #expect(reported == statuses)
        #expect(statuses.contains(1) && statuses.contains(2) && statuses.contains(0))
        #expect(result.code == statuses.first { $0 != 0 })
        for listing in [["booking", "list", "--all", "--limit", "20000", "--json"], ["log", "--limit", "20000", "--json"]] {
            #expect(batched.run(listing).out == single.run(listing).out, "\(listing)")
        }
    }

    @Test func linesAreQuotedLikeAShellOrGivenAsJSONAndBadLinesAreReported() throws {
        let h = try CLIHarness.ready()
        let result = h.run(["batch", "--json"], input: [
            "# a comment, then a blank line", "",
            #"hold "Stage A" --from 2026-12-03T10:00 --to 2026-12-03T11:00 --note 'pitch, "big" one'"#,
            #"["book", "Stage B", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00"]"#,
            #"hold "Stage A --from"#,
            "ui",
            "book Nowhere --from 2026-12-03T10:00 --to 2026-12-03T11:00",
        ])
        let objects = try result.out.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects.map { $0["line"] as? Int } == [3, 4, 5, 6, 7])
        #expect(objects.map { $0["status"] as? Int } == [0, 0, 2, 2, 2])
        #expect(((objects[0]["result"] as? [String: Any])?["result"] as? [String: Any])?["note"] as? String == #"pitch, "big" one"#)
        #expect((objects[2]["message"] as? String)?.contains("inside a quote") == true)
        #expect(result.code == 2)
    }

    @Test func stopOnErrorStopsAtTheFirstFailure() throws {
        let h = try CLIHarness.ready()
        let result = h.run(["batch", "--stop-on-error"], input: [
            "book \"Stage A\" --from 2026-12-03T10:00 --to 2026-12-03T11:00",
            "book \"Stage A\" --from 2026-12-03T10:30 --to 2026-12-03T11:30",
            "book \"Stage B\" --from 2026-12-03T10:00 --to 2026-12-03T11:00",
        ])
        #expect(result.out.split(separator: "\n").count == 2)
        #expect(result.code == 1)
        #expect(try h.count("SELECT count(*) FROM bookings") == 1)
    }
}

@Suite("slate backup")
struct BackupTests {
    @Test func aBackupTakenWhileOthersWriteIsAWholeWorkspace() throws {
        let h = try CLIHarness.ready()
        // Given a writer booking slot after slot in another thread
        let writer = Thread {
            for index in 0..<60 {
                _ = h.run("book", "Stage A", "--from", String(format: "2026-12-%02dT%02d:00", 3 + index / 12, 8 + index % 12),
                          "--to", String(format: "2026-12-%02dT%02d:30", 3 + index / 12, 8 + index % 12))
            }
        }
        writer.start()
        // When a backup is taken meanwhile
        let copy = h.directory + "/copy.slate"
        let result = h.run("backup", copy)
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        // Then the copy is a whole workspace that Slate opens, with the bookings of one moment
        #expect(result.code == 0, "\(result.err)")
        let copied = try Workspace.open(at: copy)
        #expect(try copied.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        let count = try copied.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings") ?? -1 }
        #expect((0...60).contains(count))
        #expect(!FileManager.default.fileExists(atPath: copy + ".partial-\(getpid())"))
        // And an existing file is never overwritten; members cannot copy every studio's data
        #expect(h.run("backup", copy).code == 3)
        #expect(h.run("member", "add", "sam", "--studio", "North", "--role", "member").code == 0)
        #expect(h.run(["backup", h.directory + "/other.slate"], as: "sam").code == 1)
    }
}
