import Foundation
import GRDB
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Project plans: auto-scheduling, cascade, assignments (DESIGN §3 rule 10)")
struct PlanningTests {
    /// Monday 7 December 2026.
    static let monday = Day(iso: "2026-12-07")!

    /// A Mon–Fri studio and a project: Writing (3d, auto) -> Tracking (fixed Tue 15 – Wed 16)
    /// -> Mixing (2d, auto) -> Master (milestone); Artwork starts 1 day after Writing starts (SS).
    func planned() throws -> (Fixture, project: String, keys: [String: String]) {
        let f = try Fixture.make(hours: "Mon-Fri 09:00-18:00")
        let file = ProjectFile(name: "Album", start: Self.monday, phases: [
            .init(key: "write", name: "Writing", timing: .days(3)),
            .init(key: "track", name: "Tracking", timing: .fixed(from: Self.monday + 8, through: Self.monday + 9)),
            .init(key: "mix", name: "Mixing", timing: .days(2)),
            .init(key: "art", name: "Artwork", timing: .days(4)),
            .init(key: "master", name: "Master", timing: .milestone(on: nil)),
        ], dependencies: [
            .init(from: "write", to: "track"), .init(from: "track", to: "mix"), .init(from: "mix", to: "master"),
            .init(from: "write", to: "art", kind: .startToStart, lag: 1),
        ])
        let made = try f.alice.importProject(file).value
        return (f, made.project, made.phases)
    }

