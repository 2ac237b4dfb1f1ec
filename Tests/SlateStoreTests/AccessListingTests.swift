import Foundation
import SlateTestSupport
import Testing
@testable import SlateCore
@testable import SlateStore

@Suite("Client members see only their client's records, through every listing")
struct AccessListingTests {
    /// Two clients each with a schedule, show, material and project; lea is a member of Acme only.
    func world() throws -> (Fixture, Session, acme: [String], other: [String]) {
        let f = try Fixture.make()
        let globex = try f.alice.addClient(name: "Globex").value
        let platform = try f.alice.addPlatform(name: "Twitch").value
        var acme: [String] = []
        var other: [String] = []
        for (client, bucket) in [(f.acme, 0), (globex, 1)] {
            let schedule = try f.alice.addSchedule(client: client, name: "Plan \(bucket)").value
            let show = try f.alice.addShow(ShowInput(client: client, schedule: schedule, room: f.stageA, title: "Show \(bucket)",
                                                     start: .local("2026-12-0\(3 + bucket)T10:00"), end: .local("2026-12-0\(3 + bucket)T12:00"), talent: [f.ava])).value
            let material = try f.alice.addMaterial(client: client, kind: .brief, title: "Brief \(bucket)", platform: platform).value
            let project = try f.alice.addProject(client: client, name: "Project \(bucket)").value
            let ids = [schedule, show, material, project, client]
            if bucket == 0 { acme = ids } else { other = ids }
        }
        _ = try f.alice.addMember(login: "lea", role: .member, scope: .client(f.acme))
        _ = try f.book(f.stageB, "2026-12-03T10:00", "2026-12-03T12:00")
        return (f, f.session("lea"), acme, other)
    }

    func uids(_ records: [Listing], _ column: String = "uid") -> Set<String> {
        Set(records.compactMap { $0[column] })
    }

    @Test func schedulesShowsMaterialsProjectsAndClients() throws {
        let (_, lea, acme, other) = try world()
        let listings: [(String, [Listing])] = [
            ("schedules", try lea.schedules().map(\.listing)), ("shows", try lea.shows().map(\.listing)), ("materials", try lea.materials().map(\.listing)),
            ("projects", try lea.projects().map(\.listing)), ("clients", try lea.clients().map(\.listing)),
        ]
        for (name, records) in listings {
            let seen = uids(records)
            #expect(!seen.isEmpty, "\(name): lea sees her client's records")
            #expect(seen.isDisjoint(with: other), "\(name): lea sees another client's records")
            #expect(seen.isSubset(of: Set(acme)), "\(name)")
        }
    }

    @Test func studioDataIsInvisibleToClientMembers() throws {
        let (_, lea, _, _) = try world()
        #expect(try lea.bookings().isEmpty)
        #expect(try lea.talent().isEmpty)
        #expect(try lea.rooms().isEmpty)
        #expect(try lea.equipment().isEmpty)
        #expect(try lea.timeOff().isEmpty)
        #expect(try lea.templates().isEmpty)
        #expect(try lea.tasks().isEmpty)
        #expect(try lea.studios().isEmpty)
        #expect(try lea.check().isEmpty)
        #expect(try lea.phases().allSatisfy { $0["project"] == "Project 0" })
        #expect(try lea.log().allSatisfy { $0["user"] == "lea" })
        #expect(try lea.members().allSatisfy { $0["login"] == "lea" })
        #expect(failure { _ = try lea.history(of: "bk-anything") } == "not_found")
    }

    @Test func staffOfAnotherStudioSeeNoneOfThisStudiosData() throws {
        let (f, _, _, _) = try world()
        let south = try f.alice.addStudio(name: "South", timeZone: "Europe/London").value
        _ = try f.alice.addMember(login: "otto", role: .admin, scope: .studio(south))
        let otto = f.session("otto")
        #expect(try otto.bookings().isEmpty)
        #expect(try otto.talent().isEmpty)
        #expect(try otto.rooms().isEmpty)
        #expect(try otto.shows().isEmpty)
        #expect(try otto.schedules().isEmpty)
        #expect(failure { _ = try otto.book(fixtureRoom: f) } == "not_found")
    }

    @Test func linkedTalentSeesTheirOwnBookingsOnly() throws {
        let (f, _, _, _) = try world()
        _ = try f.alice.addMember(login: "ava", role: .member, scope: .platform(try f.alice.platforms()[0]["uid"] ?? ""))
        let talent = try f.alice.addTalent(TalentInput(name: "Ava Linked", userLogin: "ava")).value
        let own = try f.book(talent, "2026-12-05T10:00", "2026-12-05T12:00")
        let seen = try f.session("ava").bookings()
        #expect(seen.map(\.uid) == [own.uid])
    }
}

extension Session {
    fileprivate func book(fixtureRoom f: Fixture) throws {
        _ = try place(BookingPlacement(resource: f.stageA, start: "2026-12-03T14:00", end: "2026-12-03T15:00", status: .confirmed))
    }
}
