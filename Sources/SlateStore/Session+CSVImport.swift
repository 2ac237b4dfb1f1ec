import CSV
import Foundation
import GRDB
import SlateCore

/// What `slate import csv` makes, and the columns it reads (header names are matched
/// without case, spaces, `_` or `-`; a list column takes names separated by `;` or `,`).
public enum CSVImportKind: String, Sendable, CaseIterable {
    case talent, clients, rooms, equipment, shows

    /// Accepted columns, required ones first; the first name of each is its documented one.
    public var columns: [(names: [String], required: Bool)] {
        switch self {
        case .talent: [(["name"], true), (["alias"], false), (["role"], false), (["skills"], false), (["styles"], false), (["rate"], false),
                       (["studio"], false), (["login", "user"], false)]
        case .clients: [(["name"], true), (["contact"], false), (["email"], false), (["studio"], false)]
        case .rooms: [(["name"], true), (["capacity"], false), (["equipment notes", "notes"], false), (["studio"], false)]
        case .equipment: [(["name"], true), (["category"], false), (["serial"], false), (["studio"], false)]
        case .shows: [(["title"], true), (["client"], true), (["start", "from"], true), (["end", "to"], true), (["schedule"], false), (["room"], false),
                      (["talent"], false), (["platforms", "platform"], false), (["equipment"], false), (["type"], false), (["standard"], false),
                      (["notes"], false), (["studio"], false)]
        }
    }
}

/// What an import made (or, planned, would make): one line per record.
public struct CSVImportResult: Sendable, Encodable, Equatable {
    public var kind: String
    public var created: [String]
}

extension Session {
    /// Imports records from CSV (RFC 4180: quoted fields with commas, quotes and line
    /// breaks, CRLF or LF, a UTF-8 byte-order mark) as one command: every row is checked
    /// as its `add` command checks it, and a file with any bad row is refused whole, each
    /// bad row and field named, nothing written. Shows come in as drafts.
    public func importCSV(_ kind: CSVImportKind, data: Data, plan: Bool = false) throws -> Outcome<CSVImportResult> {
        let (header, rows) = try Self.readCSV(data, kind: kind)
        return try perform("import \(kind.rawValue)", plan: plan) { context in
            var created: [String] = []
            var problems: [String] = []
            for (index, row) in rows.enumerated() {
                func field(_ name: String) -> String { header[name].map { $0 < row.count ? row[$0].trimmingWhitespace() : "" } ?? "" }
                func list(_ name: String) -> [String] {
                    field(name).split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
                }
                func optional(_ name: String) -> String? { field(name).isEmpty ? nil : field(name) }
                do {
                    // Each row in a savepoint: a refused row leaves nothing behind.
                    var made = ""
                    try context.db.inSavepoint {
                        switch kind {
                        case .talent:
                            guard optional("role").map({ TalentRole(rawValue: $0.lowercased()) != nil }) ?? true else {
                                throw SlateError.invalidInput("role: one of \(TalentRole.allCases.map(\.rawValue).joined(separator: ", "))")
                            }
                            let rate: Int64
                            do { rate = try Money.minorUnits(field("rate").isEmpty ? "0" : field("rate")) } catch { throw SlateError.invalidInput("rate: an amount such as 450.00") }
                            let uid = try Self.insertTalent(context, TalentInput(studio: optional("studio"), name: field("name"), alias: field("alias"),
                                                                                 role: TalentRole(rawValue: field("role").lowercased()) ?? .artist, skills: list("skills"),
                                                                                 styles: list("styles"), rateMinor: rate, userLogin: optional("login")))
                            made = "talent \(field("name")) (\(uid))"
                        case .clients:
                            let uid = try Self.insertClient(context, studio: optional("studio"), name: field("name"), contact: field("contact"), email: field("email"))
                            made = "client \(field("name")) (\(uid))"
                        case .rooms:
                            guard let capacity = Int(field("capacity").isEmpty ? "0" : field("capacity")) else { throw SlateError.invalidInput("capacity: a whole number") }
                            let uid = try Self.insertRoom(context, studio: optional("studio"), name: field("name"), capacity: capacity, equipmentNotes: field("equipment notes"))
                            made = "room \(field("name")) (\(uid))"
                        case .equipment:
                            let uid = try Self.insertEquipment(context, studio: optional("studio"), name: field("name"), category: field("category"), serial: field("serial"))
                            made = "equipment \(field("name")) (\(uid))"
                        case .shows:
                            guard let type = field("type").isEmpty ? .bau : ShowType(rawValue: field("type").lowercased()) else {
                                throw SlateError.invalidInput("type: bau, campaign or other")
                            }
                            guard let standard = field("standard").isEmpty ? .standard : ShowStandard(rawValue: field("standard").lowercased()) else {
                                throw SlateError.invalidInput("standard: standard or premium")
                            }
                            let uid = try ShowWriting.insert(context, ShowInput(client: field("client"), schedule: optional("schedule"), studio: optional("studio"),
                                                                                room: optional("room"), title: field("title"), start: .local(field("start")),
                                                                                end: .local(field("end")), type: type, standard: standard, talent: list("talent"),
                                                                                platforms: list("platforms"), equipment: list("equipment"), notes: field("notes")))
                            made = "draft show \(field("title")) \(field("start"))–\(field("end").suffix(5)) (\(uid))"
                        }
                        return .commit
                    }
                    created.append(made)
                } catch let error as SlateError {
                    let message = switch error {
                    case .invalidInput(let text), .notFound(let text): text
                    default: error.description
                    }
                    problems.append("row \(index + 1): " + message.replacingOccurrences(of: "\n", with: " "))
                } catch let error as DatabaseError {
                    problems.append("row \(index + 1): " + (error.message ?? "refused by the workspace"))
                }
                if problems.count >= 50 { break }
            }
            guard problems.isEmpty else {
                throw SlateError.invalidInput("nothing was imported; \(problems.count == 50 ? "the first 50 bad rows" : Plural.count(problems.count, "bad row")):\n" + problems.joined(separator: "\n"))
            }
            context.summary = "import \(created.count) \(kind.rawValue) from CSV"
            return CSVImportResult(kind: kind.rawValue, created: created)
        }
    }

