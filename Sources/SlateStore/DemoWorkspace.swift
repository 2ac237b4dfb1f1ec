import Foundation
import SlateCore

/// Builds `slate demo`: a realistic sample workspace made through the same commands as
/// real work (so it has a full audit log), deterministic for a given clock.
public enum DemoWorkspace {
    /// Counts of what the demo holds, for the summary.
    public struct Summary: Sendable, Codable {
        public var studios = 0, rooms = 0, talent = 0, equipment = 0, clients = 0, platforms = 0, projects = 0, phases = 0
        public var schedules = 0, draftShows = 0, confirmedShows = 0, bookings = 0, holds = 0, tasks = 0, timeOff = 0
        /// The first working day the demo books (where the UI opens).
        public var firstDay = ""
    }

    /// True when `path` holds a demo workspace (never a real one).
    public static func exists(at path: String) throws -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        return try Workspace.open(at: path).isDemo()
    }

    /// Creates the demo workspace at `path` for `login`, replacing an earlier demo there.
    public static func build(at path: String, login: String, userName: String, clock: Clock) throws -> (Workspace, Summary) {
        if FileManager.default.fileExists(atPath: path) {
            guard try exists(at: path) else {
                throw SlateError.storage("\(path) holds a real workspace; the demo replaces only an earlier demo (use --db to put it elsewhere)")
            }
            Workspace.removeFiles(at: path)
        }
        let setup = WorkspaceSetup(workspaceName: "Slate demo", studioName: "North Light Studios", timeZone: "Europe/Paris", locale: "fr_FR", currency: "EUR",
                                   openingHours: "Mon-Sat 08:00-23:00", founderLogin: login, founderName: userName, isDemo: true)
        let workspace = try Workspace.initialize(at: path, setup: setup, clock: clock)
        let session = Session(workspace: workspace, login: login, clock: clock)
        var summary = Summary()
        var random = SeededRandom(seed: 20_261_122)
        let paris = LocalTime(timeZone: TimeZone(identifier: "Europe/Paris") ?? .gmt)
        let london = LocalTime(timeZone: TimeZone(identifier: "Europe/London") ?? .gmt)
        let northHours = try OpeningHours("Mon-Sat 08:00-23:00")
        let harbourHours = try OpeningHours("Mon-Fri 09:00-21:00, Sat 10:00-18:00")
        // Day 0 is tomorrow, or the Monday after when tomorrow is a weekend day, so nothing
        // the demo books is past and its first week is busy; days count Monday to Saturday.
        var dayZero = paris.startOfDay(clock.now(), addingDays: 1)
        while paris.weekdayAndMinute(dayZero).weekday >= 6 { dayZero = paris.startOfDay(dayZero, addingDays: 1) }
        let base = dayZero
        func date(_ day: Int, in zone: LocalTime = paris) -> Int64 {
            var start = base
            var left = day
            while left > 0 {
                start = paris.startOfDay(start, addingDays: 1)
                if paris.weekdayAndMinute(start).weekday != 7 { left -= 1 }
            }
            // The same calendar date's midnight in `zone`.
            return zone.startOfDay(start + 43_200)
        }
        func at(_ day: Int, _ hour: Int, _ minute: Int = 0, in zone: LocalTime = paris) -> When {
            .instant(date(day, in: zone) + Int64(hour * 3600 + minute * 60))
        }

        let north = "North Light Studios"
        summary.firstDay = paris.format(base)
        let harbour = try session.addStudio(name: "Harbour Sound", timeZone: "Europe/London", openingHours: "Mon-Fri 09:00-21:00, Sat 10:00-18:00").value
        summary.studios = 2

        var rooms: [(uid: String, studio: String)] = []
        for (name, capacity, notes) in [("Stage A", 40, "3 cameras, LED wall"), ("Stage B", 25, "2 cameras, green screen"), ("Live Room 1", 12, "Drum kit, piano"),
                                        ("Podcast Booth", 4, "4 SM7B, Rodecaster"), ("Shopping Set", 8, "Product table, ring lights")] {
            rooms.append((try session.addRoom(studio: north, name: name, capacity: capacity, equipmentNotes: notes).value, north))
        }
        for (name, capacity, notes) in [("Studio 1", 20, "SSL desk"), ("Studio 2", 10, "Neve console"), ("Mix Suite", 3, "Atmos 7.1.4")] {
            rooms.append((try session.addRoom(studio: harbour, name: name, capacity: capacity, equipmentNotes: notes).value, harbour))
        }
        summary.rooms = rooms.count

        var cameras: [String] = []
        for (name, category) in [("Sony FX6 #1", "camera"), ("Sony FX6 #2", "camera"), ("ATEM Mini Extreme", "switcher"), ("Aputure 600d", "light")] {
            let uid = try session.addEquipment(studio: north, name: name, category: category).value
            if category == "camera" { cameras.append(uid) }
            summary.equipment += 1
        }
        _ = try session.addEquipment(studio: harbour, name: "Neumann U87", category: "microphone")
        summary.equipment += 1

        let first = ["Ava", "Noah", "Lina", "Hugo", "Maya", "Leo", "Chloé", "Jules", "Inès", "Tom", "Sofia", "Malik", "Emma", "Yann", "Zoé",
                     "Kenji", "Mei", "Lucas", "Nora", "Omar"]
        let last = ["Martin", "Bernard", "Dubois", "Laurent", "Moreau", "Garcia", "Okafor", "Rossi", "Nguyen", "Schmidt"]
        let skills = ["hosting", "beauty", "gaming", "cooking", "fashion", "tech", "music", "comedy", "mixing", "camera", "lighting", "french", "english", "mandarin"]
        var talent: [(uid: String, studio: String, name: String)] = []
        let special = ["王芳", "佐藤 健", "Zoë 🎤 Park", "Ngozi Adébáyọ̀"]
        for index in 0..<40 {
            let name = index < special.count ? special[index] : "\(first[index % first.count]) \(last[(index * 7 + index / first.count) % last.count])"
            let studio = index < 26 ? north : harbour
            let role: TalentRole = index % 5 == 0 ? .engineer : index % 2 == 0 ? .host : .artist
            let picked = (0..<3).map { _ in skills[random.next(skills.count)] }
            let input = TalentInput(studio: studio, name: name, alias: index % 3 == 0 ? "\(name.split(separator: " ").first ?? "")_live" : "",
                                    role: role, skills: Array(Set(picked)).sorted(), styles: index % 2 == 0 ? ["energetic"] : ["calm"], rateMinor: Int64(200 + random.next(40) * 25) * 100)
            talent.append((try session.addTalent(input).value, studio, name))
        }
        summary.talent = talent.count
        _ = try session.editTalent(talent[39].uid, TalentChanges(banned: true))

        let clientNames = ["Acme Beauty", "Lumen Games", "Maison Verte", "Orbit Mobile", "Petit Chef", "Nordwind Audio", "Kaze Fashion", "Bright Bank", "Sol Records", "Tidal Toys"]
        var clients: [String] = []
        for (index, name) in clientNames.enumerated() { clients.append(try session.addClient(studio: index < 7 ? north : harbour, name: name, contact: "Coordinator", email: "events@\(name.lowercased().replacingOccurrences(of: " ", with: "")).example").value) }
        summary.clients = clients.count
        var platforms: [String] = []
        for (name, url) in [("Twitch", "https://twitch.tv"), ("YouTube Live", "https://youtube.com"), ("TikTok Live", "https://tiktok.com"), ("Shopee Live", "https://shopee.com")] {
            platforms.append(try session.addPlatform(name: name, url: url).value)
        }
        summary.platforms = platforms.count
        for (index, client) in clients.prefix(5).enumerated() {
            _ = try session.addMaterial(client: client, kind: [.brief, .mechanic, .script, .scene, .other][index], title: "\(clientNames[index]) Q1 brief", body: "Key messages and run of show.", platform: platforms[index % platforms.count])
        }

        _ = try session.addMember(login: "maya", name: "Maya Laurent", role: .manager, scope: .studio(north))
        _ = try session.addMember(login: "sam", name: "Sam Okafor", role: .member, scope: .studio(north))
        _ = try session.addMember(login: "acme-lea", name: "Léa (Acme)", role: .manager, scope: .client(clients[0]))

        let template = try session.addTemplate(studio: north, name: "Live show checklist").value
        for (title, type, input, required, due) in [
            ("Brief received", TaskItemType.preProduction, TaskInputType.file, true, Int64(-3 * 86_400)),
            ("Tech rehearsal done", .preProduction, .text, true, -86_400),
            ("Run of show signed off", .preProduction, .url, false, -2 * 86_400),
            ("Go-live check", .production, .percentage, true, 0),
            ("Host review", .showMCReview, .number, false, 86_400),
            ("Platform stats", .showPlatformReview, .number, false, 2 * 86_400),
            ("Clips exported", .postProduction, .url, false, 3 * 86_400),
        ] {
            _ = try session.addTemplateItem(template: template, title: title, type: type, input: input, required: required, dueOffset: due)
        }
        let harbourTemplate = try session.addTemplate(studio: harbour, name: "Session checklist").value
        _ = try session.addTemplateItem(template: harbourTemplate, title: "Session sheet ready", type: .preProduction, input: .file, required: true, dueOffset: -86_400)
        _ = try session.addTemplateItem(template: harbourTemplate, title: "Stems delivered", type: .postProduction, input: .url, dueOffset: 2 * 86_400)

        var timeOff: [String: [Interval]] = [:]
        for index in 0..<10 {
            let person = talent[(index * 3 + 1) % 38]
            let day = 2 + index * 2
            timeOff[person.uid, default: []].append(Interval(start: try at(day, 0).resolve(in: paris), end: try at(day + 1 + index % 3, 0).resolve(in: paris)))
            _ = try session.addTimeOff(resource: person.uid, start: at(day, 0), end: at(day + 1 + index % 3, 0), hard: index % 4 == 0, reason: index % 2 == 0 ? "holiday" : "other engagement")
            summary.timeOff += 1
        }

        // Six projects planned on working days: a fixed first phase, auto-scheduled phases
        // after it (one start-to-start, one with lag) and a review milestone; delivery follows
        // the review, except that the album has a fixed date its plan overruns (shown as a
        // broken dependency on the timeline) and the podcast one with room to spare.
        var projectPhases: [[String: String]] = []
        for (index, name) in ["Spring campaign", "Album: Low Tide", "Game launch week", "Cooking series S2", "Podcast relaunch", "Fashion week live"].enumerated() {
            let studio = index == 1 || index == 4 ? harbour : north
            let start = paris.day(of: base) + index * 3
            let making = index == 1 || index == 4 ? ("Recording", "Mixing") : ("Shoot", "Edit")
            let file = ProjectFile(name: name, studio: studio, client: clients[index], start: start, phases: [
                .init(key: "brief", name: "Brief & treatment", timing: .fixed(from: start, through: start + 4), progress: index == 0 ? 100 : 60),
                .init(key: "pre", name: "Pre-production", timing: .days(5 + index % 2), progress: index == 0 ? 40 : 0),
                .init(key: "make", name: making.0, timing: .days(3 + index % 3)),
                .init(key: "post", name: making.1, timing: .days(6)),
                .init(key: "assets", name: "Marketing assets", timing: .days(3)),
                .init(key: "review", name: "Client review", timing: .milestone(on: nil)),
                .init(key: "delivery", name: "Delivery", timing: .milestone(on: index == 1 ? start + 24 : index == 4 ? start + 45 : nil)),
            ], dependencies: [
                .init(from: "brief", to: "pre"), .init(from: "pre", to: "make", lag: 1), .init(from: "make", to: "post"),
                .init(from: "make", to: "assets", kind: .startToStart, lag: 2), .init(from: "post", to: "review"), .init(from: "assets", to: "review"),
                .init(from: "review", to: "delivery"),
            ])
            projectPhases.append(try session.importProject(file).value.phases)
            summary.phases += file.phases.count
        }
        summary.projects = 6

        // Confirmed shows with tasks, this week.
        let northRooms = rooms.filter { $0.studio == north }.map(\.uid)
        let northTalent = talent.filter { $0.studio == north }.map(\.uid)
        for index in 0..<8 {
            let start = at(index / 2, 10 + (index % 2) * 5)
            let end = at(index / 2, 12 + (index % 2) * 5)
            let show = try session.addShow(ShowInput(client: clients[index % 4], studio: north, room: northRooms[index % 2], title: "\(clientNames[index % 4]) live #\(index + 1)",
                                                     start: start, end: end, type: index % 3 == 0 ? .campaign : .bau, standard: index % 2 == 0 ? .premium : .standard,
                                                     talent: [northTalent[4 + index], northTalent[12 + index]], platforms: [platforms[index % 4]])).value
            _ = try session.confirmShow(show)
            summary.confirmedShows += 1
        }

        // Three schedules of twenty draft shows each. Drafts reserve nothing; one pair is
        // planned on purpose in the same room at the same time, so the board has a clash to show.
        var draftSlots: [String: [Interval]] = [:]
        for scheduleIndex in 0..<3 {
            let client = clients[4 + scheduleIndex]
            let schedule = try session.addSchedule(studio: north, client: client, name: "\(clientNames[4 + scheduleIndex]) — weeks 2–4").value
            for index in 0..<20 {
                let day = 6 + index + scheduleIndex
                let deliberate = scheduleIndex == 1 && index == 4
                let hour = deliberate ? 9 : 9 + scheduleIndex * 4
                let room = deliberate ? northRooms[2 + 5 % 3] : northRooms[2 + (index + scheduleIndex) % 3]
                let start = at(day, hour)
                let end = at(day, hour + 2)
                let slot = Interval(start: try start.resolve(in: paris), end: try end.resolve(in: paris))
                // Drafts are cast with talent who are not away then.
                let person = (0..<20).map { northTalent[(index + scheduleIndex * 5 + $0) % 20] }
                    .first { !(timeOff[$0] ?? []).contains(where: { $0.overlaps(slot) }) } ?? northTalent[index % 20]
                _ = try session.addShow(ShowInput(client: client, schedule: schedule, studio: north, room: room,
                                                  title: "\(clientNames[4 + scheduleIndex]) ep. \(index + 1)", start: start, end: end,
                                                  type: .bau, talent: [person], platforms: [platforms[scheduleIndex]]))
                for resource in [room, person] { draftSlots[resource, default: []].append(slot) }
                summary.draftShows += 1
            }
            if scheduleIndex == 0 { _ = try session.setScheduleStatus(schedule, to: .proposed) }
            summary.schedules += 1
        }

        // A contested slot: a queue of three holds on Stage B, and two on a host.
        for (resource, day) in [(northRooms[1], 3), (northRooms[1], 3), (northRooms[1], 3), (northTalent[2], 4), (northTalent[2], 4)] {
            _ = try session.place(BookingPlacement(resource: resource, start: at(day, 14), end: at(day, 17), status: .hold, note: "pitch"))
            summary.holds += 1
        }

        // People and rooms assigned to phases: bookings that move with their phase.
        for (project, resource) in [(0, rooms[1].uid), (1, rooms[6].uid), (3, cameras[0])] {
            guard let phase = projectPhases[project]["make"] else { continue }
            _ = try session.assignPhase(phase, resource: resource)
        }

        // Bookings and ranked holds across the next four weeks.
        // They keep the demo's own rules: inside opening hours in the studio's own zone,
        // outside time off, and clear of the drafts (whose clashes are only the one above).
        let bookable = rooms.map { ($0.uid, $0.studio) } + talent.prefix(38).map { ($0.uid, $0.studio) }
        var attempts = 0
        while summary.bookings + summary.holds < 300, attempts < 3000 {
            attempts += 1
            let (resource, studio) = bookable[random.next(bookable.count)]
            let zone = studio == north ? paris : london
            let day = random.next(24)
            let hour = 9 + random.next(10)
            let length = 1 + random.next(3)
            let hold = random.next(100) < 45
            let interval = Interval(start: try at(day, hour, in: zone).resolve(in: zone), end: try at(day, hour + length, in: zone).resolve(in: zone))
            guard (studio == north ? northHours : harbourHours).contains(interval, in: zone),
                  !(draftSlots[resource] ?? []).contains(where: { $0.overlaps(interval) }) else { continue }
            let placement = BookingPlacement(resource: resource, start: .instant(interval.start), end: .instant(interval.end), status: hold ? .hold : .confirmed,
                                             note: hold ? "pencil for a pitch" : "", orHold: true)
            guard let planned = try? session.place(placement, plan: true), planned.warnings.isEmpty,
                  let outcome = try? session.place(placement) else { continue }
            if outcome.value.status == .hold { summary.holds += 1 } else { summary.bookings += 1 }
        }
        try directory(session, talent: talent.map(\.uid), clients: clients, project: try session.projects().first?.uid, job: (at(9, 10), at(9, 13)))
        let counts = try workspace.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings WHERE status = 'confirmed'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM bookings WHERE status = 'hold'") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM tasks") ?? 0)
        }
        summary.bookings = counts.0
        summary.holds = counts.1
        summary.tasks = counts.2
        workspace.checkpoint()
        return (workspace, summary)
    }
}

