import Foundation
import GRDB
import SlateCore
import SlateTestSupport
import Testing
@testable import SlateStore

@Suite("The directory: records, matching, communications, comments and tags")
struct DirectoryTests {
    /// North (Paris) with a London studio, South, beside it; two clients; a French host.
    static func world() throws -> (Fixture, south: String, globex: String) {
        let f = try Fixture.make()
        let south = try f.alice.addStudio(name: "South", timeZone: "Europe/London").value
        let globex = try f.alice.addClient(studio: "South", name: "Globex").value
        _ = try f.alice.editTalent(f.ava, TalentChanges(skills: ["beauty:2", "hosting:4"], languages: ["Français:5", "French:5", "English:3"]))
        return (f, south, globex)
    }

    @Test func matchingRanksRespectsTimeOffBookingsAndBansAndCountsLanguages() throws {
        let (f, _, _) = try Self.world()
        let ines = try f.alice.addTalent(TalentInput(studio: "North", name: "Inès Dubois", role: .host, skills: ["hosting:2", "french:3"])).value
        let zoe = try f.alice.addTalent(TalentInput(studio: "North", name: "Zoé Park", role: .host, skills: ["hosting:5", "french:5"])).value
        let held = try f.alice.addTalent(TalentInput(studio: "North", name: "Held Host", role: .host, skills: ["hosting:1"], languages: ["french"])).value
        _ = try f.alice.editTalent(zoe, TalentChanges(banned: true, banReason: "no-show twice"))
        // Ines is booked 13:00–15:00 and Ava has hard time off all afternoon; the held host has a pencil
        _ = try f.book(ines, "2026-12-03T13:00", "2026-12-03T15:00")
        _ = try f.alice.addTimeOff(resource: f.ava, start: "2026-12-03T12:00", end: "2026-12-03T19:00", hard: true)
        _ = try f.hold(held, "2026-12-03T09:00", "2026-12-03T18:00")
        let rows = try f.alice.matchTalent(TalentQuery(skills: ["French", "hosting"], from: "2026-12-03T09:00", to: "2026-12-03T18:00", duration: 3 * 3_600))
        // Ava's French is a language (level 5) and her hosting level 4: first on skills, free in the morning
        #expect(rows.map(\.name) == ["Ava Martin", "Inès Dubois", "Held Host"])
        #expect(rows.map(\.availability) == ["free", "free", "held"])
        // In the zone the window was typed in, named: the workspace has a London studio too
        #expect(rows[0].freeSlots == ["jeu. 3 déc. 09:00–12:00 Paris"])
        #expect(rows[1].freeSlots == ["jeu. 3 déc. 09:00–13:00 Paris", "jeu. 3 déc. 15:00–18:00 Paris"])
        #expect(!rows.contains { $0.uid == zoe })
        // The whole window: Ava and Ines are busy (hard time off, a booking), the held host only held
        let whole = try f.alice.matchTalent(TalentQuery(skills: ["french", "hosting"], from: "2026-12-03T09:00", to: "2026-12-03T18:00"))
        #expect(whole.map(\.availability) == ["busy", "busy", "held"])
        // A language is found whatever its case and accents
        let louise = try f.alice.addTalent(TalentInput(studio: "North", name: "Louise Roy", role: .host, languages: ["Français:4"])).value
        #expect(try f.alice.matchTalent(TalentQuery(skills: ["francais"])).map(\.uid).contains(louise))
        #expect(try f.alice.matchTalent(TalentQuery(skills: ["FRANÇAIS"])).first { $0.uid == louise }?.matched == ["francais 4"])
        #expect(failure { _ = try f.alice.matchTalent(TalentQuery(skills: [])) } == "invalid_input")
        #expect(failure { _ = try f.alice.matchTalent(TalentQuery(skills: ["french"], duration: 3_600)) } == "invalid_input")
        #expect(failure { _ = try f.alice.matchTalent(TalentQuery(skills: ["french:9"])) } == "invalid_input")
    }

