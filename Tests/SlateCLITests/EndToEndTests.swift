import Foundation
import SlateTestSupport
import GRDB
import Testing
import SlateCore

/// Drives the built binary in a real terminal: tmux with its own server socket.
struct Tmux {
    /// The server's socket lives in the run's scratch folder, so it goes when the run ends.
    let socket = Scratch.directory("tmux") + "/socket"
    let session = "e2e"

    /// Runs one tmux client command. posix_spawn and waitpid rather than Foundation's
    /// Process, whose exit monitoring waits on a descriptor the forked tmux server inherits.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let file = Scratch.directory("tmux-out") + "/out"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["tmux", "-S", socket] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // Test threads block signals; the tmux server and its panes must not inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "tmux", &actions, &attributes, argv, envp) == 0 else {
            throw CocoaError(.executableNotLoadable)
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    func start(_ command: String, width: Int = 100, height: Int = 30) throws {
        try run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), command])
    }

    func keys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// Waits until the screen contains `text`; returns the seconds it took, or nil.
    @discardableResult
    func wait(for text: String, timeout: Double = 8) throws -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try screen().contains(text) { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The screen for failure messages.
    var shown: String { (try? screen()) ?? "" }

    func kill() {
        _ = try? run(["kill-server"])
    }
}

/// A new workspace at `file` in the run's scratch folder: studio North in Paris with `rooms`.
func northWorkspace(_ file: String, rooms: [String] = [], environment: [String: String] = [:]) throws -> String {
    let directory = Scratch.directory("slate-e2e")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let db = directory + "/" + file
    #expect(try Binary.run(["init", "--studio", "North", "--tz", "Europe/Paris", "--db", db], environment: environment).code == 0)
    for room in rooms { #expect(try Binary.run(["room", "add", room, "--db", db], environment: environment).code == 0, "\(room)") }
    return db
}

@Suite("End to end in tmux", .serialized)
struct EndToEndTests {
    @Test func aCoordinatorSessionInTheTerminalUI() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        let db = try northWorkspace("w.slate", rooms: ["Stage A", "王芳 Booth 🎙"], environment: now)
        #expect(try Binary.run(["book", "Stage A", "--from", "2026-12-01T10:00", "--to", "2026-12-01T12:00", "--db", db], environment: now).code == 0)

        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Stage A") != nil, "the grid did not appear:\n\(tmux.shown)")
        #expect(try tmux.screen().contains("王芳 Booth 🎙"))

        // Day view; zooming in from the week's 08:00–12:00 column puts the cursor at 08:00.
        try tmux.keys(":", "zoom day", "Enter")
        #expect(try tmux.wait(for: "Tue, Dec 1 ") != nil)
        try tmux.keys("p")
        #expect(try tmux.wait(for: "Placed 1st hold") != nil, "\(tmux.shown)")
        try tmux.keys("c")
        #expect(try tmux.wait(for: "Confirmed bk-") != nil, "\(tmux.shown)")

        // A clash is refused, and a hold is offered instead.
        try tmux.keys("l", "l", "n", "Tab", "Tab", "Tab", "Tab", "Tab", "Space", "Enter")
        #expect(try tmux.wait(for: "Place it as a 1st hold instead? (y/n)") != nil, "\(tmux.shown)")
        #expect(try tmux.screen().contains("Stage A is already booked Tue, Dec 1 10:00–12:00 by root"))
        try tmux.keys("n")
        #expect(try tmux.wait(for: "Cancelled.") != nil)

        try tmux.keys("u")
        #expect(try tmux.wait(for: "Undone: confirm") != nil, "\(tmux.shown)")

        // Another process books 15:00–16:00: the grid shows it within a second.
        #expect(try Binary.run(["book", "Stage A", "--from", "2026-12-01T15:00", "--to", "2026-12-01T16:00", "--db", db], environment: now).code == 0)
        let column = 20 + 15 * ((100 - 20) / 24)
        let started = Date()
        var seen = false
        while Date().timeIntervalSince(started) < 3, !seen {
            let rows = try tmux.screen().split(separator: "\n", omittingEmptySubsequences: false)
            if let stage = rows.first(where: { $0.hasPrefix("R Stage A") }) {
                let cells = Array(stage)
                seen = cells.count >= column + 3 && cells[column..<column + 3].allSatisfy { $0 == "█" }
            }
            if !seen { Thread.sleep(forTimeInterval: 0.05) }
        }
        let delay = Date().timeIntervalSince(started)
        #expect(seen, "the other process's booking never appeared:\n\(tmux.shown)")
        #expect(delay <= 1.0, "it took \(delay) s")

        // Resize to 40x10 and back.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "40", "-y", "10"])
        #expect(try tmux.wait(for: "Terminal too small") != nil, "\(tmux.shown)")
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "100", "-y", "30"])
        #expect(try tmux.wait(for: "R Stage A") != nil)

        // q quits and gives the terminal back.
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil, "\(tmux.shown)")
        #expect(!(try tmux.screen().contains("Booking grid")))

        let confirmed = try DatabaseQueue(path: db).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings WHERE status = 'confirmed'") }
        #expect(confirmed == 2)
    }

    @Test func theUIRefusesToRunWithoutATerminal() throws {
        let db = try northWorkspace("w.slate")
        let result = try Binary.run(["--db", db])
        #expect(result.code == 2)
        #expect(result.err.contains("needs a terminal"))
    }

    @Test func aSignalRestoresTheTerminal() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = try northWorkspace("w.slate", rooms: ["Stage A"])
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color NO_COLOR=1 \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Stage A") != nil, "\(tmux.shown)")
        let pid = Int32(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)).map { shell in
            // The pane runs a shell whose child is slate.
            Int32((try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "") ?? 0
        } ?? 0
        #expect(pid > 0)
        kill(pid, SIGTERM)
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil, "\(tmux.shown)")
        #expect(!(try tmux.screen().contains("Stage A")))
    }
}

