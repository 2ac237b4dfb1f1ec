import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore

@Suite("Working days and the critical path (DESIGN §3 rule 10)")
struct CriticalPathTests {
    static let weekdays = WorkCalendar(openWeekdays: Set(1...5))
    /// Monday 5 January 2026.
    static let monday = Day(iso: "2026-01-05")!

    @Test func daysReadAndWriteTheirCalendarFields() {
        #expect(Day(iso: "1970-01-01")?.number == 0)
        #expect(Day(iso: "1970-01-01")?.weekday == 4)
        #expect(Self.monday.weekday == 1)
        #expect(Day(iso: "2024-02-29")?.iso == "2024-02-29")
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-1-05") == nil)
        #expect(Day(iso: "1969-12-31")?.number == -1)
        for n in stride(from: -300_000, to: 2_900_000, by: 997) {
            #expect(Day(iso: Day(n).iso) == Day(n))
        }
    }

    @Test func workingDayIndexesSkipClosedDaysBothWays() {
        let calendar = Self.weekdays
        var index = calendar.index(of: Day(-30))
        for n in -30...400 {
            let day = Day(n)
            #expect(calendar.index(of: day) == index)
            if calendar.isWorking(day) {
                #expect(calendar.day(at: index) == day)
                index += 1
            } else {
                #expect(calendar.workingDay(onOrAfter: day).weekday == 1)
            }
        }
        #expect(calendar.workingDays(from: Self.monday, through: Self.monday + 13) == 10)
    }

    @Test func finishToStartFollowsOnTheNextWorkingDayPlusLag() throws {
        // Given a 3-day phase from Thursday and a successor with 2 days of lag
        let calendar = Self.weekdays
        let start = calendar.index(of: Self.monday + 3)
        let plan = try CriticalPath(tasks: [PlanTask(duration: 3), PlanTask(duration: 2)], links: [PlanLink(from: 0, to: 1, lag: 2)], start: start)
        // Then the first ends on Monday, the second starts Thursday (Tue, Wed of lag) and the weekend is skipped
        #expect(calendar.day(at: plan.earlyFinish[0] - 1).iso == "2026-01-12")
        #expect(calendar.day(at: plan.earlyStart[1]).iso == "2026-01-15")
        #expect(plan.chain == [0, 1])
        #expect(plan.totalFloat == [0, 0])
    }

    @Test func startToStartFinishToFinishAndMilestones() throws {
        let tasks = [PlanTask(duration: 5), PlanTask(duration: 2), PlanTask(duration: 3), PlanTask(duration: 0)]
        let links = [PlanLink(from: 0, to: 1, kind: .startToStart, lag: 1), PlanLink(from: 0, to: 2, kind: .finishToFinish, lag: 1),
                     PlanLink(from: 2, to: 3)]
        let plan = try CriticalPath(tasks: tasks, links: links, start: 100)
        #expect(plan.earlyStart == [100, 101, 103, 106])
        #expect(plan.earlyFinish == [105, 103, 106, 106])
        #expect(plan.finish == 106)
        // The 2-day phase may slip until it would end at the finish; the chain runs through the FF link
        #expect(plan.totalFloat == [0, 3, 0, 0])
        #expect(plan.chain == [0, 2, 3])
        #expect(plan.isCritical(3))
    }

    @Test func aFixedPhaseStartsNoEarlierThanItsDateAndIsViolatedWhenPushed() throws {
        let tasks = [PlanTask(duration: 4, fixedStart: 10), PlanTask(duration: 2, fixedStart: 12), PlanTask(duration: 1)]
        let links = [PlanLink(from: 0, to: 1), PlanLink(from: 1, to: 2)]
        let plan = try CriticalPath(tasks: tasks, links: links, start: 0)
        #expect(plan.earlyStart == [10, 14, 16])
        #expect(plan.violations(tasks: tasks, links: links) == [links[0]])
        #expect(CriticalPath.dependents(of: 0, count: 3, links: links) == [1, 2])
    }