    @Test func stylesOrderTalentWithTheSameSkillsAndAloneFindTalent() throws {
        let (f, _, _) = try Self.world()
        let calm = try f.alice.addTalent(TalentInput(studio: "North", name: "Calm Host", role: .host, skills: ["hosting:4"], styles: ["Calm", "warm"])).value
        let loud = try f.alice.addTalent(TalentInput(studio: "North", name: "Loud Host", role: .host, skills: ["hosting:4"], styles: ["energetic"])).value
        let ranked = try f.alice.matchTalent(TalentQuery(skills: ["hosting"], styles: ["calm", "warm"])).map(\.uid)
        #expect(ranked.firstIndex(of: calm)! < ranked.firstIndex(of: loud)!)
        #expect(try f.alice.matchTalent(TalentQuery(skills: ["hosting"], styles: ["calm", "warm"])).first { $0.uid == calm }?.styles == 2)
        #expect(try f.alice.matchTalent(TalentQuery(skills: [], styles: ["energetic"])).map(\.uid) == [loud])
    }

    @Test func aStudioOnlyMatchesItsOwnTalentAndAClientMemberNone() throws {
        let (f, _, _) = try Self.world()
        _ = try f.alice.addTalent(TalentInput(studio: "South", name: "London Host", role: .host, skills: ["hosting"]))
        _ = try f.alice.addMember(login: "sam", role: .manager, scope: .studio("South"))
        #expect(try f.session("sam").matchTalent(TalentQuery(skills: ["hosting"])).map(\.name) == ["London Host"])
        #expect(try f.alice.matchTalent(TalentQuery(skills: ["hosting"], studio: "North")).map(\.name) == ["Ava Martin"])
        _ = try f.alice.addMember(login: "lea", role: .manager, scope: .client(f.acme))
        #expect(try f.session("lea").matchTalent(TalentQuery(skills: ["hosting"])).isEmpty)
    }

    @Test func fullTextSearchFoldsAccentsFindsPrefixesAndRespectsVisibility() throws {
        let (f, _, globex) = try Self.world()
        _ = try f.alice.logCommunication(about: f.acme, kind: .call, subject: "Rehearsal with Éloïse", body: "Wants a second camera")
        _ = try f.alice.logCommunication(about: f.ava, kind: .note, subject: "Availability", body: "Éloïse's cousin can host in December")
        _ = try f.alice.logCommunication(about: globex, kind: .email, subject: "Secret launch", body: "Éloïse must not know")
        #expect(try f.alice.searchCommunications("eloise").count == 3)
        #expect(try f.alice.searchCommunications("ELOISE camera").map(\.recordName) == ["Acme"])
        // Prefixes with *, no stemming: "rehearse" is not "rehearsal"
        #expect(try f.alice.searchCommunications("rehears*").count == 1)
        #expect(try f.alice.searchCommunications("rehearse").isEmpty)
        // FTS5 syntax is plain text; a line without a word is refused
        #expect(try f.alice.searchCommunications("NOT camera").isEmpty)
        #expect(failure { _ = try f.alice.searchCommunications("\" * ") } == "invalid_input")
        // Newest first, each naming what it is about
        #expect(try f.alice.searchCommunications("eloise").map(\.recordName) == ["Globex", "Ava Martin", "Acme"])
        // A client member sees their own client's communications only; a South member South's
        _ = try f.alice.addMember(login: "lea", role: .member, scope: .client(f.acme))
        #expect(try f.session("lea").searchCommunications("eloise").map(\.recordName) == ["Acme"])
        #expect(try f.session("lea").communications().map(\.recordName) == ["Acme"])
        _ = try f.alice.addMember(login: "sam", role: .member, scope: .studio("South"))
        #expect(try f.session("sam").searchCommunications("eloise").map(\.recordName) == ["Globex"])
        #expect(failure { _ = try f.session("lea").communications(about: globex) } == "not_found")
        // The search across everything groups names, communications and comments
        let hits = try f.alice.search("eloise")
        #expect(hits.map(\.kind) == [.communication, .communication, .communication])
        #expect(try f.alice.search("ava").first?.uid == f.ava)
    }