extension DemoWorkspace {
    /// The directory's side of the demo: languages and skill levels, ratings, client tiers,
    /// communications, comments with a mention, tags and an open job listing.
    static func directory(_ session: Session, talent: [String], clients: [String], project: String?, job: (When, When)) throws {
        let listed = try session.talent()
        for (index, person) in listed.enumerated() where !person.banned {
            var languages = ["English:\(3 + index % 3)"]
            if person.skills.contains("french") || person.studio.hasPrefix("North") { languages.insert("French:\(index % 2 == 0 ? 5 : 4)", at: 0) }
            if person.skills.contains("mandarin") { languages.append("Mandarin:4") }
            let skills = person.skills.enumerated().map { "\($1):\(1 + (index + $0) % 5)" }
            _ = try session.editTalent(person.uid, TalentChanges(skills: skills, languages: languages, contact: "+33 6 00 00 \(String(format: "%02d", index)) 00"))
        }
        for (index, show) in try session.shows().filter({ [.confirmed, .live, .completed].contains($0.status) }).prefix(6).enumerated() {
            for person in try session.showCard(show.uid).talent { _ = try? session.rateTalent(person.uid, show: show.uid, stars: 3 + index % 3) }
        }
        for (index, client) in clients.enumerated() {
            _ = try session.editClient(client, RecordChanges(["tier": index < 3 ? "gold" : "standard", "preferences": index % 2 == 0 ? "French-speaking hosts; evening slots" : "Short shows, fast clips"]))
        }
        _ = try session.logCommunication(about: clients[0], kind: .call, subject: "Q1 launch: rehearsal with Éloïse", body: "Wants a French-speaking host and a second camera.")
        _ = try session.logCommunication(about: clients[1], kind: .email, subject: "Invoice query", body: "Asked for the December invoice split by show.")
        _ = try session.logCommunication(about: talent[3], kind: .message, subject: "Availability", body: "Free most evenings next week; prefers beauty and fashion shows.")
        let comment = try session.addComment(on: clients[0], body: "Léa prefers calls before 10:00. @maya can you take the next one?").value
        _ = try session.addComment(on: clients[0], body: "Yes, booked for Thursday.", replyTo: comment)
        _ = try session.tag(talent[3], ["vip"])
        _ = try session.tag(clients[0], ["vip", "launch"])
        if let project {
            _ = try session.addJob(project: project, title: "French-speaking host for the launch", skills: ["hosting", "french"], from: job.0, to: job.1, rateMinor: 60_000)
        }
    }
}

/// A small deterministic generator (SplitMix64) so the demo is the same every time.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(max(1, bound)))
    }
}