    @Test func aCycleIsRefusedNamingItsPhasesInOrder() {
        let links = [PlanLink(from: 0, to: 1), PlanLink(from: 1, to: 2), PlanLink(from: 2, to: 3), PlanLink(from: 3, to: 1)]
        #expect(throws: DependencyCycle(positions: [1, 2, 3])) {
            try CriticalPath(tasks: Array(repeating: PlanTask(duration: 1), count: 4), links: links, start: 0)
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func earlyAndLateDatesEqualABruteForceWalkOverCalendarDays(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let calendar = [Self.weekdays, WorkCalendar(openWeekdays: [2, 3, 4, 6]), WorkCalendar.everyDay, WorkCalendar(openWeekdays: [5])][Int(seed - 1)]
        let count = seed == 1 ? 5_000 : Int.random(in: 50...800, using: &random)
        // A random DAG: links go from an earlier generated phase to a later one; positions are shuffled.
        let shuffle = Array(0..<count).shuffled(using: &random)
        var tasks = [PlanTask](repeating: PlanTask(duration: 0), count: count)
        var fixedDays: [Day?] = Array(repeating: nil, count: count)
        let start = Self.monday
        for g in 0..<count {
            let duration = Int.random(in: 0...6, using: &random)
            var fixed: Day?
            if Int.random(in: 0..<10, using: &random) == 0 { fixed = start + Int.random(in: -3...(count / 2), using: &random) }
            fixedDays[shuffle[g]] = fixed
            tasks[shuffle[g]] = PlanTask(duration: duration, fixedStart: fixed.map { calendar.index(of: $0) })
        }
        var generated: [(from: Int, to: Int, link: PlanLink)] = []
        for to in 1..<count {
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let from = Int.random(in: max(0, to - 40)..<to, using: &random)
                guard !generated.contains(where: { $0.from == from && $0.to == to }) else { continue }
                let kind = DependencyKind.allCases.randomElement(using: &random)!
                generated.append((from, to, PlanLink(from: shuffle[from], to: shuffle[to], kind: kind, lag: Int.random(in: 0...3, using: &random))))
            }
        }
        let links = generated.map(\.link).shuffled(using: &random)
        let plan = try CriticalPath(tasks: tasks, links: links, start: calendar.index(of: start))

        // Brute force: walk calendar days one at a time, in generation order.
        func next(_ day: Day) -> Day { var d = day; while !calendar.isWorking(d) { d = d + 1 }; return d }
        func previous(_ day: Day) -> Day { var d = day; while !calendar.isWorking(d) { d = d - 1 }; return d }
        func forward(_ day: Day, _ n: Int) -> Day { var d = next(day); for _ in 0..<n { d = next(d + 1) }; return d }
        func backward(_ day: Day, _ n: Int) -> Day { var d = day; for _ in 0..<n { d = previous(d - 1) }; return d }
        // The first working day after a span: for a span of n days starting on `day`, the day after its last day.
        func after(_ day: Day, _ n: Int) -> Day { n == 0 ? day : next(forward(day, n - 1) + 1) }
        var incoming = [[(from: Int, link: PlanLink)]](repeating: [], count: count)
        var outgoing = [[(to: Int, link: PlanLink)]](repeating: [], count: count)
        for (from, to, link) in generated {
            incoming[shuffle[to]].append((from, link))
            outgoing[shuffle[from]].append((to, link))
        }
        var early = [Day](repeating: start, count: count)
        for g in 0..<count {
            let p = shuffle[g]
            var day = next(fixedDays[p] ?? start)
            for (from, link) in incoming[p] {
                let q = shuffle[from], pd = tasks[q].duration
                let candidate = switch link.kind {
                case .finishToStart: forward(after(early[q], pd), link.lag)
                case .startToStart: forward(early[q], link.lag)
                case .finishToFinish: backward(forward(after(early[q], pd), link.lag), tasks[p].duration)
                }
                day = max(day, candidate)
            }
            early[p] = day
        }
        for p in 0..<count {
            #expect(calendar.day(at: plan.earlyStart[p]) == early[p])
            #expect(plan.totalFloat[p] == plan.lateStart[p] - plan.earlyStart[p])
            #expect(plan.totalFloat[p] >= 0)
        }
        // Late starts: no successor could start later without moving the finish.
        var late = [Int](repeating: plan.finish, count: count)
        for g in (0..<count).reversed() {
            let p = shuffle[g]
            var finish = plan.finish
            for (to, link) in outgoing[p] {
                let s = shuffle[to]
                finish = min(finish, link.latestFinish(successorLateStart: late[s] - tasks[s].duration, successorDuration: tasks[s].duration, predecessorDuration: tasks[p].duration))
            }
            late[p] = finish
        }
        #expect(plan.lateFinish == late)
        // The chain is a path of critical phases whose last ends the project.
        #expect(!plan.chain.isEmpty)
        #expect(plan.chain.allSatisfy(plan.isCritical))
        #expect(plan.earlyFinish[plan.chain.last!] == plan.finish)
    }
}

@Suite("Local days")
struct LocalDayTests {
    @Test(arguments: ["Europe/Paris", "America/Santiago", "Pacific/Apia", "Asia/Kolkata", "America/St_Johns", "UTC", "Australia/Lord_Howe"])
    func daysAndTheirMidnightsAgreeWithTheCalendar(zone name: String) throws {
        let zone = try LocalTime(zoneIdentifier: name)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        for n in stride(from: Day(iso: "2009-01-01")!.number, to: Day(iso: "2030-12-31")!.number, by: 1) {
            let day = Day(n)
            let (y, m, d) = day.fields
            let expected = Int64(calendar.startOfDay(for: calendar.date(from: DateComponents(year: y, month: m, day: d))!).timeIntervalSince1970)
            #expect(zone.start(of: day) == expected, "\(name) \(day)")
            // A day the zone skipped (Apia, 2011-12-30) has no instants; every other day starts there.
            if zone.day(of: expected) == day { #expect(zone.day(of: expected - 1) < day, "\(name) \(day)") }
            if zone.start(of: day) != expected { return }
        }
    }
}