    @Test func commentsThreadEditOnlyOwnNameMentionsAndFollowVisibility() throws {
        let (f, _, globex) = try Self.world()
        let maya = try f.member("maya", .member)
        let first = try f.alice.addComment(on: f.ava, body: "Great on camera, @maya please book her again").value
        let reply = try maya.addComment(on: f.ava, body: "Will do", replyTo: first).value
        _ = try f.alice.addComment(on: f.ava, body: "Second thread")
        let thread = try f.alice.comments(on: f.ava)
        #expect(thread.map(\.uid).prefix(2) == [first, reply])
        #expect(thread.map(\.depth) == [0, 1, 0])
        #expect(thread[0].mentions == ["maya"])
        #expect(try maya.mentions().map(\.uid) == [first])
        // Only one's own comment is edited; a stale edit is refused
        #expect(failure { _ = try maya.editComment(first, body: "changed") } == "access_denied")
        _ = try f.alice.editComment(first, body: "Great on camera, @maya book her again", expectedVersion: 1)
        #expect(failure { _ = try f.alice.editComment(first, body: "again", expectedVersion: 1) } == "stale")
        #expect(try f.alice.comments(on: f.ava)[0].edited)
        // A mention names a user; an empty comment is refused
        #expect(failure { _ = try f.alice.addComment(on: f.ava, body: "ask @nobody") } == "invalid_input")
        #expect(failure { _ = try f.alice.addComment(on: f.ava, body: "   ") } == "invalid_input")
        // A removed comment with a reply keeps its place
        _ = try f.alice.deleteComment(first)
        #expect(try f.alice.comments(on: f.ava).map(\.body).first == "(removed)")
        // A client member does not see (or comment on) another client's records
        _ = try f.alice.addComment(on: globex, body: "South's client")
        _ = try f.alice.addMember(login: "lea", role: .member, scope: .client(f.acme))
        #expect(failure { _ = try f.session("lea").comments(on: globex) } == "not_found")
        #expect(failure { _ = try f.session("lea").addComment(on: globex, body: "peek") } == "not_found")
        #expect(try f.session("lea").search("south").isEmpty)
    }

    @Test func tagsGoOnAnyRecordAndFilterWhatCarriesThem() throws {
        let (f, _, globex) = try Self.world()
        #expect(try f.alice.tag(f.ava, ["vip", "french-speaking"]).value == ["vip", "french-speaking"])
        #expect(try f.alice.tag(f.ava, ["VIP"]).value.isEmpty)
        _ = try f.alice.tag(f.acme, ["vip"])
        _ = try f.alice.tag(globex, ["vip"])
        #expect(Set(try f.alice.tagged("vip").map(\.uid)) == [f.ava, f.acme, globex])
        #expect(try f.alice.tags(on: f.ava).map(\.name) == ["french-speaking", "vip"])
        // Tags are the record's studio's: North's and South's "vip" are two tags
        #expect(try f.count("SELECT count(*) FROM tags WHERE name = 'vip'") == 2)
        _ = try f.alice.untag(f.ava, ["vip"])
        #expect(try f.alice.tags(on: f.ava).map(\.name) == ["french-speaking"])
        #expect(failure { _ = try f.alice.untag(f.ava, ["vip"]) } == "not_found")
        // The directory lists each record's tags; South's member sees only South's
        #expect(try f.alice.directory().tags[f.acme] == ["vip"])
        _ = try f.alice.addMember(login: "sam", role: .member, scope: .studio("South"))
        #expect(try f.session("sam").tagged("vip").map(\.uid) == [globex])
        #expect(failure { _ = try f.session("sam").tag(f.ava, ["x"]) } == "not_found")
    }

    @Test func deletesAreRefusedWhileReferencedNamingTheReferences() throws {
        let (f, _, _) = try Self.world()
        let booking = try f.book(f.stageA, "2026-12-03T10:00", "2026-12-03T12:00")
        let refused = violations { _ = try f.alice.deleteResource(f.stageA) }
        #expect(refused.first?.message.contains(booking.uid) == true)
        let show = try f.alice.addShow(ShowInput(client: f.acme, studio: "North", title: "Launch", start: "2026-12-04T10:00", end: "2026-12-04T11:00")).value
        #expect(violations { _ = try f.alice.deleteClient(f.acme) }.first?.message.contains(show) == true)
        let twitch = try f.alice.addPlatform(name: "Twitch").value
        _ = try f.alice.editShow(show, ShowEdit(platforms: ["Twitch"]))
        #expect(violations { _ = try f.alice.deletePlatform(twitch) }.first?.message.contains(show) == true)
        let brief = try f.alice.addMaterial(client: f.acme, kind: .brief, title: "Launch brief").value
        _ = try f.alice.editShow(show, ShowEdit(materials: ["Launch brief"]))
        #expect(violations { _ = try f.alice.deleteMaterial(brief) }.first?.message.contains(show) == true)
        _ = try f.alice.editShow(show, ShowEdit(materials: []))
        _ = try f.alice.deleteMaterial(brief)
        #expect(try f.alice.materials().isEmpty)
        // A studio in use is not deleted; an empty one is
        #expect(violations { _ = try f.alice.deleteStudio("North") }.first?.message.contains(f.stageB) == true)
        _ = try f.alice.addStudio(name: "Pop-up", timeZone: "Europe/Berlin")
        _ = try f.alice.deleteStudio("Pop-up")
        #expect(!(try f.alice.studios().contains { $0.name == "Pop-up" }))
        // A studio is renamed or given new hours; a bad hours text is refused
        _ = try f.alice.editStudio("North", openingHours: "Mon-Fri 09:00-18:00")
        #expect(try f.alice.studios().first { $0.name == "North" }?.openingHours == "Mon-Fri 09:00-18:00")
        #expect(failure { _ = try f.alice.editStudio("North", openingHours: "sometimes") } == "invalid_input")
        // Once released or over, deletes go through and are undone in one step
        _ = try f.alice.cancel(booking.uid)
        _ = try f.alice.deleteResource(f.stageA)
        #expect(try f.alice.rooms().map(\.name) == ["Stage B"])
        _ = try f.alice.undo()
        #expect(try f.alice.rooms().count == 2)
    }

