import Foundation
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Studio members never read another studio's records")
struct StudioAccessTests {
    /// North (alice's, from the fixture) with a client, material, schedule, show with tasks,
    /// project, phase and booking; South, where sam is a member only.
    func world() throws -> (Fixture, sam: Session, north: [String: String]) {
        let f = try Fixture.make()
        let secret = try f.alice.addClient(studio: f.studio, name: "Secret Co", contact: "Jo Private", email: "jo@secret.example").value
        let material = try f.alice.addMaterial(client: secret, kind: .brief, title: "Confidential brief").value
        let schedule = try f.alice.addSchedule(client: secret, name: "Launch").value
        let template = try f.alice.addTemplate(name: "Checklist").value
        _ = try f.alice.addTemplateItem(template: template, title: "Brief", type: .preProduction, input: .text, required: true)
        let show = try f.alice.addShow(ShowInput(client: secret, schedule: schedule, room: f.stageA, title: "Secret launch", start: "2026-12-03T10:00", end: "2026-12-03T12:00")).value
        _ = try f.alice.confirmShow(show)
        let project = try f.alice.addProject(client: secret, name: "Secret album").value
        let phase = try f.alice.addPhase(project: project, name: "Mixing", timing: .fixed(from: Day(iso: "2026-12-04")!, through: Day(iso: "2026-12-05")!)).value
        let booking = try f.book(f.stageB, "2026-12-03T10:00", "2026-12-03T12:00")
        _ = try f.alice.addStudio(name: "South", timeZone: "Europe/London")
        _ = try f.alice.addMember(login: "sam", role: .member, scope: .studio("South"))
        return (f, f.session("sam"), ["client": secret, "material": material, "schedule": schedule, "show": show, "project": project,
                                      "phase": phase, "booking": booking.uid])
    }

    @Test func listingsShowNothingOfAnotherStudio() throws {
        let (_, sam, north) = try world()
        #expect(try sam.clients().isEmpty)
        #expect(try sam.materials().isEmpty)
        #expect(try sam.schedules().isEmpty)
        #expect(try sam.shows().isEmpty)
        #expect(try sam.tasks().isEmpty)
        #expect(try sam.projects().isEmpty)
        #expect(try sam.phases().isEmpty)
        #expect(try sam.bookings().isEmpty)
        // The log shows sam no command of North's, so no summary names its client or show
        let log = try sam.log()
        #expect(log.map { $0["name"] } == ["member add"], "\(log.map { $0["summary"] ?? "" })")
        #expect(!log.contains { ($0["summary"] ?? "").contains("Secret") })
        #expect(north.count == 7)
    }

    @Test func aHiddenRecordAnswersExactlyLikeAnUnknownID() throws {
        let (_, sam, north) = try world()
        func message(_ body: () throws -> Void) -> String {
            do { try body(); return "no error" } catch { return "\(error)" }
        }
        let probes: [(String, String, (String) throws -> Void)] = [
            ("schedule", "sc-zzzzzz", { _ = try sam.shows(schedule: $0) }),
            ("schedule", "sc-zzzzzz", { _ = try sam.draftClashes(schedule: $0) }),
            ("show", "sh-zzzzzz", { _ = try sam.tasks(Session.TaskFilter(show: $0)) }),
            ("client", "cl-zzzzzz", { _ = try sam.materials(client: $0) }),
            ("project", "pj-zzzzzz", { _ = try sam.phases(project: $0) }),
            ("booking", "bk-zzzzzz", { _ = try sam.history(of: $0) }),
            ("booking", "bk-zzzzzz", { _ = try sam.booking($0) }),
        ]
        for (kind, unknown, probe) in probes {
            let hidden = try #require(north[kind])
            let forHidden = message { try probe(hidden) }
            let forUnknown = message { try probe(unknown) }
            #expect(forHidden.hasPrefix("Not found"), "\(kind): \(forHidden)")
            #expect(forHidden.replacingOccurrences(of: hidden, with: unknown) == forUnknown, "\(kind)")
        }
    }

    @Test func aMemberOfBothStudiosSeesBoth() throws {
        let (f, _, north) = try world()
        let southClient = try f.alice.addClient(studio: "South", name: "Southern Sounds").value
        let clients = Set(try f.alice.clients().compactMap { $0["uid"] })
        #expect(clients.isSuperset(of: [north["client"] ?? "", southClient]))
        #expect(try f.alice.history(of: north["booking"] ?? "").count == 1)
    }
}