    func days(_ f: Fixture, _ project: String) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try f.alice.projectSchedule(project).phases.map { ($0.name, "\($0.start.iso)..\($0.end.iso)") })
    }

    @Test func anImportedProjectIsPlacedOnWorkingDaysInOneCommand() throws {
        let (f, project, keys) = try planned()
        let schedule = try f.alice.projectSchedule(project)
        // Writing Mon 7–Wed 9; Tracking as fixed; Mixing Thu 17–Fri 18; Master on Mon 21 (the weekend skipped)
        #expect(try days(f, project) == ["Writing": "2026-12-07..2026-12-09", "Tracking": "2026-12-15..2026-12-16", "Mixing": "2026-12-17..2026-12-18",
                                         "Artwork": "2026-12-08..2026-12-11", "Master": "2026-12-21..2026-12-21"])
        #expect(schedule.finish.iso == "2026-12-18")
        #expect(schedule.criticalChain == [keys["track"]!, keys["mix"]!, keys["master"]!])
        let writing = try #require(schedule.phases.first { $0.name == "Writing" })
        #expect(writing.totalFloat == 3)
        #expect(writing.lateFinish.iso == "2026-12-14")
        // One command: one undo removes the whole project's phases
        _ = try f.alice.undo()
        #expect(try f.alice.phases().isEmpty)
        #expect(try f.alice.projects().isEmpty)
    }

    @Test func aBadFileIsRefusedNamingTheFieldAndWritesNothing() throws {
        let f = try Fixture.make()
        func message(_ json: String) -> String {
            do { _ = try f.alice.importProject(try ProjectFile.parse(Data(json.utf8))); return "" } catch { return "\(error)" }
        }
        #expect(message("{\"name\": \"A\",\n \"phases\": [\n  {\"key\": \"a\" \"name\": \"x\"}]}").contains("line 3"))
        #expect(message(#"{"name": "A", "phases": [{"key": "a", "name": "x"}, {"key": "b", "name": "y", "duration": "3x"}]}"#).contains("phases[0]: needs a duration"))
        #expect(message(#"{"name": "A", "phases": [{"key": "b", "name": "y", "duration": "3x"}]}"#).contains("phases[0].duration"))
        #expect(message(#"{"name": "A", "phases": [{"key": "a", "name": "x", "duration": 2}], "dependencies": [{"from": "a", "to": "z"}]}"#).contains("dependencies[0].to"))
        #expect(message(#"{"name": "A", "phases": [{"key": "a", "name": "x", "duration": 2, "colour": "red"}]}"#).contains("phases[0].colour: unknown field"))
        #expect(message(#"{"name": "A", "start": "2026-02-30", "phases": []}"#).contains("start"))
        // A cycle is refused naming it, and nothing is written
        let cycle = #"{"name": "A", "phases": [{"key": "a", "name": "Edit", "duration": 2}, {"key": "b", "name": "Grade", "duration": 1}, {"key": "c", "name": "Mix", "duration": 1}], "dependencies": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "b"}]}"#
        #expect(message(cycle).contains("'Grade' -> 'Mix' -> 'Grade'"))
        #expect(try f.alice.projects().isEmpty)
    }

    @Test func aDependencyThatWouldLoopIsRefusedNamingTheLoop() throws {
        let (f, _, keys) = try planned()
        let error = try #require(violations { _ = try f.alice.addDependency(predecessor: keys["master"]!, successor: keys["write"]!) }.first)
        #expect(error.kind == .dependencyCycle)
        #expect(error.message.contains("'Writing' -> 'Tracking' -> 'Mixing' -> 'Master' -> 'Writing'"))
    }

    @Test func autoScheduledSuccessorsFollowAndFixedOnesAreReportedOrCascaded() throws {
        let (f, project, keys) = try planned()
        // Writing grows to 7 days: it now ends Tue 15, past Tracking's fixed start. Tracking
        // stays and is reported; auto-scheduled phases always sit at their early dates.
        let plain = try f.alice.editPhase(keys["write"]!, [.resize(7)], plan: true)
        #expect(plain.value.map(\.name) == ["Writing", "Mixing", "Master"])
        #expect(plain.warnings.map(\.message) == ["'Tracking' starts 2026-12-15, before 'Writing' allows (FS, 2026-12-16)"])
        // With cascade, the plan moves Tracking by the least needed and Mixing and Master after it
        let plan = try f.alice.editPhase(keys["write"]!, [.resize(7)], cascade: true, plan: true)
        #expect(plan.planned)
        #expect(try days(f, project)["Tracking"] == "2026-12-15..2026-12-16")
        let applied = try f.alice.editPhase(keys["write"]!, [.resize(7)], cascade: true)
        #expect(applied.value == plan.value)
        #expect(applied.value.map(\.line) == ["'Writing' 7 déc. – 9 déc. -> 7 déc. – 15 déc.", "'Tracking' 15 déc. – 16 déc. -> 16 déc. – 17 déc.",
                                              "'Mixing' 17 déc. – 18 déc. -> 18 déc. – 21 déc.", "'Master' lun. 21 déc. -> mar. 22 déc."])
        #expect(applied.warnings.isEmpty)
        #expect(try f.alice.projectSchedule(project).phases.allSatisfy { $0.violatedBy.isEmpty })
        // One undo step puts every phase back
        _ = try f.alice.undo()
        #expect(try days(f, project)["Tracking"] == "2026-12-15..2026-12-16")
        #expect(try days(f, project)["Writing"] == "2026-12-07..2026-12-09")
    }

    @Test func movingAnAutoPhasePinsItAndMovesWithWorkingDays() throws {
        let (f, project, keys) = try planned()
        // Writing by 3 working days: Thu 10 – Mon 14; it is fixed from now on
        _ = try f.alice.editPhase(keys["write"]!, [.moveBy(3)])
        #expect(try days(f, project)["Writing"] == "2026-12-10..2026-12-14")
        #expect(try f.alice.projectSchedule(project).phases.first { $0.name == "Writing" }?.fixed == true)
        // Moved to a Saturday: it starts on the Monday after
        _ = try f.alice.editPhase(keys["write"]!, [.moveTo(Self.monday + 12)])
        #expect(try days(f, project)["Writing"] == "2026-12-21..2026-12-23")
        #expect(try f.alice.projectSchedule(project).phases.first { $0.name == "Tracking" }?.violatedBy == ["Writing"])
        // A stale edit is refused
        #expect(failure { _ = try f.alice.editPhase(keys["write"]!, [.progress(50)], expectedVersion: 1) } == "stale")
        // A milestone cannot be resized
        #expect(failure { _ = try f.alice.editPhase(keys["master"]!, [.resize(2)]) } == "invalid_input")
    }

    @Test func assignmentsMoveWithTheirPhaseAndACascadeThatWouldDoubleBookIsRefusedWhole() throws {
        let (f, project, keys) = try planned()
        // Stage A is assigned to Mixing (Thu 17 – Fri 18), Noah to Tracking
        let assigned = try f.alice.assignPhase(keys["mix"]!, resource: f.stageA)
        let stage = assigned.value
        // It holds the phase's whole days: opening hours do not apply
        #expect(assigned.warnings.isEmpty)
        _ = try f.alice.assignPhase(keys["track"]!, resource: f.noah).value
        #expect(stage.startLocal == "2026-12-17T00:00")
        #expect(stage.endLocal == "2026-12-19T00:00")
        #expect(try f.alice.projectSchedule(project).phases.first { $0.name == "Mixing" }?.assigned == ["Stage A (confirmed)"])
        // The grid and booking listings name the phase
        #expect(try f.alice.booking(stage.uid).phase == "Mixing (Album)")
        // The booking itself cannot drift from its phase
        #expect(violations { _ = try f.alice.move(stage.uid, start: "2026-12-17T10:00", end: "2026-12-17T12:00") }.map(\.kind) == [.partOfPhase])
        // Stage A is booked on Mon 21: a cascade that moves Mixing onto it is refused whole
        let other = try f.book(f.stageA, "2026-12-21T10:00", "2026-12-21T12:00")
        let refused = violations { _ = try f.alice.editPhase(keys["write"]!, [.resize(7)], cascade: true) }
        #expect(refused.map(\.kind) == [.doubleBooking])
        #expect(refused[0].message.contains("phase 'Mixing'"))
        #expect(try days(f, project)["Writing"] == "2026-12-07..2026-12-09")
        #expect(try f.alice.booking(stage.uid).startLocal == "2026-12-17T00:00")
        // Without the clash the cascade moves the bookings too, and one undo brings them back
        _ = try f.alice.cancel(other.uid)
        _ = try f.alice.editPhase(keys["write"]!, [.resize(7)], cascade: true)
        #expect(try f.alice.booking(stage.uid).startLocal == "2026-12-18T00:00")
        #expect(try f.alice.booking(stage.uid).endLocal == "2026-12-22T00:00")
        _ = try f.alice.undo()
        #expect(try f.alice.booking(stage.uid).startLocal == "2026-12-17T00:00")
    }

    @Test func anExportReadsBackAsTheSamePlan() throws {
        let (f, project, _) = try planned()
        let exported = try f.alice.exportProject(project)
        let again = try f.alice.importProject(try ProjectFile.parse(Data(exported.json().utf8))).value
        let first = try f.alice.projectSchedule(project).phases.map { "\($0.name) \($0.start) \($0.end) \($0.totalFloat)" }
        let second = try f.alice.projectSchedule(again.project).phases.map { "\($0.name) \($0.start) \($0.end) \($0.totalFloat)" }
        #expect(first == second)
        #expect(try f.alice.exportProject(again.project).json().replacingOccurrences(of: #"ph-[a-z0-9]+"#, with: "ph", options: .regularExpression)
            == exported.json().replacingOccurrences(of: #"ph-[a-z0-9]+"#, with: "ph", options: .regularExpression))
    }
}

