import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Matching talent to a gig: skills, then availability, then rating")
struct TalentMatchingTests {
    /// The ranking worked out the slow way: every talent's reasons computed minute by
    /// minute, then every pair compared by the documented order of keys.
    static func bruteForce(_ candidates: [MatchCandidate], _ request: MatchRequest) -> [Int64] {
        struct Scored { var id: Int64; var name: String; var keys: [Int]; var rating: Double }
        var scored: [Scored] = []
        for candidate in candidates where !candidate.banned {
            let matched = request.skills.filter { candidate.skills[$0] != nil }
            if !request.skills.isEmpty, matched.isEmpty { continue }
            let levels = matched.map { candidate.skills[$0]! }.reduce(0, +)
            let styles = request.styles.filter { candidate.styles.contains($0) }.count
            var availability = 2
            if let window = request.window {
                let length = request.duration ?? window.duration
                func hasRun(_ taken: [Interval]) -> Bool {
                    var run: Int64 = 0
                    var minute = window.start
                    while minute < window.end {
                        let step = Interval(start: minute, end: minute + 60)
                        run = taken.contains { $0.overlaps(step) } ? 0 : run + 60
                        if run >= length { return true }
                        minute += 60
                    }
                    return false
                }
                availability = hasRun(candidate.busy + candidate.tentative) ? 2 : hasRun(candidate.busy) ? 1 : 0
            }
            scored.append(Scored(id: candidate.id, name: candidate.name,
                                 keys: [matched.count == request.skills.count ? 1 : 0, matched.count, levels, styles, availability], rating: candidate.rating ?? -1))
        }
        return scored.sorted { a, b in
            for (x, y) in zip(a.keys, b.keys) where x != y { return x > y }
            if a.rating != b.rating { return a.rating > b.rating }
            if a.name.lowercased() != b.name.lowercased() { return a.name.lowercased() < b.name.lowercased() }
            return a.id < b.id
        }.map(\.id)
    }

