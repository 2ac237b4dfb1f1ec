/// What a coordinator looks for: skills (a language counts as a skill of its name), style
/// tags, and optionally a window and a slot length within it.
public struct MatchRequest: Sendable, Equatable {
    public var skills: [String]
    public var styles: [String]
    public var window: Interval?
    /// With a window: the length of slot wanted inside it; nil means the whole window.
    public var duration: Int64?

    public init(skills: [String], styles: [String] = [], window: Interval? = nil, duration: Int64? = nil) {
        var seen = Set<String>()
        self.skills = skills.map(SearchText.fold).filter { !$0.isEmpty && seen.insert($0).inserted }
        seen = []
        self.styles = styles.map(SearchText.fold).filter { !$0.isEmpty && seen.insert($0).inserted }
        self.window = window
        self.duration = duration
    }
}

/// A talent as matching sees it.
public struct MatchCandidate: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// Skill (folded: `SearchText.fold`) to level 1–5; languages appear here too.
    public var skills: [String: Int]
    /// Style tags, folded.
    public var styles: Set<String>
    /// The average of their show ratings, if any.
    public var rating: Double?
    public var banned: Bool
    /// Confirmed bookings and hard time off: they cannot be booked then.
    public var busy: [Interval]
    /// Holds and soft time off: they could be booked, behind a pencil or against a wish.
    public var tentative: [Interval]

    public init(id: Int64, name: String, skills: [String: Int], styles: Set<String> = [], rating: Double? = nil, banned: Bool = false,
                busy: [Interval] = [], tentative: [Interval] = []) {
        self.id = id
        self.name = name
        self.skills = skills
        self.styles = styles
        self.rating = rating
        self.banned = banned
        self.busy = busy
        self.tentative = tentative
    }
}

/// A talent's rating (the average of their show ratings, 1–5) as shown: `4.5`.
public enum RatingText {
    public static func of(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// Whether a talent can take the slot.
public enum MatchAvailability: Int, Sendable, Comparable, CaseIterable {
    /// A confirmed booking or hard time off leaves no slot.
    case busy = 0
    /// Only holds or soft time off stand in the way.
    case tentative = 1
    /// Nothing in the way (or no window asked).
    case free = 2

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var text: String {
        switch self {
        case .busy: "busy"
        case .tentative: "held"
        case .free: "free"
        }
    }
}

/// One talent's fit, and the reasons in order of the ranking.
public struct TalentMatch: Sendable, Equatable {
    public var candidate: MatchCandidate
    public var matched: [String]
    public var missing: [String]
    /// The levels of the matched skills, added up.
    public var levels: Int
    public var styleMatches: Int
    public var availability: MatchAvailability
    /// With a slot length: the free slots of that length (whole free stretches), earliest first.
    public var freeSlots: [Interval]

    public var hasAllSkills: Bool { missing.isEmpty }
}

/// Ranks talent for a request (DESIGN §5 Directory, "matching"): banned talent never
/// appears, nor talent with none of the skills asked; then all required skills first, more
/// skills matched, higher levels, more styles, availability in the window (free over held
/// over busy), rating (unrated last), name.
public enum TalentMatching {
    public static func rank(_ candidates: [MatchCandidate], for request: MatchRequest) -> [TalentMatch] {
        var matches: [TalentMatch] = []
        matches.reserveCapacity(candidates.count)
        for candidate in candidates where !candidate.banned {
            guard let match = evaluate(candidate, request) else { continue }
            matches.append(match)
        }
        return matches.sorted(by: precedes)
    }

    /// One candidate's fit, or nil when they have none of the skills asked.
    public static func evaluate(_ candidate: MatchCandidate, _ request: MatchRequest) -> TalentMatch? {
        var matched: [String] = []
        var missing: [String] = []
        var levels = 0
        for skill in request.skills {
            if let level = candidate.skills[skill] {
                matched.append(skill)
                levels += level
            } else {
                missing.append(skill)
            }
        }
        guard request.skills.isEmpty || !matched.isEmpty else { return nil }
        let styles = request.styles.filter { candidate.styles.contains($0) }.count
        var availability = MatchAvailability.free
        var slots: [Interval] = []
        if let window = request.window {
            let length = request.duration ?? window.duration
            slots = gaps(in: window, around: candidate.busy + candidate.tentative, atLeast: length)
            if slots.isEmpty {
                availability = gaps(in: window, around: candidate.busy, atLeast: length).isEmpty ? .busy : .tentative
            }
        }
        return TalentMatch(candidate: candidate, matched: matched, missing: missing, levels: levels, styleMatches: styles, availability: availability,
                           freeSlots: request.duration == nil ? [] : slots)
    }

    /// The candidates that can reach the first `limit` places. Availability and rating only
    /// order talent whose skills, levels and styles tie, so only those tying with the
    /// `limit`-th need their bookings read; `rank(contenders(…)).prefix(limit)` is
    /// `rank(all).prefix(limit)`.
    public static func contenders(_ candidates: [MatchCandidate], for request: MatchRequest, limit: Int) -> [MatchCandidate] {
        let skillsOnly = MatchRequest(skills: request.skills, styles: request.styles)
        let scored = candidates.compactMap { candidate -> (key: [Int], candidate: MatchCandidate)? in
            guard !candidate.banned, let match = evaluate(candidate, skillsOnly) else { return nil }
            return ([match.hasAllSkills ? 1 : 0, match.matched.count, match.levels, match.styleMatches], candidate)
        }
        guard scored.count > limit, limit > 0 else { return scored.map(\.candidate) }
        let keys = scored.map(\.key).sorted { a, b in a.lexicographicallyPrecedes(b) }
        let cutoff = keys[keys.count - limit]
        return scored.filter { !$0.key.lexicographicallyPrecedes(cutoff) }.map(\.candidate)
    }

    /// The order of the ranking.
    public static func precedes(_ a: TalentMatch, _ b: TalentMatch) -> Bool {
        if a.hasAllSkills != b.hasAllSkills { return a.hasAllSkills }
        if a.matched.count != b.matched.count { return a.matched.count > b.matched.count }
        if a.levels != b.levels { return a.levels > b.levels }
        if a.styleMatches != b.styleMatches { return a.styleMatches > b.styleMatches }
        if a.availability != b.availability { return a.availability > b.availability }
        let ra = a.candidate.rating ?? -1, rb = b.candidate.rating ?? -1
        if ra != rb { return ra > rb }
        if a.candidate.name != b.candidate.name { return a.candidate.name.lowercased() < b.candidate.name.lowercased() }
        return a.candidate.id < b.candidate.id
    }

    /// Stretches of `window` outside every interval of `taken`, at least `length` long.
    public static func gaps(in window: Interval, around taken: [Interval], atLeast length: Int64) -> [Interval] {
        var cursor = window.start
        var result: [Interval] = []
        for interval in taken.sorted(by: { $0.start < $1.start }) where interval.end > window.start && interval.start < window.end {
            if interval.start > cursor, interval.start - cursor >= length { result.append(Interval(start: cursor, end: interval.start)) }
            cursor = max(cursor, interval.end)
            if cursor >= window.end { break }
        }
        if cursor < window.end, window.end - cursor >= length { result.append(Interval(start: cursor, end: window.end)) }
        return result
    }
}