    @Test func editsAreVersionCheckedAndFieldsChecked() throws {
        let (f, _, _) = try Self.world()
        _ = try f.alice.editClient(f.acme, RecordChanges(["tier": "gold", "notes": "Prefers calls"]), expectedVersion: 1)
        #expect(failure { _ = try f.alice.editClient(f.acme, RecordChanges(["tier": "silver"]), expectedVersion: 1) } == "stale")
        #expect(try f.alice.clients().first { $0.uid == f.acme }?.tier == "gold")
        #expect(failure { _ = try f.alice.editClient(f.acme, RecordChanges(["colour": "red"])) } == "invalid_input")
        #expect(failure { _ = try f.alice.editClient(f.acme, RecordChanges(["name": ""])) } == "invalid_input")
        _ = try f.alice.editResource(f.stageA, RecordChanges(["capacity": "40", "notes": "Two cameras"]))
        #expect(try f.alice.rooms().first { $0.uid == f.stageA }?.capacity == 40)
        #expect(failure { _ = try f.alice.editResource(f.stageA, RecordChanges(["capacity": "-1"])) } == "invalid_input")
        let member = try f.member("sam", .member)
        #expect(failure { _ = try member.editClient(f.acme, RecordChanges(["tier": "x"])) } == "access_denied")
        // A ban carries its reason; lifting it clears it
        _ = try f.alice.editTalent(f.noah, TalentChanges(banned: true, banReason: "late twice"))
        #expect(try f.alice.talent().first { $0.uid == f.noah }?.banReason == "late twice")
        _ = try f.alice.editTalent(f.noah, TalentChanges(banned: false))
        #expect(try f.alice.talent().first { $0.uid == f.noah }?.banReason == "")
        // Skill levels are kept and changed in place
        #expect(try f.alice.talent().first { $0.uid == f.ava }?.skills == ["beauty:2", "hosting:4"])
        _ = try f.alice.editTalent(f.ava, TalentChanges(skills: ["beauty:3", "hosting:4"]))
        #expect(try f.count("SELECT count(*) FROM talent_skills WHERE skill = 'beauty'") == 1)
    }

    @Test func aRevisionKeepsTheTextItReplaces() throws {
        let (f, _, _) = try Self.world()
        let brief = try f.alice.addMaterial(client: f.acme, kind: .brief, title: "Launch brief", body: "Version one").value
        #expect(try f.alice.reviseMaterial(brief, body: "Version two").value == 2)
        #expect(try f.alice.reviseMaterial(brief, title: "Launch brief (final)", body: "Version three").value == 3)
        let revisions = try f.alice.materialRevisions(brief)
        #expect(revisions.map(\.revision) == [3, 2, 1])
        #expect(revisions.map(\.body) == ["Version three", "Version two", "Version one"])
        #expect(revisions.last?.title == "Launch brief")
    }

