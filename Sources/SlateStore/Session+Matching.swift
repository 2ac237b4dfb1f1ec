import Foundation
import GRDB
import SlateCore

/// What to look for: skills and styles, and optionally a window (typed in the studio's
/// zone) and a slot length within it.
public struct TalentQuery: Sendable, Equatable {
    public var skills: [String]
    public var styles: [String]
    public var from, to: When?
    /// The slot length wanted inside the window, in seconds; nil: the whole window.
    public var duration: Int64?
    public var studio: String?
    public var limit: Int

    public init(skills: [String], styles: [String] = [], from: When? = nil, to: When? = nil, duration: Int64? = nil, studio: String? = nil, limit: Int = 50) {
        self.skills = skills
        self.styles = styles
        self.from = from
        self.to = to
        self.duration = duration
        self.studio = studio
        self.limit = limit
    }
}

/// A talent of `talent match`, best first, with the reasons of its place.
public struct TalentMatchRow: ReadModel, Equatable {
    public var rank: Int
    public var uid, name, alias, role, studio: String
    /// Matched skills with their levels ("french 4"), and those missing.
    public var matched, missing: [String]
    public var styles: Int
    public var availability: String
    public var freeSlots: [String]
    public var rating: Double?
    public var rate: MoneyValue
    /// The free slots as instants (booking from the view).
    public var freeIntervals: [Interval] = []
    /// The free slots' times of day (`09:00–18:00`), when the window's day goes without saying.
    public var freeTimes: [String] = []
    /// The window matched, when one was given.
    public var window: Interval?

    private enum CodingKeys: String, CodingKey { case rank, uid, name, alias, role, studio, matched, missing, styles, availability, freeSlots, rating, rate }

    public var listing: Listing {
        Listing([("rank", .int(Int64(rank))), ("uid", .text(uid)), ("name", .text(name)), ("role", .text(role)), ("studio", .text(studio)),
                 ("skills", .text(matched.joined(separator: ", "))), ("missing", .text(missing.joined(separator: ","))), ("styles", .int(Int64(styles))),
                 ("availability", .text(availability)), ("free_slots", .text(freeSlots.joined(separator: "; "))),
                 ("rating", .text(rating.map(RatingText.of))), ("rate", .money(rate))])
    }
}

