// Measures the performance targets of DESIGN §7 that the domain library owns.
// Build and run in release mode:  swift run -c release SlateBenchmarks [--quick]
// It prints figures; it asserts nothing.

import Foundation
import GRDB
import SlateCore
import SlateStore
import SlateTUI

let arguments = CommandLine.arguments
let quick = arguments.contains("--quick")
let sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000]
let attemptsNormal = quick ? 5_000 : 20_000
let attemptsFull = quick ? 500 : 3_000
let resourceCount = 500
let hour: Int64 = 3600
let base: Int64 = 1_800_000_000 - 1_800_000_000 % 86_400
let spacing = 6 * hour

struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func fmt(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

/// A workspace with 500 rooms and `existing` confirmed bookings (one hour every six hours per room).
func makeWorkspace(existing: Int, durability: Workspace.Durability) throws -> (Workspace, Session, [String], String) {
    let directory = NSTemporaryDirectory() + "slate-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/bench.slate"
    let clock = Clock.fixed(base - 86_400)
    _ = try Workspace.initialize(at: path, setup: WorkspaceSetup(workspaceName: "Bench", studioName: "Bench", timeZone: "UTC", founderLogin: "bench", founderName: "Bench"), clock: clock)
    let seed = try DatabaseQueue(path: path)
    var rooms: [String] = []
    try seed.write { db in
        for index in 1...resourceCount {
            let resource = Int64(index)
            try db.execute(sql: "INSERT INTO resources (id, uid, created_at, updated_at, studio_id, kind, name) VALUES (?, ?, 0, 0, 1, 'room', ?)",
                           arguments: [resource, PublicID.make(prefix: "rm", id: resource), "Room \(index)"])
            let uid = PublicID.make(prefix: "rm", id: resource)
            try db.execute(sql: "INSERT INTO rooms (id, uid, created_at, updated_at, studio_id, resource_id, name) VALUES (?, ?, 0, 0, 1, ?, ?)",
                           arguments: [resource, uid, resource, "Room \(index)"])
            rooms.append(uid)
        }
        let statement = try db.makeStatement(sql: """
            INSERT INTO bookings (id, uid, created_at, updated_at, resource_id, holder_id, status, start_at, end_at, placed_at)
            VALUES (?, ?, 0, 0, ?, 1, 'confirmed', ?, ?, 0)
            """)
        let perResource = max(1, existing / resourceCount)
        var id: Int64 = 0
        for slot in 0..<perResource {
            for resource in 1...resourceCount {
                id += 1
                let start = base + Int64(slot) * spacing + Int64(resource % 6) * 600
                try statement.execute(arguments: [id, PublicID.make(prefix: "bk", id: id), Int64(resource), start, start + hour])
            }
        }
        try db.execute(sql: "ANALYZE")
    }
    try seed.close()
    var options = Workspace.Options()
    options.durability = durability
    let workspace = try Workspace.open(at: path, options: options)
    return (workspace, Session(workspace: workspace, login: "bench", clock: clock), rooms, path)
}

func bookingAttempts(existing: Int, durability: Workspace.Durability, attempts: Int) throws {
    let (_, session, rooms, path) = try makeWorkspace(existing: existing, durability: durability)
    var random = Random(state: 42)
    let span = Int64(max(1, existing / resourceCount)) * spacing
    var latencies: [Double] = []
    latencies.reserveCapacity(attempts)
    var refused = 0
    let started = DispatchTime.now().uptimeNanoseconds
    var measured: UInt64 = 0
    for _ in 0..<attempts {
        let start = base + Int64(random.next(Int(span / 600))) * 600
        let placement = BookingPlacement(resource: rooms[random.next(rooms.count)], start: .instant(start), end: .instant(start + hour), status: .confirmed)
        let t0 = DispatchTime.now().uptimeNanoseconds
        do { _ = try session.place(placement) } catch SlateError.refused { refused += 1 }
        let t1 = DispatchTime.now().uptimeNanoseconds
        measured += t1 - t0
        latencies.append(Double(t1 - t0) / 1000)
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    latencies.sort()
    let rate = Double(attempts) / (Double(measured) / 1e9)
    print("  \(durability.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) existing \(String(existing).padding(toLength: 8, withPad: " ", startingAt: 0)) attempts \(attempts): \(fmt(rate, 0))/s (wall \(fmt(Double(attempts) / wall, 0))/s), p50 \(fmt(percentile(latencies, 0.5))) µs, p99 \(fmt(percentile(latencies, 0.99))) µs, p99.9 \(fmt(percentile(latencies, 0.999))) µs, clashing \(fmt(100 * Double(refused) / Double(attempts)))%")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

func confirmSchedule(shows: Int, existing: Int = 10_000) throws {
    let (workspace, session, rooms, path) = try makeWorkspace(existing: existing, durability: .normal)
    let client = try session.addClient(name: "Client").value
    let template = try session.addTemplate(name: "Checklist").value
    for (title, type) in [("Brief", TaskItemType.preProduction), ("Go-live", .production), ("Clips", .postProduction)] {
        _ = try session.addTemplateItem(template: template, title: title, type: type, required: true)
    }
    // Five schedules alike, a day apart, so that each round confirms a schedule as a
    // coordinator would: drafts never confirmed before (an undone confirmation leaves its
    // bookings and tasks behind as deleted rows, which a sixth confirmation of the same
    // shows would step over).
    let rounds = arguments.contains("--profile-confirm") ? 1 : 5
    let first = base + Int64(max(1, existing / resourceCount)) * spacing + 86_400
    var schedules: [String] = []
    for round in 0..<rounds {
        let schedule = try session.addSchedule(client: client, name: "Season \(round + 1)").value
        for index in 0..<shows {
            let start = first + Int64(round) * 86_400 + Int64(index / rooms.count) * 2 * hour
            _ = try session.addShow(ShowInput(client: client, schedule: schedule, room: rooms[index % rooms.count], title: "Show \(index)", start: .instant(start), end: .instant(start + hour)))
        }
        _ = try session.setScheduleStatus(schedule, to: .proposed)
        schedules.append(schedule)
    }
    let schedule = schedules[0]
    workspace.checkpoint()
    if arguments.contains("--profile-confirm") {
        // For `perf record -p` once the line below is out: the confirmation alone, planned
        // (rolled back) fifty times.
        print("  planning the confirmation 50 times (pid \(ProcessInfo.processInfo.processIdentifier))")
        fflush(nil)
        var times: [Double] = [], cpu: [Double] = []
        for _ in 0..<50 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let c0 = threadCPUMilliseconds()
            _ = try session.setScheduleStatus(schedule, to: .confirmed, plan: true)
            cpu.append(threadCPUMilliseconds() - c0)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        cpu.sort()
        print("  confirmation plan of \(shows) shows x50: p50 \(fmt(percentile(times, 0.5))) ms, min \(fmt(times.first ?? 0)) ms; CPU p50 \(fmt(percentile(cpu, 0.5))) ms, min \(fmt(cpu.first ?? 0)) ms")
        return
    }
    // The draft board: load the schedule (with every draft's clashes), then draw it.
    let load0 = DispatchTime.now().uptimeNanoseconds
    let board = try session.board(schedule: schedule)
    let load1 = DispatchTime.now().uptimeNanoseconds
    var state = AppState(width: 120, height: 40, now: first, zone: LocalTime.cached("UTC") ?? LocalTime(timeZone: .gmt), workspaceName: "Bench", user: "bench")
    _ = update(&state, .key(.char("3")))
    _ = update(&state, .boardLoaded(board))
    var renders: [Double] = []
    for step in 0..<200 {
        _ = update(&state, .key(.char(step % 20 == 19 ? "l" : "j")))
        let r0 = DispatchTime.now().uptimeNanoseconds
        _ = render(state)
        renders.append(Double(DispatchTime.now().uptimeNanoseconds - r0) / 1e6)
    }
    renders.sort()
    print("  draft board of \(shows) shows: load with clashes \(fmt(Double(load1 - load0) / 1e6)) ms; render 120x40 p50 \(fmt(percentile(renders, 0.5), 2)) ms, max \(fmt(renders.last ?? 0, 2)) ms (target < 16)")
    // Each measured five times, once per schedule (this machine's CPU is shared: the
    // minimum is the figure least disturbed); each confirmation is undone, as one step.
    // Also the thread's CPU time: wall time on this shared machine adds the waits for a core.
    var cpu: [String: [Double]] = [:]
    func timed<T>(_ what: String = "", _ body: () throws -> T) rethrows -> (T, Double) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let c0 = threadCPUMilliseconds()
        let value = try body()
        cpu[what, default: []].append(threadCPUMilliseconds() - c0)
        return (value, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    var worded: [Double] = [], plans: [Double] = [], confirms: [Double] = [], undos: [Double] = []
    var listed = 0, rows = 0, tasks = 0
    for schedule in schedules {
        let (structured, wordedTime) = try timed { try session.confirmationPlan(schedule: schedule) }
        let (plan, planTime) = try timed("plan") { try session.setScheduleStatus(schedule, to: .confirmed, plan: true) }
        let (outcome, confirmTime) = try timed("confirm") { try session.setScheduleStatus(schedule, to: .confirmed) }
        worded.append(wordedTime)
        plans.append(planTime)
        confirms.append(confirmTime)
        listed = structured.bookings.count
        rows = plan.changes.count
        tasks = outcome.changes.filter { $0.table == "tasks" && $0.action == .insert }.count
        undos.append(try timed { try session.undo() }.1)
        workspace.checkpoint()
    }
    func figure(_ times: [Double]) -> String {
        let sorted = times.sorted()
        return "min \(fmt(sorted.first ?? 0)) ms, p50 \(fmt(percentile(sorted, 0.5))) ms"
    }
    print("  confirm a schedule of \(shows) draft shows (\(existing) bookings): \(figure(confirms)) for \(rows) row changes, \(tasks) tasks generated (target < 100); CPU \(figure(cpu["confirm"] ?? []))")
    print("    its plan, rolled back: \(figure(plans)) (target < 120), CPU \(figure(cpu["plan"] ?? [])); the board's worded plan (\(listed) bookings listed): \(figure(worded))")
    print("    undone as one step: \(figure(undos))")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

// `--make-workspace PATH COUNT`: leave a seeded workspace for the terminal measurements
// of Benchmarks/terminal.sh (bytes per cursor step, first frame, resident memory).
if let index = arguments.firstIndex(of: "--make-workspace"), arguments.count > index + 2, let count = Int(arguments[index + 2]) {
    let (_, _, _, path) = try makeWorkspace(existing: count, durability: .normal)
    try FileManager.default.moveItem(atPath: path, toPath: arguments[index + 1])
    print("middle of the seeded period: \(LocalTime(timeZone: .gmt).format(base + Int64(count / resourceCount) * spacing / 2))")
    exit(0)
}

print("Slate benchmarks (DESIGN §7) — \(ProcessInfo.processInfo.processorCount) cores")
if arguments.contains("--plans-only") {
    try planFigures()
    exit(0)
}
if let index = arguments.firstIndex(of: "--workload") {
    let count = arguments.count > index + 1 ? Int(arguments[index + 1]) ?? 100_000 : 100_000
    try workloadFigures(count: count)
    exit(0)
}
if arguments.contains("--profile-confirm") {
    try confirmSchedule(shows: 1000, existing: quick ? 10_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--confirm-only") {
    try confirmSchedule(shows: 1000)
    if !quick { try confirmSchedule(shows: 1000, existing: 1_000_000) }
    try suggestFigure()
    exit(0)
}
if arguments.contains("--money-only") {
    try invoiceFigure(shows: 500)
    try dashboardFigure(existing: quick ? 10_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--directory-only") {
    try directoryFigures(talent: quick ? 1_000 : 10_000, bookings: quick ? 100_000 : 1_000_000, communications: quick ? 100_000 : 1_000_000)
    exit(0)
}
if arguments.contains("--transfer-only") {
    try transferFigures()
    exit(0)
}
if arguments.contains("--tasks-only") {
    try taskFigures()
    exit(0)
}
if arguments.contains("--process-only") {
    try processFigure()
    exit(0)
}
if arguments.contains("--grid-only") {
    for size in quick ? [10_000] : [10_000, 1_000_000] { try gridFigures(existing: size) }
    exit(0)
}
print("Sustained booking attempts, each its own command (access check, conflict check, audit, commit), \(resourceCount) resources:")
for size in sizes {
    try bookingAttempts(existing: size, durability: .normal, attempts: attemptsNormal)
    if !arguments.contains("--attempts-only") { try bookingAttempts(existing: size, durability: .full, attempts: attemptsFull) }
}
if !arguments.contains("--attempts-only") {
    print("Schedule confirmation (rule 6, one transaction):")
    try confirmSchedule(shows: 1000)
    if !quick { try confirmSchedule(shows: 1000, existing: 1_000_000) }
    print("Booking grid (query + render, 120x40, one week of \(resourceCount) resources, read as the program reads it):")
    for size in quick ? [10_000] : [10_000, 1_000_000] { try gridFigures(existing: size) }
    try memoryFigure(existing: quick ? 10_000 : 100_000)
    try planFigures()
    try taskFigures()
    try suggestFigure()
    try transferFigures()
    try processFigure()
    print("The dashboard and invoices:")
    try invoiceFigure(shows: 500)
    try dashboardFigure(existing: quick ? 10_000 : 1_000_000)
    print("The directory:")
    try directoryFigures(talent: quick ? 1_000 : 10_000, bookings: quick ? 100_000 : 1_000_000, communications: quick ? 100_000 : 1_000_000)
}

/// CPU time of the calling thread: on this shared machine wall time also counts the
/// time another tenant had the core.
func threadCPUMilliseconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) / 1e6
}

func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
          let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kb / 1024
}

/// Start to first frame (open, load resources and a week, render) and one week's query + render.
/// The dashboard's first frame (read + render at 120x40) in the middle of a workspace's bookings.
func dashboardFigure(existing: Int) throws {
    let (workspace, session, rooms, path) = try makeWorkspace(existing: existing, durability: .normal)
    _ = workspace
    for room in rooms.prefix(50) { _ = try session.setRate(resource: room, minor: 10_000, per: .hour) }
    let middle = base + Int64(existing / resourceCount) * spacing / 2
    let viewer = Session(workspace: try Workspace.open(at: path), login: "bench", clock: .fixed(middle))
    var times: [Double] = []
    var items = 0
    for _ in 0..<5 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        var state = AppState(width: 120, height: 40, now: middle, zone: LocalTime.cached("UTC") ?? LocalTime(timeZone: .gmt), workspaceName: "Bench", user: "bench")
        _ = update(&state, .key(.char("6")))
        let dashboard = try viewer.dashboard()
        _ = update(&state, .dashboardLoaded(dashboard))
        _ = render(state)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        items = state.dashboard.lines.count
    }
    times.sort()
    print("  dashboard first frame, \(existing) bookings (\(items) lines, utilisation of \(resourceCount) rooms, the month's revenue): min \(fmt(times.first ?? 0)) ms, p50 \(fmt(percentile(times, 0.5))) ms (target < 100)")
    // --keep leaves the workspace to profile its queries (at the printed path and time).
    if arguments.contains("--keep") { return print("  kept at \(path), now \(middle)") }
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

/// An invoice for a client's month of 500 completed shows, each with a room booking at a rate.
func invoiceFigure(shows: Int) throws {
    let (workspace, session, rooms, path) = try makeWorkspace(existing: 10_000, durability: .normal)
    _ = workspace
    let client = try session.addClient(name: "Client").value
    for room in rooms.prefix(20) { _ = try session.setRate(resource: room, minor: 12_000, per: .hour) }
    let first = base + Int64(10_000 / resourceCount) * spacing + 86_400
    let schedule = try session.addSchedule(client: client, name: "Month").value
    for index in 0..<shows {
        let start = first + Int64(index / 20) * 2 * hour
        _ = try session.addShow(ShowInput(client: client, schedule: schedule, room: rooms[index % 20], title: "Show \(index)", start: .instant(start), end: .instant(start + hour)))
    }
    _ = try session.setScheduleStatus(schedule, to: .proposed)
    _ = try session.setScheduleStatus(schedule, to: .confirmed)
    // The shows as if they had been on air (setting 500 statuses one command each adds nothing here).
    try DatabaseQueue(path: path).write { db in
        try db.execute(sql: "UPDATE shows SET status = 'completed' WHERE schedule_id = (SELECT id FROM schedules WHERE uid = ?)", arguments: [schedule])
    }
    var times: [Double] = []
    var total = ""
    for round in 0..<5 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let invoice = try session.invoiceClient(client, from: .instant(first - 86_400), to: .instant(first + 60 * 86_400)).value
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        total = try session.invoice(invoice).invoice.total.text
        if round < 4 { _ = try session.undo() }
    }
    times.sort()
    print("  invoice for a client's \(shows) completed shows (a line each, tax, totals, audit): min \(fmt(times.first ?? 0)) ms, p50 \(fmt(percentile(times, 0.5))) ms, total \(total) (target < 50)")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

func gridFigures(existing: Int) throws {
    let (workspace, _, _, path) = try makeWorkspace(existing: existing, durability: .normal)
    _ = workspace
    let middle = base + Int64(existing / resourceCount) * spacing / 2
    let t0 = DispatchTime.now().uptimeNanoseconds
    let opened = try Workspace.open(at: path)
    let session = Session(workspace: opened, login: "bench", clock: .fixed(middle))
    var state = AppState(width: 120, height: 40, now: middle, zone: LocalTime.cached("UTC") ?? LocalTime(timeZone: .gmt), workspaceName: "Bench", user: "bench")
    _ = update(&state, .resourcesLoaded(try session.gridResources()))
    _ = update(&state, .windowLoaded(try session.gridWindow(resources: state.grid.resources, window: state.grid.period), state.grid.period, Set(state.grid.resources.map(\.uid))))
    _ = render(state)
    let t1 = DispatchTime.now().uptimeNanoseconds
    // Each week as the program shows it: the effect the grid asks for when its week changes
    // (it reads the rows on screen and a screen above and below), loaded, then drawn.
    let runner = EffectRunner(session: session)
    var samples: [Double] = [], reads: [Double] = [], updates: [Double] = [], everyRow: [Double] = []
    let first = state.grid.period
    for week in 0..<(existing >= 100_000 ? 20 : 1) {
        let period = Interval(start: first.start + Int64(week) * 7 * 86_400, end: first.end + Int64(week) * 7 * 86_400)
        let s0 = DispatchTime.now().uptimeNanoseconds
        state.grid.anchor = period.start
        let actions = runner.run(.loadWindow(state.grid.period), state: state)
        let s1 = DispatchTime.now().uptimeNanoseconds
        for action in actions { _ = update(&state, action) }
        let s2 = DispatchTime.now().uptimeNanoseconds
        _ = render(state)
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - s0) / 1e6)
        reads.append(Double(s1 - s0) / 1e6)
        updates.append(Double(s2 - s1) / 1e6)
        // For comparison: the week of all 500 rows at once (what a filter over every row reads).
        let a0 = DispatchTime.now().uptimeNanoseconds
        _ = try session.gridWindow(resources: state.grid.resources, window: period)
        everyRow.append(Double(DispatchTime.now().uptimeNanoseconds - a0) / 1e6)
    }
    precondition(state.grid.loadedPeriod == state.grid.period, "the grid did not load the week it shows")
    reads.sort()
    updates.sort()
    everyRow.sort()
    let loaded = state.grid.window.bookings.count
    var keys: [Double] = []
    for index in 0..<200 {
        let k0 = DispatchTime.now().uptimeNanoseconds
        _ = update(&state, .key(index % 40 < 20 ? .char("l") : .char("j")))
        _ = render(state)
        keys.append(Double(DispatchTime.now().uptimeNanoseconds - k0) / 1e6)
    }
    // Paging down the 500 rows: each page that leaves the loaded rows reads the next ones.
    var pages: [Double] = []
    for _ in 0..<20 {
        let p0 = DispatchTime.now().uptimeNanoseconds
        for effect in update(&state, .key(.pageDown)) {
            if case .loadWindow = effect { for action in runner.run(effect, state: state) { _ = update(&state, action) } }
        }
        _ = render(state)
        pages.append(Double(DispatchTime.now().uptimeNanoseconds - p0) / 1e6)
    }
    pages.sort()
    samples.sort()
    keys.sort()
    print("  \(existing) bookings: start to first frame \(fmt(Double(t1 - t0) / 1e6)) ms; week query + render p50 \(fmt(percentile(samples, 0.5))) ms, max \(fmt(samples.last ?? 0)) ms (\(loaded) bookings in the last week); key press to new frame p50 \(fmt(percentile(keys, 0.5), 2)) ms, p99 \(fmt(percentile(keys, 0.99), 2)) ms")
    print("    of the week: read p50 \(fmt(percentile(reads, 0.5))) ms (\(state.grid.loadedResources.count) rows: those on screen and a screen above and below), loading it into the grid \(fmt(percentile(updates, 0.5))) ms, the rest drawing; reading all \(state.grid.resources.count) rows' week p50 \(fmt(percentile(everyRow, 0.5))) ms")
    print("    page down through the rows, reading the rows it reaches: p50 \(fmt(percentile(pages, 0.5))) ms, max \(fmt(pages.last ?? 0)) ms")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

/// Resident memory with a workspace open and a week of the grid loaded.
func memoryFigure(existing: Int) throws {
    let (_, _, _, path) = try makeWorkspace(existing: existing, durability: .normal)
    let before = residentMegabytes()
    let session = Session(workspace: try Workspace.open(at: path), login: "bench", clock: .fixed(base + 10 * 86_400))
    var state = AppState(width: 120, height: 40, now: base + 10 * 86_400, zone: LocalTime.cached("UTC") ?? LocalTime(timeZone: .gmt), workspaceName: "Bench", user: "bench")
    _ = update(&state, .resourcesLoaded(try session.gridResources()))
    _ = update(&state, .windowLoaded(try session.gridWindow(resources: state.grid.resources, window: state.grid.period), state.grid.period, Set(state.grid.resources.map(\.uid))))
    _ = render(state)
    print("  resident memory with a \(existing)-booking workspace open in the grid: \(fmt(residentMegabytes())) MB (this benchmark process; \(fmt(before)) MB before opening)")
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

/// A project file of `phases` phases (a tenth fixed, a twentieth milestones) and about 1.5
/// finish-to-start/start-to-start/finish-to-finish dependencies each, as a random DAG.
func projectFile(phases: Int) -> ProjectFile {
    var random = Random(state: UInt64(phases))
    let start = Day(iso: "2027-01-04")!
    var file = ProjectFile(name: "Plan \(phases)", start: start)
    for index in 0..<phases {
        let timing: PhaseTiming = index % 20 == 19 ? .milestone(on: nil)
            : index % 10 == 3 ? .fixed(from: start + index / 4, through: start + index / 4 + random.next(5)) : .days(1 + random.next(8))
        file.phases.append(.init(key: "p\(index)", name: "Phase \(index)", timing: timing))
    }
    var pairs = Set<Int>()
    for _ in 0..<(phases * 3 / 2) {
        let to = 1 + random.next(phases - 1)
        let from = max(0, to - 1 - random.next(30))
        guard pairs.insert(from * phases + to).inserted else { continue }
        file.dependencies.append(.init(from: "p\(from)", to: "p\(to)", kind: [.finishToStart, .finishToStart, .startToStart, .finishToFinish][random.next(4)],
                                       lag: random.next(3)))
    }
    return file
}

/// Runs `slate` as its own process (posix_spawn, standard input from `input` when given,
/// output to a file) and times it to exit.
func runSlate(_ slate: String, _ words: [String], input: String? = nil, output: String) throws -> (Double, String) {
    let argv = ([slate] + words).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let input { posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    guard posix_spawn(&pid, slate, &actions, nil, argv, environ) == 0 else { throw SlateError.storage("cannot start \(slate)") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    guard status == 0 else { throw SlateError.storage("slate \(words.prefix(3).joined(separator: " ")) failed") }
    return (elapsed, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
}

/// The release `slate` built beside this benchmark, or nil after saying how to build it.
func slateBinary() -> String? {
    let slate = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("slate").path
    guard FileManager.default.isExecutableFile(atPath: slate) else {
        print("  (build the slate binary in release mode beside this one to time whole processes: swift build -c release)")
        return nil
    }
    return slate
}

/// Makes the OS account running the benchmark a manager of the bench studio: `slate`
/// processes act as that account.
func letProcessesAct(in session: Session) throws {
    guard let entry = getpwuid(getuid()) else { return }
    _ = try session.addMember(login: String(cString: entry.pointee.pw_name), role: .manager, scope: .studio(try session.studios()[0]["uid"] ?? ""))
}

/// `slate book` of an hour from `start` (UTC, as the bench studio's zone).
func bookWords(_ room: String, at start: Int64) -> [String] {
    ["book", room, "--from", LocalTime(timeZone: .gmt).format(start), "--to", LocalTime(timeZone: .gmt).format(start + hour)]
}

/// A one-command process against `slate --version` (DESIGN §7: within 5 ms): `slate book`
/// on a 100k-booking workspace, each a new slot, timed from spawn to exit.
func processFigure() throws {
    guard let slate = slateBinary() else { return }
    let (_, session, rooms, path) = try makeWorkspace(existing: 100_000, durability: .normal)
    let directory = (path as NSString).deletingLastPathComponent
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try letProcessesAct(in: session)
    let day0 = base + Int64(100_000 / resourceCount + 2) * spacing
    var version: [Double] = [], book: [Double] = []
    for index in 0..<40 {
        version.append(try runSlate(slate, ["--version"], output: directory + "/out.txt").0)
        book.append(try runSlate(slate, bookWords(rooms[index % rooms.count], at: day0 + Int64(index) * 2 * hour) + ["--db", path], output: directory + "/out.txt").0)
    }
    version.sort()
    book.sort()
    let gap = percentile(book, 0.5) - percentile(version, 0.5)
    print("  one-command process: slate --version p50 \(fmt(percentile(version, 0.5))) ms (min \(fmt(version[0]))); slate book on 100k bookings p50 \(fmt(percentile(book, 0.5))) ms (min \(fmt(book[0]))); \(fmt(gap)) ms more (target within 5)")
}

/// Data in and out (issue: recurrence, calendars, import/export, batch): booking commands
/// one process each against `slate batch`, a resource's year as iCalendar, 10,000 CSV rows,
/// and the whole workspace as JSON.
func transferFigures() throws {
    print("Data in and out:")
    let (_, session, rooms, path) = try makeWorkspace(existing: 10_000, durability: .normal)
    let directory = (path as NSString).deletingLastPathComponent
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let day0 = base + Int64(max(1, 10_000 / resourceCount) + 2) * spacing
    func line(_ index: Int) -> [String] { bookWords(rooms[index % rooms.count], at: day0 + Int64(index) * 2 * hour) }
    if let slate = slateBinary() {
        try letProcessesAct(in: session)
        var times: [Double] = []
        for index in 0..<40 { times.append(try runSlate(slate, line(index) + ["--db", path], output: directory + "/out.txt").0) }
        let oneByOne = 1000 / (times.reduce(0, +) / Double(times.count))
        let count = 4_000
        let input = directory + "/batch.txt"
        try (40..<(40 + count)).map { line($0).map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " ") }.joined(separator: "\n")
            .write(toFile: input, atomically: true, encoding: .utf8)
        let (batchTime, output) = try runSlate(slate, ["batch", "--db", path], input: input, output: directory + "/out.txt")
        let ok = output.split(separator: "\n").filter { $0.hasPrefix("ok") }.count
        let rate = Double(count) / batchTime * 1000
        print("  booking commands: one process each \(fmt(oneByOne, 0))/s; slate batch \(fmt(rate, 0))/s (\(ok) of \(count) ok), \(fmt(rate / oneByOne, 0))x (target >= 20x)")
    }
    // A resource's year: 8 bookings a week and a weekly series.
    let room = rooms[rooms.count - 1]
    for week in 0..<52 {
        for slot in 0..<8 {
            let start = day0 + Int64(week * 7 + slot % 5) * 86_400 + Int64(8 + slot) * hour
            _ = try session.place(BookingPlacement(resource: room, start: .instant(start), end: .instant(start + hour), status: slot % 3 == 0 ? .hold : .confirmed))
        }
    }
    _ = try session.placeSeries(BookingPlacement(resource: room, start: .instant(day0 + 20 * hour), end: .instant(day0 + 21 * hour), status: .confirmed),
                                rule: try RecurrenceRule.parse("weekly;count=52"))
    var ics: [Double] = []
    var size = 0
    for _ in 0..<5 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        size = try session.calendar(.resource(room), from: .instant(day0 - 86_400), to: .instant(day0 + 370 * 86_400)).text.utf8.count
        ics.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    ics.sort()
    print("  export ics of a resource's year (416 bookings + a 52-week series): p50 \(fmt(percentile(ics, 0.5))) ms, \(size / 1024) KiB")
    // 10,000 CSV rows of talent and of rooms, each one command.
    for kind in [CSVImportKind.talent, .rooms] {
        var csv = kind == .talent ? "name,role,skills,rate\n" : "name,capacity,equipment notes\n"
        for index in 0..<10_000 {
            csv += kind == .talent ? "Person \(index),host,\"hosting;french\",\(100 + index % 400).00\n" : "CSV room \(index),\(index % 80),\"notes, \"\"quoted\"\"\"\n"
        }
        let t0 = DispatchTime.now().uptimeNanoseconds
        let outcome = try session.importCSV(kind, data: Data(csv.utf8))
        print("  import csv --kind \(kind.rawValue), 10,000 rows: \(fmt(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6, 0)) ms (\(outcome.value.created.count) created, \(outcome.changes.count) row changes)")
    }
    let t0 = DispatchTime.now().uptimeNanoseconds
    let json = try session.exportWorkspace()
    let t1 = DispatchTime.now().uptimeNanoseconds
    _ = try Session.importWorkspace(json, to: directory + "/copy.slate")
    let t2 = DispatchTime.now().uptimeNanoseconds
    print("  export json of the workspace (\(json.utf8.count / 1_048_576) MiB): \(fmt(Double(t1 - t0) / 1e6, 0)) ms; import into a new file \(fmt(Double(t2 - t1) / 1e6, 0)) ms")
}

/// `slate project import` and `slate project schedule --json` as whole processes, the
/// critical path alone, and the timeline's render of a 10,000-phase project.
func planFigures() throws {
    print("Project plans (rule 10):")
    guard let slate = slateBinary() else { return }
    let directory = NSTemporaryDirectory() + "slate-plans-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    func run(_ words: [String], db: Bool = true) throws -> (Double, String) {
        try runSlate(slate, words + (db ? ["--db", directory + "/plans.slate"] : []), output: directory + "/out.txt")
    }
    _ = try run(["init", "--studio", "Plans", "--tz", "Europe/Paris", "--hours", "Mon-Fri 09:00-18:00"])
    let version = try run(["--version"], db: false).0
    for size in [1_000, 10_000] {
        let file = projectFile(phases: size)
        try file.json().write(toFile: directory + "/p\(size).json", atomically: true, encoding: .utf8)
        if arguments.contains("--keep-plans") { try? FileManager.default.copyItem(atPath: directory + "/p\(size).json", toPath: "/tmp/p\(size).json") }
        // The text output ("Imported project NAME (pj-…): …"); --json adds every row change.
        let (importTime, output) = try run(["project", "import", directory + "/p\(size).json"])
        let project = output.split(separator: "(").dropFirst().first.map { String($0.prefix { $0 != ")" }) } ?? ""
        var times: [Double] = []
        for _ in 0..<5 { times.append(try run(["project", "schedule", project, "--json"]).0) }
        times.sort()
        print("  \(size) phases, \(file.dependencies.count) dependencies: import \(fmt(importTime, 0)) ms (target < 1000); schedule --json p50 \(fmt(percentile(times, 0.5), 0)) ms, max \(fmt(times.last ?? 0, 0)) ms (target < 200; `slate --version` \(fmt(version, 0)) ms)")
    }
    // The critical path alone, in process.
    let file = projectFile(phases: 10_000)
    let index = Dictionary(uniqueKeysWithValues: file.phases.enumerated().map { ($1.key, $0) })
    let tasks = file.phases.map { phase -> PlanTask in
        switch phase.timing {
        case .days(let days): PlanTask(duration: days)
        case .fixed(let from, let through): PlanTask(duration: through - from + 1, fixedStart: from.number)
        case .milestone: PlanTask(duration: 0)
        }
    }
    let links = file.dependencies.map { PlanLink(from: index[$0.from]!, to: index[$0.to]!, kind: $0.kind, lag: $0.lag) }
    var cpm: [Double] = []
    for _ in 0..<20 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        _ = try CriticalPath(tasks: tasks, links: links, start: 0)
        cpm.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    cpm.sort()
    print("  critical path of 10,000 phases in process: p50 \(fmt(percentile(cpm, 0.5), 2)) ms")
    // The timeline's render of the 10,000-phase project, scrolling.
    let workspace = try Workspace.open(at: directory + "/plans.slate")
    let login = getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
    let session = Session(workspace: workspace, login: login, clock: Clock { Int64(Date().timeIntervalSince1970) })
    let t0 = DispatchTime.now().uptimeNanoseconds
    let projects = try session.timeline()
    let load = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
    var state = AppState(width: 120, height: 40, now: Int64(Date().timeIntervalSince1970), zone: LocalTime.cached("Europe/Paris")!, workspaceName: "Bench", user: "bench")
    _ = update(&state, .key(.char("1")))
    _ = update(&state, .timelineLoaded(projects))
    var renders: [Double] = []
    for step in 0..<200 {
        _ = update(&state, .key(step % 50 == 49 ? .pageDown : .char("j")))
        let r0 = DispatchTime.now().uptimeNanoseconds
        _ = render(state)
        renders.append(Double(DispatchTime.now().uptimeNanoseconds - r0) / 1e6)
    }
    renders.sort()
    print("  timeline of \(state.timeline.lines.count) lines at 120x40: render p50 \(fmt(percentile(renders, 0.5), 2)) ms, max \(fmt(renders.last ?? 0, 2)) ms (target < 16); load of every plan \(fmt(load, 0)) ms")
}

/// "My tasks" and "overdue" with 100,000 tasks in the workspace: the query and the task
/// view's first frame, as the program does it (load, then render).
func taskFigures() throws {
    print("Task checklists (rules 7 and 9), 100,000 tasks on 20,000 confirmed shows, 10 members:")
    let directory = NSTemporaryDirectory() + "slate-tasks-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/tasks.slate"
    let now = base
    let workspace = try Workspace.initialize(at: path, setup: WorkspaceSetup(workspaceName: "Bench", studioName: "Bench", timeZone: "Europe/Paris",
                                                                             founderLogin: "bench", founderName: "Bench"), clock: .fixed(now))
    let session = Session(workspace: workspace, login: "bench", clock: .fixed(now))
    for index in 1...10 { _ = try session.addMember(login: "m\(index)", role: .member, scope: .studio("Bench")) }
    let client = try session.addClient(name: "Client").value
    let seed = try DatabaseQueue(path: path)
    try seed.write { db in
        let clientID = try Int64.fetchOne(db, sql: "SELECT id FROM clients WHERE uid = ?", arguments: [client]) ?? 1
        let users = try Int64.fetchAll(db, sql: "SELECT id FROM users WHERE login LIKE 'm%' ORDER BY id")
        let show = try db.makeStatement(sql: "INSERT INTO shows (id, uid, created_at, updated_at, studio_id, client_id, title, start_at, end_at, status) VALUES (?, ?, 0, 0, 1, ?, ?, ?, ?, 'confirmed')")
        let task = try db.makeStatement(sql: """
            INSERT INTO tasks (id, uid, created_at, updated_at, show_id, assignee_id, title, item_type, required, status, due_at)
            VALUES (?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?)
            """)
        var random = Random(state: 42)
        var taskID: Int64 = 0
        for index in 0..<20_000 {
            let start = now + Int64(index - 10_000) * 1800
            let showID = Int64(index + 1)
            try show.execute(arguments: [showID, PublicID.make(prefix: "sh", id: showID), clientID, "Show \(index)", start, start + 3600])
            for (item, type) in ["Brief", "Rehearsal", "Go-live", "Clips", "Stats"].enumerated() {
                taskID += 1
                let assignee = random.next(3) == 0 ? nil : users[random.next(users.count)]
                let due = start + Int64(item - 2) * 86_400
                let status = due < now ? (random.next(10) < 8 ? "completed" : "pending") : (assignee == nil ? "pending" : "assigned")
                try task.execute(arguments: [taskID, PublicID.make(prefix: "tk", id: taskID), showID, assignee, type, ["pre_production", "pre_production", "production", "post_production", "show_platform_review"][item],
                                             item < 3, status, due])
            }
        }
    }
    try seed.close()
    if let keep = ProcessInfo.processInfo.environment["SLATE_BENCH_KEEP"] { workspace.checkpoint(); try? FileManager.default.copyItem(atPath: path, toPath: keep) }
    let member = Session(workspace: workspace, login: "m3", clock: .fixed(now))
    for grouping in [TaskGrouping.mine, .overdue] {
        var times: [Double] = []
        var count = 0
        for _ in 0..<10 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            var state = AppState(width: 120, height: 40, now: now, zone: LocalTime.cached("Europe/Paris")!, workspaceName: "Bench", user: "m3")
            state.tasks.grouping = grouping
            _ = update(&state, .key(.char("4")))
            let runner = EffectRunner(session: grouping == .mine ? member : session)
            for action in runner.run(.loadTasks(grouping), state: state) { _ = update(&state, action) }
            _ = render(state)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            count = state.tasks.tasks.count
        }
        times.sort()
        print("  \(grouping == .mine ? "my tasks" : "overdue"): \(count) tasks, load + first frame p50 \(fmt(percentile(times, 0.5))) ms, max \(fmt(times.last ?? 0)) ms (target < 50)")
    }
}

// MARK: the shared workload (../shared/bench/attempts.py)

/// One attempt of the shared workload: a confirmed booking of a resource for [start, end).
struct Attempt {
    var resource: Int
    var start, end: Int64
}

/// The attempt list the anchors were measured on, from the shared generator
/// (`SLATE_ATTEMPTS` names it; by default ../shared/bench/attempts.py from the repository).
func sharedAttempts(_ count: Int) throws -> (attempts: [Attempt], expected: String) {
    let script = ProcessInfo.processInfo.environment["SLATE_ATTEMPTS"] ?? FileManager.default.currentDirectoryPath + "/../shared/bench/attempts.py"
    func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw SlateError.storage("\(script) failed") }
        return String(decoding: data, as: UTF8.self)
    }
    let attempts = try python([String(count)]).split(separator: "\n").dropFirst().compactMap { line -> Attempt? in
        let fields = line.split(separator: ",")
        guard fields.count == 4, let resource = Int(fields[1]), let start = Int64(fields[2]), let end = Int64(fields[3]) else { return nil }
        return Attempt(resource: resource, start: start, end: end)
    }
    return (attempts, try python([String(count), "--digest"]).trimmingCharacters(in: .whitespacesAndNewlines))
}

/// "69728 accepted, digest 5124cd4149e0db79": sha256 of one byte per attempt (1 accepted).
func digest(_ accepted: [Bool]) throws -> String {
    let file = NSTemporaryDirectory() + "slate-digest-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: file) }
    try Data(accepted.map { $0 ? 1 : 0 }).write(to: URL(fileURLWithPath: file))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", file]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return "\(accepted.filter { $0 }.count) accepted, digest \(String(decoding: data, as: UTF8.self).prefix(16))"
}

/// A new workspace at `path` with `resources` rooms, open at `durability`.
func workloadWorkspace(at path: String, resources: Int, durability: Workspace.Durability) throws -> (Session, rooms: [String]) {
    let clock = Clock.fixed(1_735_000_000)
    var options = Workspace.Options()
    options.durability = durability
    _ = try Workspace.initialize(at: path, setup: WorkspaceSetup(workspaceName: "Workload", studioName: "Bench", timeZone: "UTC", founderLogin: "bench",
                                                                 founderName: "Bench"), clock: clock, options: options)
    let session = Session(workspace: try Workspace.open(at: path, options: options), login: "bench", clock: clock)
    return (session, try (0..<resources).map { try session.addRoom(name: "Room \($0)").value })
}

/// The floor under Slate's command path: in a workspace of the same schema, each attempt
/// does in SQL alone only what a booking command must write by its guarantees (the
/// conflict check, the booking row under its trigger, the command row, the audit row with
/// the booking's JSON), one transaction each, with no access, rules or Swift around it.
func floorFigure(_ attempts: [Attempt], resources: Int, directory: String, durability: Workspace.Durability) throws -> (Double, [Bool]) {
    let path = directory + "/floor.slate"
    _ = try workloadWorkspace(at: path, resources: resources, durability: durability)
    var config = Configuration()
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue); PRAGMA wal_autocheckpoint = \(Workspace.Options().checkpointPages)") }
    let queue = try DatabaseQueue(path: path, configuration: config)
    var accepted: [Bool] = []
    accepted.reserveCapacity(attempts.count)
    let t0 = DispatchTime.now().uptimeNanoseconds
    try queue.writeWithoutTransaction { db in
        let resourceIDs = try Int64.fetchAll(db, sql: "SELECT resource_id FROM rooms ORDER BY id")
        let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('bookings') ORDER BY cid").map { $0["name"] as String }
        let json = "json_object(" + columns.map { "'\($0)', b.\($0)" }.joined(separator: ", ") + ")"
        let check = try db.makeStatement(sql: "SELECT 1 FROM bookings WHERE resource_id = ? AND status = 'confirmed' AND deleted_at IS NULL AND start_at < ? AND end_at > ? LIMIT 1")
        let command = try db.makeStatement(sql: "INSERT INTO commands (id, uid, created_at, updated_at, user_id, name, summary, studio_id) VALUES (?, ?, ?, ?, 1, 'book', 'Booked', 1)")
        let booking = try db.makeStatement(sql: "INSERT INTO bookings (id, uid, created_at, updated_at, resource_id, holder_id, status, start_at, end_at, placed_at) VALUES (?, ?, ?, ?, ?, 1, 'confirmed', ?, ?, ?)")
        let audit = try db.makeStatement(sql: """
            INSERT INTO audits (id, uid, created_at, updated_at, command_id, user_id, action, record_table, record_id, record_uid, old_values, new_values)
            SELECT ?1, ?2, ?3, ?3, ?4, 1, 'insert', 'bookings', b.id, b.uid, NULL, \(json) FROM bookings b WHERE b.id = ?5
            """)
        var next = try Int64.fetchOne(db, sql: "SELECT max(ifnull((SELECT max(id) FROM commands), 0), ifnull((SELECT max(id) FROM audits), 0), ifnull((SELECT max(id) FROM bookings), 0)) + 1") ?? 1
        let now: Int64 = 1_735_000_000
        for attempt in attempts {
            try db.inTransaction(.immediate) {
                let resource = resourceIDs[attempt.resource]
                if try Int.fetchOne(check, arguments: [resource, attempt.end, attempt.start]) != nil {
                    accepted.append(false)
                    return .commit
                }
                let id = next
                next += 1
                try command.execute(arguments: [id, PublicID.make(prefix: "cm", id: id), now, now])
                try booking.execute(arguments: [id, PublicID.make(prefix: "bk", id: id), now, now, resource, attempt.start, attempt.end, now])
                try audit.execute(arguments: [id, PublicID.make(prefix: "au", id: id), now, id, id])
                accepted.append(true)
                return .commit
            }
        }
    }
    let rate = Double(attempts.count) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    try queue.close()
    return (rate, accepted)
}

/// The shared workload through Slate's command path (each attempt its own command: access,
/// conflict check, audit, command row, commit) and, in the same run, through plain SQLite
/// doing the same check and one insert per transaction.
func workloadFigures(count: Int) throws {
    let (attempts, expected) = try sharedAttempts(count)
    let resources = (attempts.map(\.resource).max() ?? 0) + 1
    print("Shared workload: \(attempts.count) attempts on \(resources) resources; expected \(expected)")
    // --normal-only leaves FULL out (for `perf record` of the NORMAL path).
    for durability in arguments.contains("--normal-only") ? [Workspace.Durability.normal] : [.normal, .full] {
        // Plain SQLite: the same check and one insert per transaction.
        let directory = NSTemporaryDirectory() + "slate-workload-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var config = Configuration()
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = \(durability.rawValue)") }
        let plain = try DatabaseQueue(path: directory + "/plain.sqlite", configuration: config)
        try plain.write { db in try db.execute(sql: "CREATE TABLE b (id INTEGER PRIMARY KEY, resource INTEGER NOT NULL, start_at INTEGER NOT NULL, end_at INTEGER NOT NULL); CREATE INDEX b_resource ON b(resource, start_at, end_at)") }
        var plainAccepted: [Bool] = []
        plainAccepted.reserveCapacity(attempts.count)
        let p0 = DispatchTime.now().uptimeNanoseconds
        try plain.writeWithoutTransaction { db in
            let check = try db.makeStatement(sql: "SELECT 1 FROM b WHERE resource = ? AND start_at < ? AND end_at > ? LIMIT 1")
            let insert = try db.makeStatement(sql: "INSERT INTO b (resource, start_at, end_at) VALUES (?, ?, ?)")
            for attempt in attempts {
                try db.inTransaction(.immediate) {
                    if try Int.fetchOne(check, arguments: [attempt.resource, attempt.end, attempt.start]) != nil {
                        plainAccepted.append(false)
                        return .commit
                    }
                    try insert.execute(arguments: [attempt.resource, attempt.start, attempt.end])
                    plainAccepted.append(true)
                    return .commit
                }
            }
        }
        let plainRate = Double(attempts.count) / (Double(DispatchTime.now().uptimeNanoseconds - p0) / 1e9)
        // Slate: every attempt a `book` through Session.perform.
        let (session, rooms) = try workloadWorkspace(at: directory + "/slate.slate", resources: resources, durability: durability)
        var accepted: [Bool] = []
        accepted.reserveCapacity(attempts.count)
        var latencies: [Double] = []
        latencies.reserveCapacity(attempts.count)
        let t0 = DispatchTime.now().uptimeNanoseconds
        for attempt in attempts {
            let a0 = DispatchTime.now().uptimeNanoseconds
            do {
                _ = try session.place(BookingPlacement(resource: rooms[attempt.resource], start: .instant(attempt.start), end: .instant(attempt.end), status: .confirmed))
                accepted.append(true)
            } catch SlateError.refused {
                accepted.append(false)
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - a0) / 1e3)
        }
        let rate = Double(attempts.count) / (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        latencies.sort()
        let (floorRate, floorAccepted) = try floorFigure(attempts, resources: resources, directory: directory, durability: durability)
        print("  \(durability.rawValue): the rows a booking command must write, in SQL alone \(Int(floorRate))/s, \(try digest(floorAccepted)); \(Int(floorRate / plainRate * 100)) % of plain SQLite")
        print("  \(durability.rawValue): Slate \(Int(rate))/s (p50 \(fmt(percentile(latencies, 0.5))) µs, p99 \(fmt(percentile(latencies, 0.99))) µs), \(try digest(accepted));"
              + " plain SQLite \(Int(plainRate))/s, \(try digest(plainAccepted)); Slate at \(Int(rate / plainRate * 100)) % of plain SQLite")
    }
}

/// Suggest free times for a show in a busy week: a room and three talent with 60 bookings
/// each in the window, and time off (rule 5's search, in process).
func suggestFigure() throws {
    let zone = LocalTime.cached("Europe/Paris")!
    let hours = try OpeningHours("Mon-Sat 08:00-22:00")
    let start = try zone.parse("2026-12-07T00:00")
    var random = Random(state: 7)
    let busy: [[Interval]] = (0..<4).map { _ in
        (0..<60).map { _ in
            let at = start - 7 * 86_400 + Int64(random.next(15 * 96)) * 900
            return Interval(start: at, end: at + Int64(1 + random.next(12)) * 900)
        }
    }
    let show = Interval(start: start + 86_400 + 10 * 3600, end: start + 86_400 + 12 * 3600)
    let window = Interval(start: start - 6 * 86_400, end: start + 9 * 86_400)
    var times: [Double] = []
    var found = 0
    for _ in 0..<200 {
        let t0 = DispatchTime.now().uptimeNanoseconds
        found = SlotSearch.suggest(for: show, within: window, busy: busy, hours: hours, zone: zone, limit: 10).count
        times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
    }
    times.sort()
    print("Suggest (rule 5): 4 resources x 60 bookings over 15 days, \(found) slots: p50 \(fmt(percentile(times, 0.5), 2)) ms, max \(fmt(times.last ?? 0, 2)) ms (target < 10)")
}

/// The directory (view 5): talent matching over `talent` people with `bookings` bookings
/// between them, full-text search over `communications` entries, and the first frame.
func directoryFigures(talent: Int, bookings: Int, communications: Int) throws {
    let directory = NSTemporaryDirectory() + "slate-bench-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // --keep leaves the workspace behind to look into.
    let keep = arguments.contains("--keep")
    defer { if !keep { try? FileManager.default.removeItem(atPath: directory) } }
    // --reuse PATH measures a workspace kept before (its build is not measured again).
    let reuse = arguments.firstIndex(of: "--reuse").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
    let path = reuse ?? directory + "/directory.slate"
    if keep { print("  workspace: \(path)") }
    let clock = Clock.fixed(base - 86_400)
    if reuse == nil {
        _ = try Workspace.initialize(at: path, setup: WorkspaceSetup(workspaceName: "Bench", studioName: "Bench", timeZone: "UTC", founderLogin: "bench", founderName: "Bench"), clock: clock)
    }
    let skills = ["hosting", "beauty", "gaming", "cooking", "fashion", "tech", "music", "comedy", "mixing", "camera", "lighting", "dj", "dance", "sports", "news"]
    let words = ["rehearsal", "launch", "camera", "invoice", "budget", "Éloïse", "schedule", "lights", "script", "brief", "contract", "studio", "evening", "client",
                 "host", "stream", "audio", "mixing", "premiere", "teaser"] + (0..<480).map { "w\($0)" }
    var random = Random(state: 11)
    let t0 = DispatchTime.now().uptimeNanoseconds
    if reuse == nil {
    let seed = try DatabaseQueue(path: path)
    try seed.write { db in
        try db.execute(sql: "INSERT INTO clients (id, uid, created_at, updated_at, name, studio_id) VALUES (1, 'cl-bench', 0, 0, 'Client', 1)")
        for index in 1...talent {
            let id = Int64(index)
            let uid = PublicID.make(prefix: "tl", id: id)
            try db.execute(sql: "INSERT INTO resources (id, uid, created_at, updated_at, studio_id, kind, name) VALUES (?, ?, 0, 0, 1, 'talent', ?)", arguments: [id, uid, "Talent \(index)"])
            let languages = ["French:\(1 + random.next(5))", "English:\(1 + random.next(5))", "Spanish", "Mandarin:3"].filter { _ in random.next(3) == 0 }.joined(separator: ",")
            try db.execute(sql: "INSERT INTO talent (id, uid, created_at, updated_at, studio_id, resource_id, name, role, style_tags, rate_minor, languages, banned) VALUES (?, ?, 0, 0, 1, ?, ?, 'host', ?, ?, ?, ?)",
                           arguments: [id, uid, id, "Talent \(index)", ["calm", "energetic"][random.next(2)], Int64(200 + random.next(40) * 25) * 100, languages, random.next(50) == 0])
            var picked = Set<String>()
            for _ in 0..<(1 + random.next(4)) { picked.insert(skills[random.next(skills.count)]) }
            for skill in picked {
                try db.execute(sql: "INSERT INTO talent_skills (uid, created_at, updated_at, talent_id, skill, level) VALUES (?, 0, 0, ?, ?, ?)",
                               arguments: ["tsk-\(index)-\(skill)", id, skill, 1 + random.next(5)])
            }
        }
        let booking = try db.makeStatement(sql: "INSERT INTO bookings (id, uid, created_at, updated_at, resource_id, holder_id, status, start_at, end_at, placed_at, rank) VALUES (?, ?, 0, 0, ?, 1, ?, ?, ?, 0, ?)")
        let perTalent = max(1, bookings / talent)
        var id: Int64 = 0
        for slot in 0..<perTalent {
            for resource in 1...talent {
                id += 1
                let start = base + Int64(slot) * 8 * hour + Int64(random.next(6)) * 1_800
                let hold = random.next(4) == 0
                try booking.execute(arguments: [id, PublicID.make(prefix: "bk", id: id), Int64(resource), hold ? "hold" : "confirmed", start, start + 2 * hour, hold ? 1 : nil])
            }
        }
        try db.execute(sql: "UPDATE workspaces SET longest_booking_seconds = 7200")
        let comm = try db.makeStatement(sql: "INSERT INTO communications (id, uid, created_at, updated_at, kind, client_id, talent_id, author_id, occurred_at, subject, body) VALUES (?, ?, 0, 0, 'note', ?, ?, 1, ?, ?, ?)")
        for index in 1...communications {
            let subject = (0..<3).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            let body = (0..<12).map { _ in words[random.next(words.count)] }.joined(separator: " ")
            try comm.execute(arguments: [Int64(index), PublicID.make(prefix: "co", id: Int64(index)), index % 2 == 0 ? 1 : nil, index % 2 == 0 ? nil : Int64(1 + random.next(talent)),
                                         base - Int64(communications - index) * 60, subject, body])
        }
        try db.execute(sql: "ANALYZE")
    }
    try seed.close()
    }
    print("  built \(talent) talent, \(bookings) bookings, \(communications) communications in \(fmt(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)) s")
    let workspace = try Workspace.open(at: path)
    let session = Session(workspace: workspace, login: "bench", clock: clock)
    func measure(_ runs: Int = 15, _ body: () throws -> Int) rethrows -> (count: Int, min: Double, p50: Double) {
        var times: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            count = try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        return (count, times.first ?? 0, percentile(times, 0.5))
    }
    let day = base + Int64(bookings / talent / 2) * 8 * hour
    let iso = LocalTime.cached("UTC")!
    // --frame-only: the first frame alone (to profile it).
    let frameOnly = arguments.contains("--frame-only")
    for (label, query) in frameOnly ? [] : [("2 skills, a day's window, 2 h slots", TalentQuery(skills: ["hosting", "french"], from: .local(iso.format(day)), to: .local(iso.format(day + 24 * hour)), duration: 2 * hour)),
                           ("1 common skill, no window", TalentQuery(skills: ["music"])),
                           ("3 skills and a style, the whole day", TalentQuery(skills: ["hosting", "camera", "english"], styles: ["calm"], from: .local(iso.format(day)), to: .local(iso.format(day + 24 * hour))))] {
        let figure = try measure { try session.matchTalent(query).count }
        print("  talent matching, \(label): \(figure.count) shown of those with a skill: min \(fmt(figure.min)) ms, p50 \(fmt(figure.p50)) ms (target < 50)")
    }
    for text in frameOnly ? [] : ["rehearsal", "eloise", "launch budget", "prem*", "w17 w233"] {
        let figure = try measure { try session.searchCommunications(text).count }
        print("  search of \(communications) communications for \"\(text)\" (newest 50): min \(fmt(figure.min)) ms, p50 \(fmt(figure.p50)) ms (target < 100)")
    }
    let frame = try measure(frameOnly ? 40 : 7) {
        var state = AppState(width: 120, height: 40, now: clock.now(), zone: iso, workspaceName: "Bench", user: "bench")
        _ = update(&state, .key(.char("5")))
        _ = update(&state, .directoryLoaded(try session.directory()))
        _ = render(state)
        return state.directory.table.count
    }
    print("  directory first frame at 120x40, \(frame.count) talent (read every list, sort, render): min \(fmt(frame.min)) ms, p50 \(fmt(frame.p50)) ms (target < 50)")
    // Where it goes: the read, the rows and their order, the drawing.
    var parts: [[Double]] = [[], [], []]
    for _ in 0..<(frameOnly ? 40 : 7) {
        var state = AppState(width: 120, height: 40, now: clock.now(), zone: iso, workspaceName: "Bench", user: "bench")
        _ = update(&state, .key(.char("5")))
        let t0 = DispatchTime.now().uptimeNanoseconds
        let lists = try session.directory()
        let t1 = DispatchTime.now().uptimeNanoseconds
        _ = update(&state, .directoryLoaded(lists))
        let t2 = DispatchTime.now().uptimeNanoseconds
        _ = render(state)
        let t3 = DispatchTime.now().uptimeNanoseconds
        for (index, span) in [(t0, t1), (t1, t2), (t2, t3)].enumerated() { parts[index].append(Double(span.1 - span.0) / 1e6) }
    }
    let medians = parts.map { percentile($0.sorted(), 0.5) }
    print("    of which p50: read \(fmt(medians[0])) ms, rows and order \(fmt(medians[1])) ms, drawing \(fmt(medians[2])) ms")
}