    @Test func aJobIsMatchedAndFilledByABookingInOneCommand() throws {
        let (f, _, _) = try Self.world()
        let project = try f.alice.addProject(studio: "North", client: f.acme, name: "Launch").value
        let job = try f.alice.addJob(project: project, title: "French host", skills: ["hosting", "french"], from: "2026-12-05T10:00", to: "2026-12-05T13:00", rateMinor: 60_000).value
        #expect(try f.alice.matchJob(job).first?.uid == f.ava)
        // A clash refuses the fill whole: the job stays open
        let other = try f.book(f.ava, "2026-12-05T12:00", "2026-12-05T14:00")
        #expect(!violations { _ = try f.alice.fillJob(job, talent: f.ava) }.isEmpty)
        #expect(try f.alice.jobs().first?.status == "open")
        _ = try f.alice.cancel(other.uid)
        let booking = try f.alice.fillJob(job, talent: f.ava).value
        #expect(booking.status == .confirmed && booking.startLocal == "2026-12-05T10:00")
        #expect(try f.alice.jobs().first.map { [$0.status, $0.talent, $0.booking] } == ["filled", "Ava Martin", booking.uid])
        #expect(violations { _ = try f.alice.fillJob(job, talent: f.noah) }.first?.message.contains("filled (by Ava Martin)") == true)
        _ = try f.alice.undo()
        #expect(try f.alice.jobs().first?.status == "open")
        #expect(try f.count("SELECT count(*) FROM bookings WHERE uid = '\(booking.uid)' AND deleted_at IS NULL") == 0)
    }

    @Test func ratingsAverageIntoTheTalentsRating() throws {
        let (f, _, _) = try Self.world()
        let show = try f.alice.addShow(ShowInput(client: f.acme, studio: "North", room: f.stageA, title: "Launch", start: "2026-12-03T10:00", end: "2026-12-03T11:00", talent: [f.ava])).value
        #expect(violations { _ = try f.alice.rateTalent(f.ava, show: show, stars: 4) }.first?.message.contains("draft") == true)
        _ = try f.alice.confirmShow(show)
        _ = try f.alice.rateTalent(f.ava, show: show, stars: 4, note: "warm")
        let second = try f.alice.addShow(ShowInput(client: f.acme, studio: "North", room: f.stageA, title: "Encore", start: "2026-12-04T10:00", end: "2026-12-04T11:00", talent: [f.ava])).value
        _ = try f.alice.confirmShow(second)
        _ = try f.alice.rateTalent(f.ava, show: second, stars: 5)
        #expect(try f.alice.talent().first { $0.uid == f.ava }?.rating == 4.5)
        #expect(failure { _ = try f.alice.rateTalent(f.ava, show: show, stars: 6) } == "invalid_input")
        #expect(failure { _ = try f.alice.rateTalent(f.noah, show: show, stars: 3) } == "not_found")
    }

    @Test func theCardGathersFieldsWeekCommunicationsCommentsTagsAndHistory() throws {
        let (f, _, _) = try Self.world()
        _ = try f.book(f.ava, "2026-12-02T10:00", "2026-12-02T12:00")
        _ = try f.alice.logCommunication(about: f.ava, kind: .call, subject: "Rates for 2027")
        _ = try f.alice.addComment(on: f.ava, body: "Lovely")
        _ = try f.alice.tag(f.ava, ["vip"])
        let card = try f.alice.recordCard(f.ava)
        #expect(card.kind == "talent" && card.title == "Ava Martin")
        #expect(card.fields.first { $0.name == "Languages" }?.value == "Français:5,French:5,English:3")
        #expect(card.week.count == 7 && card.week.map(\.label).first == "lun. 30 nov.")
        #expect(card.week[2].bookings.count == 1)
        #expect(card.upcoming.count == 1)
        #expect(card.communications.map(\.subject) == ["Rates for 2027"])
        #expect(card.comments.map(\.body) == ["Lovely"])
        #expect(card.tags == ["vip"])
        #expect(!card.history.isEmpty)
        let client = try f.alice.recordCard(f.acme)
        #expect(client.week.isEmpty && client.kind == "client")
    }

    @Test func aClientsCardNamesItsInvoicesAndShowsComingUp() throws {
        let f = try Fixture.make()
        let show = try InvoiceTests.completedShow(f)
        _ = try f.alice.invoiceShow(show)
        _ = try f.alice.addShow(ShowInput(client: f.acme, room: f.stageB, title: "Encore", start: "2026-12-05T10:00", end: "2026-12-05T11:00"))
        let card = try f.alice.recordCard(f.acme)
        #expect(card.fields.first { $0.name == "Invoices" }?.value.hasPrefix("F-2026-0001 draft") == true)
        #expect(card.upcoming.contains { $0.contains("Encore") })
    }
}