extension Session {
    /// Talent ranked for a gig (`TalentMatching`): banned talent never appears, time off
    /// and bookings in the window are respected.
    public func matchTalent(_ query: TalentQuery) throws -> [TalentMatchRow] {
        try read { reader in
            let skills = try LevelledList.parse(query.skills, field: "skills").map(\.name)
            guard !skills.isEmpty || !query.styles.isEmpty else { throw SlateError.invalidInput("give at least one skill (--skills french,hosting) or style") }
            var zone = LocalTime(timeZone: reader.settings.zone)
            var studioID: Int64?
            if let studio = query.studio {
                let found = try reader.studio(ref: studio)
                zone = found.zone
                studioID = found.id
            } else if let only = reader.policy.studioIDs.sorted().first {
                zone = try reader.studio(id: only).zone
            }
            var window: Interval?
            switch (query.from, query.to) {
            case (let from?, let to?): window = try Interval.validated(start: from.resolve(in: zone), end: to.resolve(in: zone))
            case (nil, nil): break
            default: throw SlateError.invalidInput("give both --from and --to for a window")
            }
            if let duration = query.duration {
                guard let window else { throw SlateError.invalidInput("--for needs a window: --from and --to") }
                guard duration > 0, duration <= window.duration else { throw SlateError.invalidInput("--for must be longer than nothing and fit in the window") }
            }
            let request = MatchRequest(skills: skills, styles: query.styles, window: window, duration: query.duration)
            let candidates = try Self.matchCandidates(reader, request, studioID: studioID, limit: max(1, query.limit))
            let ranked = TalentMatching.rank(candidates.map(\.candidate), for: request).prefix(max(1, query.limit))
            // What the rows show is read for the rows shown.
            var shown: [Int64: Row] = [:]
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT t.id, t.uid, t.alias, t.role, t.rate_minor, s.name AS studio FROM talent t JOIN studios s ON s.id = t.studio_id
                WHERE t.id IN (\(Self.ids(Set(ranked.map(\.candidate.id)))))
                """) {
                shown[row["id"]] = row
            }
            let format = reader.format
            // Free slots in the zone the window was typed in, named when several are in play.
            let place = try reader.zonesInPlay() ? " " + zone.placeName : ""
            return ranked.enumerated().compactMap { index, match in
                guard let row = shown[match.candidate.id] else { return nil }
                return TalentMatchRow(rank: index + 1, uid: row["uid"], name: match.candidate.name, alias: row["alias"], role: row["role"], studio: row["studio"],
                                      matched: match.matched.map { "\($0) \(match.candidate.skills[$0] ?? 1)" }, missing: match.missing, styles: match.styleMatches,
                                      availability: match.availability.text,
                                      freeSlots: match.freeSlots.map { format.words.span($0, in: zone) + place },
                                      rating: match.candidate.rating, rate: format.money(row["rate_minor"]), freeIntervals: match.freeSlots,
                                      freeTimes: match.freeSlots.map { format.words.clock($0.start, in: zone) + "–" + format.words.clock($0.end, in: zone) }, window: window)
            }
        }
    }

    /// A candidate and its bookable resource.
    struct CandidateRow {
        var candidate: MatchCandidate
        var resourceID: Int64
    }

    /// Visible talent with at least one skill, language or style asked, with what the window
    /// holds for those who can reach the first `limit` places.
    static func matchCandidates(_ reader: Reader, _ request: MatchRequest, studioID: Int64?, limit: Int) throws -> [CandidateRow] {
        let names = request.skills
        let placeholders = names.map { _ in "?" }.joined(separator: ",")
        var visible = ["t.deleted_at IS NULL", "t.banned = 0", reader.visibility.predicate("talent", alias: "t")]
        var scope: [any DatabaseValueConvertible] = []
        if let studioID {
            visible.append("t.studio_id = ?")
            scope.append(studioID)
        }
        let talentFilter = visible.joined(separator: " AND ")
        // First what ranks them (skills, languages, styles), in integers and short strings;
        // names and resources are read for the contenders only.
        var candidates: [Int64: MatchCandidate] = [:]
        if !names.isEmpty {
            let skillRows = try Row.fetchCursor(reader.db, sql: """
                SELECT k.talent_id, k.skill, k.level FROM talent_skills k JOIN talent t ON t.id = k.talent_id
                WHERE k.skill IN (\(placeholders)) AND k.deleted_at IS NULL AND \(talentFilter)
                """, arguments: StatementArguments(names + scope))
            while let row = try skillRows.next() {
                let id: Int64 = row[0]
                let skill = SearchText.fold(row[1])
                let level: Int = row[2]
                candidates[id, default: MatchCandidate(id: id, name: "", skills: [:])].skills[skill] = max(candidates[id]?.skills[skill] ?? 0, level)
            }
            // A language is a skill of its name; LIKE folds ASCII case, and only a list with
            // other letters goes through `slate_fold`.
            let like = names.map { _ in "(t.languages LIKE ? OR (t.languages GLOB '*[^ -~]*' AND instr(slate_fold(t.languages), ?) > 0))" }.joined(separator: " OR ")
            let languageRows = try Row.fetchCursor(reader.db, sql: "SELECT t.id, t.languages FROM talent t WHERE (\(like)) AND \(talentFilter)",
                                                   arguments: StatementArguments(names.flatMap { ["%\($0)%", $0] } + scope))
            while let row = try languageRows.next() {
                let id: Int64 = row[0]
                for item in LevelledList.stored(row[1]) {
                    let language = SearchText.fold(item.name), level = item.level
                    guard names.contains(language) else { continue }
                    candidates[id, default: MatchCandidate(id: id, name: "", skills: [:])].skills[language] = max(candidates[id]?.skills[language] ?? 0, level)
                }
            }
        }
        if !request.styles.isEmpty {
            // Styles count for those with a skill asked; with no skill asked, they find talent.
            // SQL says which of the styles asked each talent has (a flag per style).
            let flags = request.styles.map { _ in "instr(',' || lower(replace(t.style_tags, ' ', '')) || ',', ',' || ? || ',') > 0" }
            let styleRows = try Row.fetchCursor(reader.db, sql: """
                SELECT t.id, \(flags.joined(separator: ", ")) FROM talent t WHERE (\(flags.joined(separator: " OR "))) AND \(talentFilter)
                """, arguments: StatementArguments(request.styles + request.styles + scope))
            while let row = try styleRows.next() {
                let id: Int64 = row[0]
                guard names.isEmpty || candidates[id] != nil else { continue }
                let styles = Set(request.styles.indices.filter { row[$0 + 1] as Bool }.map { request.styles[$0] })
                candidates[id, default: MatchCandidate(id: id, name: "", skills: [:])].styles = styles
            }
        }
        let contending = TalentMatching.contenders(Array(candidates.values), for: request, limit: limit)
        var rows: [Int64: CandidateRow] = [:]
        var order: [Int64] = []
        var byResource: [Int64: Int64] = [:]
        for row in try Row.fetchAll(reader.db, sql: "SELECT id, resource_id, name FROM talent WHERE id IN (\(ids(Set(contending.map(\.id)))))") {
            let id: Int64 = row[0]
            guard var candidate = candidates[id] else { continue }
            candidate.name = row[2]
            rows[id] = CandidateRow(candidate: candidate, resourceID: row[1])
            order.append(id)
            byResource[row[1]] = id
        }
        // Only the contenders need their ratings and bookings read.
        if !rows.isEmpty {
            for (id, rating) in try ratings(reader.db, of: Set(order)) { rows[id]?.candidate.rating = rating }
        }
        if let window = request.window, !rows.isEmpty {
            let resources = ids(Set(byResource.keys))
            let longest = try Int64.fetchOne(reader.db, sql: "SELECT longest_booking_seconds FROM workspaces LIMIT 1") ?? 0
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT resource_id, start_at, end_at, status = 'confirmed' FROM bookings
                WHERE resource_id IN (\(resources)) AND start_at >= ? AND start_at < ? AND end_at > ? AND status IN ('hold', 'confirmed') AND deleted_at IS NULL
                """, arguments: [window.start - longest, window.end, window.start]) {
                guard let id = byResource[row[0]] else { continue }
                let interval = Interval(start: row[1], end: row[2])
                if row[3] { rows[id]?.candidate.busy.append(interval) } else { rows[id]?.candidate.tentative.append(interval) }
            }
            for row in try Row.fetchAll(reader.db, sql: """
                SELECT resource_id, start_at, end_at, hard FROM time_off WHERE resource_id IN (\(resources)) AND end_at > ? AND start_at < ? AND deleted_at IS NULL
                """, arguments: [window.start, window.end]) {
                guard let id = byResource[row[0]] else { continue }
                let interval = Interval(start: row[1], end: row[2])
                if row[3] { rows[id]?.candidate.busy.append(interval) } else { rows[id]?.candidate.tentative.append(interval) }
            }
        }
        return order.compactMap { rows[$0] }
    }
}