@Suite("Suggesting free times for a show (rule 5)")
struct SuggestTests {
    @Test func aClashingDraftIsOfferedTheNearestTimesItsRoomAndTalentAreFree() throws {
        let f = try Fixture.make(hours: "Mon-Sat 09:00-20:00")
        // Stage A is booked 10:00–12:00 on Thursday; Ava is off that afternoon; another draft takes Stage A 12:00–13:00
        _ = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.addTimeOff(resource: f.ava, start: "2026-12-03T13:00", end: "2026-12-03T16:00", hard: false, reason: "dentist")
        _ = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Other draft", start: "2026-12-03T12:00", end: "2026-12-03T13:00"))
        let show = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageA, title: "Launch", start: "2026-12-03T10:30", end: "2026-12-03T11:30",
                                                 talent: [f.ava])).value
        let slots = try f.alice.suggestSlots(show: show, limit: 3).map { $0.start.span(to: $0.end) }
        #expect(slots == ["jeu. 3 déc. 09:00–10:00", "jeu. 3 déc. 16:00–17:00", "jeu. 3 déc. 16:15–17:15"])
        // Unknown shows answer like everywhere else
        #expect(failure { _ = try f.alice.suggestSlots(show: "sh-zzzzzz") } == "not_found")
    }
}
