import Foundation
import SlateTestSupport
import Testing

@Suite("The whole workspace out and back in (slate export json, slate import json)")
struct TransferTests {
    @Test func exportImportExportIsByteIdenticalAndTheCopyWorks() throws {
        let h = try CLIHarness()
        #expect(h.run("demo").code == 0)
        let first = h.run("export", "json")
        #expect(first.code == 0 && first.out.hasPrefix("{\"format\":\"slate-workspace\",\"schema\":4,\"tables\":{\n\"workspaces\":["))
        let file = h.directory + "/export.json"
        try Data(first.out.utf8).write(to: URL(fileURLWithPath: file))
        let copy = h.directory + "/copy.slate"
        let restored = h.run(["import", "json", file, "--db", copy], db: false)
        #expect(restored.code == 0 && restored.out.hasPrefix("Made \(copy):"))
        #expect(h.run(["export", "json", "--db", copy], db: false).out == first.out)
        // The copy is a working workspace: same findings, history that undoes.
        #expect(h.run(["check", "--json", "--db", copy], db: false).out == h.run("check", "--json").out)
        #expect(h.run(["undo", "--db", copy], db: false).code == 0)
        // Never over an existing file.
        #expect(h.run(["import", "json", file, "--db", copy], db: false).code == 3)
    }

    @Test func aStudioMemberExportsTheirStudioOnlyAndItStillImportsWhole() throws {
        let h = try CLIHarness.ready()
        #expect(h.run("studio", "add", "Harbour", "--tz", "Europe/London").code == 0)
        #expect(h.run("room", "add", "Studio L", "--studio", "Harbour").code == 0)
        #expect(h.run("book", "Studio L", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", "--note", "London secret").code == 0)
        #expect(h.run("book", "Stage A", "--from", "2026-12-03T10:00", "--to", "2026-12-03T11:00", "--note", "Paris session").code == 0)
        #expect(h.run("member", "add", "maya", "--studio", "North", "--role", "manager").code == 0)
        let export = h.run(["export", "json"], as: "maya")
        #expect(export.code == 0 && export.out.contains("Paris session") && !export.out.contains("London secret") && !export.out.contains("Studio L"))
        let file = h.directory + "/maya.json"
        try Data(export.out.utf8).write(to: URL(fileURLWithPath: file))
        let copy = h.directory + "/maya.slate"
        #expect(h.run(["import", "json", file, "--db", copy], db: false).code == 0)
        #expect(h.run(["export", "json", "--db", copy], as: "maya", db: false).out == export.out)
    }

    @Test func aBadFileIsRefusedNamingWhyAndLeavesNoFile() throws {
        let h = try CLIHarness.ready()
        let good = h.run("export", "json").out
        let cases: [(String, String)] = [
            ("not json", "not a JSON object"),
            ("{\"format\":\"other\"}", "format:"),
            (good.replacingOccurrences(of: "\"schema\":4", with: "\"schema\":3"), "schema:"),
            (good.replacingOccurrences(of: "\"workspaces\":[", with: "\"nonsense\":[],\"workspaces\":["), "tables.nonsense"),
            (good.replacingOccurrences(of: "\"name\":\"Stage A\"", with: "\"name\":\"Stage A\",\"colour\":\"red\""), "colour"),
            (good.replacingOccurrences(of: "\"capacity\":0", with: "\"capacity\":true,\"x\":1"), "tables.rooms"),
        ]
        for (index, (text, reason)) in cases.enumerated() {
            let file = h.directory + "/bad\(index).json"
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let target = h.directory + "/bad\(index).slate"
            let result = h.run(["import", "json", file, "--db", target], db: false)
            #expect(result.code == 2 && result.err.contains(reason), "\(index): \(result.err)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
        // A reference to a row that is not there (a booking of a room left out).
        let rooms = good.components(separatedBy: "\n").filter { $0.hasPrefix("{\"id\":1,\"uid\":\"rm-") }
        let broken = rooms.reduce(good) { $0.replacingOccurrences(of: $1 + ",\n", with: "") }
        if broken != good {
            let file = h.directory + "/broken.json"
            try Data(broken.utf8).write(to: URL(fileURLWithPath: file))
            #expect(h.run(["import", "json", file, "--db", h.directory + "/broken.slate"], db: false).code == 2)
        }
    }
}