    @Test(arguments: 1...8)
    func theRankingIsTheBruteForceOrderOnRandomRosters(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let skills = ["french", "hosting", "beauty", "gaming", "english", "dj"]
        let day: Int64 = 1_796_112_000
        let window = Interval(start: day + 9 * 3_600, end: day + 18 * 3_600)
        func intervals(_ count: Int) -> [Interval] {
            (0..<count).map { _ in
                let start = day + Int64(Int.random(in: 6 * 12..<20 * 12, using: &random)) * 300
                return Interval(start: start, end: start + Int64(Int.random(in: 3...60, using: &random)) * 300)
            }
        }
        let roster = (0..<Int.random(in: 20...60, using: &random)).map { index in
            MatchCandidate(id: Int64(index + 1), name: ["Ava", "Éloïse", "王芳", "Noah", "ava"][index % 5] + " \(index % 7)",
                           skills: Dictionary(skills.filter { _ in Bool.random(using: &random) }.map { ($0, Int.random(in: 1...5, using: &random)) }, uniquingKeysWith: { a, _ in a }),
                           styles: Set(["calm", "energetic", "funny"].filter { _ in Bool.random(using: &random) }),
                           rating: Bool.random(using: &random) ? Double(Int.random(in: 2...10, using: &random)) / 2 : nil,
                           banned: Int.random(in: 0..<8, using: &random) == 0,
                           busy: intervals(Int.random(in: 0...3, using: &random)), tentative: intervals(Int.random(in: 0...2, using: &random)))
        }
        let asked = Array(skills.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
        for request in [MatchRequest(skills: asked), MatchRequest(skills: asked, styles: ["calm"], window: window),
                        MatchRequest(skills: asked.map { $0.uppercased() }, window: window, duration: Int64(Int.random(in: 1...8, using: &random)) * 1_800)] {
            let ranked = TalentMatching.rank(roster, for: request)
            #expect(ranked.map(\.candidate.id) == Self.bruteForce(roster, request))
            // Reading the bookings of the contenders only gives the same first places
            for limit in [1, 3, 10] {
                let contenders = TalentMatching.contenders(roster, for: request, limit: limit)
                #expect(contenders.count <= ranked.count)
                #expect(TalentMatching.rank(contenders, for: request).prefix(limit).map(\.candidate.id) == ranked.prefix(limit).map(\.candidate.id))
            }
            #expect(!ranked.contains { $0.candidate.banned })
            // Free slots are free of every booking and hold, and as long as asked.
            for match in ranked where request.duration != nil {
                for slot in match.freeSlots {
                    #expect(slot.duration >= request.duration!)
                    #expect(!(match.candidate.busy + match.candidate.tentative).contains { $0.overlaps(slot) })
                    #expect(slot.start >= window.start && slot.end <= window.end)
                }
                #expect(match.freeSlots.isEmpty == (match.availability != .free))
            }
        }
    }

    @Test func allSkillsComeFirstThenLevelsThenAvailabilityThenRating() {
        let window = Interval(start: 36_000, end: 64_800)
        let roster = [
            MatchCandidate(id: 1, name: "One skill, top level", skills: ["french": 5], rating: 5),
            MatchCandidate(id: 2, name: "Both, busy", skills: ["french": 1, "hosting": 1], busy: [window]),
            MatchCandidate(id: 3, name: "Both, held", skills: ["french": 1, "hosting": 1], tentative: [window]),
            MatchCandidate(id: 4, name: "Both, free, rated 3", skills: ["french": 1, "hosting": 1], rating: 3),
            MatchCandidate(id: 5, name: "Both, free, rated 4", skills: ["french": 1, "hosting": 1], rating: 4),
            MatchCandidate(id: 6, name: "Both, higher levels, busy", skills: ["french": 3, "hosting": 2], busy: [window]),
            MatchCandidate(id: 7, name: "Banned, best on paper", skills: ["french": 5, "hosting": 5], banned: true),
            MatchCandidate(id: 8, name: "Neither", skills: ["gaming": 5]),
        ]
        let ranked = TalentMatching.rank(roster, for: MatchRequest(skills: ["French", "hosting"], window: window))
        #expect(ranked.map(\.candidate.id) == [6, 5, 4, 3, 2, 1])
        #expect(ranked.map(\.availability) == [.busy, .free, .free, .tentative, .busy, .free])
        #expect(ranked.last?.missing == ["hosting"])
    }

    @Test func gapsAreTheStretchesOutsideEveryInterval() {
        let window = Interval(start: 0, end: 100)
        let taken = [Interval(start: 10, end: 20), Interval(start: 15, end: 30), Interval(start: 60, end: 70), Interval(start: -5, end: 2)]
        #expect(TalentMatching.gaps(in: window, around: taken, atLeast: 1) == [Interval(start: 2, end: 10), Interval(start: 30, end: 60), Interval(start: 70, end: 100)])
        #expect(TalentMatching.gaps(in: window, around: taken, atLeast: 30) == [Interval(start: 30, end: 60), Interval(start: 70, end: 100)])
        #expect(TalentMatching.gaps(in: window, around: [window], atLeast: 1).isEmpty)
    }

    @Test func levelledListsAreCheckedWrittenAndReadBack() throws {
        let items = try LevelledList.parse(["French:5, english", "FRENCH:2,Mandarin:3"], field: "languages")
        #expect(items == [.init(name: "French", level: 5), .init(name: "english", level: 1), .init(name: "Mandarin", level: 3)])
        #expect(LevelledList.text(items) == "French:5,english,Mandarin:3")
        #expect(LevelledList.stored(LevelledList.text(items)) == items)
        #expect(throws: SlateError.self) { try LevelledList.parse(["french:0"], field: "skills") }
        #expect(throws: SlateError.self) { try LevelledList.parse(["french:x"], field: "skills") }
        #expect(LevelledList.stored("").isEmpty)
        #expect(RatingText.of(4.25) == "4.3" && RatingText.of(5) == "5.0")
    }

    @Test func searchTextFoldsAccentsAndQuotesEveryWord() {
        #expect(SearchText.fold("Éloïse ADÉBÁYỌ̀") == "eloise adebayo")
        #expect(SearchText.ftsQuery("rehears* Éloïse") == "\"rehears\"* \"Éloïse\"")
        // FTS5 syntax typed by a user is plain text, never an operator or an error.
        #expect(SearchText.ftsQuery("NOT \"a\" OR b*") == "\"NOT\" \"a\" \"OR\" \"b\"*")
        #expect(SearchText.ftsQuery("  * \" ") == nil)
    }
}
