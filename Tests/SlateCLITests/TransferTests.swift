import Foundation
import SlateTestSupport
import Testing

@Suite("The whole workspace out and back in (slate export json, slate import json)")
struct TransferTests {
    @Test func exportImportExportIsByteIdenticalAndTheCopyWorks() throws {
        let h = try CLIHarness()
        #expect(h.run("demo").code == 0)
        let first = h.run("export", "json")
        #expect(first.code == 0 && first.out.hasPrefix("{\"format\":\"slate-workspace\",\"schema\":6,\"tables\":{\n\"workspaces\":["))
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
            (good.replacingOccurrences(of: "\"schema\":6", with: "\"schema\":3"), "schema:"),
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

@Suite("CSV import (slate import csv)")
struct CSVImportTests {
    func write(_ h: CLIHarness, _ name: String, _ bytes: [UInt8]) throws -> String {
        let path = h.directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ h: CLIHarness, _ name: String, _ text: String) throws -> String { try write(h, name, Array(text.utf8)) }

    @Test func quotesLineBreaksBOMAndCRLFAreRead() throws {
        let h = try CLIHarness.ready()
        let talent = try write(h, "talent.csv", [0xEF, 0xBB, 0xBF] + Array("Name,Role,Skills,Rate,Alias\r\n\"Zoë \"\"Mic\"\" Park\",host,\"gaming;french\",450.50,Z\r\n王芳,artist,,,\r\n\r\n".utf8))
        let plan = h.run("import", "csv", "--kind", "talent", talent, "--plan")
        #expect(plan.code == 0 && plan.out.hasPrefix("Would create 2 talent:"))
        #expect(try h.count("SELECT count(*) FROM talent") == 1)
        #expect(h.run("import", "csv", "--kind", "talent", talent).code == 0)
        let listed = h.run("talent", "list", "--json").out
        #expect(listed.contains("\"name\":\"Zoë \\\"Mic\\\" Park\"") && listed.contains("\"name\":\"王芳\"") && listed.contains("gaming"))
        let rooms = try write(h, "rooms.csv", "name,equipment notes,capacity\n\"Stage C\",\"two lines\nof notes, with a comma\",40\n")
        #expect(h.run("import", "csv", "--kind", "rooms", rooms).code == 0)
        #expect(try h.value("SELECT equipment_notes FROM rooms WHERE name = 'Stage C'") == "two lines\nof notes, with a comma")
        // Draft shows with their cast; one command, one undo step.
        let shows = try write(h, "shows.csv", "title,client,start,end,room,talent,type\nLive 1,Acme,2026-12-03T10:00,2026-12-03T12:00,Stage A,Ava Martin;王芳,campaign\nLive 2,Acme,2026-12-04T10:00,2026-12-04T12:00,Stage C,,\n")
        let imported = h.run("import", "csv", "--kind", "shows", shows)
        #expect(imported.code == 0 && imported.out.contains("draft show Live 1 2026-12-03T10:00–12:00"))
        #expect(try h.count("SELECT count(*) FROM shows WHERE status = 'draft'") == 2 && h.count("SELECT count(*) FROM show_talent") == 2)
        #expect(h.run("undo").code == 0)
        #expect(try h.count("SELECT count(*) FROM shows WHERE deleted_at IS NULL") == 0)
    }

    @Test func aFileWithAnyBadRowIsRefusedWholeNamingEachRowAndField() throws {
        let h = try CLIHarness.ready()
        let before = try h.count("SELECT count(*) FROM audits")
        let cases: [(String, [UInt8], String)] = [
            ("bad-rows.csv", Array("name,role,rate\nGood,host,10\nBad,wizard,10\n,host,\nWorse,host,ten\n".utf8),
             "3 bad rows:\nrow 2: role: one of artist, host, engineer\nrow 3: the name must not be empty\nrow 4: rate: an amount such as 450.00"),
            ("missing.csv", Array("role\nhost\n".utf8), "missing column: name"),
            ("unknown.csv", Array("name,colour\nX,red\n".utf8), "column 'colour' is not one talent take"),
            ("utf8.csv", Array("name\nA\n".utf8) + [0xFF, 0xFE, 0x42, 0x0A], "line 3: not UTF-8 text"),
            ("quote.csv", Array("name,role\n\"unclosed,host\n".utf8), "not well-formed CSV"),
            ("empty.csv", [], "the file is empty"),
        ]
        for (name, bytes, reason) in cases {
            let result = h.run("import", "csv", "--kind", "talent", try write(h, name, bytes))
            #expect(result.code == 2 && result.err.contains(reason), "\(name): \(result.err)")
        }
        let shows = try write(h, "shows.csv", "title,client,start,end,room\nLive,Acme,2026-12-03T10:00,2026-12-03T09:00,Stage A\nLive,Nobody,2026-12-03T10:00,2026-12-03T12:00,Stage A\n")
        let refused = h.run("import", "csv", "--kind", "shows", shows)
        #expect(refused.code == 2 && refused.err.contains("row 1:") && refused.err.contains("row 2: no client"), "\(refused.err)")
        #expect(try h.count("SELECT count(*) FROM audits") == before)
        #expect(try h.count("SELECT count(*) FROM talent") == 1)
    }
}