/// An open role of a project (`slate job`).
public struct JobListing: ReadModel, Equatable {
    public var uid, project, title: String
    public var skills: [String]
    public var startAt, endAt: Timestamp
    public var rate: MoneyValue
    public var status: String
    public var talent, booking: String?
    /// The zone its times are in: the project's studio's.
    public var timeZone = ""

    public var listing: Listing {
        Listing([("uid", .text(uid)), ("project", .text(project)), ("title", .text(title)), ("skills", .text(skills.joined(separator: ","))),
                 ("start_at", .time(startAt)), ("end_at", .time(endAt)), ("rate", .money(rate)), ("status", .text(status)),
                 ("talent", .text(talent)), ("booking", .text(booking))])
    }
}

extension Session {
    /// Opens a role on a project: the skills wanted, its dates (in the project's studio's zone), its rate.
    public func addJob(project: String, title: String, skills: [String], from: When, to: When, rateMinor: Int64 = 0) throws -> Outcome<String> {
        try perform("job add") { context in
            let project = try context.row("projects", ref: project, what: "project")
            let studio = try context.studio(id: project["studio_id"])
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "open job listings")
            let interval = try Interval.validated(start: from.resolve(in: studio.zone), end: to.resolve(in: studio.zone))
            guard rateMinor >= 0 else { throw SlateError.invalidInput("the rate must not be negative") }
            let skills = try LevelledList.parse(skills, field: "skills").map(\.name)
            guard !skills.isEmpty else { throw SlateError.invalidInput("give the skills the role needs (--skills hosting,french)") }
            let title = try TextInput.name(title, field: "title")
            let row = try context.insert(NewJobListing(projectID: project["id"], title: title, skills: skills.joined(separator: ","),
                                                       startAt: interval.start, endAt: interval.end, rateMinor: rateMinor))
            context.summary = "open job \(title) on \(project["name"] as String)"
            return row.uid
        }
    }

    /// Job listings of the projects the user may see, open ones first.
    public func jobs(openOnly: Bool = false) throws -> [JobListing] {
        try read { reader in
            try reader.fetch("""
                SELECT j.uid, p.name AS project, j.title, j.skills, j.start_at, j.end_at, j.rate_minor, j.status, t.name AS talent, b.uid AS booking, s.time_zone
                FROM job_listings j JOIN projects p ON p.id = j.project_id JOIN studios s ON s.id = p.studio_id
                LEFT JOIN talent t ON t.id = j.talent_id LEFT JOIN bookings b ON b.id = j.booking_id
                WHERE j.deleted_at IS NULL AND \(reader.visibility.predicate("job_listings", alias: "j")) \(openOnly ? "AND j.status = 'open'" : "")
                ORDER BY j.status = 'open' DESC, j.start_at
                """) { row, format in
                var format = format
                format.zone = LocalTime.cached(row["time_zone"]) ?? format.zone
                return JobListing(uid: row["uid"], project: row["project"], title: row["title"], skills: Self.split(row["skills"]), startAt: format.time(row["start_at"] as Int64),
                                  endAt: format.time(row["end_at"] as Int64), rate: format.money(row["rate_minor"]), status: row["status"], talent: row["talent"], booking: row["booking"],
                                  timeZone: row["time_zone"])
            }
        }
    }

    /// Talent for a job listing: its skills over its dates.
    public func matchJob(_ uid: String, limit: Int = 20) throws -> [TalentMatchRow] {
        let job = try read { reader in
            let row = try reader.row("job_listings", uid: uid, what: "job listing")
            return (skills: row["skills"] as String, start: row["start_at"] as Int64, end: row["end_at"] as Int64)
        }
        return try matchTalent(TalentQuery(skills: Self.split(job.skills), from: .instant(job.start), to: .instant(job.end), limit: limit))
    }

    /// Fills a listing: books the talent over its dates (clash-checked like any booking;
    /// `hold` pencils them instead) and marks it filled, in one command.
    public func fillJob(_ uid: String, talent: String, hold: Bool = false) throws -> Outcome<BookingView> {
        try perform("job fill") { context in
            let job = try context.row("job_listings", uid: uid, what: "job listing")
            guard (job["status"] as String) == "open" else {
                let filledBy = try (job["talent_id"] as Int64?).map { try context.uid(of: "talent", id: $0) }.flatMap { try? context.talent(ref: $0).name }
                throw SlateError.refused([RuleViolation(.transition, "\(uid) is \(job["status"] as String)\(filledBy.map { " (by \($0))" } ?? ""), not open")])
            }
            let person = try context.talent(ref: talent)
            let booking = try Self.placeBooking(context, BookingPlacement(resource: person.uid, start: .instant(job["start_at"]), end: .instant(job["end_at"]),
                                                                          status: hold ? .hold : .confirmed, note: "job \(job["title"] as String)"))
            guard context.violations.isEmpty else { return booking }
            let bookingID = try Int64.fetchOne(context.db, sql: "SELECT id FROM bookings WHERE uid = ?", arguments: [booking.uid])
            try context.updateColumns("job_listings", id: job["id"], [("status", "filled"), ("talent_id", person.id), ("booking_id", bookingID)])
            context.summary = "fill job \(job["title"] as String) with \(person.name)"
            return booking
        }
    }

    /// Closes a listing without filling it.
    public func closeJob(_ uid: String) throws -> Outcome<String> {
        try perform("job close") { context in
            let job = try context.row("job_listings", uid: uid, what: "job listing")
            let project = try context.row("projects", uid: context.uid(of: "projects", id: job["project_id"]), what: "project")
            let studio = try context.studio(id: project["studio_id"])
            try context.require(.manager, studio: studio.id, studioName: studio.name, to: "close job listings")
            try context.updateColumns("job_listings", id: job["id"], [("status", "closed")])
            context.summary = "close job \(job["title"] as String)"
            return uid
        }
    }
}