    /// The rows of a CSV file and where each known column is, checked: UTF-8 (the line of
    /// the first bad byte named), a header with every required column and no unknown one,
    /// well-formed quoting.
    static func readCSV(_ data: Data, kind: CSVImportKind) throws -> (header: [String: Int], rows: [[String]]) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            var line = 1
            var start = bytes.startIndex
            for index in bytes.indices where bytes[index] == 0x0A {
                if String(data: bytes[start..<index], encoding: .utf8) == nil { break }
                line += 1
                start = bytes.index(after: index)
            }
            throw SlateError.invalidInput("line \(line): not UTF-8 text (save the file as UTF-8)")
        }
        guard !text.trimmingWhitespace().isEmpty else { throw SlateError.invalidInput("the file is empty; the first line names the columns") }
        // Quotes come in pairs (a quote inside a quoted field is doubled): one left open
        // would swallow the rest of the file into a field.
        var open: Int?
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\"" { open = open == nil ? line : nil }
            if scalar == "\n" { line += 1 }
        }
        if let open { throw SlateError.invalidInput("line \(open): a quoted field is not closed; the file is not well-formed CSV") }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true) } catch { throw SlateError.invalidInput("the first line must name the columns") }
        func fold(_ name: String) -> String { name.lowercased().filter { !$0.isWhitespace && $0 != "_" && $0 != "-" } }
        var header: [String: Int] = [:]
        for (position, name) in (reader.headerRow ?? []).enumerated() where !name.trimmingWhitespace().isEmpty {
            guard let column = kind.columns.first(where: { $0.names.map(fold).contains(fold(name)) }) else {
                throw SlateError.invalidInput("column '\(TextInput.printable(name))' is not one \(kind.rawValue) take: "
                                              + kind.columns.map { $0.names[0] + ($0.required ? " (required)" : "") }.joined(separator: ", "))
            }
            guard header[column.names[0]] == nil else { throw SlateError.invalidInput("column '\(column.names[0])' is given twice") }
            header[column.names[0]] = position
        }
        let missing = kind.columns.filter { $0.required && header[$0.names[0]] == nil }.map { $0.names[0] }
        guard missing.isEmpty else { throw SlateError.invalidInput("missing \(missing.count == 1 ? "column" : "columns"): \(missing.joined(separator: ", "))") }
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            rows.append(row)
            guard rows.count <= 100_000 else { throw SlateError.invalidInput("more than 100,000 rows; split the file") }
        }
        if reader.error != nil { throw SlateError.invalidInput("row \(rows.count + 1): the file is not well-formed CSV (a quote not closed?)") }
        return (header, rows)
    }
}