extension EndToEndTests {
    /// When the terminal disappears (the SSH connection drops, tmux is killed), slate ends
    /// instead of spinning on a dead terminal.
    @Test func losingTheTerminalEndsTheProgram() throws {
        let tmux = Tmux()
        let db = try northWorkspace("w.slate")
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color \(Binary.path) --db \(db); sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        let shell = Int32(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let slate = Int32((try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "") ?? 0
        #expect(slate > 0)
        tmux.kill()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, kill(slate, 0) == 0 {
            let state = (try? String(contentsOfFile: "/proc/\(slate)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
            if state == "Z" { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let state = (try? String(contentsOfFile: "/proc/\(slate)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(kill(slate, 0) != 0 || state == "Z", "slate \(slate) is still running after its terminal went away")
        if kill(slate, 0) == 0, state != "Z" { kill(slate, SIGKILL) }
    }
}

extension EndToEndTests {
    /// Names in several scripts never shift a border, and Ctrl-L (a full repaint) never
    /// changes what an incremental redraw left on the screen.
    @Test func ctrlLNeverChangesTheScreenWhateverTheNames() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        let db = try northWorkspace("w.slate", rooms: ["王芳 Booth 🎙", "👨‍👩‍👧‍👦 Family set", "🇫🇷 Paris set", "Ngozi Adébáyọ̀", "Zoë 🎤 Park", "👍🏽 Thumbs", "Stage A"], environment: now)
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "UPDATE rooms SET name = 'Evil \u{202e}Stage' WHERE name = 'Stage A'; UPDATE resources SET name = 'Evil \u{202e}Stage' WHERE name = 'Stage A'")
        }
        for (day, room) in [(1, "王芳 Booth 🎙"), (2, "🇫🇷 Paris set"), (3, "Zoë 🎤 Park")] {
            #expect(try Binary.run(["hold", room, "--from", "2026-12-0\(day)T10:00", "--to", "2026-12-0\(day)T16:00", "--db", db], environment: now).code == 0)
        }
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        // Every row's border is at column 19, as the canvas placed it.
        for line in try tmux.screen().split(separator: "\n") where line.contains("│") {
            let before = String(line[..<(line.firstIndex(of: "│") ?? line.endIndex)])
            #expect(DisplayWidth.of(before) == 19, "border shifted in: \(line)")
        }
        let sequences: [[String]] = [["j"], ["j", "l", "l"], ["+"], ["L"], ["j", "j", "j"], ["-", "-"], ["/", "a"], ["Escape"], ["H", "k", "k"], ["?"], ["Escape"],
                                     ["n"], ["Escape"], ["Enter"], ["Escape"]]
        var differing: [String] = []
        for keys in sequences {
            for key in keys { try tmux.keys(key) }
            Thread.sleep(forTimeInterval: 0.35)
            let incremental = try tmux.screen()
            try tmux.keys("C-l")
            Thread.sleep(forTimeInterval: 0.35)
            if try tmux.screen() != incremental { differing.append(keys.joined(separator: " ")) }
        }
        #expect(differing.isEmpty, "Ctrl-L changed the screen after: \(differing)")
        #expect(try tmux.screen().contains("Evil \\u{202e}Stage"))
    }

    /// `slate --demo` opens an existing demo rather than wiping practice work, and shows a
    /// busy week first.
    /// DESIGN §7: a cursor step along a row sends at most 120 bytes on average, in day and
    /// week zoom, over a row where bookings and free time alternate (the pane changes with
    /// every step). Counted from what the program wrote to its terminal (pipe-pane).
    @Test func aCursorStepAlongARowSendsFewBytes() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let now = ["SLATE_NOW": "2026-11-30T06:00:00Z"]
        let db = try northWorkspace("steps.slate", rooms: ["Stage A"], environment: now)
        for day in ["2026-11-30", "2026-12-01"] {
            for hour in ["00", "06", "12", "18"] {
                let from = "\(day)T\(hour):10", to = "\(day)T\(String(format: "%02d", Int(hour)! + 2)):10"
                #expect(try Binary.run(["book", "Stage A", "--from", from, "--to", to, "--db", db], environment: now).code == 0)
            }
        }
        let output = Scratch.directory("slate-e2e") + "/steps.out"
        try tmux.start("env -u NO_COLOR LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-11-30T06:00:00Z \(Binary.path) --db \(db); sleep 30", width: 120, height: 40)
        #expect(try tmux.wait(for: "Stage A") != nil, "\(tmux.shown)")
        try tmux.run(["pipe-pane", "-o", "-t", tmux.session, "cat >> \(output)"])
        func written() -> Int { ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0 }
        /// Waits until the program has written what a key caused: the count grows, then stays still.
        func settled(after before: Int) -> Int {
            var last = before, still = 0, waited = 0
            while waited < 100 && (last == before || still < 4) {
                Thread.sleep(forTimeInterval: 0.05)
                waited += 1
                let now = written()
                still = now == last ? still + 1 : 0
                last = now
            }
            return last
        }
        for (zoom, label) in [("day", "Mon, Nov 30"), ("week", "Week Mon, Nov 30")] {
            try tmux.keys(":", "zoom \(zoom)", "Enter", ":", "goto 2026-11-30", "Enter")
            #expect(try tmux.wait(for: label) != nil, "\(tmux.shown)")
            var total = written()
            total = settled(after: total - 1)
            let start = total
            var sawBooking = false, sawFree = false
            for _ in 0..<12 {
                try tmux.keys("l")
                total = settled(after: total)
                let screen = try tmux.screen()
                sawBooking = sawBooking || screen.contains("confirmed, held by")
                sawFree = sawFree || screen.contains("  free")
            }
            let perStep = (total - start) / 12
            #expect(perStep <= 120, "\(zoom): \(perStep) bytes per step")
            #expect(perStep > 20, "\(zoom): \(perStep) bytes per step: the steps were not drawn")
            #expect(sawBooking && sawFree, "\(zoom): the steps should cross bookings and free time:\n\(tmux.shown)")
        }
    }

    @Test func theDemoOpensWhereTheWorkIsAndKeepsPracticeWork() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/demo.slate"
        #expect(try Binary.run(["demo", "--db", db]).code == 0)
        let practice = try Binary.run(["hold", "Stage A", "--from", "2027-03-03T10:00", "--to", "2027-03-03T11:00", "--db", db, "--json"])
        #expect(practice.code == 0, "\(practice.err)")
        #expect(try Binary.run(["demo", "--db", db]).code == 1)
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color \(Binary.path) --demo --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        #expect(try tmux.screen().contains("█"), "the first screen should show bookings:\n\(tmux.shown)")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
        let holds = try DatabaseQueue(path: db).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings WHERE start_at >= strftime('%s', '2027-03-01')")
        }
        #expect(holds == 1, "--demo replaced the practice workspace")
        #expect(try Binary.run(["demo", "--fresh", "--db", db]).code == 0)
    }

    /// The timeline on the demo: open it, move a phase with cascade (plan, then y), undo.
    @Test func aCascadeMoveOnTheDemoTimelineAndItsUndo() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/timeline.slate"
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        #expect(try Binary.run(["demo", "--db", db], environment: now).code == 0)
        let before = try Binary.run(["project", "schedule", "Fashion week live", "--db", db], environment: now).out
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("1")
        #expect(try tmux.wait(for: "Album: Low Tide") != nil, "the timeline did not open:\n\(tmux.shown)")
        // Close the first two projects, go to Fashion week live's first phase
        try tmux.keys("Enter", "j", "Enter", "j", "j")
        #expect(try tmux.wait(for: "Brief & treatment · ph-") != nil, "\(tmux.shown)")
        try tmux.keys("M", "l")
        #expect(try tmux.wait(for: "Moves 'Brief & treatment'") != nil, "no live preview:\n\(tmux.shown)")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "Apply the cascade") != nil, "\(tmux.shown)")
        try tmux.keys("y")
        #expect(try tmux.wait(for: "Saved the phase. Moved:") != nil, "\(tmux.shown)")
        let moved = try Binary.run(["project", "schedule", "Fashion week live", "--db", db], environment: now).out
        #expect(moved != before)
        try tmux.keys("u")
        #expect(try tmux.wait(for: "Undone: cascade phase") != nil, "\(tmux.shown)")
        #expect(try Binary.run(["project", "schedule", "Fashion week live", "--db", db], environment: now).out == before)
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }

    /// The dashboard on the demo during a show: it is live, Enter opens its card; a schedule
    /// sent back from another terminal leaves "waiting for a decision" without a key pressed.
    @Test func theDashboardShowsWhatIsOnAirAndFollowsAnotherTerminal() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/dashboard.slate"
        // The demo's first show is the next day at 10:00 Paris: look at 10:30 that day
        #expect(try Binary.run(["demo", "--db", db], environment: ["SLATE_NOW": "2026-12-01T08:00:00Z"]).code == 0)
        let now = ["SLATE_NOW": "2026-12-02T09:30:00Z"]
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-02T09:30:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("6")
        #expect(try tmux.wait(for: "Live now (1)") != nil, "the dashboard did not open:\n\(tmux.shown)")
        #expect(try tmux.screen().contains("Acme Beauty live #1 · Stage A until 12:00 Paris"), "\(tmux.shown)")
        try tmux.keys("j", "Enter")
        #expect(try tmux.wait(for: "History") != nil, "Enter did not open the show's card:\n\(tmux.shown)")
        try tmux.keys("Escape")
        // Down to the schedule waiting for the client
        for _ in 0..<40 where !(try tmux.screen().contains("Waiting for a decision (1)")) { try tmux.keys("j") }
        #expect(try tmux.wait(for: "Waiting for a decision (1)") != nil, "\(tmux.shown)")
        let schedules = try Binary.run(["schedule", "list", "--json", "--db", db], environment: now).out
        let proposed = try #require((try JSONSerialization.jsonObject(with: Data(schedules.utf8)) as? [[String: Any]])?.first { $0["status"] as? String == "proposed" }?["uid"] as? String)
        #expect(try Binary.run(["schedule", "send-back", proposed, "--db", db], environment: now).code == 0)
        var gone = false
        for _ in 0..<20 where !gone {
            gone = !(try tmux.screen().contains("Waiting for a decision"))
            if !gone { Thread.sleep(forTimeInterval: 0.25) }
        }
        #expect(gone, "the dashboard did not follow the other terminal:\n\(tmux.shown)")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }

    /// The directory's walk: find a French-speaking host free on a date, open the card, book
    /// them; the booking is the command line's too.
    @Test func findAFrenchSpeakingHostFreeOnADateOpenTheCardAndBookThem() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/directory.slate"
        let now = ["SLATE_NOW": "2026-12-02T08:00:00Z"]
        #expect(try Binary.run(["demo", "--db", db], environment: now).code == 0)
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-02T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("5")
        #expect(try tmux.wait(for: "Talent 40") != nil, "the directory did not open:\n\(tmux.shown)")
        try tmux.keys("M")
        #expect(try tmux.wait(for: "Find talent") != nil, "\(tmux.shown)")
        try tmux.keys("french,hosting", "Down", "Down", "2026-12-03T09:00", "Down", "2026-12-03T18:00", "Down", "2h", "Enter")
        #expect(try tmux.wait(for: "Talent for french,hosting") != nil, "no matches:\n\(tmux.shown)")
        let best = try Binary.run(["talent", "match", "--skills", "french,hosting", "--from", "2026-12-03T09:00", "--to", "2026-12-03T18:00", "--for", "2h", "--json", "--db", db],
                                  environment: now).out
        let first = try #require((try JSONSerialization.jsonObject(with: Data(best.utf8)) as? [[String: Any]])?.first)
        let name = try #require(first["name"] as? String), uid = try #require(first["uid"] as? String)
        let slot = try #require((first["free_slots"] as? [String])?.first)
        #expect(try tmux.screen().contains(" 1. \(name)"), "the view and the command line rank alike:\n\(tmux.shown)")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "This week") != nil, "Enter did not open the card:\n\(tmux.shown)")
        #expect(try tmux.screen().contains(uid))
        try tmux.keys("b")
        #expect(try tmux.wait(for: "Resource") != nil, "b did not open the booking form:\n\(tmux.shown)")
        // The form opens on the first free slot, two hours long; Kind toggles to a confirmed booking
        try tmux.keys("Down", "Down", "Down", "Down", "Down", "Space", "Enter")
        #expect(try tmux.wait(for: "Placed confirmed") != nil, "\(tmux.shown)")
        // The slot reads `jeu. 3 déc. 09:00–18:00 Paris`: its start is that day at that time.
        let start = "2026-12-03T" + (slot.split(separator: " ").dropFirst(3).first?.prefix(5) ?? "")
        let listed = try Binary.run(["booking", "list", "--resource", uid, "--from", "2026-12-03T00:00", "--to", "2026-12-04T00:00", "--json", "--db", db], environment: now).out
        let bookings = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(bookings.contains { $0["status"] as? String == "confirmed" && (($0["start"] as? [String: Any])?["local"] as? String)?.hasPrefix(start) == true },
                "\(listed)\n\(tmux.shown)")
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }

    /// A show completed and invoiced from another terminal appears on the dashboard with the
    /// month's booked revenue; Enter shows the invoice.
    @Test func aCompletedShowInvoicedElsewhereAppearsOnTheDashboard() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/money.slate"
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        func slate(_ arguments: [String]) throws -> String {
            let result = try Binary.run(arguments + ["--db", db], environment: now)
            #expect(result.code == 0, "\(arguments): \(result.err)")
            return result.out.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        _ = try slate(["init", "--studio", "North", "--tz", "Europe/Paris", "--currency", "EUR", "--locale", "fr_FR"])
        _ = try slate(["room", "add", "Stage A"])
        _ = try slate(["rate", "set", "Stage A", "120", "--per", "hour"])
        _ = try slate(["client", "add", "Acme"])
        let added = try slate(["show", "add", "Launch", "--client", "Acme", "--room", "Stage A", "--from", "2026-12-01T08:00", "--to", "2026-12-01T09:30", "--json"])
        let show = try #require((try JSONSerialization.jsonObject(with: Data(added.utf8)) as? [String: Any])?["result"] as? String)
        for step in ["confirm", "live"] { _ = try slate(["show", step, show]) }
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("6")
        #expect(try tmux.wait(for: "booked this month: 180") != nil, "\(tmux.shown)")
        _ = try slate(["show", "complete", show])
        _ = try slate(["invoice", "create", "--show", show])
        #expect(try tmux.wait(for: "Invoices to send or collect (1)") != nil, "the dashboard did not follow the invoice:\n\(tmux.shown)")
        #expect(try tmux.screen().contains("F-2026-0001 · Acme · 180"), "\(tmux.shown)")
        // The note that nothing is urgent, the heading, then the invoice
        try tmux.keys("g", "j", "j")
        #expect(try tmux.wait(for: "Enter shows the invoice") != nil, "\(tmux.shown)")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "Launch · Stage A · mar. 1 déc. 08:00–09:30") != nil, "Enter did not show the invoice:\n\(tmux.shown)")
        try tmux.keys("Escape", "q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }

    /// The task view on the demo: confirm a show, see its checklist, complete what blocks
    /// it (L names it and the cursor goes there), and the show goes live.
    @Test func completeTheRequiredTasksOfAConfirmedShowAndGoLive() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/tasks.slate"
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        #expect(try Binary.run(["demo", "--db", db], environment: now).code == 0)
        let shows = try JSONSerialization.jsonObject(with: Data(try Binary.run(["show", "list", "--json", "--db", db], environment: now).out.utf8)) as? [[String: Any]] ?? []
        var confirmed: (uid: String, title: String)?
        for show in shows where show["status"] as? String == "draft" {
            guard let uid = show["uid"] as? String, let title = show["title"] as? String else { continue }
            if try Binary.run(["show", "confirm", uid, "--db", db], environment: now).code == 0 { confirmed = (uid, title); break }
        }
        let show = try #require(confirmed)
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("4")
        #expect(try tmux.wait(for: "Tasks · by show") != nil, "the task view did not open:\n\(tmux.shown)")
        try tmux.keys("/")
        try tmux.keys(show.title)
        try tmux.keys("Enter", "g")
        #expect(try tmux.wait(for: "▾ \(show.title)") != nil, "\(tmux.shown)")
        var live = false
        for _ in 0..<6 {
            try tmux.keys("L", "y")
            if try tmux.wait(for: "is live", timeout: 1.5) != nil { live = true; break }
            #expect(try tmux.wait(for: "cannot become live") != nil, "\(tmux.shown)")
            try tmux.keys("Space")
            #expect(try tmux.wait(for: "Completed tk-") != nil, "\(tmux.shown)")
        }
        #expect(live, "the show never went live:\n\(tmux.shown)")
        let status = try Binary.run(["show", "list", "--json", "--db", db], environment: now).out
        #expect(status.contains("\"uid\":\"\(show.uid)\"") && status.contains("\"status\":\"live\""))
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }

    @Test func planAScheduleOnTheDraftBoardFixItsClashConfirmAndUndo() throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let db = Scratch.directory("slate-e2e") + "/board.slate"
        let now = ["SLATE_NOW": "2026-12-01T08:00:00Z"]
        #expect(try Binary.run(["demo", "--db", db], environment: now).code == 0)
        try tmux.start("env LC_ALL=C.UTF-8 TERM=xterm-256color SLATE_NOW=2026-12-01T08:00:00Z \(Binary.path) --db \(db); echo SLATE-EXITED-$?; sleep 30")
        #expect(try tmux.wait(for: "Booking grid") != nil, "\(tmux.shown)")
        try tmux.keys("3")
        #expect(try tmux.wait(for: "Draft board · schedules") != nil, "\(tmux.shown)")
        // A new schedule, typed in its form.
        try tmux.keys("n")
        try tmux.keys("-l", "Winter pop-ups")
        try tmux.keys("Down")
        try tmux.keys("-l", "Acme Beauty")
        try tmux.keys("Down")
        try tmux.keys("-l", "North Light Studios")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "Winter pop-ups · Acme Beauty") != nil, "\(tmux.shown)")
        // Five drafts: Wednesday 10:00 in Stage A, where Acme Beauty live #1 is booked; then
        // four evenings, Thursday to Monday (Sunday is closed).
        for (index, days) in [1, 1, 1, 1, 2].enumerated() {
            for _ in 0..<days { try tmux.keys("l") }
            try tmux.keys("n")
            try tmux.keys("-l", "Pop-up \(index + 1)")
            try tmux.keys("Down")
            if index > 0 {
                try tmux.keys("BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
                try tmux.keys("-l", "21:00")
                try tmux.keys("Down", "BSpace", "BSpace", "BSpace", "BSpace", "BSpace")
                try tmux.keys("-l", "22:00")
                try tmux.keys("Down")
            } else {
                try tmux.keys("Down", "Down")
            }
            try tmux.keys("-l", "Stage A")
            try tmux.keys("Enter")
            #expect(try tmux.wait(for: "Added draft Pop-up \(index + 1)") != nil, "\(tmux.shown)")
        }
        #expect(try tmux.wait(for: "5 shows · 1 clashing") != nil, "\(tmux.shown)")
        // The clash list takes the cursor to the clashing draft; s finds it a free time.
        try tmux.keys("c")
        #expect(try tmux.wait(for: "Stage A is booked mer. 2 déc. 10:00–12:00") != nil, "\(tmux.shown)")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "Pop-up 1 (sh-") != nil, "\(tmux.shown)")
        try tmux.keys("s")
        #expect(try tmux.wait(for: "Free times, nearest first") != nil, "\(tmux.shown)")
        try tmux.keys("Enter")
        #expect(try tmux.wait(for: "Saved show") != nil, "\(tmux.shown)")
        #expect(!(try tmux.screen()).contains("clashing"), "\(tmux.shown)")
        try tmux.keys("P")
        #expect(try tmux.wait(for: "Proposed sc-") != nil, "\(tmux.shown)")
        try tmux.keys("C")
        #expect(try tmux.wait(for: "The plan · y applies it") != nil, "\(tmux.shown)")
        #expect(try tmux.screen().contains("books 5 shows at once, or none: 5 bookings"), "\(tmux.shown)")
        try tmux.keys("y")
        #expect(try tmux.wait(for: "Confirmed sc-") != nil, "\(tmux.shown)")
        func showBookings() throws -> Int {
            let list = try Binary.run(["booking", "list", "--json", "--from", "2026-12-01T00:00", "--to", "2026-12-09T00:00", "--db", db], environment: now).out
            let rows = try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]] ?? []
            return rows.filter { ($0["show_title"] as? String)?.hasPrefix("Pop-up") == true && $0["status"] as? String == "confirmed" }.count
        }
        #expect(try showBookings() == 5)
        // The grid shows them: Stage A on Wednesday names the show.
        try tmux.keys("2")
        #expect(try tmux.wait(for: "Stage A") != nil, "\(tmux.shown)")
        try tmux.keys("u")
        #expect(try tmux.wait(for: "Undone: confirm schedule Winter pop-ups") != nil, "\(tmux.shown)")
        #expect(try showBookings() == 0)
        try tmux.keys("q")
        #expect(try tmux.wait(for: "SLATE-EXITED-0") != nil)
    }
}
