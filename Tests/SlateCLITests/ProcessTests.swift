import Foundation
import SlateTestSupport
import GRDB
import Testing
import SlateCore
@testable import SlateStore
@testable import SlateCLI

/// Runs the built `slate` binary as separate OS processes.
enum Binary {
    /// The `slate` executable beside the test bundle (SLATE_BIN overrides).
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["SLATE_BIN"] { return override }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("slate").path
    }

    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        let (process, out, err) = try start(arguments, environment: environment)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}

@Suite("Several processes, crashes", .serialized)
struct ProcessTests {
    func workspace() throws -> String {
        let directory = Scratch.directory("slate-proc")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/w.slate"
        #expect(try Binary.run(["init", "--studio", "North", "--tz", "Europe/Paris", "--db", path]).code == 0)
        for room in ["Stage A", "Stage B", "Stage C"] {
            #expect(try Binary.run(["room", "add", room, "--db", path]).code == 0)
        }
        return path
    }

    @Test func eightProcessesRaceForOverlappingBookingsAndExactlyOneWinsEachClash() throws {
        let path = try workspace()
        for (round, room) in ["Stage A", "Stage B", "Stage C"].enumerated() {
            let day = 3 + round
            // Eight overlapping requests: all contain 11:00–12:00.
            let racers = try (0..<8).map { index in
                try Binary.start(["book", room, "--from", "2026-12-0\(day)T\(10 + index % 2):00", "--to", "2026-12-0\(day)T\(12 + index % 3):00", "--db", path])
            }
            var wins = 0
            for (process, out, err) in racers {
                _ = out.fileHandleForReading.readDataToEndOfFile()
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    wins += 1
                } else {
                    #expect(process.terminationStatus == 1, "\(message)")
                    #expect(message.contains("\(room) is already booked"), "\(message)")
                }
            }
            #expect(wins == 1, "round \(round): \(wins) winners")
        }
        let db = try DatabaseQueue(path: path)
        #expect(try db.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") } == "ok")
        let overlaps = try db.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id AND a.id < b.id
                WHERE a.status = 'confirmed' AND b.status = 'confirmed' AND a.start_at < b.end_at AND b.start_at < a.end_at
                """)
        }
        #expect(overlaps == 0)
        #expect(try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings") } == 3)
    }

    @Test func aWriterThatWaitedForTheLockQueuesBehindTheOneThatCommittedFirst() throws {
        let path = try workspace()
        let first = try Binary.run(["hold", "Stage A", "--from", "2026-12-03T09:00", "--to", "2026-12-03T14:00", "--db", path, "--json"])
        #expect(first.code == 0, "\(first.err)")
        // Given a writer paused inside its transaction (its clock reads 09:00:10)...
        let (paused, pausedOut, _) = try Binary.start(["hold", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T12:00", "--db", path],
                                                      environment: ["SLATE_FAULT_PAUSE_MS": "1500", "SLATE_NOW": "2026-12-01T09:00:10Z"])
        Thread.sleep(forTimeInterval: 0.5)
        // ...and a second writer placing an overlapping hold meanwhile, whose clock read earlier
        let late = try Binary.run(["hold", "Stage A", "--from", "2026-12-03T11:00", "--to", "2026-12-03T13:00", "--db", path],
                                  environment: ["SLATE_NOW": "2026-12-01T09:00:00Z"])
        _ = pausedOut.fileHandleForReading.readDataToEndOfFile()
        paused.waitUntilExit()
        #expect(paused.terminationStatus == 0 && late.code == 0, "\(late.err)")
        // When the 1st hold is released and the queue re-ranks
        let firstUID = try #require(first.out.split(separator: "\"").dropFirst().first { $0.hasPrefix("bk-") })
        #expect(try Binary.run(["release", String(firstUID), "--db", path]).code == 0)
        // Then the ranks follow commit order
        let db = try DatabaseQueue(path: path)
        let ranks = try db.read { db in
            try Row.fetchAll(db, sql: "SELECT start_at, rank FROM bookings WHERE status = 'hold' ORDER BY start_at").map { $0[1] as Int }
        }
        #expect(ranks == [1, 2])
    }

    /// A proposed schedule of `count` shows, made in-process as the OS account the binary runs as.
    func bigSchedule(_ path: String, count: Int) throws -> String {
        let session = Session(workspace: try Workspace.open(at: path), login: RunEnvironment.process().login, clock: .fixed(1_796_112_000))
        let client = try session.addClient(name: "Acme").value
        let schedule = try session.addSchedule(client: client, name: "Season").value
        let rooms = ["Stage A", "Stage B", "Stage C"]
        for index in 0..<count {
            let start = 1_796_300_000 + Int64(index / 3) * 7200
            _ = try session.addShow(ShowInput(client: client, schedule: schedule, room: rooms[index % 3], title: "Show \(index)",
                                              start: .instant(start), end: .instant(start + 3600)))
        }
        _ = try session.setScheduleStatus(schedule, to: .proposed)
        return schedule
    }

    func confirmedCount(_ path: String) throws -> (bookings: Int, shows: Int, integrity: String) {
        let db = try DatabaseQueue(path: path)
        return try db.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings WHERE status = 'confirmed'") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM shows WHERE status = 'confirmed'") ?? -1,
             try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "")
        }
    }

    @Test func killingAProcessMidConfirmationLeavesAllOrNothing() throws {
        let path = try workspace()
        let schedule = try bigSchedule(path, count: 300)
        // The fault hook pauses inside the write transaction, after every write and before commit.
        let (process, _, _) = try Binary.start(["schedule", "confirm", schedule, "--db", path], environment: ["SLATE_FAULT_PAUSE_MS": "20000"])
        let probe = try DatabaseQueue(path: path)
        var locked = false
        for _ in 0..<400 where !locked {
            Thread.sleep(forTimeInterval: 0.025)
            do {
                try probe.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE; ROLLBACK") }
            } catch {
                locked = true
            }
        }
        #expect(locked, "the confirming process never held the write lock")
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let after = try confirmedCount(path)
        #expect(after.integrity == "ok")
        #expect(after.bookings == 0 && after.shows == 0, "a killed confirmation left \(after.bookings) bookings")
        // Run to completion: the whole confirmation lands.
        let done = try Binary.run(["schedule", "confirm", schedule, "--db", path])
        #expect(done.code == 0, "\(done.err)")
        #expect(try confirmedCount(path).bookings == 300)
    }

    @Test func killsAtRandomMomentsNeverLeaveHalfAConfirmation() throws {
        for delay in [0.005, 0.02, 0.05, 0.1, 0.2] {
            let path = try workspace()
            let schedule = try bigSchedule(path, count: 120)
            let (process, _, _) = try Binary.start(["schedule", "confirm", schedule, "--db", path])
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try confirmedCount(path)
            #expect(after.integrity == "ok")
            #expect([0, 120].contains(after.bookings), "delay \(delay): \(after.bookings) bookings")
            #expect(after.shows * 1 == after.bookings, "delay \(delay): shows and bookings disagree")
        }
    }

    /// A process leaves a small log for the next one (folding it costs two fsyncs), the next
    /// reads it back, read-only too, and the process that finds it past the limit folds it.
    @Test func processesLeaveASmallLogForTheNextAndFoldItPastTheLimit() throws {
        let path = try workspace()
        func logPages() -> Int {
            let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
            return max(0, size - 32) / (4096 + 24)
        }
        var seen: [Int] = []
        for index in 0..<16 {
            let hour = String(format: "%02d", 8 + index % 12)
            let booked = try Binary.run(["book", "Stage \(["A", "B"][index / 12])", "--from", "2026-12-07T\(hour):00", "--to", "2026-12-07T\(hour):30", "--db", path])
            #expect(booked.code == 0, "\(booked.err)")
            seen.append(logPages())
        }
        // Left unfolded at first, folded (and removed with the last connection) past 128 pages
        #expect(seen[0] > 0 && seen.contains(0) && seen.max()! < 128 + 40, "\(seen)")
        // Each process read back what the earlier ones left: sixteen bookings, none lost
        let listed = try Binary.run(["booking", "list", "--json", "--db", path])
        #expect(((try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]]) ?? []).count == 16, "\(listed.err)")
        // A read-only workspace reads a log left behind as well
        #expect(try Binary.run(["book", "Stage C", "--from", "2026-12-08T10:00", "--to", "2026-12-08T11:00", "--db", path]).code == 0)
        #expect(logPages() > 0)
        try FileManager.default.setAttributes([.posixPermissions: 0o440], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: path) }
        let readOnly = try Binary.run(["booking", "list", "--json", "--db", path])
        #expect(((try JSONSerialization.jsonObject(with: Data(readOnly.out.utf8)) as? [[String: Any]]) ?? []).count == 17, "\(readOnly.err)")
    }

    /// With another connection open (a session in the UI), SQLite keeps the log file, so
    /// the processes go by the pages not yet folded: they fold it past the limit only.
    @Test func besideAnOpenSessionProcessesFoldTheLogOnlyPastTheLimit() throws {
        let path = try workspace()
        let session = try Workspace.open(at: path)
        var unfolded: [Int] = []
        for index in 0..<16 {
            let hour = String(format: "%02d", 8 + index % 12)
            #expect(try Binary.run(["book", "Stage \(["A", "B"][index / 12])", "--from", "2026-12-07T\(hour):00", "--to", "2026-12-07T\(hour):30", "--db", path]).code == 0)
            unfolded.append(try #require(session.unfoldedLogPages()))
        }
        #expect(unfolded[0] > 0 && unfolded.max()! < 128 + 40 && unfolded.contains { $0 < unfolded[0] }, "\(unfolded)")
        #expect(zip(unfolded, unfolded.dropFirst()).filter { $1 < $0 }.count <= 2, "folded at most past the limit: \(unfolded)")
    }
}

@Suite("Invoice numbers under concurrent processes")
struct InvoiceNumberTests {
    @Test func sixProcessesInvoicingAtOnceGetSixNumbersWithoutAGap() throws {
        let directory = Scratch.directory("slate-invoices")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/w.slate"
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        #expect(try Binary.run(["init", "--studio", "North", "--tz", "Europe/Paris", "--currency", "EUR", "--db", path], environment: now).code == 0)
        #expect(try Binary.run(["room", "add", "Stage A", "--db", path], environment: now).code == 0)
        #expect(try Binary.run(["rate", "set", "Stage A", "100", "--db", path], environment: now).code == 0)
        #expect(try Binary.run(["client", "add", "Acme", "--db", path], environment: now).code == 0)
        var shows: [String] = []
        for day in 1...6 {
            let added = try Binary.run(["show", "add", "Show \(day)", "--client", "Acme", "--room", "Stage A", "--from", "2026-11-2\(day)T10:00", "--to", "2026-11-2\(day)T11:00",
                                        "--db", path, "--json"], environment: now)
            let show = try #require((try JSONSerialization.jsonObject(with: Data(added.out.utf8)) as? [String: Any])?["result"] as? String, "\(added.err)")
            for step in [["show", "confirm"], ["show", "live"], ["show", "complete"]] {
                #expect(try Binary.run(step + [show, "--db", path], environment: now).code == 0)
            }
            shows.append(show)
        }
        let racers = try shows.map { try Binary.start(["invoice", "create", "--show", $0, "--db", path], environment: now) }
        for (process, out, err) in racers {
            _ = out.fileHandleForReading.readDataToEndOfFile()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
        let listed = try Binary.run(["invoice", "list", "--json", "--db", path], environment: now)
        let numbers = ((try JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [[String: Any]]) ?? []).compactMap { $0["number"] as? String }
        #expect(numbers == (1...6).map { "F-2026-000\($0)" }, "\(listed.out)")
    }

}
